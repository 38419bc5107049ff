/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-cli.h"
#include "liaison-cli-common.h"
#include "liaison-cli-registrations.h"
#include "liaison-json.h"

/* liaison register | registrations | registrations set | unregister: who
 * comes to an event, through the same rules as the window's registrations
 * (the waitlist, the status steps, check-in). */

static char *
person_name (LiaisonStore *store,
             const char   *participant_id)
{
  g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (store, participant_id, NULL);

  return p != NULL ? liaison_participant_dup_display_name (p) : g_strdup (participant_id);
}

/* A registration as "registrations --json" lists it: the store's fields,
 * the code a badge prints, the person's name. */
static guint
waitlist_place (LiaisonStore        *store,
                LiaisonRegistration *r)
{
  g_autoptr (GPtrArray) all = NULL;

  if (liaison_registration_get_status (r) != LIAISON_REGISTRATION_WAITLISTED)
    return 0;
  all = liaison_store_list_registrations (store, liaison_registration_get_event_id (r), NULL);
  return all != NULL ? liaison_registration_waitlist_place (all, r) : 0;
}

/* “Waitlisted, place 2” for a person on the waitlist, else the status. */
static char *
status_text (LiaisonRegistration *r,
             guint                place)
{
  const char *label = liaison_registration_status_label (liaison_registration_get_status (r));

  if (place == 0)
    return g_strdup (label);
  /* Translators: a waitlisted person's status and place, “Waitlisted, place 2” */
  return g_strdup_printf (_ ("%1$s, place %2$u"), label, place);
}

static JsonNode *
registration_to_json (LiaisonStore        *store,
                      LiaisonRegistration *r)
{
  JsonNode        *node = liaison_json_from_registration (r);
  JsonObject      *object = json_node_get_object (node);
  g_autofree char *name = person_name (store, liaison_registration_get_participant_id (r));
  guint            place = waitlist_place (store, r);

  /* 1 for the first on the waitlist; absent for a person not on it. */
  if (place > 0)
    json_object_set_int_member (object, "waitlist_place", place);

  json_object_set_string_member (object, "code", liaison_uuid_short (liaison_registration_get_id (r)));
  json_object_set_string_member (object, "name", name);
  if (liaison_registration_get_delegation (r) != NULL)
    json_object_set_string_member (object, "delegation", liaison_registration_get_delegation (r));
  return node;
}

static void
print_registration (LiaisonStore        *store,
                    LiaisonRegistration *r)
{
  g_autofree char *name = person_name (store, liaison_registration_get_participant_id (r));
  g_autofree char *status = status_text (r, waitlist_place (store, r));

  /* Translators: %1$s is a person's name, %2$s a registration status (“Waitlisted”), %3$s the registration's identifier */
  liaison_cli_outln (_ ("%1$s: %2$s (registration %3$s)"), name, status, liaison_registration_get_id (r));
}

int
liaison_cli_register (LiaisonStore *store,
                      int           argc,
                      char        **argv)
{
  g_autofree char   *role = NULL, *status = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_ ("delegate, speaker, moderator, organiser, interpreter, observer, vip or staff"), N_ ("ROLE") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_ ("invited, registered, waitlisted or confirmed (registered if not given)"), N_ ("STATUS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the registration as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_new_context (_ ("EVENT PARTICIPANT"),
                                                                _ ("Register a participant for an event. EVENT and PARTICIPANT are identifiers or their first characters. When the event is full the person goes on the waitlist."));
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (GError) error = NULL;
  int role_value = LIAISON_ROLE_DELEGATE, status_value = LIAISON_REGISTRATION_REGISTERED;
  int rc = LIAISON_EXIT_USAGE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc != 3)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give an event and a participant"));
  if (!liaison_cli_parse_enum (LIAISON_TYPE_ROLE, role, &role_value, &rc) || !liaison_cli_parse_enum (LIAISON_TYPE_REGISTRATION_STATUS, status, &status_value, &rc))
    return rc;

  if ((event = liaison_store_find_event (store, argv[1], &error)) == NULL || (p = liaison_store_find_participant (store, argv[2], &error)) == NULL || (r = liaison_store_register (store, liaison_event_get_id (event), liaison_participant_get_id (p), role_value, status_value, LIAISON_ORIGIN_LOCAL, &error)) == NULL)
    return liaison_cli_fail_error (error);

  if (json)
    {
      g_autoptr (JsonNode) node = liaison_json_from_registration (r);
      liaison_cli_print_json (node);
    }
  else
    print_registration (store, r);
  return LIAISON_EXIT_OK;
}

int
liaison_cli_registrations (LiaisonStore *store,
                           int           argc,
                           char        **argv)
{
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON array"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
      liaison_cli_new_context (_ ("EVENT"), _ ("List who is registered for an event, in the order they registered: the "
                                               "code a badge prints, the status (a waitlisted person's with their "
                                               "place on the waitlist), the role and the name."));
  g_autoptr (LiaisonEvent) event = NULL;
  g_autoptr (GPtrArray) registrations = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) statuses = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) waitlist = NULL;
  g_autoptr (GError) error = NULL;
  guint status_width = 0, role_width = 0;
  int   rc = LIAISON_EXIT_USAGE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc != 2)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give the event whose registrations to list"));

  if ((event = liaison_store_find_event (store, argv[1], &error)) == NULL || (registrations = liaison_store_list_registrations (store, liaison_event_get_id (event), &error)) == NULL)
    return liaison_cli_fail_error (error);

  if (json)
    {
      g_autoptr (JsonArray) array = json_array_new ();
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < registrations->len; i++)
        json_array_add_element (array, registration_to_json (store, g_ptr_array_index (registrations, i)));
      json_node_set_array (node, array);
      liaison_cli_print_json (node);
      return LIAISON_EXIT_OK;
    }

  waitlist = liaison_registration_sort_waitlist (registrations);
  for (guint i = 0; i < registrations->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (registrations, i);
      guint                place = 0;

      g_ptr_array_find (waitlist, r, &place);
      g_ptr_array_add (names, person_name (store, liaison_registration_get_participant_id (r)));
      g_ptr_array_add (statuses, status_text (r, g_ptr_array_find (waitlist, r, NULL) ? place + 1 : 0));
      status_width = MAX (status_width, liaison_cli_width (g_ptr_array_index (statuses, i)));
      role_width = MAX (role_width, liaison_cli_width (liaison_role_label (liaison_registration_get_role (r))));
    }
  for (guint i = 0; i < registrations->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (registrations, i);
      g_autofree char     *status = liaison_cli_pad (g_ptr_array_index (statuses, i), status_width);
      g_autofree char     *role = liaison_cli_pad (liaison_role_label (liaison_registration_get_role (r)), role_width);
      const char          *delegation = liaison_registration_get_delegation (r);

      liaison_cli_outf ("%s  %s  %s  %s%s%s\n", liaison_uuid_short (liaison_registration_get_id (r)), status, role,
                        (const char *) g_ptr_array_index (names, i), delegation ? "  " : "", delegation ? delegation : "");
    }
  liaison_cli_outln (ngettext ("%u registration", "%u registrations", registrations->len), registrations->len);
  return LIAISON_EXIT_OK;
}

/* A new status through the window's rules: the allowed steps of the
 * status machine, a full event refusing a place, the waitlist moving up
 * when a place frees, and check-in's steps for "attended". */
int
liaison_cli_registrations_set (LiaisonStore *store,
                               int           argc,
                               char        **argv)
{
  g_autofree char   *role = NULL, *status = NULL;
  gboolean           json = FALSE, promote = FALSE, over_capacity = FALSE;
  int                place = 0;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status, N_ ("invited, registered, waitlisted, confirmed, attended, no-show, declined or cancelled"), N_ ("STATUS") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_ ("delegate, speaker, moderator, organiser, interpreter, observer, vip or staff"), N_ ("ROLE") },
    { "place", 0, 0, G_OPTION_ARG_INT, &place, N_ ("Move a waitlisted person to this place on the waitlist (1 is the first)"), N_ ("N") },
    { "promote", 0, 0, G_OPTION_ARG_NONE, &promote, N_ ("Give a waitlisted person a place now, before their turn"), NULL },
    { "over-capacity", 0, 0, G_OPTION_ARG_NONE, &over_capacity, N_ ("With --promote: give the place even when the event is full"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the registration as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
      liaison_cli_new_context (_ ("REGISTRATION"), _ ("Change a registration's status or role, as the window does: only "
                                                      "the steps the rules allow; a place freed moves the waitlist up. "
                                                      "A waitlisted person moves to another place on the waitlist with "
                                                      "--place, or gets a place now with --promote (a full event "
                                                      "refuses it unless --over-capacity). REGISTRATION is an "
                                                      "identifier or the code “liaison registrations” shows."));
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *promoted = NULL;
  g_autofree char *id = NULL;
  int              role_value = 0, status_value = 0;
  int              rc = LIAISON_EXIT_USAGE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc != 2)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give the registration to change"));
  if (status == NULL && role == NULL && place == 0 && !promote)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give a new status with --status, a role with --role, a place on the "
                                                    "waitlist with --place, or --promote"));
  if (place < 0 || (place > 0 && (promote || status != NULL)) || (promote && status != NULL))
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("--place, --promote and --status each change where the person "
                                                    "stands: give one of them, and --place a number from 1"));
  if (over_capacity && !promote)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("--over-capacity goes with --promote"));
  if (!liaison_cli_parse_enum (LIAISON_TYPE_REGISTRATION_STATUS, status, &status_value, &rc) || !liaison_cli_parse_enum (LIAISON_TYPE_ROLE, role, &role_value, &rc))
    return rc;

  if ((r = liaison_store_find_registration (store, argv[1], &error)) == NULL)
    return liaison_cli_fail_error (error);
  id = g_strdup (liaison_registration_get_id (r));

  /* Status and role together or not at all. */
  if (!liaison_store_begin_bulk (store, &error))
    return liaison_cli_fail_error (error);
  if (status != NULL && status_value != (int) liaison_registration_get_status (r))
    {
      gboolean done;

      if (status_value == LIAISON_REGISTRATION_ATTENDED)
        {
          g_autoptr (LiaisonRegistration) checked = liaison_store_check_in (store, id, LIAISON_ORIGIN_LOCAL, &error);
          done = checked != NULL;
        }
      else
        done = liaison_store_set_registration_status (store, id, status_value, LIAISON_ORIGIN_LOCAL, &promoted, &error);
      if (!done)
        goto fail;
    }
  if (place > 0 && !liaison_store_move_waitlisted (store, id, place, LIAISON_ORIGIN_LOCAL, &error))
    goto fail;
  if (promote && !liaison_store_promote_registration (store, id, over_capacity, LIAISON_ORIGIN_LOCAL, &error))
    goto fail;
  if (role != NULL && role_value != (int) liaison_registration_get_role (r))
    {
      g_clear_object (&r);
      if ((r = liaison_store_get_registration (store, id, &error)) == NULL)
        goto fail;
      liaison_registration_set_role (r, role_value);
      if (!liaison_store_update_registration (store, r, LIAISON_ORIGIN_LOCAL, &error))
        goto fail;
    }
  if (!liaison_store_end_bulk (store, TRUE, &error))
    return liaison_cli_fail_error (error);

  g_clear_object (&r);
  if ((r = liaison_store_get_registration (store, id, &error)) == NULL)
    return liaison_cli_fail_error (error);
  if (json)
    {
      g_autoptr (JsonNode) node = registration_to_json (store, r);

      if (promoted != NULL)
        json_object_set_string_member (json_node_get_object (node), "promoted", promoted);
      liaison_cli_print_json (node);
      return LIAISON_EXIT_OK;
    }
  print_registration (store, r);
  if (promoted != NULL)
    {
      g_autoptr (LiaisonRegistration) up = liaison_store_get_registration (store, promoted, NULL);

      if (up != NULL)
        print_registration (store, up);
    }
  return LIAISON_EXIT_OK;

fail:
  rc = liaison_cli_fail_error (error);
  liaison_store_end_bulk (store, FALSE, NULL);
  return rc;
}

int
liaison_cli_unregister (LiaisonStore *store,
                        int           argc,
                        char        **argv)
{
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print the removed registration as JSON"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
      liaison_cli_new_context (_ ("REGISTRATION"), _ ("Remove a registration, as the window's Remove does: the first "
                                                      "person on the waitlist moves up into the place. REGISTRATION is "
                                                      "an identifier or the code “liaison registrations” shows."));
  g_autoptr (LiaisonRegistration) r = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *promoted = NULL;
  g_autofree char *name = NULL;
  int              rc = LIAISON_EXIT_USAGE;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc != 2)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give the registration to remove"));

  if ((r = liaison_store_find_registration (store, argv[1], &error)) == NULL || !liaison_store_delete_registration (store, liaison_registration_get_id (r), LIAISON_ORIGIN_LOCAL, &promoted, &error))
    return liaison_cli_fail_error (error);

  if (json)
    {
      g_autoptr (JsonNode) node = registration_to_json (store, r);

      if (promoted != NULL)
        json_object_set_string_member (json_node_get_object (node), "promoted", promoted);
      liaison_cli_print_json (node);
      return LIAISON_EXIT_OK;
    }
  name = person_name (store, liaison_registration_get_participant_id (r));
  liaison_cli_outln (_ ("%s removed from the event"), name);
  if (promoted != NULL)
    {
      g_autoptr (LiaisonRegistration) up = liaison_store_get_registration (store, promoted, NULL);

      if (up != NULL)
        print_registration (store, up);
    }
  return LIAISON_EXIT_OK;
}
