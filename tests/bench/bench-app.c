/* bench-app.c — the viewer in the running app (issue 3's benchmark), inside one process with a
 * display: the app's ChamberPageView (toolbar, sidebar, ChamberDocumentView) in a 1366 × 768
 * window, on generated and demo documents.
 *
 *   (a) "open document → first page painted": from chamber_page_view_open_document() to the end
 *       of the first frame that shows page 1 (GdkFrameClock::after-paint of the view's frame
 *       clock, once page 1 has its texture). With the sync-time preview present (the mirror's
 *       previews folder beside its store, as the sync leaves it): bar ≤ 50 ms. Without it: bar ≤
 *       the bare poppler_page_render() of that page at the view's scale, measured in this run,
 *       + 50 ms. The reference column is that bare render in both tables.
 *   (b) page turn to a prefetched page: from a Page Down key press to the end of the first frame
 *       that shows the next page sharp, once the worker had rendered it ahead; bar ≤ 16 ms (one
 *       frame). The reference column is the 16 ms frame. Each turn starts once the worker has
 *       rendered the next page and no frame has been painted for QUIET_MS, as when a reader
 *       turns the page after reading it: the frame that uploads the neighbour's rendering (see
 *       snapshot_warm_up() in chamber-document-view.c) and the scroll indicator's fade are over.
 *       The key press is a real one: sent to the
 *       X server with XTest just before the clock starts, it comes back to the app as any key
 *       does (GDK's event source, the frame clock's event delivery, the window's shortcuts), so
 *       the time counts from before the key's arrival. Where XTest is missing (not X11, built
 *       without libxtst), the time counts from activating viewer.next-page, and the table says so.
 *
 * Medians of N runs (default 11). Documents: a generated text-heavy one (cairo, Vietnamese,
 * 12 pages of ruled tables, as in bench-render) and the demo session's documents, seeded by
 * `$CHAMBERD --data DIR demo` when $CHAMBERD is set.
 *
 * Usage: bench-app [--runs N] [--documents N] [--turns-only | --opens-only] (only the first N
 * documents, and only (b) or only (a), to iterate quickly;
 * with $CHAMBER_BENCH_TRACE set, the frame clock's phases up to each measured frame go to
 * stderr, in ms from the start, and with them, less at the mercy of a busy machine than the
 * times: the CPU time of each open with the preview (every thread, and the UI thread) and
 * each thread's share of it by name; for each turn, the paint phase and the process's CPU time
 * from the key press to the frame, beside those of the same view moved by a pixel and drawn
 * again with the textures it has, which is what a turn costs when it uploads nothing). Needs a display (build-aux/bench gives it Xvfb and a session
 * bus). Prints the tables on stdout; exits 1 when a bar is missed, 77 without a display. */
#include "config.h"

#include <adwaita.h>
#include <cairo-pdf.h>
#include <locale.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#ifdef HAVE_XTEST
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>
#endif

#include "bench-documents.h"
#include "chamber-hash.h"
#include "chamber-page-view.h"
#include "chamber-pdf.h"
#include "chamber-preview.h"
#include "chamber-store.h"

#define BAR_PREVIEW_MS    50.0
#define BAR_EXTRA_MS      50.0
#define BAR_FRAME_MS      16.0
#define TEXT_PAGES        12
#define WAIT_MS           20000
#define SETTLE_MS         150      /* quiet time after each open, so runs do not overlap */
#define QUIET_MS          100      /* no frame for this long before a page turn */


typedef struct {
  char     *name;
  double    chamber;
  double    reference;
  double    bar_value;
  gboolean  pass;
} Row;

typedef struct {
  char *label;
  char *path;
  char  sha256[65];
  int   n_pages;
} Document;

/* What the view's frame clock saw: the end of the first frame that showed what is waited for. */
typedef struct {
  ChamberPageView     *view;
  ChamberDocumentView *pages;
  int                  page;          /* the page waited for, from 0 */
  gboolean             sharp;         /* only its sharp rendering counts */
  double               start;         /* ms; 0: not waiting */
  double               painted;       /* ms; 0: not yet */
  double               key_arrived;   /* ms: when the window saw the key press; 0: not yet */
  double               last_paint;    /* ms: the end of the last frame painted, any frame */
  gboolean             was_preview;   /* the frame showed the preview */
  guint                rendered;      /* ::page-rendered since the open, any page */
  GHashTable          *rendered_pages;
  GString             *trace;         /* with $CHAMBER_BENCH_TRACE: the frame phases seen */
  double               layout_done;   /* ms: the end of the last frame's layout phase */
  double               last_render;   /* ms: the last frame's paint phase (snapshot, render) */
  GArray              *turn_renders;  /* with $CHAMBER_BENCH_TRACE: the turns' paint phases */
  GArray              *redraws;       /* and those of the same view moved by a pixel */
  double               cpu_start;     /* ms of the process's CPU time (every thread) */
  double               cpu_painted;
  double               thread_cpu_start;  /* ms of the UI thread's CPU time */
  double               thread_cpu_painted;
  GArray              *turn_cpu;      /* with $CHAMBER_BENCH_TRACE: CPU time of each turn */
  GArray              *redraw_cpu;    /* and of each drawing again */
  GArray              *open_cpu;      /* with $CHAMBER_BENCH_TRACE: CPU time of each open */
  GArray              *open_thread_cpu;
  GHashTable          *thread_start;  /* the threads' CPU times at the start, ns */
  GHashTable          *thread_spent;  /* and what they spent to the frame, summed over runs */
  gboolean             account_threads;  /* for this open */
} Probe;

/* The CPU time of the whole process, every thread (GL's rasterizer too), in ms. */
static double
cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* With $CHAMBER_BENCH_TRACE: each thread's CPU time in ns (/proc/self/task/N/schedstat), by
 * "name/id", into @into (name → gint64 pointer), added with @sign. */
static void
add_thread_times (GHashTable *into, int sign)
{
  g_autoptr (GDir) tasks = g_dir_open ("/proc/self/task", 0, NULL);
  const char *tid;

  while (tasks != NULL && (tid = g_dir_read_name (tasks)) != NULL)
    {
      g_autofree char *comm_path = g_strdup_printf ("/proc/self/task/%s/comm", tid);
      g_autofree char *stat_path = g_strdup_printf ("/proc/self/task/%s/schedstat", tid);
      g_autofree char *comm = NULL;
      g_autofree char *stat = NULL;
      g_autofree char *key = NULL;
      gint64 *total;

      if (!g_file_get_contents (comm_path, &comm, NULL, NULL)
          || !g_file_get_contents (stat_path, &stat, NULL, NULL))
        continue;
      g_strstrip (comm);
      key = g_strdup_printf ("%s/%s", comm, tid);
      total = g_hash_table_lookup (into, key);
      if (total == NULL)
        {
          total = g_new0 (gint64, 1);
          g_hash_table_insert (into, g_steal_pointer (&key), total);
        }
      *total += sign * g_ascii_strtoll (stat, NULL, 10);
    }
}

/* The CPU time of the calling thread (the UI thread), in ms. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);
  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static int failures;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : (da > db ? 1 : 0);
}

static double
median (GArray *samples)
{
  g_array_sort (samples, compare_doubles);
  if (samples->len == 0)
    return NAN;
  if (samples->len % 2 == 1)
    return g_array_index (samples, double, samples->len / 2);
  return (g_array_index (samples, double, samples->len / 2 - 1)
          + g_array_index (samples, double, samples->len / 2)) / 2;
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

static void
add_row (GArray *rows, const char *name, double chamber, double reference, double bar_value)
{
  Row row = { g_strdup (name), chamber, reference, bar_value, chamber <= bar_value };

  g_array_append_val (rows, row);
  if (!row.pass)
    failures++;
}

/* | case | Chamber | reference | ratio | bar | pass/fail |, as bench-render prints them; @bar
 * says the bar, each row's own value in brackets when it depends on the row. */
static void
print_table (const char *title, GArray *rows, const char *bar, gboolean per_row_bar)
{
  guint width = 4;

  for (guint i = 0; i < rows->len; i++)
    width = MAX (width, (guint) g_utf8_strlen (g_array_index (rows, Row, i).name, -1));

  printf ("\n%s\n\n", title);
  printf ("| %-*s | %12s | %12s | %7s | %-22s | %-9s |\n", width, "case", "Chamber", "reference",
          "ratio", "bar", "pass/fail");
  printf ("|-");
  for (guint i = 0; i < width; i++)
    printf ("-");
  printf ("-|--------------|--------------|---------|------------------------|-----------|\n");
  for (guint i = 0; i < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      g_autofree char *chamber = g_strdup_printf ("%.2f ms", row->chamber);
      g_autofree char *reference = g_strdup_printf ("%.2f ms", row->reference);
      g_autofree char *shown_bar = per_row_bar
                                     ? g_strdup_printf ("%s (%.0f ms)", bar, row->bar_value)
                                     : g_strdup (bar);
      int pad = (int) width - (int) g_utf8_strlen (row->name, -1);
      int bar_pad = 22 - (int) g_utf8_strlen (shown_bar, -1);
      const char *verdict = row->pass ? "pass" : "FAIL";

      printf ("| %s%*s | %12s | %12s | %6.2f× | %s%*s | %-9s |\n", row->name, pad, "", chamber,
              reference, row->reference > 0 ? row->chamber / row->reference : 0.0, shown_bar,
              MAX (bar_pad, 0), "", verdict);
    }
  fflush (stdout);
}

/* ── documents ─────────────────────────────────────────────────────────────────────────────── */


static void
document_free (gpointer data)
{
  Document *document = data;

  g_free (document->label);
  g_free (document->path);
  g_free (document);
}

/* Adds @path, with its hash and its page count, and renders its previews into @previews as
 * the sync does. */
static void
add_document (GPtrArray *documents, const char *label, const char *path, const char *previews)
{
  Document *document = g_new0 (Document, 1);
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr (PopplerDocument) pdf = poppler_document_new_from_file (uri, NULL, &error);

  if (pdf == NULL)
    g_error ("%s: %s", path, error->message);
  document->n_pages = poppler_document_get_n_pages (pdf);
  if (!chamber_sha256_file (path, document->sha256, NULL, NULL, &error))
    g_error ("%s: %s", path, error->message);
  if (!chamber_preview_generate (previews, document->sha256, path, NULL, &error))
    g_error ("no preview of %s: %s", path, error->message);
  if (label != NULL)
    document->label = g_strdup (label);
  else
    {
      g_autofree char *title = poppler_document_get_title (pdf);

      if (title != NULL && g_utf8_strlen (title, -1) > 36)
        {
          char *end = g_utf8_offset_to_pointer (title, 35);

          *end = '\0';
          document->label = g_strdup_printf ("demo: %s…", title);
        }
      else
        document->label = g_strdup_printf ("demo: %s", title != NULL ? title : document->sha256);
    }
  document->path = g_strdup (path);
  g_ptr_array_add (documents, document);
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char *const *) a, *(const char *const *) b);
}

/* The demo session's documents: `$CHAMBERD --data DIR demo` seeds them into DIR/blobs. */
static void
add_demo_documents (GPtrArray *documents, const char *dir, const char *previews)
{
  const char *chamberd = g_getenv ("CHAMBERD");
  g_autofree char *data = g_build_filename (dir, "demo-server", NULL);
  g_autofree char *blobs = g_build_filename (data, "blobs", NULL);
  const char *argv[] = { chamberd, "--data", data, "demo", NULL };
  g_autoptr (GDir) prefixes = NULL;
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  int status = 0;
  const char *prefix;

  if (chamberd == NULL)
    {
      fprintf (stderr, "bench-app: $CHAMBERD is not set: no demo documents\n");
      return;
    }
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                     NULL, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    g_error ("chamberd demo: %s", error->message);
  prefixes = g_dir_open (blobs, 0, &error);
  if (prefixes == NULL)
    g_error ("%s", error->message);
  while ((prefix = g_dir_read_name (prefixes)) != NULL)
    {
      g_autofree char *sub = g_build_filename (blobs, prefix, NULL);
      g_autoptr (GDir) files = g_dir_open (sub, 0, NULL);
      const char *name;

      while (files != NULL && (name = g_dir_read_name (files)) != NULL)
        g_ptr_array_add (paths, g_build_filename (sub, name, NULL));
    }
  g_ptr_array_sort (paths, compare_paths);
  for (guint i = 0; i < paths->len; i++)
    add_document (documents, NULL, g_ptr_array_index (paths, i), previews);
}

/* ── the reference: a bare poppler render ──────────────────────────────────────────────────── */

/* What any viewer must do at the least to draw page @index: take the page, a white ARGB32
 * surface of its size at @scale, poppler_page_render() into it; median of @runs. */
static double
time_bare_render (const char *path, int index, double scale, int runs)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr (PopplerDocument) document = poppler_document_new_from_file (uri, NULL, NULL);
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));

  for (int run = 0; run < runs; run++)
    {
      double start = now_ms (), width_pt, height_pt, elapsed;
      PopplerPage *page = poppler_document_get_page (document, index);
      cairo_surface_t *surface;
      cairo_t *cr;

      poppler_page_get_size (page, &width_pt, &height_pt);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                            (int) ceil (width_pt * scale - 0.01),
                                            (int) ceil (height_pt * scale - 0.01));
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      poppler_page_render (page, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      cairo_surface_destroy (surface);
      g_object_unref (page);
      elapsed = now_ms () - start;
      g_array_append_val (samples, elapsed);
    }
  return median (samples);
}

/* ── the app's view ────────────────────────────────────────────────────────────────────────── */

static gboolean
page_shown (Probe *probe)
{
  if (chamber_document_view_get_page (probe->pages) != probe->page)
    return FALSE;
  if (chamber_document_view_get_page_texture (probe->pages, probe->page) != NULL)
    return TRUE;
  return !probe->sharp && chamber_document_view_get_page_is_preview (probe->pages, probe->page);
}

static void
phase_cb (GdkFrameClock *clock, Probe *probe)
{
  const char *phase = g_signal_name (g_signal_get_invocation_hint (clock)->signal_id);

  if (probe->trace == NULL || probe->start <= 0 || probe->painted > 0)
    return;
  g_string_append_printf (probe->trace, " %s@%.1f", phase, now_ms () - probe->start);
}

/* The layout and paint phases' ends, for the time the paint phase took. */
static void
layout_cb (GdkFrameClock *clock, Probe *probe)
{
  probe->layout_done = now_ms ();
}

static void
paint_cb (GdkFrameClock *clock, Probe *probe)
{
  if (probe->layout_done > 0)
    probe->last_render = now_ms () - probe->layout_done;
  probe->layout_done = 0;
}

static void
after_paint_cb (GdkFrameClock *clock, Probe *probe)
{
  probe->last_paint = now_ms ();
  phase_cb (clock, probe);
  if (probe->start <= 0 || probe->painted > 0 || !page_shown (probe))
    return;
  if (probe->trace != NULL)
    {
      fprintf (stderr, "trace:%s\n", probe->trace->str);
      g_string_truncate (probe->trace, 0);
    }
  probe->painted = now_ms ();
  probe->cpu_painted = cpu_ms ();
  probe->thread_cpu_painted = thread_cpu_ms ();
  if (probe->thread_start != NULL && probe->account_threads)
    {
      GHashTableIter iter;
      gpointer key, value;

      add_thread_times (probe->thread_start, -1);
      g_hash_table_iter_init (&iter, probe->thread_start);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          char *name = g_strdup (key);
          gint64 *spent;

          /* By name: the pool's threads come and go. */
          *strrchr (name, '/') = '\0';
          spent = g_hash_table_lookup (probe->thread_spent, name);
          if (spent == NULL)
            {
              spent = g_new0 (gint64, 1);
              g_hash_table_insert (probe->thread_spent, g_strdup (name), spent);
            }
          *spent -= *(gint64 *) value;
          g_free (name);
        }
      g_hash_table_remove_all (probe->thread_start);
    }
  probe->was_preview = chamber_document_view_get_page_is_preview (probe->pages, probe->page);
}

/* The window saw a key press (capture phase: before any widget handles it). */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, Probe *probe)
{
  if (probe->start > 0 && probe->key_arrived <= 0)
    {
      probe->key_arrived = now_ms ();
      if (probe->trace != NULL)
        g_string_append_printf (probe->trace, " key@%.1f", probe->key_arrived - probe->start);
    }
  return GDK_EVENT_PROPAGATE;
}

/* Presses (@press) or releases the key @keysym through the X server, as a keyboard would; FALSE
 * when that cannot be done here (not X11, or no XTest). */
static gboolean
send_key (GtkWidget *window, guint keysym, gboolean press)
{
#ifdef HAVE_XTEST
  GdkDisplay *display = gtk_widget_get_display (window);
  Display *xdisplay;
  int event_base, error_base, major, minor;

  if (!GDK_IS_X11_DISPLAY (display))
    return FALSE;
  xdisplay = gdk_x11_display_get_xdisplay (display);
  if (!XTestQueryExtension (xdisplay, &event_base, &error_base, &major, &minor))
    return FALSE;
  XTestFakeKeyEvent (xdisplay, XKeysymToKeycode (xdisplay, keysym), press, CurrentTime);
  XFlush (xdisplay);
  return TRUE;
#else
  return FALSE;
#endif
}

/* Gives @window the keyboard focus of the X server (there is no window manager under Xvfb). */
static void
focus_window (GtkWidget *window)
{
#ifdef HAVE_XTEST
  GdkDisplay *display = gtk_widget_get_display (window);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  if (GDK_IS_X11_DISPLAY (display) && GDK_IS_X11_SURFACE (surface))
    {
      Display *xdisplay = gdk_x11_display_get_xdisplay (display);

      XSetInputFocus (xdisplay, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
      XSync (xdisplay, False);
    }
#endif
}

static void
page_rendered_cb (ChamberDocumentView *pages, int page, Probe *probe)
{
  probe->rendered++;
  g_hash_table_add (probe->rendered_pages, GINT_TO_POINTER (page));
}

static gboolean
painted (gpointer data)
{
  return ((Probe *) data)->painted > 0;
}

static gboolean
page_sharp (gpointer data)
{
  Probe *probe = data;

  return chamber_document_view_get_page_texture (probe->pages, probe->page) != NULL;
}

static gboolean
page_prefetched (gpointer data)
{
  Probe *probe = data;

  return g_hash_table_contains (probe->rendered_pages, GINT_TO_POINTER (probe->page));
}

/* No frame painted for QUIET_MS: the frames that followed the last turn (the neighbour's
 * rendering drawn once out of sight to upload it, the scroll indicator's fade) are over, as they
 * are when a reader turns the page after reading it. */
static gboolean
quiet (gpointer data)
{
  return now_ms () - ((Probe *) data)->last_paint >= QUIET_MS;
}

static gboolean
key_arrived (gpointer data)
{
  return ((Probe *) data)->key_arrived > 0;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

/* Iterates the main context until @done or @timeout_ms. */
static gboolean
pump_until (gboolean (*done) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!done (data))
    {
      if (g_get_monotonic_time () >= end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      if (!g_main_context_pending (NULL))
        g_usleep (200);
    }
  return TRUE;
}

static void
start_probe (Probe *probe, int page, gboolean sharp)
{
  probe->page = page;
  probe->sharp = sharp;
  probe->painted = 0;
  probe->key_arrived = 0;
  probe->was_preview = FALSE;
  probe->start = now_ms ();
  probe->cpu_start = cpu_ms ();
  probe->thread_cpu_start = thread_cpu_ms ();
  if (probe->thread_start != NULL && probe->account_threads)
    {
      g_hash_table_remove_all (probe->thread_start);
      add_thread_times (probe->thread_start, 1);
    }
  if (probe->trace != NULL)
    g_string_truncate (probe->trace, 0);
}

/* Opens @document (with the mirror's @store, so that its previews are found, or without) and
 * returns the time to the first frame that shows page 1; leaves it open, page 1 sharp. */
static double
time_open (Probe *probe, const Document *document, ChamberStore *store, gboolean *out_preview)
{
  double elapsed;

  chamber_page_view_close (probe->view);
  pump_until (never, NULL, SETTLE_MS);
  probe->rendered = 0;
  g_hash_table_remove_all (probe->rendered_pages);

  start_probe (probe, 0, FALSE);
  chamber_page_view_open_document (probe->view, document->path, document->label, store,
                                   store != NULL ? document->sha256 : NULL);
  if (!pump_until (painted, probe, WAIT_MS))
    g_error ("%s: page 1 was not painted within %d ms (state %s)", document->label, WAIT_MS,
             chamber_page_view_get_state (probe->view));
  elapsed = probe->painted - probe->start;
  *out_preview = probe->was_preview;
  probe->start = 0;
  if (!pump_until (page_sharp, probe, WAIT_MS))
    g_error ("%s: page 1 was not rendered", document->label);
  return elapsed;
}

/* (a) for one document, with and without the preview. */
static void
measure_open (Probe *probe, const Document *document, ChamberStore *store, int runs,
              GArray *preview_rows, GArray *plain_rows)
{
  g_autoptr (GArray) with = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) without = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *with_name = NULL;
  double scale, bare;
  guint from_preview = 0;

  for (int run = 0; run < runs; run++)
    {
      gboolean preview = FALSE;
      double sample;

      probe->account_threads = TRUE;
      sample = time_open (probe, document, store, &preview);
      probe->account_threads = FALSE;

      g_array_append_val (with, sample);
      if (probe->trace != NULL)
        {
          double cpu = probe->cpu_painted - probe->cpu_start;
          double thread_cpu = probe->thread_cpu_painted - probe->thread_cpu_start;

          g_array_append_val (probe->open_cpu, cpu);
          g_array_append_val (probe->open_thread_cpu, thread_cpu);
        }
      from_preview += preview ? 1 : 0;
      sample = time_open (probe, document, NULL, &preview);
      g_array_append_val (without, sample);
    }
  scale = chamber_document_view_get_zoom (probe->pages)
          * gtk_widget_get_scale_factor (GTK_WIDGET (probe->pages));
  bare = time_bare_render (document->path, 0, scale, runs);
  /* Which frames showed the preview first is part of the case's name. */
  with_name = g_strdup_printf ("%s (preview first %u/%d)", document->label, from_preview, runs);
  add_row (preview_rows, with_name, median (with), bare, BAR_PREVIEW_MS);
  add_row (plain_rows, document->label, median (without), bare, bare + BAR_EXTRA_MS);
  fprintf (stderr, "bench-app: %s at scale %.2f: %.1f / %.1f ms, bare %.1f ms\n",
           document->label, scale, median (with), median (without), bare);
  if (probe->trace != NULL)
    {
      fprintf (stderr, "bench-app: %s: CPU time of the open with the preview, to the frame "
               "that shows it: %.2f ms every thread, %.2f ms the UI thread (medians)\n",
               document->label, median (probe->open_cpu), median (probe->open_thread_cpu));
      g_array_set_size (probe->open_cpu, 0);
      g_array_set_size (probe->open_thread_cpu, 0);
    }
  if (probe->thread_spent != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, probe->thread_spent);
      while (g_hash_table_iter_next (&iter, &key, &value))
        fprintf (stderr, "bench-app: %s: thread %s: %.2f ms a run\n", document->label,
                 (const char *) key, *(gint64 *) value / 1e6 / runs);
      g_hash_table_remove_all (probe->thread_spent);
    }
}

/* (b) for one document: page turns forward from page 1 with the Page Down key (or the action,
 * *@out_keys FALSE then), each once the next page was rendered ahead. */
static void
measure_turns (Probe *probe, const Document *document, int runs, GArray *rows,
               gboolean *out_keys)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (double));
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (probe->view)));
  gboolean preview;

  time_open (probe, document, NULL, &preview);
  focus_window (window);
  while ((int) samples->len < runs)
    {
      int current = chamber_document_view_get_page (probe->pages);
      int next = current + 1;
      double sample;

      if (next >= document->n_pages)
        {
          /* Back to the top, and on again. */
          chamber_document_view_set_page (probe->pages, 0);
          probe->page = 0;
          if (!pump_until (page_sharp, probe, WAIT_MS))
            g_error ("%s: page 1 not shown again", document->label);
          continue;
        }
      probe->page = next;
      if (!pump_until (page_prefetched, probe, WAIT_MS))
        g_error ("%s: page %d was not rendered ahead", document->label, next + 1);
      if (!pump_until (quiet, probe, WAIT_MS))
        g_error ("%s: the view never stops painting", document->label);

      start_probe (probe, next, TRUE);
      if (*out_keys && send_key (window, GDK_KEY_Page_Down, TRUE))
        {
          /* Released as soon as it arrived, so that the server's key repeat never turns a
           * second page while a slow frame paints. */
          if (!pump_until (key_arrived, probe, WAIT_MS))
            g_error ("%s: the Page Down key never arrived", document->label);
          send_key (window, GDK_KEY_Page_Down, FALSE);
          if (!pump_until (painted, probe, WAIT_MS))
            g_error ("%s: page %d was not shown after Page Down (now on page %d)",
                     document->label, next + 1,
                     chamber_document_view_get_page (probe->pages) + 1);
          sample = probe->painted - probe->start;
          probe->start = 0;
        }
      else
        {
          *out_keys = FALSE;
          if (!gtk_widget_activate_action (GTK_WIDGET (probe->view), "viewer.next-page", NULL))
            g_error ("no viewer.next-page action");
          if (!pump_until (painted, probe, WAIT_MS))
            g_error ("%s: page %d was not shown", document->label, next + 1);
          sample = probe->painted - probe->start;
          probe->start = 0;
        }
      g_array_append_val (samples, sample);
      if (probe->turn_renders != NULL)
        {
          /* The turn's paint phase, and that of the same view drawn again, unchanged. */
          double cpu = probe->cpu_painted - probe->cpu_start;

          g_array_append_val (probe->turn_renders, probe->last_render);
          g_array_append_val (probe->turn_cpu, cpu);
          for (int i = 0; i < 4; i++)
            {
              double before;

              pump_until (quiet, probe, WAIT_MS);
              before = probe->last_paint;
              cpu = cpu_ms ();
              {
                /* Moved by a pixel, so that the whole view is drawn again with the textures it
                 * has (an unchanged frame renders nothing). */
                GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (
                  GTK_SCROLLABLE (probe->pages));

                gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                                        + (i % 2 == 0 ? 1 : -1));
              }
              while (probe->last_paint == before)
                g_main_context_iteration (NULL, TRUE);
              g_array_append_val (probe->redraws, probe->last_render);
              cpu = cpu_ms () - cpu;
              g_array_append_val (probe->redraw_cpu, cpu);
            }
        }
    }
  add_row (rows, document->label, median (samples), BAR_FRAME_MS, BAR_FRAME_MS);
  if (probe->turn_renders != NULL)
    {
      fprintf (stderr, "bench-app: %s: paint phase of the turns %.2f ms, of the same view "
               "drawn again %.2f ms, CPU time of the turns (every thread, from the key press to the "
               "end of the frame) %.2f ms, of drawing again %.2f ms (medians)\n", document->label,
               median (probe->turn_renders), median (probe->redraws), median (probe->turn_cpu),
               median (probe->redraw_cpu));
      g_array_set_size (probe->turn_cpu, 0);
      g_array_set_size (probe->redraw_cpu, 0);
      g_array_set_size (probe->turn_renders, 0);
      g_array_set_size (probe->redraws, 0);
    }
}

static gboolean
window_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data) && gtk_widget_get_frame_clock (data) != NULL;
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *mirror = NULL;
  g_autofree char *previews = NULL;
  g_autofree char *db = NULL;
  g_autofree char *text_pdf = NULL;
  g_autoptr (GPtrArray) documents = g_ptr_array_new_with_free_func (document_free);
  g_autoptr (ChamberStore) store = NULL;
  g_autoptr (GArray) preview_rows = rows_new ();
  g_autoptr (GArray) plain_rows = rows_new ();
  g_autoptr (GArray) turn_rows = rows_new ();
  g_autoptr (GError) error = NULL;
  Probe probe = { 0 };
  GtkWidget *window;
  int runs = 11;
  guint max_documents = G_MAXUINT;
  gboolean turns_only = FALSE;
  gboolean opens_only = FALSE;
  gboolean keys = TRUE;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--runs") && i + 1 < argc)
        {
          i++;
          runs = MAX (atoi (argv[i]), 1);
        }
      else if (g_str_equal (argv[i], "--documents") && i + 1 < argc)
        {
          i++;
          max_documents = MAX (atoi (argv[i]), 1);
        }
      else if (g_str_equal (argv[i], "--turns-only"))
        turns_only = TRUE;
      else if (g_str_equal (argv[i], "--opens-only"))
        opens_only = TRUE;
      else
        {
          fprintf (stderr, "usage: bench-app [--runs N] [--documents N] [--turns-only | "
                   "--opens-only]\n");
          return 2;
        }
    }
  if (!gtk_init_check ())
    {
      fprintf (stderr, "bench-app: no display, skipped\n");
      return 77;
    }
  adw_init ();

  dir = g_dir_make_tmp ("chamber-bench-app-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  /* A mirror as the sync leaves it: the store, and the previews beside it. */
  mirror = g_build_filename (dir, "mirror", NULL);
  previews = g_build_filename (mirror, "previews", NULL);
  db = g_build_filename (mirror, "chamber.db", NULL);
  g_mkdir_with_parents (previews, 0700);
  store = chamber_store_open (db, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  text_pdf = g_build_filename (dir, "text-heavy.pdf", NULL);
  bench_write_text_heavy (text_pdf, TEXT_PAGES);
  add_document (documents, "text-heavy (generated)", text_pdf, previews);
  add_demo_documents (documents, dir, previews);
  if (documents->len > max_documents)
    g_ptr_array_set_size (documents, max_documents);

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  probe.view = CHAMBER_PAGE_VIEW (chamber_page_view_new ());
  probe.pages = chamber_page_view_get_document_view (probe.view);
  probe.rendered_pages = g_hash_table_new (NULL, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (probe.view));
  gtk_window_present (GTK_WINDOW (window));
  if (!pump_until (window_mapped, window, WAIT_MS))
    g_error ("the window did not show");
  /* One frame clock paints the whole window, the pages with it. */
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), &probe);
  if (g_getenv ("CHAMBER_BENCH_TRACE") != NULL)
    {
      const char *phases[] = { "before-paint", "update", "layout", "paint" };

      probe.trace = g_string_new (NULL);
      probe.turn_renders = g_array_new (FALSE, FALSE, sizeof (double));
      probe.redraws = g_array_new (FALSE, FALSE, sizeof (double));
      probe.turn_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      probe.redraw_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      probe.open_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      probe.open_thread_cpu = g_array_new (FALSE, FALSE, sizeof (double));
      probe.thread_start = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      probe.thread_spent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; i < G_N_ELEMENTS (phases); i++)
        g_signal_connect (gtk_widget_get_frame_clock (window), phases[i],
                          G_CALLBACK (phase_cb), &probe);
      g_signal_connect (gtk_widget_get_frame_clock (window), "before-paint",
                        G_CALLBACK (layout_cb), &probe);
      g_signal_connect (gtk_widget_get_frame_clock (window), "layout",
                        G_CALLBACK (layout_cb), &probe);
      g_signal_connect (gtk_widget_get_frame_clock (window), "paint",
                        G_CALLBACK (paint_cb), &probe);
    }
  g_signal_connect (probe.pages, "page-rendered", G_CALLBACK (page_rendered_cb), &probe);
  {
    GtkEventController *keys_seen = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (keys_seen, GTK_PHASE_CAPTURE);
    g_signal_connect (keys_seen, "key-pressed", G_CALLBACK (key_pressed_cb), &probe);
    gtk_widget_add_controller (window, keys_seen);
  }

  fprintf (stderr, "bench-app: %u documents, %d runs each\n", documents->len, runs);
  for (guint i = 0; i < documents->len && !turns_only; i++)
    measure_open (&probe, g_ptr_array_index (documents, i), store, runs, preview_rows,
                  plain_rows);
  for (guint i = 0; i < documents->len && !opens_only; i++)
    {
      const Document *document = g_ptr_array_index (documents, i);

      if (document->n_pages >= 2)
        measure_turns (&probe, document, runs, turn_rows, &keys);
    }

  {
    g_autofree char *title_with = g_strdup_printf (
      "(a) Open document → first page painted, with the sync-time preview — median of %d runs "
      "(reference: bare poppler_page_render of page 1 at the view's scale, this run)", runs);
    g_autofree char *title_without = g_strdup_printf (
      "(a) Open document → first page painted, without a preview — median of %d runs "
      "(reference: bare poppler_page_render of page 1 at the view's scale, this run)", runs);
    g_autofree char *title_turn = g_strdup_printf (
      "(b) Page turn to a prefetched page: %s → end of the frame showing it sharp — median of "
      "%d turns (reference: one 16 ms frame)",
      keys ? "Page Down pressed (XTest, through the X server)"
           : "viewer.next-page activated (no XTest here: not from a key)", runs);

    printf ("bench-app: %s, window %d × %d, scale factor %d\n",
            G_OBJECT_TYPE_NAME (gtk_native_get_renderer (GTK_NATIVE (window))),
            gtk_widget_get_width (window), gtk_widget_get_height (window),
            gtk_widget_get_scale_factor (window));
    if (!turns_only)
      {
        print_table (title_with, preview_rows, "≤ 50 ms", FALSE);
        print_table (title_without, plain_rows, "≤ reference + 50 ms", TRUE);
      }
    if (!opens_only)
      print_table (title_turn, turn_rows, "≤ 16 ms", FALSE);
  }

  g_signal_handlers_disconnect_by_data (gtk_widget_get_frame_clock (window), &probe);
  g_signal_handlers_disconnect_by_data (probe.pages, &probe);
  gtk_window_destroy (GTK_WINDOW (window));
  g_hash_table_unref (probe.rendered_pages);
  if (probe.trace != NULL)
    {
      g_string_free (probe.trace, TRUE);
      g_array_unref (probe.turn_renders);
      g_array_unref (probe.redraws);
      g_array_unref (probe.turn_cpu);
      g_array_unref (probe.redraw_cpu);
      g_array_unref (probe.open_cpu);
      g_array_unref (probe.open_thread_cpu);
      g_hash_table_unref (probe.thread_start);
      g_hash_table_unref (probe.thread_spent);
    }
  {
    const char *rm[] = { "rm", "-rf", dir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
  printf ("\nbench-app: %s\n", failures == 0 ? "every bar met" : "some bars missed");
  return failures == 0 ? 0 : 1;
}
