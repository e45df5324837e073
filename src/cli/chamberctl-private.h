/* chamberctl-private.h — what the command files of chamberctl share: option parsing, the
 * connection to chamberd, and how results and errors are printed.
 *
 * Exit codes: 0 success, 1 failure (the reason on stderr, one line), 2 usage error. */
#pragma once

#include <gio/gio.h>

#include "chamber-client.h"

G_BEGIN_DECLS

enum {
  CHAMBERCTL_EXIT_OK = 0,
  CHAMBERCTL_EXIT_FAILURE = 1,
  CHAMBERCTL_EXIT_USAGE = 2,
};

/* The connection settings: given before the command (@server, @token, @pin), after it
 * (@command_server, @command_token, @command_pin, which win), or by CHAMBER_SERVER /
 * CHAMBER_TOKEN / CHAMBER_PIN. */
typedef struct {
  char *server;
  char *token;
  char *pin;
  char *command_server;
  char *command_token;
  char *command_pin;
  char *pin_hex;         /* the pin in use, as 64 lowercase hex digits */
} ChamberctlGlobals;

/* A command: @name is how it was called ("session create"); @argv[0] is the program name and
 * the rest its own arguments. Returns the exit code. */
typedef int (*ChamberctlCommandFunc) (ChamberctlGlobals *globals, const char *name, int argc,
                                      char **argv);

/* Parses a command's options (@entries, plus --server/--token, shown in the help only when
 * @connects) and checks that
 * exactly @n_positional arguments remain, named by @positional (like "ITEM FILE.pdf") in the
 * help. On a usage error, prints it and returns FALSE. --help prints the help and exits 0. */
gboolean chamberctl_parse (ChamberctlGlobals *globals, const char *name,
                           const char *positional, int n_positional, const char *summary,
                           const GOptionEntry *entries, gboolean connects, int *argc,
                           char ***argv);

/* Prints "chamberctl NAME: MESSAGE (try …--help)" on stderr and returns CHAMBERCTL_EXIT_USAGE. */
int chamberctl_usage_error (const char *name, const char *format, ...) G_GNUC_PRINTF (2, 3);
/* Prints "chamberctl: MESSAGE" as one line on stderr and returns CHAMBERCTL_EXIT_FAILURE. */
int chamberctl_fail (const char *message);

/* The server URL, token and pinned certificate fingerprint (NULL when none) to use; FALSE
 * (after printing a usage error) when one is missing or the pin is not a SHA-256 fingerprint.
 * Without @need_token a missing token is no error (*out_token NULL): sync also reads a static
 * export, which needs none. */
gboolean chamberctl_get_connection (ChamberctlGlobals *globals, const char *name,
                                    gboolean need_token, const char **out_server,
                                    const char **out_token, const char **out_pin);
/* A client for the server; NULL after printing the reason, with *out_status set. */
ChamberClient *chamberctl_connect (ChamberctlGlobals *globals, const char *name, int *out_status);

/* A positive id from a command-line argument; FALSE (after printing a usage error) otherwise. */
gboolean chamberctl_parse_id (const char *name, const char *what, const char *text,
                              gint64 *out);
/* A UTF-8 option value (options are taken as bytes and checked here); FALSE after a usage error. */
gboolean chamberctl_check_utf8 (const char *name, const char *option, const char *value);

/* chamberctl-request.c: requests and outputs several commands share. */
/* Writes @bytes to @path ("-" or NULL: stdout), replacing the file in one step; the exit code. */
int chamberctl_write_output (const char *path, GBytes *bytes);
/* GETs @path and writes the body as chamberctl_write_output() does; on failure prints the
 * reason (@nothing when the client gives none). The exit code. */
int chamberctl_download (ChamberClient *client, const char *path, const char *out,
                         const char *nothing);
/* TRUE when writing to @path ("-" or NULL: stdout) would write to a terminal. */
gboolean chamberctl_output_is_terminal (const char *path);
/* --format table (the default, NULL), csv or json: *@out_table TRUE for a table; FALSE after a
 * usage error. */
gboolean chamberctl_check_table_format (const char *name, const char *format,
                                        gboolean *out_table);
/* GETs @path as a JSON object of at most @max_size bytes; NULL after printing the reason. */
JsonObject *chamberctl_get_object (ChamberClient *client, const char *path, gsize max_size);
/* GETs @path as JSON and returns (a copy of) its array member @member, or NULL having printed
 * why, with *@out_status the exit code. */
JsonNode *chamberctl_get_list (ChamberClient *client, const char *path, const char *member,
                               int *out_status);
/* POSTs the file @file_path (NULL: an empty body) of @content_type to @path and reads the JSON
 * answer (at most @max_size bytes). On failure prints the reason and returns NULL, with
 * *@out_status the exit code. */
JsonObject *chamberctl_post_file (ChamberClient *client, const char *path, const char *file_path,
                                  const char *content_type, gsize max_size, int *out_status);
/* @member of a server's answer as text to print: "" when it is missing or no string. */
const char *chamberctl_peek_text (JsonObject *object, const char *member);
/* Sets each of @members of @changes to its value in @values: a string, null for "" (it clears
 * the member), nothing for NULL (not given). */
void chamberctl_set_clearable (JsonObject *changes, const char *const *members,
                               const char *const *values, guint n_members);

int chamberctl_session_create (ChamberctlGlobals *globals, const char *name, int argc,
                               char **argv);
int chamberctl_session_list (ChamberctlGlobals *globals, const char *name, int argc,
                             char **argv);
int chamberctl_item_add (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_person_add (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_token_issue (ChamberctlGlobals *globals, const char *name, int argc,
                            char **argv);
int chamberctl_token_revoke (ChamberctlGlobals *globals, const char *name, int argc,
                             char **argv);
/* The secretariat's desk (chamberctl-admin.c, chamberctl-people.c) */
int chamberctl_session_set (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_session_copy_agenda (ChamberctlGlobals *globals, const char *name, int argc,
                                    char **argv);
int chamberctl_item_set (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_item_remove (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_person_set (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_people_import (ChamberctlGlobals *globals, const char *name, int argc,
                              char **argv);
int chamberctl_token_list (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_access_set (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_publish (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_replace (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_document_publish (ChamberctlGlobals *globals, const char *name, int argc,
                                 char **argv);
int chamberctl_session_publish (ChamberctlGlobals *globals, const char *name, int argc,
                                char **argv);
int chamberctl_audit (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_delivery (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_sync (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_check (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_render (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_fingerprint (ChamberctlGlobals *globals, const char *name, int argc,
                            char **argv);
int chamberctl_search (ChamberctlGlobals *globals, const char *name, int argc, char **argv);

/* chamberctl-live.c: `chamberctl live …` */
int chamberctl_live_open_item (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_live_close_item (ChamberctlGlobals *globals, const char *name, int argc,
                                char **argv);
int chamberctl_live_request (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_live_withdraw (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_live_grant (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_live_remove (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_live_reorder (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_live_answer (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_live_conclude (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_live_pause (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_live_resume (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_live_add_time (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_live_end (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_live_close_list (ChamberctlGlobals *globals, const char *name, int argc,
                                char **argv);
int chamberctl_live_open_list (ChamberctlGlobals *globals, const char *name, int argc,
                               char **argv);
int chamberctl_live_summary (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_live_commit (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_live_state (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_live_watch (ChamberctlGlobals *globals, const char *name, int argc, char **argv);

/* chamberctl-minutes.c: `chamberctl minutes`, `chamberctl commitments [set]` */
int chamberctl_minutes (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_commitments (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_commitments_set (ChamberctlGlobals *globals, const char *name, int argc,
                                char **argv);
int chamberctl_commitments_due (ChamberctlGlobals *globals, const char *name, int argc,
                                char **argv);
int chamberctl_commitments_history (ChamberctlGlobals *globals, const char *name, int argc,
                                    char **argv);
int chamberctl_commitments_carry (ChamberctlGlobals *globals, const char *name, int argc,
                                  char **argv);

/* chamberctl-report.c */
int chamberctl_report_delegates (ChamberctlGlobals *globals, const char *name, int argc,
                                 char **argv);
int chamberctl_report_criteria (ChamberctlGlobals *globals, const char *name, int argc,
                                char **argv);
int chamberctl_attendance_set (ChamberctlGlobals *globals, const char *name, int argc,
                               char **argv);

/* chamberctl-petitions.c: `chamberctl petition …`, `chamberctl supervision …` */
int chamberctl_petition_import (ChamberctlGlobals *globals, const char *name, int argc,
                                char **argv);
int chamberctl_petition_list (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_petition_set (ChamberctlGlobals *globals, const char *name, int argc, char **argv);
int chamberctl_petition_report (ChamberctlGlobals *globals, const char *name, int argc,
                                char **argv);
int chamberctl_supervision_draw (ChamberctlGlobals *globals, const char *name, int argc,
                                 char **argv);
int chamberctl_supervision_assign (ChamberctlGlobals *globals, const char *name, int argc,
                                   char **argv);
int chamberctl_supervision_finding (ChamberctlGlobals *globals, const char *name, int argc,
                                    char **argv);
int chamberctl_supervision_list (ChamberctlGlobals *globals, const char *name, int argc,
                                 char **argv);
int chamberctl_supervision_recommendation (ChamberctlGlobals *globals, const char *name,
                                           int argc, char **argv);

G_END_DECLS
