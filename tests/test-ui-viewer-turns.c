/* test-ui-viewer-turns.c — page turns to prefetched pages, under a real display (xvfb-run +
 * dbus-run-session).
 *
 * A page turn is within one frame only when the page it shows already holds its texture, made
 * (and, with a GL renderer, uploaded by a frame of its own) before the key press: the frame of
 * the turn then only draws. The worker renders two pages ahead in continuous mode, so the page
 * after next arrives in the cache while it is still two pages away; this test turns page after
 * page through a real PDF, with Page Down's action as a reader does, and checks before each turn
 * that the next page holds its sharp texture, and after it that the turn showed that very
 * texture rather than making a new one. The same in single-page mode. Speed itself is measured
 * by bench-app, never here. */

#include "config.h"

#include <adwaita.h>

#include "chamber-document-view.h"
#include "chamber-page-view.h"
#include "chamber-test-ui.h"
#include "chamber-test-util.h"

#define PAGES 7

static char *test_home;

typedef struct {
  ChamberDocumentView *pages;
  int                  page;
} Wanted;

/* The page holds its sharp texture, shown or ready next to the screen. */
static gboolean
page_has_texture (gpointer data)
{
  Wanted *wanted = data;

  return chamber_document_view_peek_page_texture (wanted->pages, wanted->page) != NULL;
}

static gboolean
page_is_current (gpointer data)
{
  Wanted *wanted = data;

  return chamber_document_view_get_page (wanted->pages) == wanted->page;
}

/* Opens a PDF of PAGES pages in a window, in continuous (@continuous) or single-page mode,
 * and turns from the first page to the last, checking each turn. */
static void
turn_pages (gboolean continuous)
{
  g_autofree char *dir = chamber_test_make_temp_dir ("chamber-ui-turns-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "turns.pdf", NULL);
  GtkWidget *window = gtk_window_new ();
  ChamberPageView *view = CHAMBER_PAGE_VIEW (chamber_page_view_new ());
  ChamberDocumentView *pages = chamber_page_view_get_document_view (view);
  Wanted first = { pages, 0 };

  chamber_test_write_pdf (pdf, PAGES, "Lật trang");
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  chamber_page_view_open (view, pdf, "turns");
  if (!chamber_test_pump_until (page_has_texture, &first, 60000))
    g_error ("page 1 was not rendered (state “%s”)", chamber_page_view_get_state (view));
  chamber_document_view_set_continuous (pages, continuous);
  g_assert_true (chamber_document_view_get_continuous (pages) == continuous);

  for (int page = 0; page + 1 < PAGES; page++)
    {
      Wanted next = { pages, page + 1 };
      GdkTexture *prepared;

      /* Before the key press: the next page holds its sharp rendering as a texture. */
      if (!chamber_test_pump_until (page_has_texture, &next, 30000))
        g_error ("%s mode: on page %d, page %d has no texture to turn to",
                 continuous ? "continuous" : "single-page", page + 1, page + 2);
      prepared = chamber_document_view_peek_page_texture (pages, page + 1);
      g_assert_null (chamber_document_view_get_page_texture (pages, page + 1));

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "viewer.next-page", NULL));
      if (!chamber_test_pump_until (page_is_current, &next, 10000))
        g_error ("the turn to page %d did not happen", page + 2);
      /* The turn shows the texture made before it. */
      g_assert_true (chamber_document_view_get_page_texture (pages, page + 1) == prepared);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  chamber_test_rm_rf (dir);
}

static void
test_turns_continuous (void)
{
  turn_pages (TRUE);
}

static void
test_turns_single_page (void)
{
  turn_pages (FALSE);
}

int
main (int argc, char *argv[])
{
  int status;

  test_home = chamber_test_ui_init (&argc, &argv, "chamber-ui-turns-home-XXXXXX",
                                   CHAMBER_TEST_UI_INIT_DEFAULT);
  if (test_home == NULL)
    return 77;

  g_test_add_func ("/ui/viewer/turns/continuous", test_turns_continuous);
  g_test_add_func ("/ui/viewer/turns/single-page", test_turns_single_page);
  status = g_test_run ();

  chamber_test_rm_rf (test_home);
  g_free (test_home);
  return status;
}
