/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "liaison-cli-common.h"
#include "liaison-cli-duplicates.h"
#include "liaison-cli.h"
#include "liaison-store-merge.h"

/* participants duplicates, merge and unmerge: one record per person. */

static void
print_progress (double   fraction,
                gpointer data)
{
  gboolean *shown = data;

  /* Progress on standard error, as sync does, only for a person watching. */
  if (isatty (2))
    {
      g_printerr ("\r%3.0f%%", fraction * 100.0);
      *shown = TRUE;
    }
}

int
liaison_cli_participants_duplicates (LiaisonStore *store,
                                     int           argc,
                                     char        **argv)
{
  gboolean           json = FALSE;
  int                min_score = LIAISON_CLI_UNSET;
  const GOptionEntry entries[] = {
    { "min-score", 0, 0, G_OPTION_ARG_INT, &min_score, N_ ("Only pairs with at least this score (40 to 100; 40 if not given)"), N_ ("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON array"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_new_context (
      NULL, _ ("List the people who may be entered more than once: the same e-mail, telephone or organisation, the same name "
               "in any script or order, best first, with the score and the reasons. Merge them with “participants merge”."));
  g_autoptr (GPtrArray) pairs = NULL;
  g_autoptr (GError) error = NULL;
  gboolean shown = FALSE;
  int      rc = LIAISON_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc != 1)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("“participants duplicates” takes no arguments"));
  if (min_score != LIAISON_CLI_UNSET && (min_score < LIAISON_MATCH_MIN_SCORE || min_score > LIAISON_MATCH_CERTAIN))
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("--min-score must be from 40 to 100"));

  pairs = liaison_store_find_duplicates (store, min_score == LIAISON_CLI_UNSET ? 0 : (guint) min_score, print_progress, &shown, NULL, &error);
  if (shown)
    g_printerr ("\r    \r");
  if (pairs == NULL)
    return liaison_cli_fail_error (error);

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) root = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < pairs->len; i++)
        {
          LiaisonDuplicatePair *p = g_ptr_array_index (pairs, i);
          g_autofree char      *reasons = liaison_match_reasons_describe (p->reasons);
          struct
          {
            LiaisonMatchReasons reason;
            const char         *key;
          } keys[] = {
            { LIAISON_MATCH_SAME_EMAIL, "same-email" },
            { LIAISON_MATCH_SAME_PHONE, "same-phone" },
            { LIAISON_MATCH_SAME_NATIVE_NAME, "same-native-name" },
            { LIAISON_MATCH_SAME_LATIN_NAME, "same-latin-name" },
            { LIAISON_MATCH_NAME_ACROSS_SCRIPTS, "name-across-scripts" },
            { LIAISON_MATCH_SAME_COUNTRY, "same-country" },
            { LIAISON_MATCH_SAME_ORGANISATION, "same-organisation" },
            { LIAISON_MATCH_OTHER_COUNTRY, "other-country" },
            { LIAISON_MATCH_OTHER_EMAILS, "other-emails" },
            { LIAISON_MATCH_OTHER_GENDER, "other-gender" },
            { LIAISON_MATCH_COMMON_NAME, "common-name" },
          };

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "a");
          json_builder_add_string_value (b, p->id_a);
          json_builder_set_member_name (b, "a_name");
          json_builder_add_string_value (b, p->name_a);
          json_builder_set_member_name (b, "b");
          json_builder_add_string_value (b, p->id_b);
          json_builder_set_member_name (b, "b_name");
          json_builder_add_string_value (b, p->name_b);
          json_builder_set_member_name (b, "score");
          json_builder_add_int_value (b, p->score);
          json_builder_set_member_name (b, "reasons");
          json_builder_begin_array (b);
          for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
            if (p->reasons & keys[k].reason)
              json_builder_add_string_value (b, keys[k].key);
          json_builder_end_array (b);
          json_builder_set_member_name (b, "reasons_text");
          json_builder_add_string_value (b, reasons);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      root = json_builder_get_root (b);
      liaison_cli_print_json (root);
      return LIAISON_EXIT_OK;
    }

  for (guint i = 0; i < pairs->len; i++)
    {
      LiaisonDuplicatePair *p = g_ptr_array_index (pairs, i);
      g_autofree char      *reasons = liaison_match_reasons_describe (p->reasons);

      liaison_cli_outf ("%3u  %s  %s  =  %s  %s  (%s)\n", p->score, liaison_uuid_short (p->id_a), p->name_a,
                        liaison_uuid_short (p->id_b), p->name_b, reasons);
    }
  if (pairs->len == 0)
    liaison_cli_outln ("%s", _ ("No likely duplicates"));
  return LIAISON_EXIT_OK;
}

static void
add_merge_json (JsonBuilder        *b,
                LiaisonMergeRecord *m)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, m->id);
  json_builder_set_member_name (b, "time");
  json_builder_add_string_value (b, m->time);
  json_builder_set_member_name (b, "undone");
  if (m->undone != NULL)
    json_builder_add_string_value (b, m->undone);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "survivor");
  json_builder_add_string_value (b, m->survivor_id);
  json_builder_set_member_name (b, "survivor_name");
  json_builder_add_string_value (b, m->survivor_name);
  json_builder_set_member_name (b, "merged");
  json_builder_begin_array (b);
  for (guint i = 0; m->merged_ids[i] != NULL; i++)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, m->merged_ids[i]);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, m->merged_names[i]);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static void
print_merge_json (LiaisonMergeRecord *m)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;

  add_merge_json (b, m);
  root = json_builder_get_root (b);
  liaison_cli_print_json (root);
}

int
liaison_cli_participants_merge (LiaisonStore *store,
                                int           argc,
                                char        **argv)
{
  gboolean           json = FALSE;
  char             **keep = NULL;
  const GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_STRING_ARRAY, &keep,
      N_ ("Take FIELD from record ID (repeatable); FIELD is native-name, latin-name, honorific, gender, organisation, position, "
          "sector, country, emails, phones, languages or consent"),
      N_ ("FIELD=ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the merge as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
      liaison_cli_new_context (_ ("KEEP OTHER…"), _ ("Merge records of one person into the first: each field is the first's, or "
                                                     "the first of the others that has one, unless --keep says otherwise; "
                                                     "e-mails and telephones are all kept. Registrations, programme notes, "
                                                     "officer terms and consent move to it; the others are deleted. "
                                                     "“participants unmerge” undoes it at any time."));
  g_autoptr (GHashTable) choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonMergeRecord) record = NULL;
  g_autofree char *merge = NULL;
  int              rc = LIAISON_EXIT_USAGE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    goto out;
  if (argc < 3)
    {
      rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give the record to keep and at least one other to merge into it"));
      goto out;
    }
  for (guint i = 0; keep != NULL && keep[i] != NULL; i++)
    {
      const char      *eq = strchr (keep[i], '=');
      g_autofree char *field = eq != NULL ? g_strndup (keep[i], eq - keep[i]) : NULL;

      if (field == NULL || liaison_store_merge_field_label (field) == NULL || eq[1] == '\0')
        {
          rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("--keep takes FIELD=ID with FIELD one of native-name, latin-name, honorific, gender, organisation, position, sector, country, emails, phones, languages, consent: “%s”"),
                                 keep[i]);
          goto out;
        }
      g_hash_table_insert (choices, g_steal_pointer (&field), g_strdup (eq + 1));
    }

  /* Identifiers or their parts, as everywhere. */
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (LiaisonParticipant) p = liaison_store_find_participant (store, argv[i], &error);

      if (p == NULL)
        {
          rc = liaison_cli_fail_error (error);
          goto out;
        }
      g_ptr_array_add (ids, g_strdup (liaison_participant_get_id (p)));
    }
  {
    GHashTableIter iter;
    gpointer       key, value;

    g_hash_table_iter_init (&iter, choices);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        g_autoptr (LiaisonParticipant) p = liaison_store_find_participant (store, value, &error);

        if (p == NULL)
          {
            rc = liaison_cli_fail_error (error);
            goto out;
          }
        g_hash_table_iter_replace (&iter, g_strdup (liaison_participant_get_id (p)));
      }
  }
  g_ptr_array_add (ids, NULL);
  merge = liaison_store_merge_participants (store, g_ptr_array_index (ids, 0), (const char *const *) ids->pdata + 1, choices, &error);
  if (merge == NULL || (record = liaison_store_get_merge (store, merge, &error)) == NULL)
    {
      rc = liaison_cli_fail_error (error);
      goto out;
    }
  if (json)
    print_merge_json (record);
  else
    {
      guint n = g_strv_length (record->merged_ids);

      /* Translators: %1$u is a number of records, %2$s a person's name, %3$s the merge's code for unmerge */
      liaison_cli_outln (ngettext ("Merged %1$u record into %2$s (merge %3$s)", "Merged %1$u records into %2$s (merge %3$s)", n), n,
                         record->survivor_name, liaison_uuid_short (record->id));
    }
  rc = LIAISON_EXIT_OK;

out:
  g_strfreev (keep);
  return rc;
}

int
liaison_cli_participants_unmerge (LiaisonStore *store,
                                  int           argc,
                                  char        **argv)
{
  gboolean           json = FALSE;
  gboolean           list = FALSE;
  const GOptionEntry entries[] = {
    { "list", 0, 0, G_OPTION_ARG_NONE, &list, N_ ("List the merges instead, newest first, undone ones too"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
      liaison_cli_new_context (_ ("MERGE"), _ ("Undo a merge, however long ago: the merged records and their registrations come "
                                               "back as they were; the kept record's fields go back too, except those "
                                               "edited since, which stay."));
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonMergeRecord) record = NULL;
  int rc = LIAISON_EXIT_USAGE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    return rc;
  if (list)
    {
      g_autoptr (GPtrArray) merges = NULL;

      if (argc != 1)
        return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("--list takes no merge"));
      merges = liaison_store_list_merges (store, NULL, TRUE, &error);
      if (merges == NULL)
        return liaison_cli_fail_error (error);
      if (json)
        {
          g_autoptr (JsonBuilder) b = json_builder_new ();
          g_autoptr (JsonNode) root = NULL;

          json_builder_begin_array (b);
          for (guint i = 0; i < merges->len; i++)
            add_merge_json (b, g_ptr_array_index (merges, i));
          json_builder_end_array (b);
          root = json_builder_get_root (b);
          liaison_cli_print_json (root);
          return LIAISON_EXIT_OK;
        }
      for (guint i = 0; i < merges->len; i++)
        {
          LiaisonMergeRecord *m = g_ptr_array_index (merges, i);

          {
            g_autofree char *names = g_strjoinv (C_ ("list", ", "), m->merged_names);

            liaison_cli_outf ("%s  %s  %s  ← %s%s%s\n", liaison_uuid_short (m->id), m->time, m->survivor_name, names,
                              m->undone != NULL ? "  " : "", m->undone != NULL ? C_ ("marker", "undone") : "");
          }
        }
      return LIAISON_EXIT_OK;
    }
  if (argc != 2)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give the merge to undo (“participants unmerge --list” lists them)"));
  if (!liaison_store_unmerge (store, argv[1], &error) || (record = liaison_store_get_merge (store, argv[1], &error)) == NULL)
    return liaison_cli_fail_error (error);
  if (json)
    print_merge_json (record);
  else
    {
      g_autofree char *names = g_strjoinv (C_ ("list", ", "), record->merged_names);

      /* Translators: %1$s is the names of the records brought back, %2$s the name of the record they had been merged into */
      liaison_cli_outln (_ ("Brought back %1$s, separate from %2$s again"), names, record->survivor_name);
    }
  return LIAISON_EXIT_OK;
}
