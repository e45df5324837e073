/* bench-documents.c — see bench-documents.h */
#include "bench-documents.h"

#include <cairo-pdf.h>
#include <cairo.h>

const char *const bench_sentences[] = {
  "Hội đồng nhân dân tỉnh xem xét tờ trình của Ủy ban nhân dân về dự toán ngân sách năm sau.",
  "Ban Kinh tế – Ngân sách thẩm tra báo cáo quyết toán thu, chi ngân sách địa phương.",
  "Đại biểu chất vấn Giám đốc Sở Tài nguyên và Môi trường về bồi thường, giải phóng mặt bằng.",
  "Cử tri kiến nghị sớm hoàn thành tuyến đường tỉnh lộ nối các xã vùng sâu, vùng xa.",
  "Nghị quyết quy định mức chi hỗ trợ cho người có công, hộ nghèo và hộ cận nghèo.",
  "Thường trực Hội đồng nhân dân đôn đốc việc thực hiện các cam kết sau phiên chất vấn.",
  "Kế hoạch đầu tư công trung hạn được điều chỉnh, bổ sung để đẩy nhanh tiến độ giải ngân.",
  "Sở Giáo dục và Đào tạo giải trình về tình trạng thiếu giáo viên mầm non ở miền núi.",
  "Tổ đại biểu tổng hợp ý kiến, kiến nghị của cử tri gửi đến kỳ họp thứ mười.",
  "Quy hoạch sử dụng đất đến năm 2030 phải bảo đảm đất trồng lúa và đất rừng phòng hộ.",
};

const guint bench_n_sentences = G_N_ELEMENTS (bench_sentences);

void
bench_write_text_heavy (const char *path,
                        int         pages)
{
  cairo_t *cr = cairo_create (cairo_pdf_surface_create (path, 595, 842));

  cairo_surface_destroy (cairo_get_target (cr));
  for (int page = 1; page <= pages; page++)
    {
      g_autofree char *heading =
        g_strdup_printf ("Phụ lục: dự toán thu, chi ngân sách địa phương — trang %d", page);

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                              CAIRO_FONT_WEIGHT_BOLD);
      cairo_set_font_size (cr, 13);
      cairo_move_to (cr, 30, 40);
      cairo_show_text (cr, heading);

      for (int row = 0; row < 100; row++)
        {
          double y = 56 + row * 7.6;

          if (row % 2 == 0)
            {
              cairo_set_source_rgb (cr, 0.92, 0.94, 0.97);
              cairo_rectangle (cr, 30, y, 535, 7.6);
              cairo_fill (cr);
            }
          cairo_set_source_rgb (cr, 0, 0, 0);
          for (int column = 0; column < 2; column++)
            {
              cairo_select_font_face (cr,
                                      (row + column) % 3 == 0 ? "DejaVu Serif"
                                      : (row + column) % 3 == 1 ? "DejaVu Sans"
                                                                : "DejaVu Sans Mono",
                                      row % 9 == 0 ? CAIRO_FONT_SLANT_ITALIC
                                                   : CAIRO_FONT_SLANT_NORMAL,
                                      row % 10 == 0 ? CAIRO_FONT_WEIGHT_BOLD
                                                    : CAIRO_FONT_WEIGHT_NORMAL);
              cairo_set_font_size (cr, 5.4);
              cairo_move_to (cr, 33 + column * 267.5, y + 5.8);
              cairo_show_text (cr,
                               bench_sentences[(page + row * 2 + column) % bench_n_sentences]);
            }
          cairo_set_line_width (cr, 0.3);
          cairo_move_to (cr, 30, y + 7.6);
          cairo_line_to (cr, 565, y + 7.6);
          for (int rule = 0; rule <= 6; rule++)
            {
              double x = 30 + rule * (535.0 / 6);

              cairo_move_to (cr, x, y);
              cairo_line_to (cr, x, y + 7.6);
            }
          cairo_stroke (cr);
        }
      cairo_show_page (cr);
    }
  cairo_surface_finish (cairo_get_target (cr));
  if (cairo_surface_status (cairo_get_target (cr)) != CAIRO_STATUS_SUCCESS)
    g_error ("cairo cannot write a PDF: %s",
             cairo_status_to_string (cairo_surface_status (cairo_get_target (cr))));
  cairo_destroy (cr);
}
