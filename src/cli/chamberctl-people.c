/* chamberctl-people.c — the secretariat's commands for people: importing them from a CSV file
 * (with a preview of every row's problems), changing or deactivating a person, and listing a
 * person's access tokens (never the token itself). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include <stdio.h>

#include "chamber-desk-store.h"
#include "chamber-protocol.h"
#include "chamberctl-private.h"

int
chamberctl_people_import (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberPeopleImport) import = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GMappedFile) file = NULL;
  g_autoptr (GBytes) csv = NULL;
  gboolean dry_run = FALSE;
  int status;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Only check the file: list each row's problems and save nothing"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "FILE.csv", 1,
                         N_("Imports people from a CSV file (UTF-8, UTF-16 or Windows-1258; "
                            "columns named in Vietnamese or English). Prints every problem as "
                            "LINE, CODE and MESSAGE separated by tabs, then a summary; rows "
                            "with problems are not saved. Exits 1 when some row has a problem."),
                         entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;

  file = g_mapped_file_new (argv[1], FALSE, &error);
  if (file == NULL)
    return chamberctl_fail (error->message);
  csv = g_mapped_file_get_bytes (file);
  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  import = chamber_client_import_people (client, csv, dry_run, NULL, &error);
  if (import == NULL)
    return chamberctl_fail (error->message);

  for (guint i = 0; i < import->rows->len; i++)
    {
      const ChamberPeopleImportRow *row = g_ptr_array_index (import->rows, i);

      for (guint p = 0; p < row->problems->len; p++)
        {
          const ChamberImportProblem *problem = g_ptr_array_index (row->problems, p);

          printf ("%u\t%s\t%s\n", row->line,
                  chamber_import_problem_code_to_string (problem->code), problem->message);
        }
    }
  printf (_("%lld rows ready, %lld with problems, %lld imported (file read as %s).\n"),
          (long long) import->valid, (long long) import->invalid, (long long) import->imported,
          chamber_csv_encoding_to_string (import->encoding));
  return import->invalid > 0 ? CHAMBERCTL_EXIT_FAILURE : CHAMBERCTL_EXIT_OK;
}

int
chamberctl_person_set (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (ChamberPerson) person = NULL;
  g_autoptr (JsonObject) changes = json_object_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *person_name = NULL, *role = NULL, *group = NULL, *committee = NULL;
  g_autofree char *title = NULL, *agency = NULL;
  gboolean active = FALSE, inactive = FALSE;
  gint64 person_id;
  int status;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &person_name, N_("Full name"), N_("NAME") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role,
      N_("delegate, chair, secretariat, admin or official"), N_("ROLE") },
    { "group", 0, 0, G_OPTION_ARG_FILENAME, &group,
      N_("Delegate group (Tổ đại biểu; \"\" clears it)"), N_("GROUP") },
    { "committee", 0, 0, G_OPTION_ARG_FILENAME, &committee,
      N_("Committee (Ban; \"\" clears it)"), N_("COMMITTEE") },
    { "title", 0, 0, G_OPTION_ARG_FILENAME, &title, N_("An official's title (\"\" clears it)"),
      N_("TITLE") },
    { "agency", 0, 0, G_OPTION_ARG_FILENAME, &agency,
      N_("An official's agency (\"\" clears it)"), N_("AGENCY") },
    { "active", 0, 0, G_OPTION_ARG_NONE, &active, N_("Reactivate the person"), NULL },
    { "inactive", 0, 0, G_OPTION_ARG_NONE, &inactive,
      N_("Deactivate the person: their tokens stop working"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!chamberctl_parse (globals, name, "PERSON", 1,
                         N_("Changes a person: only what is given changes. People are never "
                            "deleted: deactivate them."),
                         entries, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_parse_id (name, "PERSON", argv[1], &person_id))
    return CHAMBERCTL_EXIT_USAGE;
  if (active && inactive)
    return chamberctl_usage_error (name, _("give --active or --inactive, not both"));
  if (!chamberctl_check_utf8 (name, "--name", person_name)
      || !chamberctl_check_utf8 (name, "--group", group)
      || !chamberctl_check_utf8 (name, "--committee", committee)
      || !chamberctl_check_utf8 (name, "--title", title)
      || !chamberctl_check_utf8 (name, "--agency", agency))
    return CHAMBERCTL_EXIT_USAGE;
  if (person_name != NULL)
    json_object_set_string_member (changes, "name", person_name);
  if (role != NULL)
    json_object_set_string_member (changes, "role", role);
  if (active || inactive)
    json_object_set_boolean_member (changes, "active", active);
  {
    const char *members[] = { "group", "committee", "title", "agency" };
    const char *values[] = { group, committee, title, agency };

    chamberctl_set_clearable (changes, members, values, G_N_ELEMENTS (members));
  }
  if (json_object_get_size (changes) == 0)
    return chamberctl_usage_error (name, _("nothing to change: give at least one option"));

  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  person = chamber_client_update_person (client, person_id, changes, NULL, &error);
  if (person == NULL)
    return chamberctl_fail (error->message);
  printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\n", person->id, chamber_role_to_string (person->role),
          person->active ? "active" : "inactive", person->name);
  return CHAMBERCTL_EXIT_OK;
}

int
chamberctl_token_list (ChamberctlGlobals *globals, const char *name, int argc, char **argv)
{
  g_autoptr (ChamberClient) client = NULL;
  g_autoptr (GPtrArray) tokens = NULL;
  g_autoptr (GError) error = NULL;
  gint64 person_id;
  int status;

  if (!chamberctl_parse (globals, name, "PERSON", 1,
                         N_("Lists the access tokens issued to PERSON, newest first: id, "
                            "created, expires, revoked and last used, separated by tabs (“-” "
                            "for none). The tokens themselves are never shown again."),
                         NULL, TRUE, &argc, &argv))
    return CHAMBERCTL_EXIT_USAGE;
  if (!chamberctl_parse_id (name, "PERSON", argv[1], &person_id))
    return CHAMBERCTL_EXIT_USAGE;
  if ((client = chamberctl_connect (globals, name, &status)) == NULL)
    return status;
  tokens = chamber_client_list_tokens (client, person_id, NULL, &error);
  if (tokens == NULL)
    return chamberctl_fail (error->message);
  for (guint i = 0; i < tokens->len; i++)
    {
      const ChamberTokenInfo *info = g_ptr_array_index (tokens, i);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n", info->id, info->created_at,
              info->expires_at != NULL ? info->expires_at : "-",
              info->revoked_at != NULL ? info->revoked_at : "-",
              info->last_used_at != NULL ? info->last_used_at : "-");
    }
  return CHAMBERCTL_EXIT_OK;
}
