/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "liaison-cli-import.h"
#include "liaison-cli-common.h"
#include "liaison-cli.h"
#include "liaison-ics-import.h"
#include "liaison-json.h"
#include "liaison-people-import.h"

/* liaison import participants|calendar|reply FILE: files in, headless.
 * What would happen is shown first (--dry-run stops there); a file with a
 * bad row imports nothing unless --skip-bad says to leave those rows out. */

static const char *
kind_nick (LiaisonImportRowKind kind)
{
  switch (kind)
    {
    case LIAISON_IMPORT_ROW_NEW:
      return "new";
    case LIAISON_IMPORT_ROW_UPDATE:
      return "update";
    case LIAISON_IMPORT_ROW_DUPLICATE:
      return "possible-duplicate";
    case LIAISON_IMPORT_ROW_BAD:
    default:
      return "bad";
    }
}

static const char *
decision_nick (LiaisonImportDecision decision)
{
  return decision == LIAISON_IMPORT_ADD ? "add" : decision == LIAISON_IMPORT_UPDATE ? "update"
                                                                                    : "leave-out";
}

static const char *
kind_label (LiaisonImportRowKind kind)
{
  switch (kind)
    {
    case LIAISON_IMPORT_ROW_NEW:
      return C_ ("import row", "new");
    case LIAISON_IMPORT_ROW_UPDATE:
      return C_ ("import row", "update");
    case LIAISON_IMPORT_ROW_DUPLICATE:
      return C_ ("import row", "possible duplicate");
    case LIAISON_IMPORT_ROW_BAD:
    default:
      return C_ ("import row", "bad");
    }
}

/* "C=email" or "E-mail=email": a column by its letter or its header. */
static gboolean
apply_map (LiaisonPeopleImport *import,
           const char          *spec,
           GError             **error)
{
  const char        *eq = strrchr (spec, '=');
  g_autofree char   *column = eq != NULL ? g_strstrip (g_strndup (spec, eq - spec)) : NULL;
  LiaisonImportField field;

  if (eq == NULL || !liaison_import_field_from_nick (eq + 1, &field))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _ ("--map takes COLUMN=FIELD, FIELD one of the names “liaison import participants --help” lists, not “%s”"), spec);
      return FALSE;
    }
  for (guint c = 0; c < liaison_people_import_get_n_columns (import); c++)
    {
      g_autofree char *letter = liaison_table_column_name (c);

      if (g_ascii_strcasecmp (column, letter) == 0 || g_strcmp0 (column, liaison_people_import_get_header (import, c)) == 0)
        {
          liaison_people_import_set_field (import, c, field);
          return TRUE;
        }
    }
  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _ ("The file has no column “%s”"), column);
  return FALSE;
}

static void
describe_file (LiaisonPeopleImport *import,
               const char          *path)
{
  LiaisonTable    *table = liaison_people_import_get_table (import);
  g_autofree char *base = g_path_get_basename (path);
  guint            header_line = liaison_table_get_line (table, liaison_people_import_get_header_row (import));

  if (table->format == LIAISON_TABLE_XLSX)
    /* Translators: %1$s a file name, %2$s a sheet's name, %3$u a line number */
    liaison_cli_outln (_ ("%1$s: sheet “%2$s”, header on line %3$u"), base, table->sheet != NULL ? table->sheet : "", header_line);
  else
    {
      const char *delimiter = table->delimiter == '\t' ? C_ ("delimiter", "tab") : table->delimiter == ';' ? C_ ("delimiter", "semicolon")
                                                                               : table->delimiter == '|'   ? C_ ("delimiter", "bar")
                                                                                                           : C_ ("delimiter", "comma");

      /* Translators: %1$s a file name, %2$s an encoding (“GB18030”), %3$s a delimiter (“comma”), %4$u a line number */
      liaison_cli_outln (_ ("%1$s: %2$s, cells separated by %3$s, header on line %4$u"), base, table->encoding, delimiter, header_line);
    }
  for (guint c = 0; c < liaison_people_import_get_n_columns (import); c++)
    {
      g_autofree char *letter = liaison_table_column_name (c);

      liaison_cli_outln ("  %s  %s → %s", letter, liaison_people_import_get_header (import, c),
                         liaison_import_field_label (liaison_people_import_get_field (import, c)));
    }
  for (guint i = 0; i < table->notes->len; i++)
    liaison_cli_outln ("%s", (const char *) g_ptr_array_index (table->notes, i));
}

static void
print_rows (LiaisonPeopleImport *import)
{
  GPtrArray *rows = liaison_people_import_get_rows (import);

  for (guint i = 0; i < rows->len; i++)
    {
      LiaisonImportRow *row = g_ptr_array_index (rows, i);
      g_autofree char  *name = liaison_participant_dup_display_name (row->person);
      g_autofree char  *reasons = liaison_match_reasons_describe (row->reasons);

      /* New people are counted, not listed: 100,000 lines help nobody. */
      if (row->kind == LIAISON_IMPORT_ROW_NEW)
        continue;
      if (row->kind == LIAISON_IMPORT_ROW_BAD)
        {
          for (guint p = 0; p < row->problems->len; p++)
            liaison_cli_outln ("%s", ((LiaisonImportProblem *) g_ptr_array_index (row->problems, p))->message);
          continue;
        }
      if (row->match_line > 0)
        /* Translators: %1$u a line, %2$s a kind of row (“possible duplicate”), %3$s a name, %4$u another line, %5$s why (“same e-mail”) */
        liaison_cli_outln (_ ("Line %1$u, %2$s: %3$s repeats line %4$u (%5$s)"), row->line, kind_label (row->kind), name, row->match_line, reasons);
      else
        /* Translators: %1$u a line, %2$s a kind of row (“update”), %3$s a name, %4$s the person here, %5$s their id, %6$s why */
        liaison_cli_outln (_ ("Line %1$u, %2$s: %3$s is %4$s (%5$s) here (%6$s)"), row->line, kind_label (row->kind), name,
                           row->match_name != NULL ? row->match_name : "", liaison_uuid_short (row->match_id), reasons);
    }
}

static void
json_participants (JsonBuilder          *b,
                   LiaisonPeopleImport  *import,
                   const char           *path,
                   gboolean              applied,
                   LiaisonImportSummary *summary)
{
  LiaisonTable *table = liaison_people_import_get_table (import);
  GPtrArray    *rows = liaison_people_import_get_rows (import);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "file");
  json_builder_add_string_value (b, path);
  json_builder_set_member_name (b, "format");
  json_builder_add_string_value (b, table->format == LIAISON_TABLE_XLSX ? "xlsx" : "text");
  if (table->format == LIAISON_TABLE_TEXT)
    {
      char delimiter[2] = { table->delimiter, '\0' };

      json_builder_set_member_name (b, "encoding");
      json_builder_add_string_value (b, table->encoding);
      json_builder_set_member_name (b, "delimiter");
      json_builder_add_string_value (b, delimiter);
    }
  else
    {
      json_builder_set_member_name (b, "sheet");
      json_builder_add_string_value (b, table->sheet);
    }
  json_builder_set_member_name (b, "header_line");
  json_builder_add_int_value (b, liaison_table_get_line (table, liaison_people_import_get_header_row (import)));
  json_builder_set_member_name (b, "columns");
  json_builder_begin_array (b);
  for (guint c = 0; c < liaison_people_import_get_n_columns (import); c++)
    {
      g_autofree char *letter = liaison_table_column_name (c);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "column");
      json_builder_add_string_value (b, letter);
      json_builder_set_member_name (b, "header");
      json_builder_add_string_value (b, liaison_people_import_get_header (import, c));
      json_builder_set_member_name (b, "field");
      json_builder_add_string_value (b, liaison_import_field_nick (liaison_people_import_get_field (import, c)));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "notes");
  json_builder_begin_array (b);
  for (guint i = 0; i < table->notes->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (table->notes, i));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      LiaisonImportRow *row = g_ptr_array_index (rows, i);
      g_autofree char  *name = liaison_participant_dup_display_name (row->person);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "line");
      json_builder_add_int_value (b, row->line);
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, kind_nick (row->kind));
      json_builder_set_member_name (b, "decision");
      json_builder_add_string_value (b, decision_nick (row->decision));
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, name);
      json_builder_set_member_name (b, "participant");
      json_builder_add_value (b, liaison_json_from_participant (row->person));
      if (row->match_id != NULL || row->match_line > 0)
        {
          g_autofree char *reasons = liaison_match_reasons_describe (row->reasons);

          json_builder_set_member_name (b, "match");
          json_builder_begin_object (b);
          if (row->match_id != NULL)
            {
              json_builder_set_member_name (b, "id");
              json_builder_add_string_value (b, row->match_id);
              json_builder_set_member_name (b, "name");
              json_builder_add_string_value (b, row->match_name);
            }
          else
            {
              json_builder_set_member_name (b, "line");
              json_builder_add_int_value (b, row->match_line);
            }
          json_builder_set_member_name (b, "score");
          json_builder_add_int_value (b, row->score);
          json_builder_set_member_name (b, "reasons");
          json_builder_add_string_value (b, reasons);
          json_builder_end_object (b);
        }
      json_builder_set_member_name (b, "problems");
      json_builder_begin_array (b);
      for (guint p = 0; p < row->problems->len; p++)
        {
          LiaisonImportProblem *problem = g_ptr_array_index (row->problems, p);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "line");
          json_builder_add_int_value (b, problem->line);
          if (problem->column != G_MAXUINT)
            {
              g_autofree char *letter = liaison_table_column_name (problem->column);

              json_builder_set_member_name (b, "column");
              json_builder_add_string_value (b, letter);
            }
          json_builder_set_member_name (b, "message");
          json_builder_add_string_value (b, problem->message);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "counts");
  json_builder_begin_object (b);
  for (LiaisonImportRowKind k = LIAISON_IMPORT_ROW_NEW; k <= LIAISON_IMPORT_ROW_BAD; k++)
    {
      json_builder_set_member_name (b, kind_nick (k));
      json_builder_add_int_value (b, liaison_people_import_count (import, k));
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "imported");
  json_builder_add_boolean_value (b, applied);
  if (applied)
    {
      json_builder_set_member_name (b, "added");
      json_builder_add_int_value (b, summary->added);
      json_builder_set_member_name (b, "updated");
      json_builder_add_int_value (b, summary->updated);
      json_builder_set_member_name (b, "registered");
      json_builder_add_int_value (b, summary->registered);
      json_builder_set_member_name (b, "left_out");
      json_builder_add_int_value (b, summary->left_out);
      json_builder_set_member_name (b, "undo_mark");
      json_builder_add_int_value (b, summary->mark);
    }
  json_builder_end_object (b);
}

int
liaison_cli_import_participants (LiaisonStore *store,
                                 int           argc,
                                 char        **argv)
{
  char              *event = NULL, *encoding = NULL, *role = NULL, *status = NULL, *duplicates = NULL;
  char             **maps = NULL;
  gboolean           dry_run = FALSE, json = FALSE, skip_bad = FALSE;
  const GOptionEntry entries[] = {
    { "event", 0, 0, G_OPTION_ARG_STRING, &event, N_ ("Also register everyone for this event (its identifier or the start of it)"), N_ ("EVENT") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_ ("Their role where the file has none (delegate if not given)"), N_ ("ROLE") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_ ("Their registration status where the file has none (registered if not given)"), N_ ("STATUS") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding, N_ ("The file's encoding, when the one found is wrong (GB18030, UTF-16LE, CP874, …)"), N_ ("ENCODING") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps, N_ ("Read a column (its letter or header) as a field: name, family-name, given-name, native-name, latin-name, email, phone, country, organisation, position, gender, sector, role, status, notes, ignore, … (repeatable)"), N_ ("COLUMN=FIELD") },
    { "duplicates", 0, 0, G_OPTION_ARG_STRING, &duplicates, N_ ("What to do with possible duplicates: leave-out (the default), add or update"), N_ ("WHAT") },
    { "skip-bad", 0, 0, G_OPTION_ARG_NONE, &skip_bad, N_ ("Import the good rows of a file that has bad ones"), NULL },
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_ ("Show what would be imported; change nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the rows and what became of them as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_new_context (_ ("FILE"),
                                                                _ ("Import people from a CSV, tab-separated or Excel (.xlsx) file. The encoding, the delimiter and the header row are found; known headers in Chinese or English are read as fields. Each person is matched against the people here: the same e-mail updates them, a person who may be someone here is left out unless --duplicates says otherwise. Everything is one change, undone as one."));
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonTable) table = NULL;
  g_autoptr (LiaisonPeopleImport) import = NULL;
  g_autoptr (LiaisonEvent) found_event = NULL;
  LiaisonTableOptions  options = { NULL, 0, 0 };
  LiaisonImportSummary summary = { 0 };
  int                  role_value = LIAISON_ROLE_DELEGATE, status_value = LIAISON_REGISTRATION_REGISTERED;
  guint                bad, possible;
  gboolean             applied = FALSE;
  int                  rc = LIAISON_EXIT_USAGE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      rc = liaison_cli_fail (LIAISON_EXIT_USAGE, "%s", error->message);
      goto out;
    }
  if (argc != 2)
    {
      rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give one file to import"));
      goto out;
    }
  if ((role != NULL && !liaison_import_parse_role (role, (LiaisonRole *) &role_value)) ||
      (status != NULL && !liaison_import_parse_status (status, (LiaisonRegistrationStatus *) &status_value)))
    {
      rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unknown role or status “%s”"), role != NULL ? role : status);
      goto out;
    }
  if (duplicates != NULL && !g_str_equal (duplicates, "leave-out") && !g_str_equal (duplicates, "add") && !g_str_equal (duplicates, "update"))
    {
      rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("--duplicates takes leave-out, add or update, not “%s”"), duplicates);
      goto out;
    }
  rc = LIAISON_EXIT_DATA;
  if (event != NULL && (found_event = liaison_store_find_event (store, event, &error)) == NULL)
    {
      rc = liaison_cli_fail (rc, "%s", error->message);
      goto out;
    }

  options.encoding = encoding;
  table = liaison_table_read_file (argv[1], &options, NULL, NULL, NULL, &error);
  if (table == NULL)
    {
      rc = liaison_cli_fail (rc, "%s", error->message);
      goto out;
    }
  import = liaison_people_import_new (table);
  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    if (!apply_map (import, maps[i], &error))
      {
        rc = liaison_cli_fail (LIAISON_EXIT_USAGE, "%s", error->message);
        goto out;
      }
  if (found_event != NULL)
    liaison_people_import_set_event (import, liaison_event_get_id (found_event), role_value, status_value);
  if (!json)
    describe_file (import, argv[1]);
  if (!liaison_people_import_prepare (import, store, NULL, NULL, NULL, &error))
    {
      rc = liaison_cli_fail (rc, "%s", error->message);
      goto out;
    }
  if (g_strcmp0 (duplicates, "add") == 0)
    liaison_people_import_decide_kind (import, LIAISON_IMPORT_ROW_DUPLICATE, LIAISON_IMPORT_ADD);
  else if (g_strcmp0 (duplicates, "update") == 0)
    liaison_people_import_decide_kind (import, LIAISON_IMPORT_ROW_DUPLICATE, LIAISON_IMPORT_UPDATE);

  bad = liaison_people_import_count (import, LIAISON_IMPORT_ROW_BAD);
  possible = liaison_people_import_count (import, LIAISON_IMPORT_ROW_DUPLICATE);
  if (!json)
    {
      print_rows (import);
      /* Translators: the counts of an import's rows */
      liaison_cli_outln (_ ("%1$u new, %2$u to update, %3$u possible duplicates, %4$u bad"),
                         liaison_people_import_count (import, LIAISON_IMPORT_ROW_NEW),
                         liaison_people_import_count (import, LIAISON_IMPORT_ROW_UPDATE), possible, bad);
    }

  if (bad > 0 && !skip_bad && !dry_run)
    {
      if (json)
        {
          g_autoptr (JsonBuilder) b = json_builder_new ();
          json_participants (b, import, argv[1], FALSE, &summary);
          {
            g_autoptr (JsonNode) node = json_builder_get_root (b);

            liaison_cli_print_json (node);
          }
        }
      rc = liaison_cli_fail (LIAISON_EXIT_DATA,
                             g_dngettext (GETTEXT_PACKAGE,
                                          "%u row cannot be imported, so nothing was imported. Fix it, or leave it out with --skip-bad.",
                                          "%u rows cannot be imported, so nothing was imported. Fix them, or leave them out with --skip-bad.", bad),
                             bad);
      goto out;
    }
  if (!dry_run)
    {
      if (!liaison_people_import_apply (import, store, NULL, NULL, NULL, &summary, &error))
        {
          rc = liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);
          goto out;
        }
      applied = TRUE;
    }
  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      json_participants (b, import, argv[1], applied, &summary);
      {
        g_autoptr (JsonNode) node = json_builder_get_root (b);

        liaison_cli_print_json (node);
      }
    }
  else if (applied)
    {
      /* Translators: what an import did */
      liaison_cli_outln (_ ("Imported: %1$u added, %2$u updated, %3$u left out."), summary.added, summary.updated, summary.left_out);
      if (found_event != NULL)
        liaison_cli_outln (_ ("Registered for the event: %1$u (already registered: %2$u)."), summary.registered, summary.already_registered);
    }
  else
    liaison_cli_outln ("%s", _ ("Dry run: nothing was changed."));
  rc = LIAISON_EXIT_OK;
out:
  g_free (event);
  g_free (encoding);
  g_free (role);
  g_free (status);
  g_free (duplicates);
  g_strfreev (maps);
  return rc;
}

static char *
read_text (const char *path,
           GError    **error)
{
  char *text = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &text, &length, error))
    return NULL;
  if (length > LIAISON_TABLE_MAX_BYTES || !g_utf8_validate_len (text, length, NULL))
    {
      g_autofree char *base = g_path_get_basename (path);

      g_free (text);
      g_set_error (error, LIAISON_TABLE_ERROR, LIAISON_TABLE_ERROR_ENCODING,
                   _ ("%s is not an iCalendar file: iCalendar is UTF-8 text of at most 64 MB"), base);
      return NULL;
    }
  return text;
}

int
liaison_cli_import_calendar (LiaisonStore *store,
                             int           argc,
                             char        **argv)
{
  gboolean           dry_run = FALSE, json = FALSE;
  g_autofree char   *tz = NULL;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_ ("Show what would be imported; change nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the events as JSON"), NULL },
    { "tz", 0, 0, G_OPTION_ARG_STRING, &tz,
      N_ ("Time zone of times the file gives without one (IANA, e.g. Asia/Yangon); default: yours in Preferences, else this computer's"),
      N_ ("ZONE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_new_context (_ ("FILE"),
                                                                _ ("Import the events of an iCalendar (.ics) file from Outlook, Google Calendar, Thunderbird or another calendar. Zone names such as “China Standard Time” are read as IANA zones; an event already here (the same UID) is updated."));
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *own_zone = NULL;
  g_autoptr (GPtrArray) events = NULL;
  guint added = 0, updated = 0, refused = 0;
  int   status;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return liaison_cli_fail (LIAISON_EXIT_USAGE, "%s", error->message);
  if (argc != 2)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give one file to import"));
  own_zone = liaison_cli_own_zone (tz, &status);
  if (status != LIAISON_EXIT_OK)
    return status;
  if ((text = read_text (argv[1], &error)) == NULL || (events = liaison_ics_read_events (store, text, own_zone, &error)) == NULL)
    return liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);
  for (guint i = 0; i < events->len; i++)
    refused += ((LiaisonIcsEvent *) g_ptr_array_index (events, i))->problem != NULL;
  if (!dry_run && !liaison_ics_import_events (store, events, &added, &updated, &error))
    return liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < events->len; i++)
        {
          LiaisonIcsEvent *e = g_ptr_array_index (events, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "uid");
          json_builder_add_string_value (b, e->uid);
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, e->title);
          json_builder_set_member_name (b, "exists");
          json_builder_add_boolean_value (b, e->exists);
          if (e->fields != NULL)
            {
              json_builder_set_member_name (b, "start");
              json_builder_add_string_value (b, g_hash_table_lookup (e->fields, "start"));
              json_builder_set_member_name (b, "end");
              json_builder_add_string_value (b, g_hash_table_lookup (e->fields, "end"));
              json_builder_set_member_name (b, "time_zone");
              json_builder_add_string_value (b, g_hash_table_lookup (e->fields, "time_zone"));
              json_builder_set_member_name (b, "recurrence");
              json_builder_add_string_value (b, g_hash_table_lookup (e->fields, "recurrence"));
            }
          json_builder_set_member_name (b, "note");
          json_builder_add_string_value (b, e->note);
          json_builder_set_member_name (b, "problem");
          json_builder_add_string_value (b, e->problem);
          json_builder_set_member_name (b, "imported");
          json_builder_add_boolean_value (b, !dry_run && e->problem == NULL);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      {
        g_autoptr (JsonNode) node = json_builder_get_root (b);

        liaison_cli_print_json (node);
      }
    }
  else
    {
      for (guint i = 0; i < events->len; i++)
        {
          LiaisonIcsEvent *e = g_ptr_array_index (events, i);
          const char      *start = e->fields != NULL ? g_hash_table_lookup (e->fields, "start") : NULL;
          const char      *zone = e->fields != NULL ? g_hash_table_lookup (e->fields, "time_zone") : NULL;

          if (e->problem != NULL)
            liaison_cli_outln ("%s", e->problem);
          else
            liaison_cli_outln ("%s  %s%s%s  %s", start != NULL ? start : "", zone != NULL ? zone : "", zone != NULL ? "  " : "",
                               e->exists ? C_ ("import row", "update") : C_ ("import row", "new"), e->title);
          if (e->note != NULL)
            liaison_cli_outln ("  %s", e->note);
        }
      if (dry_run)
        liaison_cli_outln ("%s", _ ("Dry run: nothing was changed."));
      else
        /* Translators: what an import of events did */
        liaison_cli_outln (_ ("Imported: %1$u events added, %2$u updated, %3$u not imported."), added, updated, refused);
    }
  return refused > 0 ? LIAISON_EXIT_DATA : LIAISON_EXIT_OK;
}

int
liaison_cli_import_reply (LiaisonStore *store,
                          int           argc,
                          char        **argv)
{
  gboolean           dry_run = FALSE, json = FALSE;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_ ("Say what the reply would change; change nothing"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print what happened as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_new_context (_ ("FILE"),
                                                                _ ("Read an answer to an invitation (an .ics file with METHOD:REPLY, as Outlook, Thunderbird or Google send it): an acceptance confirms the registration, a refusal declines it."));
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GPtrArray) outcomes = NULL;
  gboolean all_known = TRUE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return liaison_cli_fail (LIAISON_EXIT_USAGE, "%s", error->message);
  if (argc != 2)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give one file to import"));
  if ((text = read_text (argv[1], &error)) == NULL || (outcomes = liaison_ics_apply_replies (store, text, dry_run, &error)) == NULL)
    return liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);
  for (guint i = 0; i < outcomes->len; i++)
    all_known &= ((LiaisonReplyOutcome *) g_ptr_array_index (outcomes, i))->registration_id != NULL;
  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < outcomes->len; i++)
        {
          LiaisonReplyOutcome *o = g_ptr_array_index (outcomes, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "event");
          json_builder_add_string_value (b, o->event_id);
          json_builder_set_member_name (b, "registration");
          json_builder_add_string_value (b, o->registration_id);
          if (o->registration_id != NULL)
            {
              json_builder_set_member_name (b, "from");
              json_builder_add_string_value (b, liaison_enum_to_nick (LIAISON_TYPE_REGISTRATION_STATUS, o->from));
              json_builder_set_member_name (b, "to");
              json_builder_add_string_value (b, liaison_enum_to_nick (LIAISON_TYPE_REGISTRATION_STATUS, o->to));
            }
          json_builder_set_member_name (b, "changed");
          json_builder_add_boolean_value (b, o->changed && !dry_run);
          json_builder_set_member_name (b, "message");
          json_builder_add_string_value (b, o->message);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      {
        g_autoptr (JsonNode) node = json_builder_get_root (b);

        liaison_cli_print_json (node);
      }
    }
  else
    {
      for (guint i = 0; i < outcomes->len; i++)
        liaison_cli_outln ("%s", ((LiaisonReplyOutcome *) g_ptr_array_index (outcomes, i))->message);
      if (dry_run)
        liaison_cli_outln ("%s", _ ("Dry run: nothing was changed."));
    }
  return all_known ? LIAISON_EXIT_OK : LIAISON_EXIT_DATA;
}
