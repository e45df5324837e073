/* chamber-test-ui.h — shared by the ui tests (test-ui*.c), which run the real chamber app under
 * a real display: running the app around a test body, switching the language, writing PDFs
 * whose text sits at known places, and pumping the main loop until a widget shows a state. */
#pragma once

#include <gtk/gtk.h>

#include "chamber-application.h"
#include "chamber-document-view.h"
#include "chamber-page-notes.h"
#include "chamber-page-view.h"
#include "chamber-session-view.h"
#include "chamber-window.h"

G_BEGIN_DECLS

/* The layout of chamber_test_ui_write_document(): A4, DejaVu Sans 12 pt, one line every
 * CHAMBER_TEST_UI_LEAD points from CHAMBER_TEST_UI_TOP, starting at CHAMBER_TEST_UI_LEFT. */
#define CHAMBER_TEST_UI_PAGE_WIDTH  595.0
#define CHAMBER_TEST_UI_PAGE_HEIGHT 842.0
#define CHAMBER_TEST_UI_LEFT        60.0
#define CHAMBER_TEST_UI_TOP         90.0
#define CHAMBER_TEST_UI_LEAD        18.0
#define CHAMBER_TEST_UI_FONT_SIZE   12.0

typedef enum {
  CHAMBER_TEST_UI_INIT_DEFAULT          = 0,
  /* Leave GLib to decide whether to translate at the first string looked up, rather than now
   * under plain C (which makes it translate in the tests that switch to Vietnamese). */
  CHAMBER_TEST_UI_INIT_LAZY_TRANSLATION = 1 << 0,
  /* Keep GTK's animations on. */
  CHAMBER_TEST_UI_INIT_ANIMATIONS       = 1 << 1,
} ChamberTestUiInitFlags;

/* Prepares a ui test's process, from main(): a new folder (from @home_template) holding every
 * file the app writes (XDG_DATA_HOME, XDG_CONFIG_HOME and XDG_CACHE_HOME, set before GTK or
 * GLib read them), the app's text domain under C.UTF-8, g_test_init(), GTK and libadwaita, and
 * (unless CHAMBER_TEST_UI_INIT_ANIMATIONS) no animations, so that the tests see widgets as
 * they end up rather than half way. Returns that folder, or NULL having removed it and said why
 * when there is no display (main() then returns 77, skipped). */
char *chamber_test_ui_init (int *argc, char ***argv, const char *home_template,
                            ChamberTestUiInitFlags flags);

typedef struct {
  ChamberApplication *application;
  ChamberWindow      *window;
} ChamberTestApp;

typedef void (*ChamberTestAppBody) (ChamberTestApp *app, gpointer data);

typedef enum {
  CHAMBER_TEST_APP_DEFAULT         = 0,
  /* The window gets a 1366×768 default size, like a laptop screen. */
  CHAMBER_TEST_APP_LAPTOP_SIZE     = 1 << 0,
  /* The live windows opened for the main window are closed before it. */
  CHAMBER_TEST_APP_CLOSE_LIVE      = 1 << 1,
  /* Don't assert that the application is finalised once it has run. */
  CHAMBER_TEST_APP_KEEP_REFERENCES = 1 << 2,
} ChamberTestAppFlags;

/* Runs @application (taking it over) until its first window shows, calls @body from an idle
 * with that window, then destroys the window so g_application_run() returns, and asserts the
 * run succeeded and (unless CHAMBER_TEST_APP_KEEP_REFERENCES) that nothing keeps the
 * application alive. */
void chamber_test_ui_run_app (ChamberApplication *application, ChamberTestAppFlags flags,
                              ChamberTestAppBody body, gpointer data);

/* setlocale (LC_ALL, @locale) and LANGUAGE=@language (NULL: empty, which gettext ignores), and
 * makes gettext drop the translations looked up so far. FALSE when the locale is not installed. */
gboolean chamber_test_ui_use_locale (const char *locale, const char *language);

/* Writes a real PDF at @path: @pages is a NULL-terminated list of pages, each a NULL-terminated
 * list of lines laid out as CHAMBER_TEST_UI_* says. The file's name goes into its metadata, so
 * each file is a distinct publication, even with the same pages. */
void   chamber_test_ui_write_document (const char *path, const char *const *const *pages);
/* The width, in points, of @text in the font of chamber_test_ui_write_document(). */
double chamber_test_ui_text_width (const char *text);
/* Selects line @line (of @lines, the lines written on @page) in @view, as a drag would. */
void   chamber_test_ui_select_line (ChamberDocumentView *view, int page,
                                    const char *const *lines, int line);

/* Pump until: @window shows page @name; @page_view shows a rendered page (asserted, not an
 * error); @view has completed at least @n syncs and is not syncing; @notes is not busy and
 * shows @n notes. Each aborts the test with what it saw when that does not happen in time. */
void chamber_test_ui_wait_for_window_page (ChamberWindow *window, const char *name);
void chamber_test_ui_wait_for_page (ChamberPageView *page_view);
void chamber_test_ui_wait_for_syncs (ChamberSessionView *view, guint n);
/* For chamber_test_pump_until(): @data is { ChamberSessionView *view, GUINT_TO_POINTER (n) };
 * TRUE once @view has completed at least n syncs and is not syncing. */
gboolean chamber_test_ui_syncs_at_least (gpointer data);
void chamber_test_ui_wait_for_notes (ChamberPageNotes *notes, guint n);

/* Connects the app from its welcome page, as a person would: the connect page with @url and
 * @token, then the main page once the first sync is done (asserted without an error). */
void chamber_test_ui_connect (ChamberTestApp *app, const char *url, const char *token);

/* Presses Tab around @window (as its key binding does) from the first focusable widget back to
 * it, and aborts the test naming every control on @screen (visible, sensitive: buttons,
 * switches, entries, lists…) that Tab never reached. Returns how many widgets took the focus. */
guint chamber_test_ui_assert_keyboard_reachable (GtkWindow *window, const char *screen);
/* The same walk: the controls Tab never reached, one per line ("" when none), and how many
 * widgets took the focus. */
char *chamber_test_ui_keyboard_unreachable (GtkWindow *window, guint *out_reached);

/* With CHAMBER_TEST_SCREENSHOTS set to a folder, @window as it is drawn now (after a paint)
 * goes to NAME-LANGUAGE.png there, for people to look at; the tests do not depend on it. */
void chamber_test_ui_save_screenshot (GtkWidget *window, const char *name);

G_END_DECLS
