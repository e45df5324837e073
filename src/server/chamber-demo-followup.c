/* chamber-demo-followup.c — the demo's work between sessions (see chamber-demo-followup.h): forty
 * voters' petitions of the fictional province of An Hòa from eight voters' meetings (June 2026,
 * before the ninth session, and November 2026, before the tenth), each taken through its status
 * history as the Office would record it; a sample supervision draw over the resolved ones with
 * the seed CHAMBER_DEMO_DRAW_SEED, assigned by turns to the Economy and Budget Committee and the
 * city's delegate group, with findings on the first four; the follow-up of the sitting's
 * commitments; and who attended each sitting day. Every date is fixed (the voters' meetings are
 * before the session, which is on fixed days), so that each demo shows the same numbers. */
#include "config.h"

#include <string.h>

#include "chamber-activity-report.h"
#include "chamber-commitments.h"
#include "chamber-demo-followup.h"
#include "chamber-followup.h"
#include "chamber-petitions.h"
#include "chamber-supervision.h"

#define GROUP_CITY "Tổ đại biểu thành phố An Hòa"
#define GROUP_TAN_PHU "Tổ đại biểu huyện Tân Phú"
#define GROUP_SON_LAM "Tổ đại biểu huyện Sơn Lâm"
#define GROUP_BINH_GIANG "Tổ đại biểu thị xã Bình Giang"
#define COMMITTEE_ECONOMY "Ban Kinh tế – Ngân sách"

#define SO_GTVT "Sở Giao thông vận tải"
#define SO_TNMT "Sở Tài nguyên và Môi trường"
#define SO_YTE "Sở Y tế"
#define SO_GDDT "Sở Giáo dục và Đào tạo"
#define SO_LDTBXH "Sở Lao động – Thương binh và Xã hội"
#define SO_NNPTNT "Sở Nông nghiệp và Phát triển nông thôn"
#define SO_XD "Sở Xây dựng"
#define UB_TAN_PHU "UBND huyện Tân Phú"
#define UB_SON_LAM "UBND huyện Sơn Lâm"
#define UB_CITY "UBND thành phố An Hòa"
#define DIEN_LUC "Công ty Điện lực An Hòa"
#define BHXH "Bảo hiểm xã hội tỉnh"

/* A voters' meeting (hội nghị tiếp xúc cử tri). */
typedef struct {
  const char          *date;
  const char          *place;
  const char          *group;
  ChamberPetitionLevel level;
  const char          *forwarded_on;  /* when the Office sent its petitions on */
} SeedMeeting;

static const SeedMeeting seed_meetings[] = {
  /* Before the ninth session (July 2026). */
  { "2026-06-15", "Hội trường UBND phường Hòa Bình, thành phố An Hòa", GROUP_CITY,
    CHAMBER_PETITION_LEVEL_COMMUNE, "2026-06-25" },
  { "2026-06-17", "Nhà văn hóa xã Tân Lập, huyện Tân Phú", GROUP_TAN_PHU,
    CHAMBER_PETITION_LEVEL_COMMUNE, "2026-06-25" },
  { "2026-06-18", "Hội trường UBND huyện Sơn Lâm", GROUP_SON_LAM,
    CHAMBER_PETITION_LEVEL_DISTRICT, "2026-06-25" },
  { "2026-06-19", "Hội trường UBND thị xã Bình Giang", GROUP_BINH_GIANG,
    CHAMBER_PETITION_LEVEL_DISTRICT, "2026-06-25" },
  /* Before the tenth session (December 2026). */
  { "2026-11-09", "Hội trường UBND thành phố An Hòa", GROUP_CITY,
    CHAMBER_PETITION_LEVEL_DISTRICT, "2026-11-18" },
  { "2026-11-10", "Nhà văn hóa thôn Phú Hòa, xã Tân Hiệp, huyện Tân Phú", GROUP_TAN_PHU,
    CHAMBER_PETITION_LEVEL_COMMUNE, "2026-11-18" },
  { "2026-11-11", "Hội trường UBND xã Sơn Thủy, huyện Sơn Lâm", GROUP_SON_LAM,
    CHAMBER_PETITION_LEVEL_COMMUNE, "2026-11-18" },
  { "2026-11-12", "Hội trường Liên đoàn Lao động tỉnh (tiếp xúc cử tri là công nhân các khu "
    "công nghiệp)", GROUP_BINH_GIANG, CHAMBER_PETITION_LEVEL_PROVINCE, "2026-11-18" },
};

/* How a petition was handled: each step is a status change in its history. */
typedef enum {
  PATH_FORWARDED,     /* forwarded, no answer yet */
  PATH_ANSWERED,      /* forwarded → answered */
  PATH_IN_PROGRESS,   /* forwarded → answered → in progress */
  PATH_RESOLVED,      /* forwarded → answered → resolved */
  PATH_RESOLVED_SOON, /* forwarded → resolved (settled at once) */
  PATH_UNRESOLVED,    /* forwarded → answered → unresolved */
} SeedPath;

typedef struct {
  guint       meeting;  /* index into seed_meetings */
  const char *field;
  const char *agency;
  SeedPath    path;
  const char *answered_on;
  const char *resolved_on;
  const char *content;
  const char *answer;   /* NULL while there is none */
} SeedPetition;

static const SeedPetition seed_petitions[] = {
  /* 0 — phường Hòa Bình, June */
  { 0, "Giao thông", SO_GTVT, PATH_RESOLVED, "2026-07-20", "2026-10-05",
    "Cử tri phường Hòa Bình đề nghị sớm lắp đặt đèn tín hiệu giao thông tại nút giao đường Trần "
    "Hưng Đạo – Lê Lợi, nơi thường xuyên xảy ra va chạm vào giờ cao điểm.",
    "Sở Giao thông vận tải đã khảo sát, bố trí kinh phí bảo trì năm 2026 và hoàn thành lắp đặt "
    "đèn tín hiệu giao thông tại nút giao, đưa vào sử dụng từ ngày 05/10/2026." },
  { 0, "Môi trường", UB_CITY, PATH_RESOLVED, "2026-07-15", "2026-09-12",
    "Cử tri phản ánh rác thải sinh hoạt tại khu dân cư tổ 7 phường Hòa Bình không được thu gom "
    "thường xuyên, gây mùi hôi và mất vệ sinh.",
    "UBND thành phố đã chỉ đạo đơn vị thu gom tăng tần suất lên một lần mỗi ngày và bố trí thêm "
    "hai điểm tập kết có mái che." },
  { 0, "Y tế", SO_YTE, PATH_ANSWERED, "2026-07-28", NULL,
    "Cử tri đề nghị tăng cường bác sĩ chuyên khoa cho Bệnh viện đa khoa thành phố, giảm thời "
    "gian chờ khám của người bệnh có thẻ bảo hiểm y tế.",
    "Sở Y tế đang triển khai Đề án luân phiên bác sĩ tuyến tỉnh về tuyến huyện; từ quý IV/2026 "
    "mỗi tuần có 6 bác sĩ chuyên khoa nội, nhi và sản về khám tại bệnh viện thành phố." },
  { 0, "Giáo dục", SO_GDDT, PATH_IN_PROGRESS, "2026-07-30", NULL,
    "Cử tri đề nghị đầu tư xây dựng thêm phòng học cho Trường Tiểu học Hòa Bình, hiện nhiều lớp "
    "có trên 45 học sinh.",
    "Dự án xây dựng 12 phòng học đã được bố trí vốn trong kế hoạch đầu tư công năm 2026, đang "
    "thi công, dự kiến hoàn thành trước năm học 2027–2028." },
  { 0, "Đất đai", SO_TNMT, PATH_RESOLVED, "2026-07-22", "2026-09-30",
    "Cử tri đề nghị đẩy nhanh việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ tái định cư "
    "khu dân cư Bắc Hòa Bình, đã chờ hơn ba năm.",
    "Sở Tài nguyên và Môi trường đã cấp 214/214 giấy chứng nhận cho các hộ tái định cư khu dân "
    "cư Bắc Hòa Bình." },
  /* 5 — xã Tân Lập, June */
  { 1, "Giao thông", SO_GTVT, PATH_RESOLVED, "2026-07-18", "2026-10-20",
    "Cử tri xã Tân Lập đề nghị sửa chữa đoạn đường tỉnh 741 qua địa bàn xã bị xuống cấp nghiêm "
    "trọng, nhiều ổ gà gây mất an toàn giao thông.",
    "Sở Giao thông vận tải đã sửa chữa, thảm lại mặt đường đoạn Km12–Km15 đường tỉnh 741, hoàn "
    "thành ngày 20/10/2026." },
  { 1, "Đất đai", UB_TAN_PHU, PATH_UNRESOLVED, "2026-07-25", NULL,
    "Cử tri phản ánh việc chậm chi trả tiền bồi thường, hỗ trợ giải phóng mặt bằng dự án mở rộng "
    "đường tỉnh 741 qua xã Tân Lập.",
    "UBND huyện Tân Phú trả lời: phương án giá đất cụ thể chưa được phê duyệt nên chưa thể chi "
    "trả; huyện sẽ chi trả ngay khi có quyết định phê duyệt giá đất." },
  { 1, "Nông nghiệp", SO_NNPTNT, PATH_RESOLVED_SOON, NULL, "2026-07-10",
    "Cử tri đề nghị hỗ trợ giống lúa cho các hộ bị thiệt hại do ngập úng vụ Hè Thu năm 2026 "
    "tại xã Tân Lập.",
    "Sở Nông nghiệp và Phát triển nông thôn đã cấp 18 tấn giống lúa hỗ trợ cho 326 hộ bị thiệt "
    "hại." },
  { 1, "Điện, nước sinh hoạt", DIEN_LUC, PATH_RESOLVED, "2026-07-12", "2026-08-30",
    "Cử tri thôn Tân Hòa phản ánh điện áp yếu vào buổi tối, nhiều thiết bị điện không hoạt động "
    "được, đề nghị nâng cấp trạm biến áp.",
    "Công ty Điện lực An Hòa đã lắp đặt thêm một trạm biến áp 250 kVA cho thôn Tân Hòa." },
  { 1, "Chính sách xã hội", SO_LDTBXH, PATH_ANSWERED, "2026-07-29", NULL,
    "Cử tri đề nghị xem xét nâng mức trợ cấp xã hội hằng tháng cho người cao tuổi không có lương "
    "hưu.",
    "Mức trợ cấp thực hiện theo Nghị định của Chính phủ; Sở sẽ tham mưu UBND tỉnh trình HĐND tỉnh "
    "mức hỗ trợ thêm từ ngân sách tỉnh khi cân đối được nguồn." },
  /* 10 — huyện Sơn Lâm, June */
  { 2, "Môi trường", SO_TNMT, PATH_IN_PROGRESS, "2026-07-24", NULL,
    "Cử tri phản ánh tình trạng khai thác cát trái phép trên sông Sơn Lâm gây sạt lở bờ sông, "
    "đe dọa nhà ở và đất sản xuất của người dân.",
    "Sở Tài nguyên và Môi trường đã phối hợp Công an tỉnh kiểm tra, xử phạt 3 trường hợp; đang "
    "lắp đặt camera giám sát tại các điểm nóng." },
  { 2, "Y tế", SO_YTE, PATH_RESOLVED, "2026-07-19", "2026-09-15",
    "Cử tri đề nghị bổ sung thuốc điều trị bệnh mãn tính tại Trạm y tế xã Sơn Thủy, người bệnh "
    "phải lên tuyến huyện để lĩnh thuốc hằng tháng.",
    "Sở Y tế đã bổ sung danh mục 24 loại thuốc điều trị tăng huyết áp, đái tháo đường tại các "
    "trạm y tế xã của huyện Sơn Lâm." },
  { 2, "Giáo dục", SO_GDDT, PATH_RESOLVED, "2026-07-21", "2026-08-25",
    "Cử tri đề nghị bố trí đủ giáo viên tiếng Anh và tin học cho các trường tiểu học vùng khó "
    "khăn của huyện Sơn Lâm.",
    "Sở Giáo dục và Đào tạo đã tuyển dụng và phân bổ 14 giáo viên tiếng Anh, tin học cho huyện "
    "Sơn Lâm trước năm học 2026–2027." },
  { 2, "Giao thông", UB_SON_LAM, PATH_UNRESOLVED, "2026-07-30", NULL,
    "Cử tri đề nghị xây dựng cầu dân sinh qua suối Đá Bàn để học sinh đi học an toàn trong mùa "
    "mưa lũ.",
    "UBND huyện Sơn Lâm trả lời: chưa cân đối được vốn trong kế hoạch đầu tư công trung hạn, sẽ "
    "đề xuất bổ sung trong giai đoạn tiếp theo." },
  { 2, "Đất đai", UB_SON_LAM, PATH_RESOLVED, "2026-07-16", "2026-10-12",
    "Cử tri đề nghị giải quyết dứt điểm tranh chấp đất đai giữa các hộ dân thôn 3 xã Sơn Thủy và "
    "Công ty Lâm nghiệp Sơn Lâm.",
    "UBND huyện Sơn Lâm đã tổ chức đo đạc, đối thoại và ban hành quyết định giải quyết tranh chấp, "
    "các bên đã thống nhất ranh giới." },
  /* 15 — thị xã Bình Giang, June */
  { 3, "Chính sách xã hội", BHXH, PATH_RESOLVED, "2026-07-14", "2026-09-08",
    "Cử tri phản ánh một số doanh nghiệp trong Khu công nghiệp Bình Giang chậm đóng bảo hiểm xã "
    "hội cho người lao động, đề nghị kiểm tra, xử lý.",
    "Bảo hiểm xã hội tỉnh đã thanh tra 9 doanh nghiệp, đôn đốc thu hồi 4,2 tỷ đồng tiền chậm "
    "đóng." },
  { 3, "Môi trường", SO_TNMT, PATH_RESOLVED, "2026-07-23", "2026-10-28",
    "Cử tri đề nghị kiểm tra việc xả nước thải chưa qua xử lý của các cơ sở chế biến thủy sản ra "
    "kênh Bình Giang.",
    "Sở Tài nguyên và Môi trường đã kiểm tra, xử phạt 2 cơ sở và yêu cầu hoàn thiện hệ thống xử "
    "lý nước thải; kết quả quan trắc tháng 10/2026 đạt quy chuẩn." },
  { 3, "Giao thông", SO_GTVT, PATH_IN_PROGRESS, "2026-07-27", NULL,
    "Cử tri đề nghị mở rộng Quốc lộ 1 đoạn qua trung tâm thị xã Bình Giang, thường xuyên ùn tắc.",
    "Sở Giao thông vận tải đã kiến nghị Bộ Giao thông vận tải đưa dự án vào kế hoạch; đang lập "
    "báo cáo đề xuất chủ trương đầu tư." },
  { 3, "Y tế", SO_YTE, PATH_RESOLVED, "2026-07-17", "2026-09-20",
    "Cử tri đề nghị trang bị máy chạy thận nhân tạo cho Trung tâm Y tế thị xã Bình Giang.",
    "Sở Y tế đã điều chuyển 6 máy chạy thận nhân tạo, Trung tâm Y tế thị xã Bình Giang đã tiếp "
    "nhận điều trị từ tháng 9/2026." },
  { 3, "Đất đai", SO_XD, PATH_ANSWERED, "2026-07-31", NULL,
    "Cử tri đề nghị công khai quy hoạch chi tiết khu đô thị mới phía Đông thị xã Bình Giang để "
    "người dân biết, thực hiện.",
    "Sở Xây dựng trả lời: quy hoạch chi tiết đang được thẩm định, sẽ công bố công khai trong "
    "vòng 15 ngày kể từ ngày được phê duyệt." },
  /* 20 — thành phố An Hòa, November */
  { 4, "Giao thông", SO_GTVT, PATH_ANSWERED, "2026-11-26", NULL,
    "Cử tri đề nghị bố trí thêm tuyến xe buýt từ trung tâm thành phố An Hòa đến Khu công nghiệp "
    "Bắc An Hòa phục vụ công nhân.",
    "Sở Giao thông vận tải đang lấy ý kiến doanh nghiệp vận tải, dự kiến mở tuyến xe buýt số 12 "
    "trong quý I/2027." },
  { 4, "Môi trường", UB_CITY, PATH_FORWARDED, NULL, NULL,
    "Cử tri phản ánh tình trạng ngập úng kéo dài tại các tuyến đường Nguyễn Huệ, Hai Bà Trưng "
    "mỗi khi mưa lớn, đề nghị cải tạo hệ thống thoát nước.",
    NULL },
  { 4, "Giáo dục", SO_GDDT, PATH_FORWARDED, NULL, NULL,
    "Cử tri đề nghị quản lý chặt việc dạy thêm, học thêm ngoài nhà trường tại các trường trung "
    "học cơ sở trên địa bàn thành phố.",
    NULL },
  { 4, "Y tế", SO_YTE, PATH_FORWARDED, NULL, NULL,
    "Cử tri đề nghị tăng cường bác sĩ chuyên khoa cho Bệnh viện đa khoa thành phố để giảm thời "
    "gian chờ khám của người bệnh có thẻ bảo hiểm y tế.",
    NULL },
  { 4, "Đất đai", SO_TNMT, PATH_FORWARDED, NULL, NULL,
    "Cử tri đề nghị công khai kết quả xử lý các dự án chậm triển khai, để đất hoang nhiều năm "
    "tại phường An Phú.",
    NULL },
  /* 25 — xã Tân Hiệp, November */
  { 5, "Đất đai", UB_TAN_PHU, PATH_FORWARDED, NULL, NULL,
    "Cử tri tiếp tục phản ánh việc chậm chi trả tiền bồi thường, hỗ trợ giải phóng mặt bằng dự "
    "án mở rộng đường tỉnh 741 qua xã Tân Lập.",
    NULL },
  { 5, "Đất đai", SO_TNMT, PATH_ANSWERED, "2026-11-25", NULL,
    "Cử tri đề nghị giải quyết khoảng 1.250 hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu "
    "quá hạn tại huyện Tân Phú.",
    "Sở Tài nguyên và Môi trường đã tăng cường 12 cán bộ cho Chi nhánh Văn phòng đăng ký đất đai "
    "huyện Tân Phú, phấn đấu giải quyết xong trong quý I/2027." },
  { 5, "Nông nghiệp", SO_NNPTNT, PATH_FORWARDED, NULL, NULL,
    "Cử tri đề nghị nạo vét kênh mương nội đồng xã Tân Hiệp trước vụ Đông Xuân để bảo đảm nước "
    "tưới.",
    NULL },
  { 5, "Điện, nước sinh hoạt", UB_TAN_PHU, PATH_IN_PROGRESS, "2026-11-24", NULL,
    "Cử tri đề nghị đầu tư hệ thống nước sạch cho thôn Phú Hòa, người dân đang phải dùng nước "
    "giếng khoan nhiễm phèn.",
    "UBND huyện Tân Phú đã phê duyệt dự án cấp nước sạch thôn Phú Hòa, đang lựa chọn nhà thầu." },
  { 5, "Chính sách xã hội", SO_LDTBXH, PATH_FORWARDED, NULL, NULL,
    "Cử tri đề nghị hỗ trợ học nghề và giới thiệu việc làm cho lao động nông thôn lớn tuổi bị thu "
    "hồi đất sản xuất.",
    NULL },
  /* 30 — xã Sơn Thủy, November */
  { 6, "Môi trường", SO_TNMT, PATH_FORWARDED, NULL, NULL,
    "Cử tri tiếp tục phản ánh tình trạng khai thác cát trái phép trên sông Sơn Lâm gây sạt lở bờ "
    "sông, đe dọa nhà ở và đất sản xuất của người dân.",
    NULL },
  { 6, "Giao thông", UB_SON_LAM, PATH_FORWARDED, NULL, NULL,
    "Cử tri tiếp tục đề nghị xây dựng cầu dân sinh qua suối Đá Bàn để học sinh đi học an toàn "
    "trong mùa mưa lũ.",
    NULL },
  { 6, "Y tế", SO_YTE, PATH_ANSWERED, "2026-11-27", NULL,
    "Cử tri đề nghị sửa chữa, nâng cấp Trạm y tế xã Sơn Thủy đã xuống cấp, mùa mưa bị dột.",
    "Sở Y tế đã đưa Trạm y tế xã Sơn Thủy vào danh mục sửa chữa năm 2027 từ nguồn vốn Chương "
    "trình mục tiêu quốc gia." },
  { 6, "Giáo dục", UB_SON_LAM, PATH_FORWARDED, NULL, NULL,
    "Cử tri đề nghị hỗ trợ tiền ăn trưa cho học sinh bán trú người dân tộc thiểu số tại xã Sơn "
    "Thủy đúng thời hạn.",
    NULL },
  { 6, "Nông nghiệp", SO_NNPTNT, PATH_FORWARDED, NULL, NULL,
    "Cử tri đề nghị có chính sách hỗ trợ người dân chuyển đổi từ trồng keo sang trồng cây dược "
    "liệu dưới tán rừng.",
    NULL },
  /* 35 — công nhân các khu công nghiệp, November */
  { 7, "Chính sách xã hội", SO_LDTBXH, PATH_FORWARDED, NULL, NULL,
    "Công nhân đề nghị đầu tư xây dựng nhà ở xã hội và nhà trẻ gần Khu công nghiệp Bình Giang.",
    NULL },
  { 7, "Chính sách xã hội", BHXH, PATH_ANSWERED, "2026-11-26", NULL,
    "Công nhân đề nghị đơn giản hóa thủ tục hưởng trợ cấp thất nghiệp, giảm số lần phải đến "
    "trung tâm dịch vụ việc làm.",
    "Bảo hiểm xã hội tỉnh phối hợp Sở Lao động – Thương binh và Xã hội cho phép nộp hồ sơ và "
    "thông báo tìm việc trực tuyến từ tháng 01/2027." },
  { 7, "Y tế", SO_YTE, PATH_FORWARDED, NULL, NULL,
    "Công nhân đề nghị tổ chức khám sức khỏe định kỳ và khám bệnh nghề nghiệp tại chỗ cho người "
    "lao động các khu công nghiệp.",
    NULL },
  { 7, "Giao thông", SO_GTVT, PATH_FORWARDED, NULL, NULL,
    "Công nhân phản ánh đường vào Khu công nghiệp Bình Giang thiếu đèn chiếu sáng, nguy hiểm khi "
    "tan ca đêm.",
    NULL },
  { 7, "Môi trường", SO_TNMT, PATH_FORWARDED, NULL, NULL,
    "Cử tri đề nghị kiểm tra việc xả nước thải chưa qua xử lý của các cơ sở chế biến thủy sản ra "
    "kênh Bình Giang, nước kênh vẫn đen và bốc mùi.",
    NULL },
};

/* The commitments of the sitting (chamber-demo-seed.c records them in this order) and what the
 * Office recorded since. */
typedef struct {
  const char *status;
  const char *note;
} SeedUpdate;

static const SeedUpdate seed_updates[][2] = {
  /* 1: the 1,250 certificates — under way. */
  { { "in-progress", "Sở báo cáo đã giải quyết 430/1.250 hồ sơ; dự kiến hoàn thành đúng hạn." },
    { NULL, NULL } },
  /* 2: the 86 households — nothing recorded yet. */
  { { NULL, NULL }, { NULL, NULL } },
  /* 3: the list of pending files — due soon, under way. */
  { { "in-progress", "Sở đang rà soát danh sách hồ sơ trước khi đăng tải." }, { NULL, NULL } },
  /* 4: the written report on the causes — overdue, nothing received. */
  { { NULL, NULL }, { NULL, NULL } },
  /* 5: the twelve surveyors — done. */
  { { "in-progress", "Đã có quyết định điều động 8 cán bộ." },
    { "done", "Đủ 12 cán bộ đã nhận nhiệm vụ tại Chi nhánh Văn phòng đăng ký đất đai huyện Tân "
              "Phú (Công văn số 2154/STNMT-VP)." } },
  /* 6: the land records digitised — under way. */
  { { "in-progress", "UBND tỉnh đã phê duyệt kế hoạch số hóa, đang lựa chọn đơn vị tư vấn." },
    { NULL, NULL } },
};

gint64
chamber_demo_person_id (GPtrArray  *people,
                        const char *name)
{
  for (guint i = 0; i < people->len; i++)
    {
      const ChamberPerson *person = g_ptr_array_index (people, i);

      if (g_str_equal (person->name, name))
        return person->id;
    }
  g_assert_not_reached ();
}

/* The status changes a petition on @path goes through after it is forwarded. */
static guint
path_steps (SeedPath               path,
            ChamberPetitionStatus *steps)
{
  switch (path)
    {
    case PATH_FORWARDED:
      return 0;
    case PATH_ANSWERED:
      steps[0] = CHAMBER_PETITION_ANSWERED;
      return 1;
    case PATH_IN_PROGRESS:
      steps[0] = CHAMBER_PETITION_ANSWERED;
      steps[1] = CHAMBER_PETITION_IN_PROGRESS;
      return 2;
    case PATH_RESOLVED:
      /* Not through in-progress: that clears the day of the resolution (set at insertion). */
      steps[0] = CHAMBER_PETITION_ANSWERED;
      steps[1] = CHAMBER_PETITION_RESOLVED;
      return 2;
    case PATH_RESOLVED_SOON:
      steps[0] = CHAMBER_PETITION_RESOLVED;
      return 1;
    case PATH_UNRESOLVED:
      steps[0] = CHAMBER_PETITION_ANSWERED;
      steps[1] = CHAMBER_PETITION_UNRESOLVED;
      return 2;
    default:
      g_assert_not_reached ();
    }
}

static const char *
step_note (ChamberPetitionStatus status,
           const SeedPetition   *seed)
{
  switch (status)
    {
    case CHAMBER_PETITION_ANSWERED:
      return "Nhận văn bản trả lời của cơ quan giải quyết.";
    case CHAMBER_PETITION_IN_PROGRESS:
      return "Cơ quan giải quyết báo cáo đang triển khai.";
    case CHAMBER_PETITION_RESOLVED:
      return seed->path == PATH_RESOLVED_SOON
               ? "Đã giải quyết xong trước khi trả lời bằng văn bản."
               : "Cơ quan giải quyết báo cáo đã giải quyết xong.";
    case CHAMBER_PETITION_UNRESOLVED:
      return "Cơ quan giải quyết báo cáo chưa có điều kiện giải quyết.";
    case CHAMBER_PETITION_FORWARDED:
    case CHAMBER_N_PETITION_STATUSES:
    default:
      return NULL;
    }
}

static gboolean
add_petitions (const ChamberDemoFollowup *followup,
               gint64                     office,
               GArray                    *ids,
               GError                   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (seed_petitions); i++)
    {
      const SeedPetition *seed = &seed_petitions[i];
      const SeedMeeting *meeting = &seed_meetings[seed->meeting];
      g_autoptr (ChamberPetition) petition = chamber_petition_new ();
      ChamberPetitionStatus steps[2];
      guint n_steps = path_steps (seed->path, steps);
      g_autoptr (GError) local_error = NULL;

      petition->content = g_strdup (seed->content);
      petition->meeting_date = g_strdup (meeting->date);
      petition->meeting_place = g_strdup (meeting->place);
      petition->delegate_group = g_strdup (meeting->group);
      petition->level = meeting->level;
      petition->field = g_strdup (seed->field);
      petition->agency = g_strdup (seed->agency);
      petition->status = CHAMBER_PETITION_FORWARDED;
      petition->received_on = g_strdup (meeting->date);
      petition->forwarded_on = g_strdup (meeting->forwarded_on);
      /* The days of the answer and of the resolution, as the agency reported them (the store
       * keeps a day already set when the status changes). */
      petition->answered_on = g_strdup (seed->answered_on);
      petition->resolved_on = g_strdup (seed->resolved_on);
      /* Raised again: linked to the earlier petition, as the server does on entry. */
      petition->raised_again_of = chamber_petitions_find_similar (followup->store,
                                                                  petition->content, 0,
                                                                  &petition->similarity,
                                                                  &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!chamber_petitions_insert (followup->store, petition, office, error))
        return FALSE;
      g_array_append_val (ids, petition->id);

      if (seed->answer != NULL
          && !chamber_petitions_set_answer (followup->store, petition->id, seed->answer, NULL, 0,
                                            error))
        return FALSE;
      for (guint s = 0; s < n_steps; s++)
        if (!chamber_petitions_set_status (followup->store, petition->id, steps[s],
                                           step_note (steps[s], seed), 0, office, error))
          return FALSE;
    }

  /* The petitions behind the sitting's questions: the land certificates (turn 1, commitment 1)
   * and the compensation on road 741 (turn 2, commitment 2), both in the report on voters'
   * petitions. */
  return chamber_petitions_add_link (followup->store, g_array_index (ids, gint64, 26), "item",
                                     followup->questions_item_id, followup->session_id, error)
         && chamber_petitions_add_link (followup->store, g_array_index (ids, gint64, 26), "turn",
                                        1, followup->session_id, error)
         && chamber_petitions_add_link (followup->store, g_array_index (ids, gint64, 26),
                                        "commitment", 1, followup->session_id, error)
         && chamber_petitions_add_link (followup->store, g_array_index (ids, gint64, 6), "turn",
                                        2, followup->session_id, error)
         && chamber_petitions_add_link (followup->store, g_array_index (ids, gint64, 6),
                                        "commitment", 2, followup->session_id, error)
         && chamber_petitions_add_link (followup->store, g_array_index (ids, gint64, 6), "item",
                                        followup->petitions_item_id, followup->session_id, error);
}

/* The findings of the first four petitions drawn, by position. */
typedef struct {
  ChamberFindingResult result;
  const char          *note;
} SeedFinding;

static const SeedFinding seed_findings[] = {
  { CHAMBER_FINDING_CONFIRMED,
    "Đoàn giám sát đã kiểm tra thực tế, kết quả đúng như cơ quan giải quyết báo cáo; cử tri nơi "
    "đề xuất kiến nghị đồng tình." },
  { CHAMBER_FINDING_CONFIRMED,
    "Đối chiếu hồ sơ và làm việc với địa phương: đã giải quyết dứt điểm." },
  { CHAMBER_FINDING_PARTLY,
    "Mới thực hiện một phần; cử tri phản ánh kết quả chưa đồng đều giữa các xã. Đề nghị tiếp tục "
    "theo dõi." },
  { CHAMBER_FINDING_NOT_RESOLVED,
    "Kiểm tra thực tế cho thấy kiến nghị chưa được giải quyết như báo cáo; đề nghị UBND tỉnh chỉ "
    "đạo giải quyết và báo cáo lại Thường trực HĐND tỉnh." },
};

static gboolean
add_supervision (const ChamberDemoFollowup *followup,
                 GPtrArray                 *people,
                 gint64                     office,
                 GError                   **error)
{
  ChamberDrawSpec spec = {
    .status = CHAMBER_PETITION_RESOLVED,
    .by = CHAMBER_STRATIFY_AGENCY,
    .size = CHAMBER_DEMO_DRAW_SIZE,
    .seed = CHAMBER_DEMO_DRAW_SEED,
  };
  g_autoptr (ChamberDraw) draw = chamber_supervision_draw (followup->store, &spec, office, error);
  /* Who records each committee's and group's findings. */
  gint64 economy = chamber_demo_person_id (people, "Đỗ Minh Tuấn");
  gint64 city = chamber_demo_person_id (people, "Nguyễn Văn Hùng");

  if (draw == NULL)
    return FALSE;
  for (guint i = 0; i < draw->samples->len; i++)
    {
      const ChamberSample *sample = g_ptr_array_index (draw->samples, i);
      gboolean to_economy = i % 2 == 0;
      g_autoptr (ChamberFinding) finding = NULL;

      if (!chamber_supervision_assign (followup->store, sample->id,
                                       to_economy ? COMMITTEE_ECONOMY : GROUP_CITY, office,
                                       error))
        return FALSE;
      if (i >= G_N_ELEMENTS (seed_findings))
        continue;
      finding = chamber_supervision_record_finding (followup->store, sample->id,
                                                    seed_findings[i].result,
                                                    seed_findings[i].note, NULL, NULL, 0,
                                                    to_economy ? economy : city, error);
      if (finding == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_commitment_updates (const ChamberDemoFollowup *followup,
                        gint64                     office,
                        GError                   **error)
{
  ChamberCommitmentFilter filter = { -1, 0, followup->session_id };
  g_autofree char *today = chamber_commitments_today ();
  g_autoptr (GPtrArray) commitments = chamber_commitments_list (followup->store, &filter, today,
                                                                error);

  if (commitments == NULL)
    return FALSE;
  g_assert (commitments->len == G_N_ELEMENTS (seed_updates));
  for (guint i = 0; i < commitments->len; i++)
    {
      const ChamberCommitment *commitment = g_ptr_array_index (commitments, i);

      for (guint u = 0; u < G_N_ELEMENTS (seed_updates[i]) && seed_updates[i][u].status; u++)
        if (!chamber_followup_record_update (followup->store, followup->blobs, commitment->id,
                                             seed_updates[i][u].status, seed_updates[i][u].note,
                                             NULL, office, NULL, error))
          return FALSE;
    }
  return TRUE;
}

/* Every delegate and the chair on each sitting day, but for a few excused absences. */
static gboolean
add_attendance (const ChamberDemoFollowup *followup,
                GPtrArray                 *people,
                gint64                     office,
                GError                   **error)
{
  static const struct {
    const char *name;
    int         day;  /* 0-based */
  } absent[] = {
    { "Trần Thị Thu Hà", 2 }, { "Phan Văn Lợi", 0 }, { "Phan Văn Lợi", 1 },
    { "Lý Thị Hạnh", 1 }, { "Trương Công Định", 2 },
  };

  for (int d = 0; d < followup->n_days; d++)
    {
      g_autofree char *day = chamber_followup_add_days (followup->first_day, d);

      for (guint i = 0; i < people->len; i++)
        {
          const ChamberPerson *person = g_ptr_array_index (people, i);
          gboolean present = TRUE;

          if (person->role != CHAMBER_ROLE_DELEGATE && person->role != CHAMBER_ROLE_CHAIR)
            continue;
          for (guint a = 0; a < G_N_ELEMENTS (absent); a++)
            if (absent[a].day == d && g_str_equal (absent[a].name, person->name))
              present = FALSE;
          if (!chamber_report_set_attendance (followup->store, followup->session_id, person->id,
                                              day, present, office, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
chamber_demo_seed_followup (const ChamberDemoFollowup *followup,
                            GError                   **error)
{
  g_autoptr (GPtrArray) people = chamber_store_list_people (followup->store, error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 office;

  if (people == NULL)
    return FALSE;
  office = chamber_demo_person_id (people, "Lê Thị Thu Trang");
  return add_petitions (followup, office, ids, error)
         && add_supervision (followup, people, office, error)
         && add_commitment_updates (followup, office, error)
         && add_attendance (followup, people, office, error);
}
