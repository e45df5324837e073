/* bench-render.c — what Chamber's rendering costs next to poppler's own, on the same machine in
 * the same run (issue 3's benchmark):
 *
 *   (a) render overhead: a ChamberRenderJob (chamber_render_job_run(), as the worker runs it) vs
 *       a bare poppler_page_render() of the same page on a white ARGB32 surface at the same
 *       scale, in this process; median of N alternating runs, in thread CPU time so that other
 *       processes on the machine do not tip either side. Bar ≤ 1.1×. Also reported, without a
 *       bar: the wall-clock latency of the same page through a ChamberRenderWorker (queue →
 *       ::finished on the main loop), which adds two thread wake-ups to the render.
 *   (b) `chamberctl render` vs `pdftocairo -png -singlefile -scale-to-x/-y` for the same page at
 *       the same pixel size, as whole processes; median of N alternating runs. Bar ≤ 1.0×.
 *   (c) scrolling a 350-page book end to end through the worker at a 1366-pixel fit-width scale
 *       with the page cache's default budget, in a child process of its own: its peak RSS
 *       (bar ≤ 300 MB) and the longest time its main thread spent between two polls (bar ≤
 *       50 ms). The reference is the same scroll rendered by bare poppler on the main thread
 *       without a cache.
 *
 * Documents are generated with cairo into a temporary folder: text-heavy (Vietnamese, many
 * lines and ruled tables per page), image-heavy (one big noisy grey image per page, like a
 * scan) and a 350-page book (pages 1, 175 and 350 measured); plus every PDF of
 * ../shared/corpus/pdf/third-party when it is present.
 *
 * Usage: bench-render [--chamberctl PATH] [--corpus DIR] [--runs N] [--quick]
 *        bench-render --scroll BOOK.pdf | --scroll-bare BOOK.pdf   (the child of (c))
 * Prints the tables on stdout; exits 1 when a bar is missed. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <locale.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench-documents.h"
#include "chamber-page-cache.h"
#include "chamber-pdf.h"
#include "chamber-render-job.h"
#include "chamber-render-worker.h"

typedef cairo_surface_t BenchSurface;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchSurface, cairo_surface_destroy)

#define BENCH_SCALE        1.5     /* 108 dpi: an A4 page about 893 pixels wide */
#define SCREEN_WIDTH       1366    /* the fit-width of (c) */
#define BAR_JOB_RATIO      1.1
#define BAR_PROCESS_RATIO  1.0
#define BAR_RSS_MB         300.0
#define BAR_STALL_MS       50.0
#define BOOK_PAGES         350
#define TEXT_PAGES         8
#define SCAN_PAGES         3
#define SCAN_WIDTH         1240    /* A4 at 150 dpi */
#define SCAN_HEIGHT        1754


typedef struct {
  char  *chamberctl;
  char  *pdftocairo;
  char  *corpus;
  int    runs;
  gboolean quick;
  char  *scroll;
  char  *scroll_bare;
} Options;

typedef struct {
  char  *name;
  double chamber;    /* in the unit of the table */
  double reference;
  gboolean pass;
} Row;

static int failures;

/* ── generated documents ───────────────────────────────────────────────────────────────────── */

static void
finish_pdf (cairo_t *cr)
{
  cairo_surface_t *surface = cairo_get_target (cr);

  cairo_surface_reference (surface);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    g_error ("cairo cannot write a PDF: %s",
             cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);
}


static guint32
xorshift (guint32 *state)
{
  guint32 x = *state;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return *state = x;
}

/* Image-heavy: each page one 150-dpi grey “scan” — noisy paper with darker bands of “text”. */
static void
write_image_heavy (const char *path)
{
  cairo_t *cr = cairo_create (cairo_pdf_surface_create (path, 595, 842));
  guint32 seed = 20241209;

  cairo_surface_destroy (cairo_get_target (cr));
  for (int page = 0; page < SCAN_PAGES; page++)
    {
      cairo_surface_t *scan = cairo_image_surface_create (CAIRO_FORMAT_RGB24, SCAN_WIDTH,
                                                          SCAN_HEIGHT);
      guint8 *data = cairo_image_surface_get_data (scan);
      int stride = cairo_image_surface_get_stride (scan);

      for (int y = 0; y < SCAN_HEIGHT; y++)
        {
          guint32 *row = (guint32 *) (data + (gsize) y * stride);
          gboolean ink_band = y > 120 && y < SCAN_HEIGHT - 120 && (y / 14) % 2 == 0;

          for (int x = 0; x < SCAN_WIDTH; x++)
            {
              guint32 r = xorshift (&seed);
              int level = 226 + (int) (r & 31) - 16;

              if (ink_band && x > 100 && x < SCAN_WIDTH - 100 && ((r >> 8) & 3) == 0)
                level = 40 + (int) ((r >> 12) & 63);
              level = CLAMP (level, 0, 255);
              row[x] = 0xff000000u | (guint32) level << 16 | (guint32) level << 8
                       | (guint32) level;
            }
        }
      cairo_surface_mark_dirty (scan);

      cairo_save (cr);
      cairo_scale (cr, 595.0 / SCAN_WIDTH, 842.0 / SCAN_HEIGHT);
      cairo_set_source_surface (cr, scan, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_surface_destroy (scan);
      cairo_show_page (cr);
    }
  finish_pdf (cr);
}

/* A book: running head, 46 lines of 10 pt text and a folio on each page. */
static void
write_book (const char *path)
{
  cairo_t *cr = cairo_create (cairo_pdf_surface_create (path, 595, 842));

  cairo_surface_destroy (cairo_get_target (cr));
  for (int page = 1; page <= BOOK_PAGES; page++)
    {
      g_autofree char *head = g_strdup_printf ("Sổ tay đại biểu Hội đồng nhân dân — chương %d",
                                               1 + page / 20);
      g_autofree char *folio = g_strdup_printf ("%d", page);

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_select_font_face (cr, "DejaVu Serif", CAIRO_FONT_SLANT_ITALIC,
                              CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 9);
      cairo_move_to (cr, 60, 40);
      cairo_show_text (cr, head);
      cairo_select_font_face (cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL,
                              CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, 10);
      for (int line = 0; line < 46; line++)
        {
          cairo_move_to (cr, 60, 80 + line * 15.5);
          cairo_show_text (cr, bench_sentences[(page * 3 + line) % bench_n_sentences]);
        }
      cairo_move_to (cr, 290, 810);
      cairo_show_text (cr, folio);
      cairo_show_page (cr);
    }
  finish_pdf (cr);
}

/* ── helpers ───────────────────────────────────────────────────────────────────────────────── */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : (da > db ? 1 : 0);
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  if (samples->len == 0)
    return 0;
  if (samples->len % 2 == 1)
    return g_array_index (samples, double, samples->len / 2);
  return (g_array_index (samples, double, samples->len / 2 - 1)
          + g_array_index (samples, double, samples->len / 2)) / 2;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* CPU time of the calling thread: what a synchronous render costs, whatever else the machine
 * (two shared cores here) is running meanwhile. */
static double
thread_cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static void
add_row (GArray     *rows,
         const char *name,
         double      chamber,
         double      reference,
         gboolean    pass)
{
  Row row = { g_strdup (name), chamber, reference, pass };

  g_array_append_val (rows, row);
  if (!pass)
    failures++;
}

static void
row_clear (gpointer data)
{
  g_free (((Row *) data)->name);
}

static GArray *
rows_new (void)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (Row));

  g_array_set_clear_func (rows, row_clear);
  return rows;
}

/* | case | Chamber | reference | ratio | bar | pass/fail |, with @unit after each value. A
 * table whose @bar is NULL only reports. */
static void
print_table (const char *title,
             GArray     *rows,
             const char *unit,
             const char *bar)
{
  guint width = 4;

  for (guint i = 0; i < rows->len; i++)
    width = MAX (width, (guint) g_utf8_strlen (g_array_index (rows, Row, i).name, -1));

  printf ("\n%s\n\n", title);
  printf ("| %-*s | %12s | %12s | %7s | %-16s | %-9s |\n", width, "case", "Chamber", "reference",
          "ratio", "bar", "pass/fail");
  printf ("|-");
  for (guint i = 0; i < width; i++)
    printf ("-");
  printf ("-|--------------|--------------|---------|------------------|-----------|\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      g_autofree char *chamber = g_strdup_printf ("%.2f %s", row->chamber, unit);
      g_autofree char *reference = g_strdup_printf ("%.2f %s", row->reference, unit);
      /* printf pads by bytes: pad the name by characters. */
      int pad = (int) width - (int) g_utf8_strlen (row->name, -1);

      const char *shown_bar = bar != NULL ? bar : "reported";
      int bar_pad = 16 - (int) g_utf8_strlen (shown_bar, -1);

      const char *verdict = bar == NULL ? "—" : row->pass ? "pass" : "FAIL";
      int verdict_pad = 9 - (int) g_utf8_strlen (verdict, -1);

      printf ("| %s%*s | %12s | %12s | %6.2f× | %s%*s | %s%*s |\n", row->name, pad, "", chamber,
              reference, row->reference > 0 ? row->chamber / row->reference : 0.0, shown_bar,
              MAX (bar_pad, 0), "", verdict, verdict_pad, "");
    }
  fflush (stdout);
}

/* ── (a) render overhead in this process ───────────────────────────────────────────────────── */

/* The reference: what any viewer must do at the least to draw page @index of an open
 * document — take the page from poppler, a white ARGB32 surface of its size at @scale, and
 * poppler_page_render() into it. (poppler-glib collects a page's text during the first render
 * of each PopplerPage object, so a fresh one is taken each time, as the job does: re-rendering
 * one held PopplerPage would skip that work for the reference alone.) */
static double
time_bare_render (PopplerDocument *document,
                  int              index,
                  double           scale,
                  double          *out_cpu_ms)
{
  double width_pt, height_pt, start, start_cpu;
  cairo_surface_t *surface;
  PopplerPage *page;
  cairo_t *cr;
  int width, height;

  start = now_ms ();
  start_cpu = thread_cpu_ms ();
  page = poppler_document_get_page (document, index);
  poppler_page_get_size (page, &width_pt, &height_pt);
  width = (int) ceil (width_pt * scale - 0.01);
  height = (int) ceil (height_pt * scale - 0.01);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
  g_object_unref (page);
  if (out_cpu_ms != NULL)
    *out_cpu_ms = thread_cpu_ms () - start_cpu;
  return now_ms () - start;
}

/* Thread CPU time of a whole job: created, run, freed. */
static double
time_job (PopplerDocument *document,
          int              page,
          double           scale)
{
  g_autoptr (GError) error = NULL;
  double start = thread_cpu_ms ();
  ChamberRenderJob *job;

  job = chamber_render_job_new (page, scale, 0, CHAMBER_RENDER_PRIORITY_VISIBLE);
  if (!chamber_render_job_run (job, document, &error))
    g_error ("page %d: %s", page + 1, error->message);
  g_object_unref (job);
  return thread_cpu_ms () - start;
}

typedef struct {
  gboolean opened;
  gboolean failed;
  gboolean finished;
} WorkerWait;

static void
worker_opened_cb (ChamberRenderWorker *worker,
                  int                  n_pages,
                  WorkerWait          *wait)
{
  wait->opened = TRUE;
}

static void
worker_failed_cb (ChamberRenderWorker *worker,
                  GError              *error,
                  WorkerWait          *wait)
{
  wait->failed = TRUE;
}

static void
job_finished_cb (ChamberRenderJob *job,
                 WorkerWait       *wait)
{
  wait->finished = TRUE;
}

static ChamberRenderWorker *
open_worker (const char *path,
             const char *password)
{
  ChamberRenderWorker *worker = chamber_render_worker_new (path, password);
  WorkerWait wait = { FALSE, };

  g_signal_connect (worker, "opened", G_CALLBACK (worker_opened_cb), &wait);
  g_signal_connect (worker, "open-failed", G_CALLBACK (worker_failed_cb), &wait);
  while (!wait.opened && !wait.failed)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (worker, &wait);
  if (wait.failed)
    g_clear_object (&worker);
  return worker;
}

/* Queue → ::finished on this thread's main loop. */
static double
time_worker_trip (ChamberRenderWorker *worker,
                  int                  page,
                  double               scale)
{
  g_autoptr (ChamberRenderJob) job = chamber_render_job_new (page, scale, 0,
                                                             CHAMBER_RENDER_PRIORITY_VISIBLE);
  WorkerWait wait = { FALSE, };
  double start;

  g_signal_connect (job, "finished", G_CALLBACK (job_finished_cb), &wait);
  start = now_ms ();
  chamber_render_worker_queue (worker, job);
  while (!wait.finished)
    g_main_context_iteration (NULL, TRUE);
  if (chamber_render_job_get_surface (job) == NULL)
    g_error ("page %d: %s", page + 1, chamber_render_job_get_error (job)->message);
  return now_ms () - start;
}

/* Measures page @page of @path for tables (a) and (a'). */
static void
measure_overhead (const char *label,
                  const char *path,
                  const char *password,
                  int         page,
                  int         runs,
                  GArray     *job_rows,
                  GArray     *worker_rows)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (PopplerPage) poppler_page = NULL;
  g_autoptr (ChamberRenderWorker) worker = NULL;
  g_autoptr (GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) bare_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) job = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) trip = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *name = g_strdup_printf ("%s p%d", label, page + 1);
  double bare_ms, bare_cpu_ms, job_ms, trip_ms;

  document = chamber_pdf_open (path, password, &error);
  if (document == NULL)
    {
      fprintf (stderr, "bench-render: skipping %s: %s\n", label, error->message);
      return;
    }
  poppler_page = poppler_document_get_page (document, page);
  if (poppler_page == NULL)
    {
      fprintf (stderr, "bench-render: skipping %s: page %d cannot be read\n", label, page + 1);
      return;
    }
  worker = open_worker (path, password);
  if (worker == NULL)
    {
      fprintf (stderr, "bench-render: skipping %s: the worker cannot open it\n", label);
      return;
    }

  /* One of each first: fonts loaded, caches warm, for both alike. */
  time_bare_render (document, page, BENCH_SCALE, NULL);
  time_job (document, page, BENCH_SCALE);
  time_worker_trip (worker, page, BENCH_SCALE);

  for (int i = 0; i < runs; i++)
    {
      double bc = 0;
      double b = time_bare_render (document, page, BENCH_SCALE, &bc);
      double j = time_job (document, page, BENCH_SCALE);
      double t = time_worker_trip (worker, page, BENCH_SCALE);

      g_array_append_val (bare, b);
      g_array_append_val (bare_cpu, bc);
      g_array_append_val (job, j);
      g_array_append_val (trip, t);
    }
  bare_ms = median (bare);
  bare_cpu_ms = median (bare_cpu);
  job_ms = median (job);
  trip_ms = median (trip);

  add_row (job_rows, name, job_ms, bare_cpu_ms, job_ms <= bare_cpu_ms * BAR_JOB_RATIO);
  /* Reported, not held to a bar: the wake-ups of two threads on a busy machine. */
  add_row (worker_rows, name, trip_ms, bare_ms, TRUE);
}

/* ── (b) whole processes ───────────────────────────────────────────────────────────────────── */

static gboolean
read_png_size (const char *path,
               guint      *width,
               guint      *height)
{
  g_autofree char *contents = NULL;
  gsize len = 0;
  const guint8 *p;

  if (!g_file_get_contents (path, &contents, &len, NULL) || len < 24
      || memcmp (contents, "\x89PNG\r\n\x1a\n", 8) != 0)
    return FALSE;
  p = (const guint8 *) contents + 16;
  *width = (guint) p[0] << 24 | (guint) p[1] << 16 | (guint) p[2] << 8 | p[3];
  *height = (guint) p[4] << 24 | (guint) p[5] << 16 | (guint) p[6] << 8 | p[7];
  return TRUE;
}

static double
time_process (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  int status = 0;
  double start = now_ms (), elapsed;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                     NULL, &status, &error))
    g_error ("cannot run %s: %s", argv[0], error->message);
  elapsed = now_ms () - start;
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s", argv[0], error->message);
  return elapsed;
}

static void
measure_processes (const Options *options,
                   const char    *label,
                   const char    *path,
                   int            page,
                   const char    *tmp,
                   GArray        *rows)
{
  g_autofree char *name = g_strdup_printf ("%s p%d", label, page + 1);
  g_autofree char *page_arg = g_strdup_printf ("%d", page + 1);
  g_autofree char *scale_arg = g_strdup_printf ("%g", BENCH_SCALE);
  g_autofree char *chamber_png = g_build_filename (tmp, "chamberctl.png", NULL);
  g_autofree char *poppler_prefix = g_build_filename (tmp, "pdftocairo", NULL);
  g_autofree char *poppler_png = g_strconcat (poppler_prefix, ".png", NULL);
  g_autofree char *width_arg = NULL;
  g_autofree char *height_arg = NULL;
  g_autoptr (GArray) chamber = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) reference = g_array_new (FALSE, FALSE, sizeof (double));
  const char *chamber_argv[] = { options->chamberctl, "render", path, "--page", page_arg,
                                 "--scale", scale_arg, "--out", chamber_png, NULL };
  guint cw = 0, ch = 0, pw = 0, ph = 0;
  double chamber_ms, reference_ms;

  /* chamberctl decides the pixel size (and caps it); pdftocairo is asked for the same. */
  time_process (chamber_argv);
  if (!read_png_size (chamber_png, &cw, &ch))
    g_error ("chamberctl wrote no PNG for %s", name);
  width_arg = g_strdup_printf ("%u", cw);
  height_arg = g_strdup_printf ("%u", ch);
  {
    const char *poppler_argv[] = { options->pdftocairo, "-png", "-f", page_arg, "-l", page_arg,
                                   "-scale-to-x", width_arg, "-scale-to-y", height_arg,
                                   "-singlefile", path, poppler_prefix, NULL };

    g_autofree char *dpi_arg = g_strdup_printf ("%g", BENCH_SCALE * 72);
    const char *cropped_argv[] = { options->pdftocairo, "-png", "-f", page_arg, "-l", page_arg,
                                   "-r", dpi_arg, "-x", "0", "-y", "0", "-W", width_arg,
                                   "-H", height_arg, "-singlefile", path, poppler_prefix, NULL };
    const char *const *reference_argv = poppler_argv;

    time_process (poppler_argv);
    if (!read_png_size (poppler_png, &pw, &ph) || pw != cw || ph != ch)
      {
        /* -scale-to rounds some sizes up by a pixel: the same scale as chamberctl's, cropped
         * to its size, gives the same pixels to draw. */
        reference_argv = cropped_argv;
        time_process (cropped_argv);
        if (!read_png_size (poppler_png, &pw, &ph) || pw != cw || ph != ch)
          {
            fprintf (stderr,
                     "bench-render: skipping %s: pdftocairo made %u × %u, chamberctl %u × %u\n",
                     name, pw, ph, cw, ch);
            return;
          }
      }

    for (int i = 0; i < options->runs; i++)
      {
        double c = time_process (chamber_argv);
        double r = time_process (reference_argv);

        g_array_append_val (chamber, c);
        g_array_append_val (reference, r);
      }
  }
  chamber_ms = median (chamber);
  reference_ms = median (reference);
  add_row (rows, name, chamber_ms, reference_ms, chamber_ms <= reference_ms * BAR_PROCESS_RATIO);
}

/* ── (c) the 350-page scroll, in a child process ───────────────────────────────────────────── */

/* The main thread is busy from the moment poll() returns until it is called again: the longest
 * such stretch is the longest stall a frame could have waited behind. */
static GPollFunc real_poll;
static gint64 poll_returned;
static gint64 longest_busy;

static gint
timing_poll (GPollFD *fds,
             guint    n_fds,
             gint     timeout)
{
  gint64 entered = g_get_monotonic_time ();
  gint result;

  if (poll_returned != 0)
    longest_busy = MAX (longest_busy, entered - poll_returned);
  result = real_poll (fds, n_fds, timeout);
  poll_returned = g_get_monotonic_time ();
  return result;
}

static void
install_timing_poll (void)
{
  real_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, timing_poll);
}

static gint64
peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  return line != NULL ? g_ascii_strtoll (line + 6, NULL, 10) : -1;
}

typedef struct {
  ChamberRenderWorker *worker;
  ChamberPageCache    *cache;
  GHashTable          *pending;  /* page → ChamberRenderJob, queued and not delivered */
  double               scale;
  gsize                cache_peak;
  int                  rendered;
} Scroll;

static void
scroll_job_finished_cb (ChamberRenderJob *job,
                        Scroll           *scroll)
{
  int page = chamber_render_job_get_page (job);
  cairo_surface_t *surface = chamber_render_job_get_surface (job);

  if (surface == NULL)
    g_error ("page %d: %s", page + 1, chamber_render_job_get_error (job)->message);
  chamber_page_cache_insert (scroll->cache, page, scroll->scale, 0, surface);
  scroll->cache_peak = MAX (scroll->cache_peak, chamber_page_cache_get_size (scroll->cache));
  scroll->rendered++;
  g_hash_table_remove (scroll->pending, GINT_TO_POINTER (page));
}

static void
scroll_request (Scroll               *scroll,
                int                   page,
                ChamberRenderPriority priority)
{
  g_autoptr (BenchSurface) cached = NULL;
  ChamberRenderJob *job;

  if (page < 0 || page >= chamber_render_worker_get_n_pages (scroll->worker))
    return;
  job = g_hash_table_lookup (scroll->pending, GINT_TO_POINTER (page));
  if (job != NULL)
    {
      chamber_render_worker_set_job_priority (scroll->worker, job, priority);
      return;
    }
  cached = chamber_page_cache_lookup (scroll->cache, page, scroll->scale, 0);
  if (cached != NULL)
    return;
  job = chamber_render_job_new (page, scroll->scale, 0, priority);
  g_signal_connect (job, "finished", G_CALLBACK (scroll_job_finished_cb), scroll);
  g_hash_table_insert (scroll->pending, GINT_TO_POINTER (page), job);
  chamber_render_worker_queue (scroll->worker, job);
}

static gboolean
drop_cancelled (gpointer key,
                gpointer value,
                gpointer data)
{
  return chamber_render_job_is_cancelled (value);
}

/* Reads @path from the first page to the last as fast as the pages come, the visible page
 * first and the next two rendered ahead; prints one line for the parent. */
static int
run_scroll (const char *path)
{
  g_autoptr (ChamberRenderWorker) worker = NULL;
  g_autoptr (ChamberPageCache) cache = chamber_page_cache_new (0);
  Scroll scroll = { 0, };
  double width = 0;
  int n_pages;

  install_timing_poll ();
  worker = open_worker (path, NULL);
  if (worker == NULL)
    g_error ("cannot open %s", path);
  n_pages = chamber_render_worker_get_n_pages (worker);
  chamber_render_worker_get_page_size (worker, 0, &width, NULL);

  scroll.worker = worker;
  scroll.cache = cache;
  scroll.pending = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  scroll.scale = SCREEN_WIDTH / width;

  for (int visible = 0; visible < n_pages; visible++)
    {
      chamber_render_worker_freeze (worker);
      chamber_render_worker_cancel_outside (worker, visible - 1, visible + 2);
      g_hash_table_foreach_remove (scroll.pending, drop_cancelled, NULL);
      scroll_request (&scroll, visible, CHAMBER_RENDER_PRIORITY_VISIBLE);
      scroll_request (&scroll, visible + 1, CHAMBER_RENDER_PRIORITY_NEIGHBOUR);
      scroll_request (&scroll, visible + 2, CHAMBER_RENDER_PRIORITY_NEIGHBOUR);
      chamber_render_worker_thaw (worker);

      for (;;)
        {
          g_autoptr (BenchSurface) shown =
            chamber_page_cache_lookup (cache, visible, scroll.scale, 0);

          if (shown != NULL)
            break;
          g_main_context_iteration (NULL, TRUE);
        }
    }

  printf ("rss_kb=%" G_GINT64_FORMAT " stall_us=%" G_GINT64_FORMAT " rendered=%d cache_peak=%"
          G_GSIZE_FORMAT " budget=%" G_GSIZE_FORMAT " width=%d\n",
          peak_rss_kb (), longest_busy, scroll.rendered, scroll.cache_peak,
          chamber_page_cache_get_budget (cache), (int) ceil (width * scroll.scale - 0.01));
  g_hash_table_unref (scroll.pending);
  return 0;
}

typedef struct {
  PopplerDocument *document;
  int              page;
  int              n_pages;
  double           scale;
  GMainLoop       *loop;
} BareScroll;

static gboolean
bare_render_next_cb (gpointer data)
{
  BareScroll *scroll = data;
  time_bare_render (scroll->document, scroll->page, scroll->scale, NULL);
  if (++scroll->page < scroll->n_pages)
    return G_SOURCE_CONTINUE;
  g_main_loop_quit (scroll->loop);
  return G_SOURCE_REMOVE;
}

/* The reference: every page rendered by poppler on the main thread, one per main-loop
 * iteration, nothing kept. */
static int
run_scroll_bare (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (PopplerDocument) document = NULL;
  g_autoptr (PopplerPage) first = NULL;
  BareScroll scroll = { NULL, };
  double width = 0;

  install_timing_poll ();
  document = chamber_pdf_open (path, NULL, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  first = poppler_document_get_page (document, 0);
  poppler_page_get_size (first, &width, NULL);

  scroll.document = document;
  scroll.n_pages = poppler_document_get_n_pages (document);
  scroll.scale = SCREEN_WIDTH / width;
  scroll.loop = g_main_loop_new (NULL, FALSE);
  g_idle_add (bare_render_next_cb, &scroll);
  g_main_loop_run (scroll.loop);
  g_main_loop_unref (scroll.loop);

  printf ("rss_kb=%" G_GINT64_FORMAT " stall_us=%" G_GINT64_FORMAT " rendered=%d cache_peak=0 "
          "budget=0 width=%d\n",
          peak_rss_kb (), longest_busy, scroll.n_pages, (int) ceil (width * scroll.scale - 0.01));
  return 0;
}

typedef struct {
  gint64 rss_kb;
  gint64 stall_us;
  int    rendered;
  gint64 cache_peak;
  gint64 budget;
  int    width;
} ScrollResult;

static ScrollResult
spawn_scroll (const char *mode,
              const char *book)
{
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self, mode, book, NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  ScrollResult result = { -1, -1, 0, 0, 0, 0 };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                     &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("bench-render %s: %s", mode, error->message);
  if (sscanf (out, "rss_kb=%" G_GINT64_FORMAT " stall_us=%" G_GINT64_FORMAT
              " rendered=%d cache_peak=%" G_GINT64_FORMAT " budget=%" G_GINT64_FORMAT
              " width=%d",
              &result.rss_kb, &result.stall_us, &result.rendered, &result.cache_peak,
              &result.budget, &result.width) != 6)
    g_error ("bench-render %s printed “%s”", mode, out);
  return result;
}

/* ── main ──────────────────────────────────────────────────────────────────────────────────── */

static void
parse_options (int      argc,
               char   **argv,
               Options *options)
{
  g_autoptr (GOptionContext) context = g_option_context_new ("— Chamber's rendering benchmark");
  g_autoptr (GError) error = NULL;
  const GOptionEntry entries[] = {
    { "chamberctl", 0, 0, G_OPTION_ARG_FILENAME, &options->chamberctl,
      "chamberctl to time against pdftocairo (default: $CHAMBERCTL)", "PATH" },
    { "corpus", 0, 0, G_OPTION_ARG_FILENAME, &options->corpus,
      "The shared PDF corpus (default: $CHAMBER_CORPUS_DIR)", "DIR" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &options->runs, "Runs per case (default 15)", "N" },
    { "quick", 0, 0, G_OPTION_ARG_NONE, &options->quick,
      "Fewer runs and no corpus: a smoke test of the benchmark itself", NULL },
    { "scroll", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &options->scroll, NULL, NULL },
    { "scroll-bare", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &options->scroll_bare, NULL,
      NULL },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "bench-render: %s\n", error->message);
      exit (2);
    }
  if (options->runs <= 0)
    options->runs = options->quick ? 3 : 15;
  if (options->chamberctl == NULL && g_getenv ("CHAMBERCTL") != NULL)
    options->chamberctl = g_strdup (g_getenv ("CHAMBERCTL"));
  if (options->corpus == NULL && g_getenv ("CHAMBER_CORPUS_DIR") != NULL)
    options->corpus = g_strdup (g_getenv ("CHAMBER_CORPUS_DIR"));
}

/* Every PDF of the third-party corpus. */
static GPtrArray *
list_corpus (const char *corpus)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  g_autoptr (GDir) d = NULL;
  const char *name;

  if (corpus == NULL)
    return paths;
  dir = g_build_filename (corpus, "third-party", NULL);
  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    return paths;
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".pdf"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  return paths;
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

int
main (int    argc,
      char **argv)
{
  Options options = { NULL, };
  g_autofree char *tmp = NULL;
  g_autofree char *text_pdf = NULL;
  g_autofree char *scan_pdf = NULL;
  g_autofree char *book_pdf = NULL;
  g_autoptr (GArray) job_rows = rows_new ();
  g_autoptr (GArray) worker_rows = rows_new ();
  g_autoptr (GArray) process_rows = rows_new ();
  g_autoptr (GPtrArray) corpus = NULL;
  g_autoptr (GError) error = NULL;
  const struct {
    const char *label;
    char      **path;
    int         page;
  } generated[] = {
    { "text-heavy", &text_pdf, 0 },
    { "text-heavy", &text_pdf, 4 },
    { "image-heavy", &scan_pdf, 0 },
    { "book-350", &book_pdf, 0 },
    { "book-350", &book_pdf, BOOK_PAGES / 2 - 1 },
    { "book-350", &book_pdf, BOOK_PAGES - 1 },
  };
  double started;

  setlocale (LC_ALL, "");
  parse_options (argc, argv, &options);
  if (options.scroll != NULL)
    return run_scroll (options.scroll);
  if (options.scroll_bare != NULL)
    return run_scroll_bare (options.scroll_bare);

  tmp = g_dir_make_tmp ("chamber-bench-render-XXXXXX", &error);
  if (tmp == NULL)
    g_error ("%s", error->message);
  text_pdf = g_build_filename (tmp, "text-heavy.pdf", NULL);
  scan_pdf = g_build_filename (tmp, "image-heavy.pdf", NULL);
  book_pdf = g_build_filename (tmp, "book-350.pdf", NULL);

  started = now_ms ();
  fprintf (stderr, "bench-render: generating documents in %s…\n", tmp);
  bench_write_text_heavy (text_pdf, TEXT_PAGES);
  write_image_heavy (scan_pdf);
  write_book (book_pdf);
  fprintf (stderr, "bench-render: generated in %.1f s\n", (now_ms () - started) / 1000);

  corpus = options.quick ? g_ptr_array_new_with_free_func (g_free) : list_corpus (options.corpus);
  g_ptr_array_sort (corpus, compare_paths);

  /* (a) */
  fprintf (stderr, "bench-render: (a) render overhead, %d runs per case…\n", options.runs);
  for (guint i = 0; i < G_N_ELEMENTS (generated); i++)
    measure_overhead (generated[i].label, *generated[i].path, NULL, generated[i].page,
                      options.runs, job_rows, worker_rows);
  for (guint i = 0; i < corpus->len; i++)
    {
      const char *path = g_ptr_array_index (corpus, i);
      g_autofree char *base = g_path_get_basename (path);
      /* The corpus README gives this file's password; the other protected file has none
       * published and is left out. */
      const char *password = g_str_equal (base, "PasswordEncrypted.pdf") ? "password" : NULL;

      measure_overhead (base, path, password, 0, options.runs, job_rows, worker_rows);
    }
  {
    g_autofree char *title_a = g_strdup_printf (
      "(a) Render overhead: ChamberRenderJob vs bare poppler_page_render of the same page at "
      "scale %.1f in this process — median thread CPU time of %d alternating runs",
      BENCH_SCALE, options.runs);
    g_autofree char *title_a2 = g_strdup_printf (
      "(a') Latency of the same page through ChamberRenderWorker (queue → ::finished on the main "
      "loop) vs bare poppler_page_render on the main thread — median wall-clock time of %d runs",
      options.runs);

    print_table (title_a, job_rows, "ms", "≤ 1.10×");
    print_table (title_a2, worker_rows, "ms", NULL);
  }

  /* (b) */
  options.pdftocairo = g_find_program_in_path ("pdftocairo");
  if (options.chamberctl != NULL && options.pdftocairo != NULL)
    {
      int runs = MAX (3, options.runs * 2 / 3);

      options.runs = runs;
      fprintf (stderr, "bench-render: (b) chamberctl vs pdftocairo, %d runs per case…\n", runs);
      for (guint i = 0; i < G_N_ELEMENTS (generated); i++)
        measure_processes (&options, generated[i].label, *generated[i].path, generated[i].page,
                           tmp, process_rows);
      for (guint i = 0; i < corpus->len; i++)
        {
          const char *path = g_ptr_array_index (corpus, i);
          g_autofree char *base = g_path_get_basename (path);
          g_autoptr (GError) open_error = NULL;
          g_autoptr (PopplerDocument) document = chamber_pdf_open (path, NULL, &open_error);

          /* chamberctl render takes no password. */
          if (document != NULL)
            measure_processes (&options, base, path, 0, tmp, process_rows);
        }
      g_autofree char *title_b = g_strdup_printf (
        "(b) `chamberctl render` vs `pdftocairo -png -singlefile -scale-to-x/-y`, same page and "
        "pixel size, whole processes — median wall-clock time of %d alternating runs", runs);

      print_table (title_b, process_rows, "ms", "≤ 1.00×");
    }
  else
    printf ("\n(b) skipped: give --chamberctl PATH (or set CHAMBERCTL) and install pdftocairo "
            "(poppler-utils)\n");

  /* (c) */
  {
    ScrollResult chamber, bare;
    g_autoptr (GArray) rows = rows_new ();
    g_autofree char *title = NULL;
    double rss_mb, bare_rss_mb, stall_ms, bare_stall_ms;

    fprintf (stderr, "bench-render: (c) scrolling the 350-page book…\n");
    chamber = spawn_scroll ("--scroll", book_pdf);
    bare = spawn_scroll ("--scroll-bare", book_pdf);
    rss_mb = chamber.rss_kb / 1024.0;
    bare_rss_mb = bare.rss_kb / 1024.0;
    stall_ms = chamber.stall_us / 1000.0;
    bare_stall_ms = bare.stall_us / 1000.0;

    add_row (rows, "peak RSS", rss_mb, bare_rss_mb, rss_mb <= BAR_RSS_MB);
    add_row (rows, "longest main-thread stall", stall_ms, bare_stall_ms,
             stall_ms <= BAR_STALL_MS);
    title = g_strdup_printf ("(c) Scrolling the %d-page book end to end, %d px wide (fit width "
                             "on a %d-px screen), page cache budget %" G_GINT64_FORMAT
                             " MiB (peak held %.1f MiB, %d renders) — reference: bare poppler on "
                             "the main thread, no cache",
                             BOOK_PAGES, chamber.width, SCREEN_WIDTH,
                             chamber.budget / (1024 * 1024), chamber.cache_peak / 1048576.0,
                             chamber.rendered);
    printf ("\n%s\n\n", title);
    printf ("| %-25s | %12s | %12s | %7s | %-16s | %-9s |\n", "case", "Chamber", "reference",
            "ratio", "bar", "pass/fail");
    printf ("|---------------------------|--------------|--------------|---------|"
            "------------------|-----------|\n");
    printf ("| %-25s | %9.1f MB | %9.1f MB | %6.2f× | ≤ 300 MB%8s | %-9s |\n", "peak RSS",
            rss_mb, bare_rss_mb, rss_mb / bare_rss_mb, "", rss_mb <= BAR_RSS_MB ? "pass" : "FAIL");
    printf ("| %-25s | %9.1f ms | %9.1f ms | %6.2f× | ≤ 50 ms%9s | %-9s |\n",
            "longest main-thread stall", stall_ms, bare_stall_ms,
            bare_stall_ms > 0 ? stall_ms / bare_stall_ms : 0.0, "",
            stall_ms <= BAR_STALL_MS ? "pass" : "FAIL");
  }

  printf ("\nrender: %s (%d case%s over the bar)\n", failures == 0 ? "pass" : "FAIL", failures,
          failures == 1 ? "" : "s");

  {
    g_autoptr (GFile) dir = g_file_new_for_path (tmp);
    g_autoptr (GFileEnumerator) children =
      g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, G_FILE_QUERY_INFO_NONE,
                                 NULL, NULL);
    GFileInfo *info;

    while (children != NULL
           && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
      {
        g_autoptr (GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

        g_file_delete (child, NULL, NULL);
        g_object_unref (info);
      }
    g_file_delete (dir, NULL, NULL);
  }
  g_free (options.chamberctl);
  g_free (options.pdftocairo);
  g_free (options.corpus);
  return failures == 0 ? 0 : 1;
}
