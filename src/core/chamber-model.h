/* chamber-model.h — the domain records shared by the store, the protocol, server, app and CLI.
 *
 * Plain structs with free functions and g_autoptr support. Strings are UTF-8 and owned.
 * Ids are SQLite rowids assigned by the server; 0 means "not yet stored" / "none". */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  CHAMBER_ROLE_DELEGATE,
  CHAMBER_ROLE_CHAIR,
  CHAMBER_ROLE_SECRETARIAT,
  CHAMBER_ROLE_ADMIN,
  CHAMBER_ROLE_OFFICIAL,
  CHAMBER_N_ROLES
} ChamberRole;

typedef enum {
  CHAMBER_SESSION_REGULAR,        /* thường lệ */
  CHAMBER_SESSION_THEMATIC,       /* chuyên đề */
  CHAMBER_SESSION_EXTRAORDINARY,  /* bất thường */
  CHAMBER_N_SESSION_KINDS
} ChamberSessionKind;

typedef enum {
  CHAMBER_SESSION_STATE_PREPARING,
  CHAMBER_SESSION_STATE_OPEN,
  CHAMBER_SESSION_STATE_CLOSED,
  CHAMBER_N_SESSION_STATES
} ChamberSessionState;

typedef enum {
  CHAMBER_ITEM_STATE_NOT_STARTED,
  CHAMBER_ITEM_STATE_OPEN,
  CHAMBER_ITEM_STATE_CLOSED,
  CHAMBER_N_ITEM_STATES
} ChamberItemState;

typedef enum {
  CHAMBER_DOCUMENT_SUBMISSION,        /* tờ trình */
  CHAMBER_DOCUMENT_REPORT,            /* báo cáo */
  CHAMBER_DOCUMENT_DRAFT_RESOLUTION,  /* dự thảo nghị quyết */
  CHAMBER_DOCUMENT_OTHER,
  CHAMBER_N_DOCUMENT_KINDS
} ChamberDocumentKind;

/* Wire names: "delegate", "chair", "secretariat", "admin", "official". */
const char *chamber_role_to_string (ChamberRole role);
gboolean    chamber_role_from_string (const char *str, ChamberRole *out);
/* A translated, human-readable name ("Đại biểu"). */
const char *chamber_role_get_label (ChamberRole role);

/* "regular", "thematic", "extraordinary" */
const char *chamber_session_kind_to_string (ChamberSessionKind kind);
gboolean    chamber_session_kind_from_string (const char *str, ChamberSessionKind *out);
const char *chamber_session_kind_get_label (ChamberSessionKind kind);

/* "preparing", "open", "closed" */
const char *chamber_session_state_to_string (ChamberSessionState state);
gboolean    chamber_session_state_from_string (const char *str, ChamberSessionState *out);

/* "not-started", "open", "closed" */
const char *chamber_item_state_to_string (ChamberItemState state);
gboolean    chamber_item_state_from_string (const char *str, ChamberItemState *out);

/* "submission", "report", "draft-resolution", "other" */
const char *chamber_document_kind_to_string (ChamberDocumentKind kind);
gboolean    chamber_document_kind_from_string (const char *str, ChamberDocumentKind *out);
const char *chamber_document_kind_get_label (ChamberDocumentKind kind);

typedef struct {
  gint64              id;
  int                 number;      /* kỳ họp thứ N */
  ChamberSessionKind  kind;
  char               *title;
  char               *place;       /* may be NULL */
  char               *starts_on;   /* "YYYY-MM-DD" or NULL */
  char               *ends_on;     /* "YYYY-MM-DD" or NULL */
  ChamberSessionState state;
  gint64              revision;    /* bumped on every change to the session, its items or documents */
} ChamberSession;

typedef struct {
  gint64           id;
  gint64           session_id;
  gint64           parent_id;        /* 0 for a top-level item */
  int              position;         /* order among siblings, from 0 */
  char            *title;
  int              planned_minutes;  /* 0 when not planned */
  ChamberItemState state;
  gint64           changed_at;       /* the session revision of its last change (server; 0 unknown) */
  /* Appended (schema 11): */
  gboolean         questioning;      /* marked for questioning (chất vấn) */
} ChamberItem;

typedef struct {
  gint64      id;
  char       *name;
  ChamberRole role;
  char       *group_name;  /* delegate group (Tổ đại biểu) or NULL */
  char       *title;       /* an official's title ("Giám đốc Sở Tài chính") or NULL */
  char       *agency;      /* an official's agency or NULL */
  gboolean    active;
  /* Appended (schema 11): */
  char       *committee;   /* committee (Ban) or NULL */
} ChamberPerson;

#define CHAMBER_SHA256_HEX_LEN 64

/* "YYYY-MM-DD" naming a real day: the form of every date in the model and on the wire. */
gboolean chamber_date_is_valid (const char *text);
/* A "YYYY-MM-DD" day as people of the UI's language write it ("8 Dec 2026", "08/12/2026");
 * NULL when @text is not a valid day. */
char    *chamber_date_format (const char *text);
/* A wire timestamp ("2026-11-27T01:02:03Z") as the local day and time the way people of the
 * UI's language write it ("27 Nov 2026 08:02"); NULL when @iso is NULL or not a timestamp. */
char    *chamber_timestamp_format (const char *iso);

typedef struct {
  gint64              id;
  gint64              session_id;
  gint64              item_id;
  char               *title;
  ChamberDocumentKind kind;
  char                sha256[CHAMBER_SHA256_HEX_LEN + 1]; /* lowercase hex */
  gint64              bytes;
  int                 pages;
  int                 version;      /* from 1 */
  char              **access;       /* NULL-terminated: "all", "group:NAME", "person:ID"; NULL = all */
  char               *published_at; /* ISO 8601 UTC or NULL */
  /* Appended (schema 6): */
  gint64              changed_at;   /* the session revision at which it or its access last
                                     * changed (server; 0 unknown) */
  gint64              replaces_id;  /* the earlier version this one replaces, 0 for none */
  int                 replaces_version;
  char                replaces_sha256[CHAMBER_SHA256_HEX_LEN + 1]; /* "" for none */
  /* Appended (schema 13): a draft is seen only by the secretariat and admin until published;
   * its published_at is NULL until then (chamber-publish.h). */
  gboolean            draft;
} ChamberDocument;

ChamberSession  *chamber_session_new (void);
ChamberSession  *chamber_session_copy (const ChamberSession *session);
void             chamber_session_free (ChamberSession *session);

ChamberItem     *chamber_item_new (void);
ChamberItem     *chamber_item_copy (const ChamberItem *item);
void             chamber_item_free (ChamberItem *item);

ChamberPerson   *chamber_person_new (void);
ChamberPerson   *chamber_person_copy (const ChamberPerson *person);
void             chamber_person_free (ChamberPerson *person);

ChamberDocument *chamber_document_new (void);
ChamberDocument *chamber_document_copy (const ChamberDocument *document);
void             chamber_document_free (ChamberDocument *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberSession, chamber_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberItem, chamber_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberPerson, chamber_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberDocument, chamber_document_free)

G_END_DECLS
