/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include "liaison-cli-people-private.h"
#include "liaison-cli-translations.h"
#include "liaison-cli.h"

/* Delegations from the command line: each country's quota at an event,
 * its liaison officer's nominations with the note verbale, approval, and
 * the board of where each country stands. */

static JsonNode *
board_to_json (GPtrArray *board, GPtrArray *nominations, GHashTable *letters)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "countries");
  json_builder_begin_array (b);
  for (guint i = 0; i < board->len; i++)
    {
      LiaisonDelegationRow *row = g_ptr_array_index (board, i);
      struct
      {
        const char *name;
        guint       value;
      } counts[] = {
        { "nominated", row->nominated },
        { "approved", row->approved },
        { "confirmed", row->confirmed },
        { "attended", row->attended },
      };

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "country");
      json_builder_add_string_value (b, row->country);
      if (row->quota != LIAISON_DELEGATION_NO_QUOTA)
        {
          json_builder_set_member_name (b, "quota");
          json_builder_add_int_value (b, row->quota);
        }
      for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
        {
          json_builder_set_member_name (b, counts[k].name);
          json_builder_add_int_value (b, counts[k].value);
        }
      json_builder_set_member_name (b, "over_quota");
      json_builder_add_boolean_value (b, liaison_delegation_row_over_quota (row));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "nominations");
  json_builder_begin_array (b);
  for (guint i = 0; i < nominations->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (nominations, i);
      GPtrArray           *files = g_hash_table_lookup (letters, liaison_registration_get_id (r));

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_string_value (b, liaison_registration_get_id (r));
      json_builder_set_member_name (b, "participant");
      json_builder_add_string_value (b, liaison_registration_get_participant_id (r));
      json_builder_set_member_name (b, "country");
      json_builder_add_string_value (b, liaison_registration_get_delegation (r));
      json_builder_set_member_name (b, "role");
      json_builder_add_string_value (b, liaison_enum_to_nick (LIAISON_TYPE_ROLE, liaison_registration_get_role (r)));
      json_builder_set_member_name (b, "nominated");
      json_builder_add_string_value (b, liaison_registration_get_status_time (r, LIAISON_REGISTRATION_NOMINATED));
      json_builder_set_member_name (b, "letters");
      json_builder_begin_array (b);
      for (guint k = 0; files != NULL && k < files->len; k++)
        {
          LiaisonAttachment *a = g_ptr_array_index (files, k);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "file_name");
          json_builder_add_string_value (b, a->file_name);
          json_builder_set_member_name (b, "size");
          json_builder_add_int_value (b, a->size);
          json_builder_set_member_name (b, "sha256");
          json_builder_add_string_value (b, a->sha256);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

int
liaison_cli_delegations (LiaisonStore *store, int argc, char **argv)
{
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON object"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("EVENT"),
      _ ("Each country's delegation at an event: its quota, and how many are nominated, approved, confirmed and "
         "attended; then the nominations waiting for approval, with their letters."),
      entries);
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (GPtrArray) board = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) attachments = NULL;
  g_autoptr (GPtrArray) nominations = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) letters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GError) error = NULL;
  int rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc != 2)
    return fail (LIAISON_EXIT_USAGE, _ ("Give one event"));
  if ((event = liaison_store_find_event (store, argv[1], &error)) == NULL ||
      (board = liaison_store_delegation_board (store, liaison_event_get_id (event), &error)) == NULL ||
      (all = liaison_store_list_registrations (store, liaison_event_get_id (event), &error)) == NULL ||
      (attachments = liaison_store_list_event_attachments (store, liaison_event_get_id (event), &error)) == NULL)
    return fail (LIAISON_EXIT_DATA, "%s", error->message);
  for (guint i = 0; i < all->len; i++)
    if (liaison_registration_get_status (g_ptr_array_index (all, i)) == LIAISON_REGISTRATION_NOMINATED)
      g_ptr_array_add (nominations, g_object_ref (g_ptr_array_index (all, i)));
  while (attachments->len > 0)
    {
      LiaisonAttachment *a = g_ptr_array_steal_index (attachments, 0);
      GPtrArray         *files = g_hash_table_lookup (letters, a->registration_id);

      if (files == NULL)
        {
          files = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_attachment_free);
          g_hash_table_insert (letters, g_strdup (a->registration_id), files);
        }
      g_ptr_array_add (files, a);
    }

  if (json)
    {
      g_autoptr (JsonNode) node = board_to_json (board, nominations, letters);

      liaison_cli_people_print_json (node);
      return LIAISON_EXIT_OK;
    }

  if (board->len == 0)
    outf ("%s\n", _ ("No delegation yet: no quota is set and nobody is registered with a delegation."));
  else
    {
      const char *headings[] = { C_ ("delegations", "Country"), C_ ("delegations", "Quota"), C_ ("delegations", "Nominated"),
                                 C_ ("delegations", "Approved"), C_ ("delegations", "Confirmed"), C_ ("delegations", "Attended") };
      guint       widths[G_N_ELEMENTS (headings)];

      for (guint k = 0; k < G_N_ELEMENTS (headings); k++)
        widths[k] = liaison_cli_width (headings[k]);
      for (guint i = 0; i < board->len; i++)
        widths[0] = MAX (widths[0], liaison_cli_width (liaison_cli_people_country_name (((LiaisonDelegationRow *) g_ptr_array_index (board, i))->country)));
      for (guint k = 0; k < G_N_ELEMENTS (headings); k++)
        {
          g_autofree char *cell = liaison_cli_pad (headings[k], widths[k]);

          outf ("%s%s", k > 0 ? "  " : "", cell);
        }
      out ("\n");
      for (guint i = 0; i < board->len; i++)
        {
          LiaisonDelegationRow *row = g_ptr_array_index (board, i);
          g_autofree char      *quota = row->quota == LIAISON_DELEGATION_NO_QUOTA ? g_strdup ("—") : g_strdup_printf ("%d", row->quota);
          g_autofree char      *cells[G_N_ELEMENTS (headings)];
          guint                 values[] = { row->nominated, row->approved, row->confirmed, row->attended };

          cells[0] = liaison_cli_pad (liaison_cli_people_country_name (row->country), widths[0]);
          cells[1] = liaison_cli_pad (quota, widths[1]);
          for (guint k = 0; k < G_N_ELEMENTS (values); k++)
            {
              g_autofree char *n = g_strdup_printf ("%u", values[k]);

              cells[k + 2] = liaison_cli_pad (n, widths[k + 2]);
            }
          outf ("%s  %s  %s  %s  %s  %s%s%s\n", cells[0], cells[1], cells[2], cells[3], cells[4], cells[5],
                liaison_delegation_row_over_quota (row) ? "  " : "",
                liaison_delegation_row_over_quota (row) ? C_ ("marker", "over quota") : "");
          for (guint k = 0; k < G_N_ELEMENTS (cells); k++)
            g_free (cells[k]);
        }
    }

  if (nominations->len > 0)
    {
      outf ("\n%s\n", _ ("Nominations waiting for approval"));
      for (guint i = 0; i < nominations->len; i++)
        {
          LiaisonRegistration *r = g_ptr_array_index (nominations, i);
          g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (store, liaison_registration_get_participant_id (r), NULL);
          g_autofree char *name = p != NULL ? liaison_participant_dup_display_name (p) : g_strdup ("?");
          GPtrArray       *files = g_hash_table_lookup (letters, liaison_registration_get_id (r));
          const char      *consent = p != NULL && !liaison_participant_get_consent (p) ? C_ ("marker", "no consent") : "";

          outf ("  %s  %s  %s  %s  %s%s%s\n", liaison_uuid_short (liaison_registration_get_id (r)),
                liaison_cli_people_country_name (liaison_registration_get_delegation (r)), name,
                liaison_role_label (liaison_registration_get_role (r)),
                files != NULL ? ((LiaisonAttachment *) g_ptr_array_index (files, 0))->file_name : C_ ("marker", "no letter"),
                *consent ? "  " : "", consent);
        }
    }
  return LIAISON_EXIT_OK;
}

int
liaison_cli_delegations_quota (LiaisonStore *store, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("EVENT COUNTRY NUMBER|none"),
      _ ("Set how many people a country may send to an event (delegates, observers and VIPs), or remove the quota. "
         "It cannot go below the people already accepted."),
      NULL);
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (GError) error = NULL;
  gint64 quota = LIAISON_DELEGATION_NO_QUOTA;
  int    rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc != 4)
    return fail (LIAISON_EXIT_USAGE, _ ("Give an event, a country and a number (or “none”)"));
  if (!g_str_equal (argv[3], "none") &&
      !g_ascii_string_to_signed (argv[3], 10, 0, 100000, &quota, NULL))
    return fail (LIAISON_EXIT_USAGE, _ ("“%s” is not a number of people"), argv[3]);
  if ((event = liaison_store_find_event (store, argv[1], &error)) == NULL ||
      !liaison_store_set_quota (store, liaison_event_get_id (event), argv[2], (int) quota, LIAISON_ORIGIN_LOCAL, &error))
    return fail (LIAISON_EXIT_DATA, "%s", error->message);
  return LIAISON_EXIT_OK;
}

static GBytes *
read_letter (const char *path, char **name, GError **error)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);

  return liaison_attachment_read_file (file, name, NULL, error);
}

int
liaison_cli_nominate (LiaisonStore *store, int argc, char **argv)
{
  char              *country = NULL, *role = NULL, *letter = NULL;
  const GOptionEntry entries[] = {
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_ ("The country that nominates (ISO code; the person's own if not given)"), N_ ("CODE") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_ ("delegate, observer, vip, speaker… (delegate if not given)"), N_ ("ROLE") },
    { "letter", 0, 0, G_OPTION_ARG_FILENAME, &letter, N_ ("The note verbale that nominates them (PDF or a scan), kept with the nomination"), N_ ("FILE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("EVENT PARTICIPANT"),
      _ ("Record a country's nomination of a person for an event, with its note verbale. The person holds no place "
         "until the nomination is approved (liaison approve)."),
      entries);
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *letter_name = NULL;
  int              role_value = LIAISON_ROLE_DELEGATE;
  int              rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    goto out;
  if (argc != 3)
    {
      rc = fail (LIAISON_EXIT_USAGE, _ ("Give an event and a participant"));
      goto out;
    }
  if (role != NULL && !liaison_enum_from_nick (LIAISON_TYPE_ROLE, role, &role_value))
    {
      g_autofree char *nicks = liaison_enum_nicks (LIAISON_TYPE_ROLE);

      rc = fail (LIAISON_EXIT_USAGE, _ ("Unknown role “%1$s” (choose from: %2$s)"), role, nicks);
      goto out;
    }
  if (letter != NULL && (bytes = read_letter (letter, &letter_name, &error)) == NULL)
    {
      rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }
  if ((event = liaison_store_find_event (store, argv[1], &error)) == NULL ||
      (p = liaison_store_find_participant (store, argv[2], &error)) == NULL ||
      (r = liaison_store_nominate (store, liaison_event_get_id (event), liaison_participant_get_id (p), country, role_value,
                                   letter_name, bytes, LIAISON_ORIGIN_LOCAL, &error)) == NULL)
    {
      rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }
  outf ("%s\n", liaison_registration_get_id (r));

out:
  g_free (country);
  g_free (role);
  g_free (letter);
  return rc;
}

int
liaison_cli_approve (LiaisonStore *store, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("REGISTRATION…"),
      _ ("Approve nominations: each gets a place (or a waitlist place when the event is full), within its country's "
         "quota. Stops at the first that cannot be approved, and says why."),
      NULL);
  g_autoptr (GError) error = NULL;
  int rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc < 2)
    return fail (LIAISON_EXIT_USAGE, _ ("Give the registration of a nomination"));
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (LiaisonRegistration) r = liaison_store_find_registration (store, argv[i], &error);
      g_autoptr (LiaisonParticipant) p = NULL;
      g_autofree char          *name = NULL;
      g_autofree char          *line = NULL;
      LiaisonRegistrationStatus now;

      if (r == NULL || !liaison_store_approve_nomination (store, liaison_registration_get_id (r), LIAISON_ORIGIN_LOCAL, &now, &error))
        return fail (LIAISON_EXIT_DATA, "%s", error->message);
      p = liaison_store_get_participant (store, liaison_registration_get_participant_id (r), NULL);
      name = p != NULL ? liaison_participant_dup_display_name (p) : g_strdup (liaison_registration_get_participant_id (r));
      /* Translators: %1$s is a person's name, %2$s a registration status (“Registered”), %3$s the registration's identifier */
      line = g_strdup_printf (_ ("%1$s: %2$s (registration %3$s)"), name, liaison_registration_status_label (now),
                              liaison_registration_get_id (r));
      outf ("%s\n", line);
    }
  return LIAISON_EXIT_OK;
}

int
liaison_cli_delegations_attach (LiaisonStore *store, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("REGISTRATION FILE"), _ ("Keep a letter (a note verbale) with a registration, for one that came after the nomination."), NULL);
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (LiaisonAttachment) a = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  int              rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc != 3)
    return fail (LIAISON_EXIT_USAGE, _ ("Give a registration and a file"));
  if ((r = liaison_store_find_registration (store, argv[1], &error)) == NULL ||
      (bytes = read_letter (argv[2], &name, &error)) == NULL ||
      (a = liaison_store_attach (store, liaison_registration_get_id (r), name, bytes, LIAISON_ORIGIN_LOCAL, &error)) == NULL)
    return fail (LIAISON_EXIT_DATA, "%s", error->message);
  outf ("%s\n", a->sha256);
  return LIAISON_EXIT_OK;
}

int
liaison_cli_delegations_letter (LiaisonStore *store, int argc, char **argv)
{
  char              *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_ ("Write the letter to this file (its own name in this folder if not given)"), N_ ("FILE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("REGISTRATION"), _ ("Write out the letter kept with a registration (the latest, when there are several)."), entries);
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (GPtrArray) files = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  LiaisonAttachment *a;
  int                rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    goto out;
  if (argc != 2)
    {
      rc = fail (LIAISON_EXIT_USAGE, _ ("Give one registration"));
      goto out;
    }
  if ((r = liaison_store_find_registration (store, argv[1], &error)) == NULL ||
      (files = liaison_store_list_attachments (store, liaison_registration_get_id (r), &error)) == NULL)
    {
      rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }
  if (files->len == 0)
    {
      rc = fail (LIAISON_EXIT_DATA, "%s", _ ("No letter is kept with this registration"));
      goto out;
    }
  a = g_ptr_array_index (files, files->len - 1);
  if ((bytes = liaison_store_get_attachment_data (store, a->id, &error)) == NULL ||
      !g_file_set_contents (output != NULL ? output : a->file_name, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error))
    {
      rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }
  outf ("%s\n", output != NULL ? output : a->file_name);

out:
  g_free (output);
  return rc;
}
