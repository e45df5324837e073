/* chamber-model.c — the domain records: wire names, labels and memory management. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "chamber-model.h"

typedef struct {
  const char *wire;   /* the name on the wire and in the database */
  const char *label;  /* English source string, translated on use; NULL when there is none */
} EnumName;

static const EnumName role_names[CHAMBER_N_ROLES] = {
  [CHAMBER_ROLE_DELEGATE] = { "delegate", N_("Delegate") },
  [CHAMBER_ROLE_CHAIR] = { "chair", N_("Chair") },
  [CHAMBER_ROLE_SECRETARIAT] = { "secretariat", N_("Secretariat") },
  [CHAMBER_ROLE_ADMIN] = { "admin", N_("Administrator") },
  [CHAMBER_ROLE_OFFICIAL] = { "official", N_("Official") },
};

static const EnumName session_kind_names[CHAMBER_N_SESSION_KINDS] = {
  [CHAMBER_SESSION_REGULAR] = { "regular", N_("Regular") },
  [CHAMBER_SESSION_THEMATIC] = { "thematic", N_("Thematic") },
  [CHAMBER_SESSION_EXTRAORDINARY] = { "extraordinary", N_("Extraordinary") },
};

static const EnumName session_state_names[CHAMBER_N_SESSION_STATES] = {
  [CHAMBER_SESSION_STATE_PREPARING] = { "preparing", NULL },
  [CHAMBER_SESSION_STATE_OPEN] = { "open", NULL },
  [CHAMBER_SESSION_STATE_CLOSED] = { "closed", NULL },
};

static const EnumName item_state_names[CHAMBER_N_ITEM_STATES] = {
  [CHAMBER_ITEM_STATE_NOT_STARTED] = { "not-started", NULL },
  [CHAMBER_ITEM_STATE_OPEN] = { "open", NULL },
  [CHAMBER_ITEM_STATE_CLOSED] = { "closed", NULL },
};

static const EnumName document_kind_names[CHAMBER_N_DOCUMENT_KINDS] = {
  [CHAMBER_DOCUMENT_SUBMISSION] = { "submission", N_("Submission") },
  [CHAMBER_DOCUMENT_REPORT] = { "report", N_("Report") },
  [CHAMBER_DOCUMENT_DRAFT_RESOLUTION] = { "draft-resolution", N_("Draft resolution") },
  [CHAMBER_DOCUMENT_OTHER] = { "other", N_("Other") },
};

/* Looks @str up among the wire names of @names; stores the index in @out (when not NULL). */
static gboolean
lookup_wire_name (const EnumName *names,
                  int             n_names,
                  const char     *str,
                  int            *out)
{
  if (str == NULL)
    return FALSE;

  for (int i = 0; i < n_names; i++)
    {
      if (g_str_equal (names[i].wire, str))
        {
          if (out != NULL)
            *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
chamber_role_to_string (ChamberRole role)
{
  g_return_val_if_fail ((guint) role < CHAMBER_N_ROLES, NULL);

  return role_names[role].wire;
}

gboolean
chamber_role_from_string (const char  *str,
                          ChamberRole *out)
{
  int value;

  if (!lookup_wire_name (role_names, CHAMBER_N_ROLES, str, &value))
    return FALSE;
  if (out != NULL)
    *out = (ChamberRole) value;
  return TRUE;
}

const char *
chamber_role_get_label (ChamberRole role)
{
  g_return_val_if_fail ((guint) role < CHAMBER_N_ROLES, NULL);

  return _(role_names[role].label);
}

const char *
chamber_session_kind_to_string (ChamberSessionKind kind)
{
  g_return_val_if_fail ((guint) kind < CHAMBER_N_SESSION_KINDS, NULL);

  return session_kind_names[kind].wire;
}

gboolean
chamber_session_kind_from_string (const char         *str,
                                  ChamberSessionKind *out)
{
  int value;

  if (!lookup_wire_name (session_kind_names, CHAMBER_N_SESSION_KINDS, str, &value))
    return FALSE;
  if (out != NULL)
    *out = (ChamberSessionKind) value;
  return TRUE;
}

const char *
chamber_session_kind_get_label (ChamberSessionKind kind)
{
  g_return_val_if_fail ((guint) kind < CHAMBER_N_SESSION_KINDS, NULL);

  return _(session_kind_names[kind].label);
}

const char *
chamber_session_state_to_string (ChamberSessionState state)
{
  g_return_val_if_fail ((guint) state < CHAMBER_N_SESSION_STATES, NULL);

  return session_state_names[state].wire;
}

gboolean
chamber_session_state_from_string (const char          *str,
                                   ChamberSessionState *out)
{
  int value;

  if (!lookup_wire_name (session_state_names, CHAMBER_N_SESSION_STATES, str, &value))
    return FALSE;
  if (out != NULL)
    *out = (ChamberSessionState) value;
  return TRUE;
}

const char *
chamber_item_state_to_string (ChamberItemState state)
{
  g_return_val_if_fail ((guint) state < CHAMBER_N_ITEM_STATES, NULL);

  return item_state_names[state].wire;
}

gboolean
chamber_item_state_from_string (const char       *str,
                                ChamberItemState *out)
{
  int value;

  if (!lookup_wire_name (item_state_names, CHAMBER_N_ITEM_STATES, str, &value))
    return FALSE;
  if (out != NULL)
    *out = (ChamberItemState) value;
  return TRUE;
}

const char *
chamber_document_kind_to_string (ChamberDocumentKind kind)
{
  g_return_val_if_fail ((guint) kind < CHAMBER_N_DOCUMENT_KINDS, NULL);

  return document_kind_names[kind].wire;
}

gboolean
chamber_document_kind_from_string (const char          *str,
                                   ChamberDocumentKind *out)
{
  int value;

  if (!lookup_wire_name (document_kind_names, CHAMBER_N_DOCUMENT_KINDS, str, &value))
    return FALSE;
  if (out != NULL)
    *out = (ChamberDocumentKind) value;
  return TRUE;
}

const char *
chamber_document_kind_get_label (ChamberDocumentKind kind)
{
  g_return_val_if_fail ((guint) kind < CHAMBER_N_DOCUMENT_KINDS, NULL);

  return _(document_kind_names[kind].label);
}

/* Sessions */

ChamberSession *
chamber_session_new (void)
{
  ChamberSession *session = g_new0 (ChamberSession, 1);

  session->kind = CHAMBER_SESSION_REGULAR;
  session->state = CHAMBER_SESSION_STATE_PREPARING;
  return session;
}

ChamberSession *
chamber_session_copy (const ChamberSession *session)
{
  ChamberSession *copy;

  if (session == NULL)
    return NULL;

  copy = g_memdup2 (session, sizeof *session);
  copy->title = g_strdup (session->title);
  copy->place = g_strdup (session->place);
  copy->starts_on = g_strdup (session->starts_on);
  copy->ends_on = g_strdup (session->ends_on);
  return copy;
}

void
chamber_session_free (ChamberSession *session)
{
  if (session == NULL)
    return;

  g_free (session->title);
  g_free (session->place);
  g_free (session->starts_on);
  g_free (session->ends_on);
  g_free (session);
}

/* Agenda items */

ChamberItem *
chamber_item_new (void)
{
  ChamberItem *item = g_new0 (ChamberItem, 1);

  /* A new item goes after its siblings unless the caller picks a position. */
  item->position = -1;
  item->state = CHAMBER_ITEM_STATE_NOT_STARTED;
  return item;
}

ChamberItem *
chamber_item_copy (const ChamberItem *item)
{
  ChamberItem *copy;

  if (item == NULL)
    return NULL;

  copy = g_memdup2 (item, sizeof *item);
  copy->title = g_strdup (item->title);
  return copy;
}

void
chamber_item_free (ChamberItem *item)
{
  if (item == NULL)
    return;

  g_free (item->title);
  g_free (item);
}

/* People */

ChamberPerson *
chamber_person_new (void)
{
  ChamberPerson *person = g_new0 (ChamberPerson, 1);

  person->role = CHAMBER_ROLE_DELEGATE;
  person->active = TRUE;
  return person;
}

ChamberPerson *
chamber_person_copy (const ChamberPerson *person)
{
  ChamberPerson *copy;

  if (person == NULL)
    return NULL;

  copy = g_memdup2 (person, sizeof *person);
  copy->name = g_strdup (person->name);
  copy->group_name = g_strdup (person->group_name);
  copy->title = g_strdup (person->title);
  copy->agency = g_strdup (person->agency);
  copy->committee = g_strdup (person->committee);
  return copy;
}

void
chamber_person_free (ChamberPerson *person)
{
  if (person == NULL)
    return;

  g_free (person->name);
  g_free (person->group_name);
  g_free (person->title);
  g_free (person->agency);
  g_free (person->committee);
  g_free (person);
}

/* Documents */

ChamberDocument *
chamber_document_new (void)
{
  ChamberDocument *document = g_new0 (ChamberDocument, 1);

  document->kind = CHAMBER_DOCUMENT_OTHER;
  document->version = 1;
  return document;
}

ChamberDocument *
chamber_document_copy (const ChamberDocument *document)
{
  ChamberDocument *copy;

  if (document == NULL)
    return NULL;

  /* The sha256 array is copied with the struct. */
  copy = g_memdup2 (document, sizeof *document);
  copy->title = g_strdup (document->title);
  copy->access = g_strdupv (document->access);
  copy->published_at = g_strdup (document->published_at);
  return copy;
}

void
chamber_document_free (ChamberDocument *document)
{
  if (document == NULL)
    return;

  g_free (document->title);
  g_strfreev (document->access);
  g_free (document->published_at);
  g_free (document);
}

gboolean
chamber_date_is_valid (const char *text)
{
  guint64 year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = g_ascii_strtoull (text, NULL, 10);
  month = g_ascii_strtoull (text + 5, NULL, 10);
  day = g_ascii_strtoull (text + 8, NULL, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1
         && g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}

char *
chamber_date_format (const char *text)
{
  g_autoptr (GDateTime) day = NULL;

  if (!chamber_date_is_valid (text))
    return NULL;
  day = g_date_time_new_utc ((int) g_ascii_strtoull (text, NULL, 10),
                             (int) g_ascii_strtoull (text + 5, NULL, 10),
                             (int) g_ascii_strtoull (text + 8, NULL, 10), 0, 0, 0);
  if (day == NULL)
    return NULL;
  /* xgettext:no-c-format */
  /* TRANSLATORS: how a day is written, in g_date_time_format() codes; Vietnamese papers
   * write 08/12/2026 (%d/%m/%Y). */
  return g_date_time_format (day, _("%-d %b %Y"));
}

char *
chamber_timestamp_format (const char *iso)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *date = NULL;
  g_autofree char *clock = NULL;

  if (iso == NULL)
    return NULL;
  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  day = g_date_time_format (local, "%Y-%m-%d");
  date = chamber_date_format (day);
  clock = g_date_time_format (local, "%H:%M");
  return g_strdup_printf ("%s %s", date != NULL ? date : day, clock);
}
