/* chamber-desk-delivery.c — the desk's Delivery page (see chamber-desk-delivery.h). The report
 * (GET /api/v1/sessions/ID/delivery) is read on a worker thread with a client of its own and
 * decoded there into plain rows; the UI thread only builds the list. A document counts as
 * outdated when the person holds an older version of it and not the newest, as missing when
 * they hold none. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "chamber-client.h"
#include "chamber-desk-delivery.h"
#include "chamber-desk-page.h"
#include "chamber-desk-request.h"
#include "chamber-list-box.h"
#include "chamber-protocol.h"

/* How many titles of each kind a person's row names before "and N more". */
#define SUBTITLE_TITLES 2

typedef enum {
  DELIVERED,
  OUTDATED,
  MISSING,
} DocumentState;

typedef struct {
  char         *title;
  int           version;
  int           held_version;  /* the version on the laptop, 0 for none or not known */
  char         *downloaded_at;
  DocumentState state;
} DeliveredDocument;

typedef struct {
  gint64     person_id;
  char      *name;
  char      *group;
  char      *last_activity;
  GPtrArray *documents;  /* DeliveredDocument */
  guint      n_missing;  /* missing or outdated */
} DeliveryRow;

struct _ChamberDeskDelivery
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkLabel          *summary_label;
  GtkLabel          *error_label;
  GtkCheckButton    *only_missing_check;
  GtkDropDown       *sort_drop;
  GtkListBox        *list;

  ChamberConnection *connection;
  GCancellable      *cancellable;
  gint64             session_id;
  GPtrArray         *rows;        /* DeliveryRow, as the server listed them */
  GPtrArray         *shown;       /* DeliveryRow (borrowed), as the list shows them */
  guint              loads_completed;
  char              *error;
};

G_DEFINE_FINAL_TYPE (ChamberDeskDelivery, chamber_desk_delivery, GTK_TYPE_WIDGET)

static void
delivered_document_free (DeliveredDocument *document)
{
  g_free (document->title);
  g_free (document->downloaded_at);
  g_free (document);
}

static void
delivery_row_free (DeliveryRow *row)
{
  g_free (row->name);
  g_free (row->group);
  g_free (row->last_activity);
  g_clear_pointer (&row->documents, g_ptr_array_unref);
  g_free (row);
}

/* ---- Reading the report --------------------------------------------------------------------- */

typedef struct {
  GHashTable *titles;  /* title → the newest version downloaded (GINT_TO_POINTER) */
  char       *latest;  /* the time of the latest download */
} PersonDownloads;

static void
person_downloads_free (PersonDownloads *downloads)
{
  g_hash_table_unref (downloads->titles);
  g_free (downloads->latest);
  g_free (downloads);
}

/* The audit log's downloads, person by person: "PERSON_ID" → PersonDownloads. */
static GHashTable *
downloads_from_audit (JsonNode *answer)
{
  GHashTable *downloads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 (GDestroyNotify) person_downloads_free);
  JsonArray *events = NULL;

  if (answer != NULL && JSON_NODE_HOLDS_OBJECT (answer))
    events = chamber_json_peek_array (json_node_get_object (answer), "events");
  for (guint i = 0; events != NULL && i < json_array_get_length (events); i++)
    {
      JsonNode *node = json_array_get_element (events, i);
      JsonObject *event;
      const char *title;
      g_autofree char *key = NULL;
      PersonDownloads *person_downloads;
      gint64 person, version;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      event = json_node_get_object (node);
      title = chamber_json_peek_string (event, "document_title");
      person = chamber_json_peek_int (event, "person_id", 0);
      version = chamber_json_peek_int (event, "version", 0);
      if (g_strcmp0 (chamber_json_peek_string (event, "action"), "download") != 0
          || title == NULL
          || person <= 0 || version <= 0 || version > G_MAXINT)
        continue;
      key = g_strdup_printf ("%lld", (long long) person);
      person_downloads = g_hash_table_lookup (downloads, key);
      if (person_downloads == NULL)
        {
          person_downloads = g_new0 (PersonDownloads, 1);
          person_downloads->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            NULL);
          g_hash_table_insert (downloads, g_strdup (key), person_downloads);
        }
      if (GPOINTER_TO_INT (g_hash_table_lookup (person_downloads->titles, title)) < version)
        g_hash_table_insert (person_downloads->titles, g_strdup (title),
                             GINT_TO_POINTER ((int) version));
      /* Newest first: the first download seen is the latest. */
      if (person_downloads->latest == NULL)
        person_downloads->latest = g_strdup (chamber_json_peek_string (event, "at"));
    }
  return downloads;
}

static DeliveryRow *
row_from_json (JsonObject *object, GHashTable *downloads)
{
  g_autofree char *person_key = NULL;
  PersonDownloads *held = NULL;
  DeliveryRow *row = g_new0 (DeliveryRow, 1);
  JsonArray *documents = NULL;
  JsonArray *missing = NULL;
  g_autoptr (GHashTable) missing_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  row->person_id = chamber_json_peek_int (object, "person_id", 0);
  person_key = g_strdup_printf ("%lld", (long long) row->person_id);
  held = g_hash_table_lookup (downloads, person_key);
  row->name = g_strdup (chamber_json_peek_string (object, "name"));
  if (row->name == NULL)
    row->name = g_strdup (_("Unnamed person"));
  row->group = g_strdup (chamber_json_peek_string (object, "group"));
  row->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) delivered_document_free);
  missing = chamber_json_peek_array (object, "missing");
  for (guint i = 0; missing != NULL && i < json_array_get_length (missing); i++)
    {
      JsonNode *node = json_array_get_element (missing, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64)
        {
          gint64 id = json_node_get_int (node);

          g_array_append_val (ids, id);
        }
    }
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (missing_ids, &g_array_index (ids, gint64, i));

  documents = chamber_json_peek_array (object, "documents");
  for (guint i = 0; documents != NULL && i < json_array_get_length (documents); i++)
    {
      JsonNode *node = json_array_get_element (documents, i);
      JsonObject *entry;
      DeliveredDocument *document;
      gint64 id;
      const char *latest = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      entry = json_node_get_object (node);
      id = chamber_json_peek_int (entry, "document_id", 0);
      document = g_new0 (DeliveredDocument, 1);
      document->title = g_strdup (chamber_json_peek_string (entry, "title"));
      if (document->title == NULL)
        document->title = g_strdup (_("Untitled document"));
      document->version = (int) chamber_json_peek_int (entry, "version", 0);
      document->downloaded_at = g_strdup (chamber_json_peek_string (entry, "downloaded_at"));
      /* An older version on the laptop: the newest the audit log saw them download. */
      if (held != NULL)
        document->held_version = GPOINTER_TO_INT (g_hash_table_lookup (held->titles,
                                                                       document->title));
      if (document->downloaded_at != NULL && !g_hash_table_contains (missing_ids, &id))
        {
          document->state = DELIVERED;
          document->held_version = document->version;
        }
      else if (document->held_version > 0 && document->held_version < document->version)
        document->state = OUTDATED;
      else
        {
          document->state = MISSING;
          document->held_version = 0;
        }
      if (document->state != DELIVERED)
        row->n_missing++;
      /* Without a last activity from the server, the latest download is the best sign. */
      latest = document->downloaded_at;
      if (latest != NULL
          && (row->last_activity == NULL || g_strcmp0 (latest, row->last_activity) > 0))
        {
          g_free (row->last_activity);
          row->last_activity = g_strdup (latest);
        }
      g_ptr_array_add (row->documents, document);
    }
  if (held != NULL && held->latest != NULL && g_strcmp0 (held->latest, row->last_activity) > 0)
    {
      g_free (row->last_activity);
      row->last_activity = g_strdup (held->latest);
    }
  if (chamber_json_peek_string (object, "last_activity") != NULL)
    {
      g_free (row->last_activity);
      row->last_activity = g_strdup (chamber_json_peek_string (object, "last_activity"));
    }
  return row;
}

/* On the worker: the report as rows. */
static gpointer
load_call (ChamberClient *client, gpointer data, GCancellable *cancellable, GError **error)
{
  gint64 session_id = *(gint64 *) data;
  g_autoptr (JsonNode) answer = NULL;
  g_autoptr (JsonNode) audit = NULL;
  g_autoptr (GHashTable) downloads = NULL;
  g_autofree char *path = NULL;
  g_autofree char *audit_path = NULL;
  GPtrArray *rows;
  JsonArray *people = NULL;

  path = g_strdup_printf ("/api/v1/sessions/%lld/delivery", (long long) session_id);
  answer = chamber_client_request_json (client, "GET", path, NULL, NULL, cancellable, error);
  if (answer == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, CHAMBER_CLIENT_ERROR, CHAMBER_CLIENT_ERROR_PROTOCOL,
                             _("The server sent an empty delivery report."));
      return NULL;
    }
  people = chamber_desk_answer_get_array (answer, "people",
                                          _("The server's delivery report cannot be read."),
                                          error);
  if (people == NULL)
    return NULL;
  /* Which older versions reached whom: the audit log's downloads of this session. */
  audit_path = g_strdup_printf ("/api/v1/audit?session=%lld&limit=10000", (long long) session_id);
  audit = chamber_client_request_json (client, "GET", audit_path, NULL, NULL, cancellable, error);
  if (audit == NULL)
    return NULL;
  downloads = downloads_from_audit (audit);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) delivery_row_free);
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonNode *node = json_array_get_element (people, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        g_ptr_array_add (rows, row_from_json (json_node_get_object (node), downloads));
    }
  return rows;
}

/* ---- Showing it ----------------------------------------------------------------------------- */

static GtkWidget *
document_row_new (DeliveredDocument *document)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (document->title, -1);
  g_autofree char *when = chamber_timestamp_format (document->downloaded_at);
  g_autofree char *subtitle = NULL;
  GtkWidget *state;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  switch (document->state)
    {
    case DELIVERED:
      /* TRANSLATORS: a document on a delegate's laptop: its version and when it arrived. */
      subtitle = g_strdup_printf (_("Version %d, received %s"), document->version,
                                  when != NULL ? when : "");
      state = gtk_label_new (_("Delivered"));
      gtk_widget_add_css_class (state, "success");
      break;
    case OUTDATED:
      subtitle = g_strdup_printf (_("Has version %d, the newest is version %d"),
                                  document->held_version, document->version);
      state = gtk_label_new (_("Outdated"));
      gtk_widget_add_css_class (state, "warning");
      break;
    case MISSING:
    default:
      subtitle = g_strdup_printf (_("Version %d not received"), document->version);
      state = gtk_label_new (_("Missing"));
      gtk_widget_add_css_class (state, "error");
      break;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (state, "heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
  return row;
}

static void
person_expanded_cb (AdwExpanderRow *expander, GParamSpec *pspec, gpointer user_data)
{
  DeliveryRow *row = g_object_get_data (G_OBJECT (expander), "chamber-delivery-row");

  if (!adw_expander_row_get_expanded (expander) || row == NULL)
    return;
  g_object_set_data (G_OBJECT (expander), "chamber-delivery-row", NULL);
  for (guint i = 0; i < row->documents->len; i++)
    adw_expander_row_add_row (expander, document_row_new (g_ptr_array_index (row->documents, i)));
}

static GtkWidget *
person_row_new (DeliveryRow *row)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *name = g_markup_escape_text (row->name, -1);
  g_autofree char *when = chamber_timestamp_format (row->last_activity);
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *escaped = NULL;
  GtkWidget *count;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), name);
  if (row->group != NULL)
    g_string_append (subtitle, row->group);
  if (subtitle->len > 0)
    g_string_append (subtitle, " · ");
  if (when != NULL)
    /* TRANSLATORS: when a delegate's laptop last fetched a document. */
    g_string_append_printf (subtitle, _("Last activity %s"), when);
  else
    g_string_append (subtitle, _("No activity yet"));
  /* What to say on the phone, without opening the row: the first titles of each kind and how
   * many more. Every title of every person in one wrapping subtitle made the first layout of
   * the page shape kilobytes of text many times over (seconds of CPU for the demo's 25
   * people); the row's own rows list them all. */
  for (int pass = MISSING; pass >= OUTDATED; pass--)
    {
      guint n = 0;

      for (guint i = 0; i < row->documents->len; i++)
        {
          DeliveredDocument *document = g_ptr_array_index (row->documents, i);

          if ((int) document->state != pass)
            continue;
          n++;
          if (n > SUBTITLE_TITLES)
            continue;
          if (n == 1)
            {
              g_string_append_c (subtitle, '\n');
              g_string_append (subtitle,
                               pass == MISSING ? _("Missing: ") : _("Old version of: "));
            }
          else
            g_string_append (subtitle, ", ");
          g_string_append (subtitle, document->title);
          if (pass == OUTDATED)
            /* TRANSLATORS: after a document's title: the version held and the newest one. */
            g_string_append_printf (subtitle, _(" (has %d of %d)"), document->held_version,
                                    document->version);
        }
      if (n > SUBTITLE_TITLES)
        /* TRANSLATORS: after the first titles of the documents a delegate lacks. */
        g_string_append_printf (subtitle, ngettext (" and %u more", " and %u more",
                                                    n - SUBTITLE_TITLES),
                                n - SUBTITLE_TITLES);
    }
  escaped = g_markup_escape_text (subtitle->str, -1);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), escaped);

  if (row->documents->len == 0)
    count = gtk_label_new (_("No documents to receive"));
  else if (row->n_missing == 0)
    count = gtk_label_new (_("All received"));
  else
    {
      guint n_outdated = 0;
      g_autofree char *text = NULL;

      for (guint i = 0; i < row->documents->len; i++)
        if (((DeliveredDocument *) g_ptr_array_index (row->documents, i))->state == OUTDATED)
          n_outdated++;
      if (n_outdated == row->n_missing)
        text = g_strdup_printf (ngettext ("%u of %u outdated", "%u of %u outdated", n_outdated),
                                n_outdated, row->documents->len);
      else
        text = g_strdup_printf (ngettext ("%u of %u missing", "%u of %u missing",
                                          row->n_missing),
                                row->n_missing, row->documents->len);
      count = gtk_label_new (text);
      gtk_widget_add_css_class (count, n_outdated == row->n_missing ? "warning" : "error");
    }
  if (row->n_missing == 0)
    gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "heading");
  adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), count);

  /* The documents' rows are made when the row opens: a closed AdwExpanderRow still measures
   * its hidden rows, and hundreds of them would be shaped again at every layout of the page. */
  g_object_set_data (G_OBJECT (expander), "chamber-delivery-row", row);
  g_signal_connect (expander, "notify::expanded", G_CALLBACK (person_expanded_cb), NULL);
  return expander;
}

static int
compare_missing_first (gconstpointer a, gconstpointer b)
{
  const DeliveryRow *row_a = *(DeliveryRow **) a;
  const DeliveryRow *row_b = *(DeliveryRow **) b;

  if (row_a->n_missing != row_b->n_missing)
    return row_a->n_missing > row_b->n_missing ? -1 : 1;
  return g_utf8_collate (row_a->name, row_b->name);
}

static void
show_rows (ChamberDeskDelivery *self)
{
  gboolean only_missing = gtk_check_button_get_active (self->only_missing_check);
  guint n_missing = 0;

  chamber_list_box_remove_all (self->list);
  g_ptr_array_set_size (self->shown, 0);

  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      DeliveryRow *row = g_ptr_array_index (self->rows, i);

      if (row->n_missing > 0)
        n_missing++;
      if (!only_missing || row->n_missing > 0)
        g_ptr_array_add (self->shown, row);
    }
  /* The server lists by role, then name; "most missing first" puts the calls to make on top. */
  if (gtk_drop_down_get_selected (self->sort_drop) == 1)
    g_ptr_array_sort (self->shown, compare_missing_first);
  for (guint i = 0; i < self->shown->len; i++)
    gtk_list_box_append (self->list, person_row_new (g_ptr_array_index (self->shown, i)));

  if (self->rows == NULL)
    gtk_label_set_text (self->summary_label, "");
  else
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%u of %u person is missing documents",
                                                         "%u of %u people are missing documents",
                                                         self->rows->len),
                                               n_missing, self->rows->len);

      gtk_label_set_text (self->summary_label, text);
    }
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskDelivery *self = CHAMBER_DESK_DELIVERY (source);
  g_autoptr (GError) error = NULL;
  GPtrArray *rows;
  GPtrArray *old_rows;

  rows = chamber_desk_call_finish (result, &error);
  if (self->box == NULL)
    {
      /* The page is gone. */
      g_clear_pointer (&rows, g_ptr_array_unref);
      return;
    }
  if (rows == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->loads_completed++;
      chamber_desk_banner_set (self->error_label, &self->error,
                               error != NULL ? error->message
                                             : _("The delivery report is empty."));
      return;
    }
  self->loads_completed++;
  chamber_desk_banner_set (self->error_label, &self->error, NULL);
  /* The old rows stay alive until the list no longer shows them. */
  old_rows = g_steal_pointer (&self->rows);
  self->rows = rows;
  show_rows (self);
  g_clear_pointer (&old_rows, g_ptr_array_unref);
}

void
chamber_desk_delivery_reload (ChamberDeskDelivery *self)
{
  g_return_if_fail (CHAMBER_IS_DESK_DELIVERY (self));

  if (self->box == NULL)
    return;
  chamber_desk_cancellable_renew (&self->cancellable);
  if (self->session_id <= 0)
    {
      g_autoptr (GPtrArray) old_rows = g_steal_pointer (&self->rows);

      show_rows (self);
      return;
    }
  chamber_desk_call_async (self, self->connection, load_call,
                           g_memdup2 (&self->session_id, sizeof self->session_id), g_free,
                           (GDestroyNotify) g_ptr_array_unref, self->cancellable, loaded_cb,
                           NULL);
}

static void
refresh_clicked_cb (ChamberDeskDelivery *self)
{
  chamber_desk_delivery_reload (self);
}

/* ---- The widget ----------------------------------------------------------------------------- */

static void
chamber_desk_delivery_dispose (GObject *object)
{
  ChamberDeskDelivery *self = CHAMBER_DESK_DELIVERY (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (chamber_desk_delivery_parent_class)->dispose (object);
}

static void
chamber_desk_delivery_finalize (GObject *object)
{
  ChamberDeskDelivery *self = CHAMBER_DESK_DELIVERY (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->connection, chamber_connection_free);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->error);
  G_OBJECT_CLASS (chamber_desk_delivery_parent_class)->finalize (object);
}

static void
chamber_desk_delivery_class_init (ChamberDeskDeliveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_desk_delivery_dispose;
  object_class->finalize = chamber_desk_delivery_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chamber-desk-delivery");
}

static void
chamber_desk_delivery_init (ChamberDeskDelivery *self)
{
  const char *sorts[] = { N_("By name"), N_("Most missing first"), NULL };
  g_autoptr (GtkStringList) sort_model = gtk_string_list_new (NULL);
  GtkWidget *bar, *refresh, *scrolled, *clamp, *sort_label;

  self->cancellable = g_cancellable_new ();
  self->shown = g_ptr_array_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_box_append (GTK_BOX (self->box), bar);

  self->summary_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "heading");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->summary_label));

  self->only_missing_check =
    GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Only people _missing something")));
  g_signal_connect_object (self->only_missing_check, "toggled", G_CALLBACK (show_rows), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->only_missing_check));

  sort_label = gtk_label_new_with_mnemonic (_("_Sort"));
  gtk_box_append (GTK_BOX (bar), sort_label);
  for (guint i = 0; sorts[i] != NULL; i++)
    gtk_string_list_append (sort_model, _(sorts[i]));
  self->sort_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (sort_model)),
                                                      NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (sort_label), GTK_WIDGET (self->sort_drop));
  g_signal_connect_object (self->sort_drop, "notify::selected", G_CALLBACK (show_rows), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->sort_drop));

  refresh = gtk_button_new_with_mnemonic (_("_Refresh"));
  g_signal_connect_object (refresh, "clicked", G_CALLBACK (refresh_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), refresh);

  self->error_label = chamber_desk_banner_new (GTK_BOX (self->box), "error", 12);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (self->box), scrolled);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_list_box_set_placeholder (self->list, gtk_label_new (_("No one to deliver to yet.")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delivery per person"), -1);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
}

GtkWidget *
chamber_desk_delivery_new (const ChamberConnection *connection)
{
  ChamberDeskDelivery *self;

  g_return_val_if_fail (connection != NULL, NULL);

  self = g_object_new (CHAMBER_TYPE_DESK_DELIVERY, NULL);
  self->connection = chamber_connection_copy (connection);
  return GTK_WIDGET (self);
}

void
chamber_desk_delivery_set_session (ChamberDeskDelivery *self, gint64 session_id)
{
  g_return_if_fail (CHAMBER_IS_DESK_DELIVERY (self));

  self->session_id = session_id;
  chamber_desk_delivery_reload (self);
}

guint
chamber_desk_delivery_get_loads_completed (ChamberDeskDelivery *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_DELIVERY (self), 0);
  return self->loads_completed;
}

const char *
chamber_desk_delivery_get_error (ChamberDeskDelivery *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_DELIVERY (self), NULL);
  return self->error;
}

void
chamber_desk_delivery_set_only_missing (ChamberDeskDelivery *self, gboolean only_missing)
{
  g_return_if_fail (CHAMBER_IS_DESK_DELIVERY (self));
  gtk_check_button_set_active (self->only_missing_check, only_missing);
}

guint
chamber_desk_delivery_get_n_rows (ChamberDeskDelivery *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_DELIVERY (self), 0);
  return self->shown->len;
}

gint64
chamber_desk_delivery_get_row_person (ChamberDeskDelivery *self, guint index)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_DELIVERY (self), 0);
  g_return_val_if_fail (index < self->shown->len, 0);
  return ((DeliveryRow *) g_ptr_array_index (self->shown, index))->person_id;
}

guint
chamber_desk_delivery_get_row_missing (ChamberDeskDelivery *self, guint index)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_DELIVERY (self), 0);
  g_return_val_if_fail (index < self->shown->len, 0);
  return ((DeliveryRow *) g_ptr_array_index (self->shown, index))->n_missing;
}

guint
chamber_desk_delivery_get_row_outdated (ChamberDeskDelivery *self, guint index)
{
  DeliveryRow *row;
  guint n = 0;

  g_return_val_if_fail (CHAMBER_IS_DESK_DELIVERY (self), 0);
  g_return_val_if_fail (index < self->shown->len, 0);

  row = g_ptr_array_index (self->shown, index);
  for (guint i = 0; i < row->documents->len; i++)
    if (((DeliveredDocument *) g_ptr_array_index (row->documents, i))->state == OUTDATED)
      n++;
  return n;
}
