/* chamber-desk-documents.c — the desk's Documents page (see chamber-desk-documents.h). The
 * session's items, documents and people are read in one call on a worker; each agenda item is
 * a group of rows that takes dropped files. Uploads wait in a queue and go one at a time on a
 * worker (chamber-desk-request.h) whose client reports the bytes sent; the progress reaches
 * the page through an idle callback, and each file's row ends with the pages the server
 * counted or its refusal, word for word. Nothing is uploaded that the person did not drop or
 * choose, and a refused file changes nothing on the server. Uploads are saved as drafts unless
 * the page is set to publish them at once: a draft carries a "Draft" tag and a Publish button,
 * and Publish All Drafts… sends every draft of the session after a confirmation that says how
 * many documents will go out. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "chamber-client.h"
#include "chamber-desk-documents.h"
#include "chamber-desk-request.h"
#include "chamber-protocol.h"

/* Progress is shown every this many bytes (and at the end). */
#define PROGRESS_STEP (64 * 1024)

typedef struct {
  GPtrArray *items;      /* ChamberItem, in tree order */
  GPtrArray *documents;  /* ChamberDocument: the newest version of each */
  GPtrArray *people;     /* ChamberPerson */
} Load;

typedef struct {
  ChamberDeskDocuments *page;  /* not owned: the task holds a reference */
  guint                 index;
  char                 *path;
  char                 *title;
  gint64                item_id;
  gint64                replace_id;  /* 0: a new document */
  int                   kind;
  char                **access;
  gboolean              draft;
  goffset               shown;       /* bytes last reported */
} UploadJob;

struct _ChamberDeskDocuments
{
  GtkWidget          parent_instance;

  GtkWidget         *box;
  GtkDropDown       *kind_drop;
  GtkDropDown       *access_drop;
  GtkEntry          *access_entry;
  GtkLabel          *error_label;
  GtkBox            *items_box;
  GtkListBox        *upload_list;
  GtkDropDown       *when_drop;    /* 0: save as draft, 1: publish now */
  GtkLabel          *drafts_label;
  GtkWidget         *publish_all;

  ChamberConnection *connection;
  GCancellable      *cancellable;
  gint64             session_id;
  Load              *load;
  GPtrArray         *uploads;     /* ChamberDeskUpload */
  GQueue             queue;       /* UploadJob waiting */
  gboolean           uploading;
  guint              loads_completed;
  guint              access_changes_completed;
  guint              publishes_completed;
  char              *error;
};

typedef struct {
  char                   *name;
  ChamberDeskUploadState  state;
  goffset                 sent;
  goffset                 total;
  int                     pages;
  char                   *message;
  GtkWidget              *row;
  GtkProgressBar         *bar;
  GtkLabel               *result;
} ChamberDeskUpload;

G_DEFINE_FINAL_TYPE (ChamberDeskDocuments, chamber_desk_documents, GTK_TYPE_WIDGET)

static void start_next_upload (ChamberDeskDocuments *self);

/* The kinds in the order the page offers them. */
static const ChamberDocumentKind kinds[] = {
  CHAMBER_DOCUMENT_SUBMISSION, CHAMBER_DOCUMENT_REPORT, CHAMBER_DOCUMENT_DRAFT_RESOLUTION,
  CHAMBER_DOCUMENT_OTHER,
};

static const char *const access_labels[] = {
  N_("All delegates"), N_("Groups"), N_("People"), NULL
};

static void
load_free (Load *load)
{
  g_clear_pointer (&load->items, g_ptr_array_unref);
  g_clear_pointer (&load->documents, g_ptr_array_unref);
  g_clear_pointer (&load->people, g_ptr_array_unref);
  g_free (load);
}

static void
upload_free (ChamberDeskUpload *upload)
{
  g_free (upload->name);
  g_free (upload->message);
  g_free (upload);
}

static void
upload_job_free (UploadJob *job)
{
  g_free (job->path);
  g_free (job->title);
  g_strfreev (job->access);
  g_free (job);
}

/* A drop-down of the kinds, in the order of kinds[]. */
static GtkDropDown *
kind_drop_down_new (void)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (model, chamber_document_kind_get_label (kinds[i]));
  return GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL));
}

/* A drop-down of who may read: all delegates, groups, people. */
static GtkDropDown *
access_drop_down_new (void)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; access_labels[i] != NULL; i++)
    gtk_string_list_append (model, _(access_labels[i]));
  return GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)), NULL));
}

static void
show_error (ChamberDeskDocuments *self, const char *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* ---- Who may read ----------------------------------------------------------------------- */

static const ChamberPerson *
find_person_by_id (ChamberDeskDocuments *self, gint64 id)
{
  for (guint i = 0; self->load != NULL && i < self->load->people->len; i++)
    {
      const ChamberPerson *person = g_ptr_array_index (self->load->people, i);

      if (person->id == id)
        return person;
    }
  return NULL;
}

static const ChamberPerson *
find_person_by_name (ChamberDeskDocuments *self, const char *name)
{
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  for (guint i = 0; self->load != NULL && i < self->load->people->len; i++)
    {
      const ChamberPerson *person = g_ptr_array_index (self->load->people, i);
      g_autofree char *folded = g_utf8_casefold (person->name, -1);

      if (g_utf8_collate (folded, wanted) == 0)
        return person;
    }
  return NULL;
}

/* The access list for @mode (0 all, 1 groups, 2 people) and @text (names separated by commas;
 * a person also by their number), or NULL with a message saying what is wrong. */
static char **
parse_access (ChamberDeskDocuments *self, guint mode, const char *text, char **out_message)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) names = NULL;
  guint n = 0;

  if (mode == 0)
    {
      g_strv_builder_add (builder, "all");
      return g_strv_builder_end (builder);
    }
  names = g_strsplit (text != NULL ? text : "", ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      char *name = g_strstrip (names[i]);

      if (*name == '\0')
        continue;
      if (strlen (name) > 1000)
        {
          *out_message = g_strdup (_("A name is too long."));
          return NULL;
        }
      if (mode == 1)
        {
          g_autofree char *entry = g_strdup_printf ("group:%s", name);

          g_strv_builder_add (builder, entry);
        }
      else
        {
          const ChamberPerson *person = find_person_by_name (self, name);
          guint64 id = 0;

          if (person == NULL && g_ascii_string_to_unsigned (name, 10, 1, G_MAXINT64, &id, NULL))
            person = find_person_by_id (self, (gint64) id);
          if (person == NULL)
            {
              *out_message = g_strdup_printf (_("No one called “%s” is on the server."), name);
              return NULL;
            }
          g_autofree char *entry = g_strdup_printf ("person:%lld", (long long) person->id);

          g_strv_builder_add (builder, entry);
        }
      n++;
    }
  if (n == 0)
    {
      *out_message = g_strdup (mode == 1 ? _("Name at least one group, or choose all delegates.")
                                         : _("Name at least one person, or choose all delegates."));
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* @access as people read it ("Tổ 1, Nguyễn Văn A"). */
static char *
describe_access (ChamberDeskDocuments *self, char **access)
{
  g_autoptr (GString) text = g_string_new (NULL);

  if (access == NULL || access[0] == NULL)
    return g_strdup (_("All delegates"));
  for (guint i = 0; access[i] != NULL; i++)
    {
      if (text->len > 0)
        g_string_append (text, ", ");
      if (g_strcmp0 (access[i], "all") == 0)
        g_string_append (text, _("All delegates"));
      else if (g_str_has_prefix (access[i], "group:"))
        g_string_append (text, access[i] + strlen ("group:"));
      else if (g_str_has_prefix (access[i], "person:"))
        {
          gint64 id = g_ascii_strtoll (access[i] + strlen ("person:"), NULL, 10);
          const ChamberPerson *person = find_person_by_id (self, id);

          if (person != NULL)
            g_string_append (text, person->name);
          else
            g_string_append (text, access[i]);
        }
      else
        g_string_append (text, access[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The mode (0 all, 1 groups, 2 people) and the text the access dialog starts from. */
static guint
access_to_form (ChamberDeskDocuments *self, char **access, char **out_text)
{
  g_autoptr (GString) text = g_string_new (NULL);
  guint mode = 0;

  for (guint i = 0; access != NULL && access[i] != NULL; i++)
    {
      const char *name = NULL;

      if (g_str_has_prefix (access[i], "group:"))
        {
          mode = mode == 0 ? 1 : mode;
          name = access[i] + strlen ("group:");
        }
      else if (g_str_has_prefix (access[i], "person:"))
        {
          const ChamberPerson *person =
            find_person_by_id (self, g_ascii_strtoll (access[i] + strlen ("person:"), NULL, 10));

          mode = 2;
          name = person != NULL ? person->name : access[i] + strlen ("person:");
        }
      if (name != NULL)
        {
          if (text->len > 0)
            g_string_append (text, ", ");
          g_string_append (text, name);
        }
    }
  *out_text = g_string_free (g_steal_pointer (&text), FALSE);
  return mode;
}

/* ---- Reading the session ---------------------------------------------------------------- */

static JsonArray *
answer_array (JsonNode *answer, const char *member)
{
  return answer != NULL && JSON_NODE_HOLDS_OBJECT (answer)
           ? chamber_json_peek_array (json_node_get_object (answer), member)
           : NULL;
}

static gpointer
load_call (ChamberClient *client, gpointer data, GCancellable *cancellable, GError **error)
{
  gint64 session_id = *(gint64 *) data;
  g_autoptr (JsonNode) items = NULL;
  g_autoptr (JsonNode) documents = NULL;
  g_autoptr (JsonNode) people = NULL;
  g_autofree char *items_path = NULL;
  g_autofree char *documents_path = NULL;
  g_autoptr (GHashTable) newest = NULL;
  JsonArray *array;
  Load *load;

  items_path = g_strdup_printf ("/api/v1/sessions/%lld/items", (long long) session_id);
  documents_path = g_strdup_printf ("/api/v1/sessions/%lld/documents", (long long) session_id);
  items = chamber_client_request_json (client, "GET", items_path, NULL, NULL, cancellable, error);
  if (items == NULL)
    return NULL;
  documents = chamber_client_request_json (client, "GET", documents_path, NULL, NULL,
                                           cancellable, error);
  if (documents == NULL)
    return NULL;
  people = chamber_client_request_json (client, "GET", "/api/v1/people", NULL, NULL,
                                        cancellable, error);
  if (people == NULL)
    return NULL;

  load = g_new0 (Load, 1);
  load->items = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_item_free);
  load->documents = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_document_free);
  load->people = g_ptr_array_new_with_free_func ((GDestroyNotify) chamber_person_free);

  array = answer_array (items, "items");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      ChamberItem *item = JSON_NODE_HOLDS_OBJECT (node)
                            ? chamber_item_from_json (json_node_get_object (node), NULL) : NULL;

      if (item != NULL)
        g_ptr_array_add (load->items, item);
    }
  array = answer_array (people, "people");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      ChamberPerson *person = JSON_NODE_HOLDS_OBJECT (node)
                                ? chamber_person_from_json (json_node_get_object (node), NULL)
                                : NULL;

      if (person != NULL)
        g_ptr_array_add (load->people, person);
    }
  /* Every version comes: keep the newest of each item and title, in the server's order. */
  newest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  array = answer_array (documents, "documents");
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr (ChamberDocument) document = NULL;
      g_autofree char *key = NULL;
      ChamberDocument *held;

      if (JSON_NODE_HOLDS_OBJECT (node))
        document = chamber_document_from_json (json_node_get_object (node), NULL);
      if (document == NULL)
        continue;
      key = g_strdup_printf ("%lld/%s", (long long) document->item_id, document->title);
      held = g_hash_table_lookup (newest, key);
      if (held == NULL)
        {
          g_hash_table_insert (newest, g_steal_pointer (&key), document);
          g_ptr_array_add (load->documents, g_steal_pointer (&document));
        }
      else if (document->version > held->version)
        {
          guint index = 0;

          g_ptr_array_find (load->documents, held, &index);
          g_hash_table_insert (newest, g_steal_pointer (&key), document);
          g_ptr_array_index (load->documents, index) = g_steal_pointer (&document);
          chamber_document_free (held);
        }
    }
  return load;
}

/* ---- Showing it --------------------------------------------------------------------------- */

static void choose_files (ChamberDeskDocuments *self, gint64 item_id, gint64 replace_id);
static void edit_access (ChamberDeskDocuments *self, gint64 document_id);

static void
publish_clicked_cb (GtkButton *button, ChamberDeskDocuments *self)
{
  gint64 *ids = g_object_get_data (G_OBJECT (button), "ids");

  chamber_desk_documents_publish (self, ids[1]);
}

static void
add_clicked_cb (GtkButton *button, ChamberDeskDocuments *self)
{
  choose_files (self, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "item-id")), 0);
}

static void
replace_clicked_cb (GtkButton *button, ChamberDeskDocuments *self)
{
  gint64 *ids = g_object_get_data (G_OBJECT (button), "ids");

  choose_files (self, ids[0], ids[1]);
}

static void
access_clicked_cb (GtkButton *button, ChamberDeskDocuments *self)
{
  gint64 *ids = g_object_get_data (G_OBJECT (button), "ids");

  edit_access (self, ids[1]);
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y,
         ChamberDeskDocuments *self)
{
  gint64 item_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (target), "item-id"));

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  chamber_desk_documents_drop_files (self, item_id, g_value_get_boxed (value));
  return TRUE;
}

static GtkWidget *
document_row_new (ChamberDeskDocuments *self, const ChamberDocument *document)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (document->title, -1);
  g_autofree char *who = describe_access (self, document->access);
  g_autofree char *pages = g_strdup_printf (ngettext ("%d page", "%d pages", document->pages),
                                            document->pages);
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped = NULL;
  GtkWidget *replace, *access, *box;
  gint64 *ids = g_new (gint64, 2);

  ids[0] = document->item_id;
  ids[1] = document->id;
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* TRANSLATORS: a document's kind, version, number of pages and who may read it. */
  subtitle = g_strdup_printf (_("%s · version %d · %s · %s"),
                              chamber_document_kind_get_label (document->kind),
                              document->version, pages, who);
  escaped = g_markup_escape_text (subtitle, -1);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  replace = gtk_button_new_with_label (_("New Version…"));
  g_object_set_data_full (G_OBJECT (replace), "ids", ids, g_free);
  g_signal_connect_object (replace, "clicked", G_CALLBACK (replace_clicked_cb), self, 0);
  access = gtk_button_new_with_label (_("Access…"));
  g_object_set_data_full (G_OBJECT (access), "ids", g_memdup2 (ids, 2 * sizeof (gint64)),
                          g_free);
  g_signal_connect_object (access, "clicked", G_CALLBACK (access_clicked_cb), self, 0);
  if (document->draft)
    {
      GtkWidget *tag = gtk_label_new (_("Draft"));
      GtkWidget *publish = gtk_button_new_with_label (_("Publish"));

      /* Not a button: a word that says what the row is, as a pill. */
      gtk_widget_add_css_class (tag, "caption-heading");
      gtk_widget_add_css_class (tag, "warning");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (tag, _("Only the secretariat sees it until it is published."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), tag);
      gtk_widget_add_css_class (publish, "suggested-action");
      gtk_widget_set_tooltip_text (publish, _("Send it to everyone who may read it"));
      g_object_set_data_full (G_OBJECT (publish), "ids", g_memdup2 (ids, 2 * sizeof (gint64)),
                              g_free);
      g_signal_connect_object (publish, "clicked", G_CALLBACK (publish_clicked_cb), self, 0);
      gtk_box_append (GTK_BOX (box), publish);
    }
  gtk_box_append (GTK_BOX (box), replace);
  gtk_box_append (GTK_BOX (box), access);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
  return row;
}

/* The drafts among the documents shown. */
static guint
count_drafts (ChamberDeskDocuments *self)
{
  guint n = 0;

  for (guint i = 0; self->load != NULL && i < self->load->documents->len; i++)
    if (((const ChamberDocument *) g_ptr_array_index (self->load->documents, i))->draft)
      n++;
  return n;
}

static void
show_drafts (ChamberDeskDocuments *self)
{
  guint n = count_drafts (self);
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("No drafts: every document shown is published."));
  else
    text = g_strdup_printf (ngettext ("%u draft not published yet.",
                                      "%u drafts not published yet.", n),
                            n);
  gtk_label_set_text (self->drafts_label, text);
  gtk_widget_set_sensitive (self->publish_all, n > 0);
}

static int
item_depth (ChamberDeskDocuments *self, const ChamberItem *item)
{
  int depth = 0;
  gint64 parent = item->parent_id;

  while (parent != 0 && depth < 16)
    {
      gint64 next = 0;

      for (guint i = 0; i < self->load->items->len; i++)
        {
          const ChamberItem *other = g_ptr_array_index (self->load->items, i);

          if (other->id == parent)
            next = other->parent_id;
        }
      parent = next;
      depth++;
    }
  return depth;
}

static void
show_items (ChamberDeskDocuments *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->items_box))) != NULL)
    gtk_box_remove (self->items_box, child);
  show_drafts (self);
  if (self->load == NULL)
    return;
  if (self->load->items->len == 0)
    {
      GtkWidget *empty =
        gtk_label_new (_("This session has no agenda items yet. Add them on the Agenda page."));

      gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
      gtk_widget_add_css_class (empty, "dim-label");
      gtk_box_append (self->items_box, empty);
      return;
    }
  for (guint i = 0; i < self->load->items->len; i++)
    {
      const ChamberItem *item = g_ptr_array_index (self->load->items, i);
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Documents…"));
      GtkDropTarget *target;
      g_autofree char *title = g_markup_escape_text (item->title, -1);
      guint n = 0;

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      gtk_widget_set_margin_start (group, 24 * item_depth (self, item));
      g_object_set_data (G_OBJECT (add), "item-id", GSIZE_TO_POINTER ((gsize) item->id));
      g_signal_connect_object (add, "clicked", G_CALLBACK (add_clicked_cb), self, 0);
      gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

      for (guint j = 0; j < self->load->documents->len; j++)
        {
          const ChamberDocument *document = g_ptr_array_index (self->load->documents, j);

          if (document->item_id != item->id)
            continue;
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                     document_row_new (self, document));
          n++;
        }
      if (n == 0)
        adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                               _("No documents yet: drop PDF files here."));

      target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
      g_object_set_data (G_OBJECT (target), "item-id", GSIZE_TO_POINTER ((gsize) item->id));
      g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
      gtk_widget_add_controller (group, GTK_EVENT_CONTROLLER (target));
      gtk_box_append (self->items_box, group);
    }
}

static void
loaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskDocuments *self = CHAMBER_DESK_DOCUMENTS (source);
  g_autoptr (GError) error = NULL;
  Load *load;

  load = chamber_desk_call_finish (result, &error);
  if (self->box == NULL)
    {
      /* The page is gone. */
      g_clear_pointer (&load, load_free);
      return;
    }
  if (load == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->loads_completed++;
      show_error (self, error != NULL ? error->message : _("The server sent nothing."));
      return;
    }
  self->loads_completed++;
  show_error (self, NULL);
  g_clear_pointer (&self->load, load_free);
  self->load = load;
  show_items (self);
}

void
chamber_desk_documents_reload (ChamberDeskDocuments *self)
{
  g_return_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self));

  if (self->box == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->session_id <= 0)
    {
      g_clear_pointer (&self->load, load_free);
      show_items (self);
      return;
    }
  chamber_desk_call_async (self, self->connection, load_call,
                           g_memdup2 (&self->session_id, sizeof self->session_id), g_free,
                           (GDestroyNotify) load_free, self->cancellable, loaded_cb, NULL);
}

/* ---- Uploads ------------------------------------------------------------------------------ */

static void
show_upload (ChamberDeskUpload *upload)
{
  g_autofree char *text = NULL;

  switch (upload->state)
    {
    case CHAMBER_DESK_UPLOAD_WAITING:
      text = g_strdup (_("Waiting"));
      break;
    case CHAMBER_DESK_UPLOAD_SENDING:
      {
        g_autofree char *sent = g_format_size (upload->sent);
        g_autofree char *total = g_format_size (upload->total);

        /* TRANSLATORS: bytes of a file sent so far, e.g. "1.2 MB of 3.4 MB". */
        text = g_strdup_printf (_("%s of %s"), sent, total);
        gtk_progress_bar_set_fraction (upload->bar, upload->total > 0
                                                      ? (double) upload->sent / upload->total
                                                      : 0.0);
        if (upload->total > 0 && upload->sent >= upload->total)
          {
            g_free (text);
            text = g_strdup (_("Sent; the server is checking it"));
          }
      }
      break;
    case CHAMBER_DESK_UPLOAD_ACCEPTED:
      text = g_strdup_printf (ngettext ("Accepted: %d page", "Accepted: %d pages", upload->pages),
                              upload->pages);
      gtk_progress_bar_set_fraction (upload->bar, 1.0);
      gtk_widget_remove_css_class (GTK_WIDGET (upload->result), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (upload->result), "success");
      break;
    case CHAMBER_DESK_UPLOAD_REFUSED:
    default:
      text = g_strdup_printf (_("Refused: %s"), upload->message);
      gtk_widget_set_visible (GTK_WIDGET (upload->bar), FALSE);
      gtk_widget_remove_css_class (GTK_WIDGET (upload->result), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (upload->result), "error");
      break;
    }
  gtk_label_set_text (upload->result, text);
}

typedef struct {
  ChamberDeskDocuments *page;
  guint                 index;
  goffset               sent;
  goffset               total;
} Progress;

static gboolean
progress_idle_cb (gpointer data)
{
  Progress *progress = data;
  ChamberDeskDocuments *self = progress->page;

  if (self->box != NULL && progress->index < self->uploads->len)
    {
      ChamberDeskUpload *upload = g_ptr_array_index (self->uploads, progress->index);

      upload->sent = MAX (upload->sent, progress->sent);
      upload->total = progress->total;
      if (upload->state == CHAMBER_DESK_UPLOAD_SENDING)
        show_upload (upload);
    }
  return G_SOURCE_REMOVE;
}

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->page);
  g_free (progress);
}

/* On the worker: the client wrote more of the file. */
static void
upload_progress_cb (goffset sent, goffset total, gpointer user_data)
{
  UploadJob *job = user_data;
  Progress *progress;

  if (sent < total && sent - job->shown < PROGRESS_STEP)
    return;
  job->shown = sent;
  progress = g_new0 (Progress, 1);
  progress->page = g_object_ref (job->page);
  progress->index = job->index;
  progress->sent = sent;
  progress->total = total;
  g_idle_add_full (G_PRIORITY_DEFAULT, progress_idle_cb, progress, (GDestroyNotify) progress_free);
}

static gpointer
upload_call (ChamberClient *client, gpointer data, GCancellable *cancellable, GError **error)
{
  UploadJob *job = data;
  ChamberDocument *document;

  chamber_client_set_upload_progress (client, upload_progress_cb, job);
  if (job->replace_id > 0)
    document = chamber_client_replace_document_full (client, job->replace_id, job->path,
                                                     job->kind, (const char *const *) job->access,
                                                     job->draft, cancellable, error);
  else
    document = chamber_client_upload_document (client, job->item_id, job->path, job->title,
                                               (ChamberDocumentKind) job->kind,
                                               (const char *const *) job->access, job->draft,
                                               cancellable, error);
  chamber_client_set_upload_progress (client, NULL, NULL);
  return document;
}

static void
uploaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskDocuments *self = CHAMBER_DESK_DOCUMENTS (source);
  guint index = GPOINTER_TO_UINT (user_data);
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberDocument) document = NULL;

  document = chamber_desk_call_finish (result, &error);
  self->uploading = FALSE;
  if (self->box == NULL)
    return;
  if (self->uploads == NULL || index >= self->uploads->len)
    return;
  {
    ChamberDeskUpload *upload = g_ptr_array_index (self->uploads, index);

    if (document != NULL)
      {
        upload->state = CHAMBER_DESK_UPLOAD_ACCEPTED;
        upload->pages = document->pages;
      }
    else
      {
        upload->state = CHAMBER_DESK_UPLOAD_REFUSED;
        upload->message = g_strdup (error != NULL ? error->message
                                                  : _("The server did not answer."));
      }
    show_upload (upload);
  }
  if (document != NULL)
    chamber_desk_documents_reload (self);
  start_next_upload (self);
}

static void
start_next_upload (ChamberDeskDocuments *self)
{
  UploadJob *job;
  ChamberDeskUpload *upload;

  if (self->uploading)
    return;
  job = g_queue_pop_head (&self->queue);
  if (job == NULL)
    return;
  upload = g_ptr_array_index (self->uploads, job->index);
  upload->state = CHAMBER_DESK_UPLOAD_SENDING;
  show_upload (upload);
  self->uploading = TRUE;
  job->page = self;
  chamber_desk_call_async (self, self->connection, upload_call, job,
                           (GDestroyNotify) upload_job_free,
                           (GDestroyNotify) chamber_document_free, NULL, uploaded_cb,
                           GUINT_TO_POINTER (job->index));
}

/* Adds a row for @file and either queues it or, when it cannot be sent, shows why at once. */
static void
add_upload (ChamberDeskDocuments *self, GFile *file, gint64 item_id, gint64 replace_id,
            int kind, char **access, gboolean draft)
{
  ChamberDeskUpload *upload = g_new0 (ChamberDeskUpload, 1);
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  GtkWidget *box, *name;

  upload->name = g_filename_display_name (basename != NULL ? basename : "?");
  /* The name, the bytes sent and then the server's answer, one under the other: the side
   * pane is narrow. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  name = gtk_label_new (upload->name);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), name);
  upload->result = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (upload->result, 0);
  gtk_label_set_wrap (upload->result, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (upload->result), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (upload->result), "caption");
  upload->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (upload->bar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (upload->result));
  upload->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (upload->row), box);
  gtk_list_box_prepend (self->upload_list, upload->row);
  g_ptr_array_add (self->uploads, upload);

  if (path == NULL)
    {
      upload->state = CHAMBER_DESK_UPLOAD_REFUSED;
      upload->message = g_strdup (_("Only files on this computer can be uploaded."));
    }
  else if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      upload->state = CHAMBER_DESK_UPLOAD_REFUSED;
      upload->message = g_strdup (_("This is a folder, not a PDF file."));
    }
  else
    {
      UploadJob *job = g_new0 (UploadJob, 1);
      g_autofree char *title = g_strdup (upload->name);

      if (g_str_has_suffix (title, ".pdf") || g_str_has_suffix (title, ".PDF"))
        title[strlen (title) - 4] = '\0';
      job->index = self->uploads->len - 1;
      job->path = g_steal_pointer (&path);
      job->title = g_steal_pointer (&title);
      job->item_id = item_id;
      job->replace_id = replace_id;
      job->kind = kind;
      job->access = g_strdupv (access);
      job->draft = draft;
      upload->state = CHAMBER_DESK_UPLOAD_WAITING;
      g_queue_push_tail (&self->queue, job);
    }
  show_upload (upload);
}

static gboolean
upload_options (ChamberDeskDocuments *self, int *out_kind, char ***out_access)
{
  g_autofree char *message = NULL;
  guint kind = gtk_drop_down_get_selected (self->kind_drop);

  *out_kind = kind < G_N_ELEMENTS (kinds) ? (int) kinds[kind] : (int) CHAMBER_DOCUMENT_OTHER;
  *out_access = parse_access (self, gtk_drop_down_get_selected (self->access_drop),
                              gtk_editable_get_text (GTK_EDITABLE (self->access_entry)),
                              &message);
  if (*out_access == NULL)
    {
      show_error (self, message);
      return FALSE;
    }
  return TRUE;
}

void
chamber_desk_documents_drop_files (ChamberDeskDocuments *self, gint64 item_id,
                                   GdkFileList *files)
{
  g_auto (GStrv) access = NULL;
  int kind;

  g_return_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self));
  g_return_if_fail (files != NULL);

  if (!upload_options (self, &kind, &access))
    return;
  show_error (self, NULL);
  for (GSList *l = gdk_file_list_get_files (files); l != NULL; l = l->next)
    add_upload (self, l->data, item_id, 0, kind, access,
                gtk_drop_down_get_selected (self->when_drop) == 0);
  start_next_upload (self);
}

void
chamber_desk_documents_replace (ChamberDeskDocuments *self, gint64 document_id, GFile *file)
{
  gint64 item_id = 0;

  g_return_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self));
  g_return_if_fail (G_IS_FILE (file));

  for (guint i = 0; self->load != NULL && i < self->load->documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (self->load->documents, i);

      if (document->id == document_id)
        item_id = document->item_id;
    }
  /* A new version keeps its kind and who may read it: change those with Access…. */
  add_upload (self, file, item_id, document_id, -1, NULL,
              gtk_drop_down_get_selected (self->when_drop) == 0);
  start_next_upload (self);
}

typedef struct {
  ChamberDeskDocuments *self;
  gint64                item_id;
  gint64                replace_id;
} Choice;

static void
files_chosen_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  Choice *choice = user_data;
  ChamberDeskDocuments *self = choice->self;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GSList) list = NULL;

      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_slist_prepend (list, g_list_model_get_item (files, i - 1));
      if (choice->replace_id > 0 && list != NULL)
        chamber_desk_documents_replace (self, choice->replace_id, list->data);
      else if (list != NULL)
        {
          GdkFileList *file_list = gdk_file_list_new_from_list (list);

          chamber_desk_documents_drop_files (self, choice->item_id, file_list);
          g_boxed_free (GDK_TYPE_FILE_LIST, file_list);
        }
      g_slist_free_full (g_steal_pointer (&list), g_object_unref);
    }
  g_object_unref (self);
  g_free (choice);
  g_object_unref (dialog);
}

static void
choose_files (ChamberDeskDocuments *self, gint64 item_id, gint64 replace_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  Choice *choice = g_new0 (Choice, 1);

  dialog = gtk_file_chooser_native_new (replace_id > 0 ? _("Choose the New Version")
                                                       : _("Add Documents"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Upload"), NULL);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), replace_id == 0);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  choice->self = g_object_ref (self);
  choice->item_id = item_id;
  choice->replace_id = replace_id;
  g_signal_connect (dialog, "response", G_CALLBACK (files_chosen_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* ---- Changing who may read -------------------------------------------------------------- */

static void
access_set_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskDocuments *self = CHAMBER_DESK_DOCUMENTS (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (ChamberDocument) document = NULL;

  document = chamber_desk_call_finish (result, &error);
  self->access_changes_completed++;
  if (self->box == NULL)
    return;
  if (document == NULL)
    {
      show_error (self, error != NULL ? error->message : _("The server did not answer."));
      return;
    }
  show_error (self, NULL);
  chamber_desk_documents_reload (self);
}

typedef struct {
  gint64  document_id;
  char  **access;
} AccessChange;

static void
access_change_free (AccessChange *change)
{
  g_strfreev (change->access);
  g_free (change);
}

static gpointer
access_call (ChamberClient *client, gpointer data, GCancellable *cancellable, GError **error)
{
  AccessChange *change = data;

  return chamber_client_set_document_access (client, change->document_id,
                                             (const char *const *) change->access, cancellable,
                                             error);
}

gboolean
chamber_desk_documents_set_access (ChamberDeskDocuments *self, gint64 document_id, guint mode,
                                   const char *names)
{
  g_autofree char *message = NULL;
  AccessChange *change;
  char **access;

  g_return_val_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self), FALSE);

  access = parse_access (self, mode, names, &message);
  if (access == NULL)
    {
      show_error (self, message);
      return FALSE;
    }
  change = g_new0 (AccessChange, 1);
  change->document_id = document_id;
  change->access = access;
  chamber_desk_call_async (self, self->connection, access_call, change,
                           (GDestroyNotify) access_change_free,
                           (GDestroyNotify) chamber_document_free, NULL, access_set_cb, NULL);
  return TRUE;
}

static void
access_response_cb (AdwMessageDialog *dialog, const char *response, ChamberDeskDocuments *self)
{
  GtkDropDown *mode = g_object_get_data (G_OBJECT (dialog), "mode");
  GtkEditable *names = g_object_get_data (G_OBJECT (dialog), "names");
  gint64 *document_id = g_object_get_data (G_OBJECT (dialog), "document-id");

  if (g_strcmp0 (response, "apply") != 0)
    return;
  chamber_desk_documents_set_access (self, *document_id, gtk_drop_down_get_selected (mode),
                                     gtk_editable_get_text (names));
}

static void
dialog_mode_changed_cb (GtkDropDown *mode, GParamSpec *pspec, GtkWidget *entry)
{
  gtk_widget_set_sensitive (entry, gtk_drop_down_get_selected (mode) != 0);
}

static void
edit_access (ChamberDeskDocuments *self, gint64 document_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const ChamberDocument *document = NULL;
  g_autofree char *text = NULL;
  GtkWidget *dialog, *box, *entry;
  GtkDropDown *mode;

  for (guint i = 0; self->load != NULL && i < self->load->documents->len; i++)
    if (((ChamberDocument *) g_ptr_array_index (self->load->documents, i))->id == document_id)
      document = g_ptr_array_index (self->load->documents, i);
  if (document == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Who May Read It"), document->title);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  mode = access_drop_down_new ();
  gtk_drop_down_set_selected (mode, access_to_form (self, document->access, &text));
  gtk_accessible_update_property (GTK_ACCESSIBLE (mode), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Who may read it"), -1);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Names, separated by commas"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Groups or people"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (mode));
  gtk_box_append (GTK_BOX (box), entry);
  gtk_widget_set_sensitive (entry, gtk_drop_down_get_selected (mode) != 0);
  g_signal_connect (mode, "notify::selected", G_CALLBACK (dialog_mode_changed_cb), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "apply", _("_Apply"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "mode", mode);
  g_object_set_data (G_OBJECT (dialog), "names", entry);
  g_object_set_data_full (G_OBJECT (dialog), "document-id",
                          g_memdup2 (&document_id, sizeof document_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (access_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- Publishing drafts ------------------------------------------------------------------- */

static void
published_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ChamberDeskDocuments *self = CHAMBER_DESK_DOCUMENTS (source);
  g_autoptr (GError) error = NULL;
  gpointer answer;

  answer = chamber_desk_call_finish (result, &error);
  self->publishes_completed++;
  if (self->box == NULL)
    return;
  if (answer == NULL)
    {
      show_error (self, error != NULL ? error->message : _("The server did not answer."));
      return;
    }
  show_error (self, NULL);
  chamber_desk_documents_reload (self);
}

static gpointer
publish_call (ChamberClient *client, gpointer data, GCancellable *cancellable, GError **error)
{
  return chamber_client_publish_document (client, *(gint64 *) data, NULL, cancellable, error);
}

static gpointer
publish_all_call (ChamberClient *client, gpointer data, GCancellable *cancellable,
                  GError **error)
{
  return chamber_client_publish_drafts (client, *(gint64 *) data, 0, cancellable, error);
}

void
chamber_desk_documents_publish (ChamberDeskDocuments *self, gint64 document_id)
{
  g_return_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self));

  chamber_desk_call_async (self, self->connection, publish_call,
                           g_memdup2 (&document_id, sizeof document_id), g_free,
                           (GDestroyNotify) chamber_document_free, NULL, published_cb, NULL);
}

void
chamber_desk_documents_publish_all (ChamberDeskDocuments *self)
{
  g_return_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self));

  if (self->session_id <= 0)
    return;
  chamber_desk_call_async (self, self->connection, publish_all_call,
                           g_memdup2 (&self->session_id, sizeof self->session_id), g_free,
                           (GDestroyNotify) g_array_unref, NULL, published_cb, NULL);
}

static void
publish_all_response_cb (AdwMessageDialog *dialog, const char *response,
                         ChamberDeskDocuments *self)
{
  if (g_strcmp0 (response, "publish") == 0)
    chamber_desk_documents_publish_all (self);
}

/* Asks before the whole pack goes out, naming how many documents. */
static void
publish_all_clicked_cb (ChamberDeskDocuments *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  guint n = count_drafts (self);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (n == 0)
    return;
  heading = g_strdup_printf (ngettext ("Publish %u Draft?", "Publish %u Drafts?", n), n);
  body = g_strdup_printf (ngettext ("%u document will go out to everyone allowed to read it, "
                                    "at their next sync. This cannot be undone.",
                                    "%u documents will go out to everyone allowed to read "
                                    "them, at their next sync. This cannot be undone.",
                                    n),
                          n);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "publish", _("_Publish"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "publish",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (publish_all_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- The widget --------------------------------------------------------------------------- */

static void
chamber_desk_documents_dispose (GObject *object)
{
  ChamberDeskDocuments *self = CHAMBER_DESK_DOCUMENTS (object);

  g_cancellable_cancel (self->cancellable);
  g_queue_clear_full (&self->queue, (GDestroyNotify) upload_job_free);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (chamber_desk_documents_parent_class)->dispose (object);
}

static void
chamber_desk_documents_finalize (GObject *object)
{
  ChamberDeskDocuments *self = CHAMBER_DESK_DOCUMENTS (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->connection, chamber_connection_free);
  g_clear_pointer (&self->load, load_free);
  g_clear_pointer (&self->uploads, g_ptr_array_unref);
  g_free (self->error);
  G_OBJECT_CLASS (chamber_desk_documents_parent_class)->finalize (object);
}

static void
chamber_desk_documents_class_init (ChamberDeskDocumentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_desk_documents_dispose;
  object_class->finalize = chamber_desk_documents_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "chamber-desk-documents");
}

static void
access_mode_changed_cb (ChamberDeskDocuments *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->access_entry),
                            gtk_drop_down_get_selected (self->access_drop) != 0);
}

static void
refresh_clicked_cb (ChamberDeskDocuments *self)
{
  chamber_desk_documents_reload (self);
}

static void
chamber_desk_documents_init (ChamberDeskDocuments *self)
{
  GtkWidget *bar, *label, *refresh, *paned, *scrolled, *clamp, *side, *heading, *side_scrolled;

  self->cancellable = g_cancellable_new ();
  self->uploads = g_ptr_array_new_with_free_func ((GDestroyNotify) upload_free);
  g_queue_init (&self->queue);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  /* What the next upload will be: its kind and who may read it. */
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (bar, 12);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_box_append (GTK_BOX (self->box), bar);
  label = gtk_label_new_with_mnemonic (_("New documents are a _kind of"));
  gtk_box_append (GTK_BOX (bar), label);
  self->kind_drop = kind_drop_down_new ();
  gtk_drop_down_set_selected (self->kind_drop, 3);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->kind_drop));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->kind_drop));
  label = gtk_label_new_with_mnemonic (_("readable _by"));
  gtk_box_append (GTK_BOX (bar), label);
  self->access_drop = access_drop_down_new ();
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->access_drop));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->access_drop));
  self->access_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->access_entry, _("Names, separated by commas"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->access_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Groups or people"), -1);
  gtk_widget_set_hexpand (GTK_WIDGET (self->access_entry), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->access_entry), FALSE);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->access_entry));
  g_signal_connect_object (self->access_drop, "notify::selected",
                           G_CALLBACK (access_mode_changed_cb), self, G_CONNECT_SWAPPED);
  refresh = gtk_button_new_with_mnemonic (_("_Refresh"));
  g_signal_connect_object (refresh, "clicked", G_CALLBACK (refresh_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), refresh);

  /* Drafts: what an upload becomes, how many wait, and publishing them all. The Office reviews
   * a pack before it goes out, so an upload is a draft unless asked otherwise. */
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_box_append (GTK_BOX (self->box), bar);
  label = gtk_label_new_with_mnemonic (_("_When uploaded:"));
  gtk_box_append (GTK_BOX (bar), label);
  {
    g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);

    gtk_string_list_append (model, _("Save as draft"));
    gtk_string_list_append (model, _("Publish now"));
    self->when_drop = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (model)),
                                                        NULL));
  }
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->when_drop));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->when_drop));
  self->drafts_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_xalign (self->drafts_label, 1);
  gtk_label_set_ellipsize (self->drafts_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->drafts_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->drafts_label), "dim-label");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->drafts_label));
  self->publish_all = gtk_button_new_with_mnemonic (_("_Publish All Drafts…"));
  gtk_widget_set_sensitive (self->publish_all, FALSE);
  g_signal_connect_object (self->publish_all, "clicked", G_CALLBACK (publish_all_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), self->publish_all);

  self->error_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->error_label), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->error_label), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->error_label));

  /* The agenda with its documents, and beside it the uploads. */
  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_resize_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (self->box), paned);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 480, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), scrolled);
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  self->items_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  gtk_widget_set_margin_top (GTK_WIDGET (self->items_box), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->items_box), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (self->items_box), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->items_box), 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->items_box));

  side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (side, 320, -1);
  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 12);
  gtk_widget_set_margin_bottom (side, 12);
  heading = gtk_label_new (_("Uploads"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 6);
  gtk_box_append (GTK_BOX (side), heading);
  side_scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (side_scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (side_scrolled, TRUE);
  gtk_box_append (GTK_BOX (side), side_scrolled);
  self->upload_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->upload_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->upload_list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->upload_list), GTK_ALIGN_START);
  {
    GtkWidget *placeholder =
      gtk_label_new (_("Drop PDF files on an agenda item, or use Add Documents…"));

    gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
    gtk_widget_set_margin_top (placeholder, 12);
    gtk_widget_set_margin_bottom (placeholder, 12);
    gtk_widget_set_margin_start (placeholder, 12);
    gtk_widget_set_margin_end (placeholder, 12);
    gtk_widget_add_css_class (placeholder, "dim-label");
    gtk_list_box_set_placeholder (self->upload_list, placeholder);
  }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->upload_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Uploads"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (side_scrolled),
                                 GTK_WIDGET (self->upload_list));
  gtk_paned_set_end_child (GTK_PANED (paned), side);
}

GtkWidget *
chamber_desk_documents_new (const ChamberConnection *connection)
{
  ChamberDeskDocuments *self;

  g_return_val_if_fail (connection != NULL, NULL);

  self = g_object_new (CHAMBER_TYPE_DESK_DOCUMENTS, NULL);
  self->connection = chamber_connection_copy (connection);
  return GTK_WIDGET (self);
}

void
chamber_desk_documents_set_session (ChamberDeskDocuments *self, gint64 session_id)
{
  g_return_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self));

  self->session_id = session_id;
  chamber_desk_documents_reload (self);
}

void
chamber_desk_documents_set_upload_options (ChamberDeskDocuments *self, ChamberDocumentKind kind,
                                           guint access_mode, const char *names)
{
  g_return_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == kind)
      gtk_drop_down_set_selected (self->kind_drop, i);
  gtk_drop_down_set_selected (self->access_drop, MIN (access_mode, 2));
  gtk_editable_set_text (GTK_EDITABLE (self->access_entry), names != NULL ? names : "");
}

guint
chamber_desk_documents_get_loads_completed (ChamberDeskDocuments *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self), 0);
  return self->loads_completed;
}

void
chamber_desk_documents_set_publish_now (ChamberDeskDocuments *self, gboolean publish_now)
{
  g_return_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self));

  gtk_drop_down_set_selected (self->when_drop, publish_now ? 1 : 0);
}

guint
chamber_desk_documents_get_publishes_completed (ChamberDeskDocuments *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self), 0);
  return self->publishes_completed;
}

guint
chamber_desk_documents_get_n_drafts (ChamberDeskDocuments *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self), 0);
  return count_drafts (self);
}

/* The Publish button of draft @document_id's row under @widget, or NULL. */
static GtkWidget *
find_publish_button (GtkWidget *widget, gint64 document_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      gint64 *ids = GTK_IS_BUTTON (child) ? g_object_get_data (G_OBJECT (child), "ids") : NULL;
      GtkWidget *found;

      if (ids != NULL && ids[1] == document_id
          && gtk_widget_has_css_class (child, "suggested-action"))
        return child;
      if ((found = find_publish_button (child, document_id)) != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
chamber_desk_documents_get_publish_button (ChamberDeskDocuments *self, gint64 document_id)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self), NULL);
  return find_publish_button (GTK_WIDGET (self->items_box), document_id);
}

GtkWidget *
chamber_desk_documents_get_publish_all_button (ChamberDeskDocuments *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self), NULL);
  return self->publish_all;
}

guint
chamber_desk_documents_get_access_changes_completed (ChamberDeskDocuments *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self), 0);
  return self->access_changes_completed;
}

const char *
chamber_desk_documents_get_error (ChamberDeskDocuments *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self), NULL);
  return self->error;
}

gboolean
chamber_desk_documents_get_busy (ChamberDeskDocuments *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self), FALSE);
  return self->uploading || !g_queue_is_empty (&self->queue);
}

guint
chamber_desk_documents_get_n_uploads (ChamberDeskDocuments *self)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self), 0);
  return self->uploads->len;
}

ChamberDeskUploadState
chamber_desk_documents_get_upload (ChamberDeskDocuments *self, guint index, const char **out_name,
                                   int *out_pages, const char **out_message,
                                   goffset *out_sent)
{
  ChamberDeskUpload *upload;

  g_return_val_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self), CHAMBER_DESK_UPLOAD_REFUSED);
  g_return_val_if_fail (index < self->uploads->len, CHAMBER_DESK_UPLOAD_REFUSED);

  upload = g_ptr_array_index (self->uploads, index);
  if (out_name != NULL)
    *out_name = upload->name;
  if (out_pages != NULL)
    *out_pages = upload->pages;
  if (out_message != NULL)
    *out_message = upload->message;
  if (out_sent != NULL)
    *out_sent = upload->sent;
  return upload->state;
}

gint64
chamber_desk_documents_find_document (ChamberDeskDocuments *self, const char *title,
                                      int *out_version)
{
  return chamber_desk_documents_find_document_full (self, title, out_version, NULL);
}

gint64
chamber_desk_documents_find_document_full (ChamberDeskDocuments *self, const char *title,
                                           int *out_version, gboolean *out_draft)
{
  g_return_val_if_fail (CHAMBER_IS_DESK_DOCUMENTS (self), 0);

  for (guint i = 0; self->load != NULL && i < self->load->documents->len; i++)
    {
      const ChamberDocument *document = g_ptr_array_index (self->load->documents, i);

      if (g_strcmp0 (document->title, title) == 0)
        {
          if (out_version != NULL)
            *out_version = document->version;
          if (out_draft != NULL)
            *out_draft = document->draft;
          return document->id;
        }
    }
  return 0;
}
