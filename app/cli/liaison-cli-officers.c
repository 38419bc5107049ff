/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include "liaison-cli-people-private.h"
#include "liaison-cli.h"
#include "liaison-work-plan-doc.h"

/* The national liaison officers and the annual work plan they review
 * (framework, section 5.1) from the command line. */

static char *
term_text (const char *start, const char *end)
{
  if (start == NULL && end == NULL)
    return g_strdup ("");
  /* Translators: a term of office, “2023-01-01 – 2025-12-31”; … for an open end */
  return g_strdup_printf (C_ ("term", "%1$s – %2$s"), start != NULL ? start : "…", end != NULL ? end : "…");
}

int
liaison_cli_officers (LiaisonStore *store, int argc, char **argv)
{
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON array (only officers who consented to sharing)"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      NULL,
      _ ("The national liaison officers: each member state's officer and deputy, who nominated them, and their term. "
         "The JSON is a directory to share, so it names only those who consented to sharing."),
      entries);
  g_autoptr (GPtrArray) officers = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *today = liaison_cli_people_today ();
  int              rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    return rc;
  if ((officers = liaison_store_list_officers (store, NULL, &error)) == NULL)
    return fail (LIAISON_EXIT_DATA, "%s", error->message);

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) node = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < officers->len; i++)
        {
          LiaisonOfficer *o = g_ptr_array_index (officers, i);
          g_autoptr (LiaisonParticipant) p = NULL;
          const char *const *emails;

          if (!liaison_store_participant_has_consent (store, o->participant_id, LIAISON_CONSENT_SHARING))
            continue;
          p = liaison_store_get_participant (store, o->participant_id, NULL);
          emails = p != NULL ? liaison_participant_get_emails (p) : NULL;
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, o->id);
          json_builder_set_member_name (b, "participant");
          json_builder_add_string_value (b, o->participant_id);
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, o->name);
          json_builder_set_member_name (b, "country");
          json_builder_add_string_value (b, o->country);
          json_builder_set_member_name (b, "nominated_by");
          json_builder_add_string_value (b, liaison_officer_body_nick (o->body));
          json_builder_set_member_name (b, "role");
          json_builder_add_string_value (b, liaison_officer_role_nick (o->role));
          if (o->term_start != NULL)
            {
              json_builder_set_member_name (b, "term_start");
              json_builder_add_string_value (b, o->term_start);
            }
          if (o->term_end != NULL)
            {
              json_builder_set_member_name (b, "term_end");
              json_builder_add_string_value (b, o->term_end);
            }
          json_builder_set_member_name (b, "current");
          json_builder_add_boolean_value (b, liaison_officer_in_term (o, today));
          json_builder_set_member_name (b, "emails");
          json_builder_begin_array (b);
          for (guint k = 0; emails != NULL && emails[k] != NULL; k++)
            json_builder_add_string_value (b, emails[k]);
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      node = json_builder_get_root (b);
      liaison_cli_people_print_json (node);
      return LIAISON_EXIT_OK;
    }

  if (officers->len == 0)
    outf ("%s\n", _ ("No liaison officer recorded yet: add one with “liaison officers add”."));
  for (guint i = 0; i < officers->len; i++)
    {
      LiaisonOfficer  *o = g_ptr_array_index (officers, i);
      g_autofree char *term = term_text (o->term_start, o->term_end);
      gboolean         current = liaison_officer_in_term (o, today);

      outf ("%s  %s  %s  %s  %s  %s%s%s%s%s\n", liaison_uuid_short (o->id), liaison_cli_people_country_name (o->country),
            liaison_officer_role_label (o->role), o->name, liaison_officer_body_label (o->body), term,
            current ? "" : "  ", current ? "" : C_ ("marker", "term over"), o->consent ? "" : "  ",
            o->consent ? "" : C_ ("marker", "no consent"));
    }
  return LIAISON_EXIT_OK;
}

int
liaison_cli_officers_add (LiaisonStore *store, int argc, char **argv)
{
  char              *country = NULL, *body = NULL, *from = NULL, *until = NULL;
  gboolean           deputy = FALSE;
  const GOptionEntry entries[] = {
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_ ("The member state they serve (ISO code; the person's own if not given)"), N_ ("CODE") },
    { "deputy", 0, 0, G_OPTION_ARG_NONE, &deputy, N_ ("The deputy liaison officer"), NULL },
    { "body", 0, 0, G_OPTION_ARG_STRING, &body, N_ ("Who nominated them: asoen, mee or other (as the country says if not given)"), N_ ("BODY") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_ ("First day of the term, YYYY-MM-DD"), N_ ("DATE") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_ ("Last day of the term, YYYY-MM-DD"), N_ ("DATE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("PARTICIPANT"), _ ("Record a person as their country's national liaison officer (or deputy)."), entries);
  g_autoptr (LiaisonParticipant) p = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char   *id = NULL;
  const char        *code;
  LiaisonOfficerBody body_value;
  int                rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    goto out;
  if (argc != 2)
    {
      rc = fail (LIAISON_EXIT_USAGE, _ ("Give one participant"));
      goto out;
    }
  if ((p = liaison_store_find_participant (store, argv[1], &error)) == NULL)
    {
      rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }
  code = country != NULL ? country : liaison_participant_get_country (p);
  body_value = liaison_officer_body_for_country (code);
  if (body != NULL && !liaison_officer_body_from_nick (body, &body_value))
    {
      rc = fail (LIAISON_EXIT_USAGE, _ ("Unknown nominating body “%s” (choose from: asoen mee other)"), body);
      goto out;
    }
  if ((id = liaison_store_add_officer (store, liaison_participant_get_id (p), code, body_value,
                                       deputy ? LIAISON_OFFICER_ROLE_DEPUTY : LIAISON_OFFICER_ROLE_OFFICER, from, until,
                                       LIAISON_ORIGIN_LOCAL, &error)) == NULL)
    {
      rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }
  outf ("%s\n", id);

out:
  g_free (country);
  g_free (body);
  g_free (from);
  g_free (until);
  return rc;
}

int
liaison_cli_officers_end (LiaisonStore *store, int argc, char **argv)
{
  char              *from = NULL, *until = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_ ("First day of the term, YYYY-MM-DD (unchanged if not given)"), N_ ("DATE") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until, N_ ("Last day of the term, YYYY-MM-DD (today if not given)"), N_ ("DATE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("OFFICER"), _ ("End a liaison officer's term, or correct it; they stay in the directory as a former officer."), entries);
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *today = liaison_cli_people_today ();
  const char      *start = from;
  int              rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    goto out;
  if (argc != 2)
    {
      rc = fail (LIAISON_EXIT_USAGE, _ ("Give one liaison officer (as “liaison officers” lists them)"));
      goto out;
    }
  if ((id = liaison_store_find_officer_id (store, argv[1], &error)) == NULL ||
      (all = liaison_store_list_officers (store, NULL, &error)) == NULL)
    {
      rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }
  for (guint i = 0; start == NULL && i < all->len; i++)
    if (g_str_equal (((LiaisonOfficer *) g_ptr_array_index (all, i))->id, id))
      start = ((LiaisonOfficer *) g_ptr_array_index (all, i))->term_start;
  if (!liaison_store_set_officer_term (store, id, start, until != NULL ? until : today, LIAISON_ORIGIN_LOCAL, &error))
    rc = fail (LIAISON_EXIT_DATA, "%s", error->message);

out:
  g_free (from);
  g_free (until);
  return rc;
}

int
liaison_cli_officers_remove (LiaisonStore *store, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("OFFICER"), _ ("Remove an entry made by mistake from the directory (end a term with “officers end”)."), NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  int              rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc != 2)
    return fail (LIAISON_EXIT_USAGE, _ ("Give one liaison officer (as “liaison officers” lists them)"));
  if ((id = liaison_store_find_officer_id (store, argv[1], &error)) == NULL ||
      !liaison_store_remove_officer (store, id, LIAISON_ORIGIN_LOCAL, &error))
    return fail (LIAISON_EXIT_DATA, "%s", error->message);
  return LIAISON_EXIT_OK;
}

/* ------------------------------------------------------------------------ */
/* The work plan                                                             */

static gboolean
parse_year (const char *text, int *year, int *rc)
{
  gint64 value;

  if (text != NULL && g_ascii_string_to_signed (text, 10, 2000, 2200, &value, NULL))
    {
      *year = (int) value;
      return TRUE;
    }
  *rc = fail (LIAISON_EXIT_USAGE, _ ("“%s” is not a year"), text != NULL ? text : "");
  return FALSE;
}

static LiaisonWorkPlan *
plan_of (LiaisonStore *store, int argc, char **argv, int version, int *rc)
{
  g_autoptr (GError) error = NULL;
  LiaisonWorkPlan *plan;
  int              year;

  if (argc != 2)
    {
      *rc = fail (LIAISON_EXIT_USAGE, _ ("Give the year of the work plan"));
      return NULL;
    }
  if (!parse_year (argv[1], &year, rc))
    return NULL;
  if (version < 0)
    {
      *rc = fail (LIAISON_EXIT_USAGE, _ ("A version is a number from 1"));
      return NULL;
    }
  plan = liaison_store_get_work_plan (store, year, version, &error);
  if (plan == NULL)
    *rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
  return plan;
}

static void
print_plan (LiaisonStore *store, LiaisonWorkPlan *plan)
{
  g_autoptr (GPtrArray) events = liaison_store_list_work_plan_events (store, plan->id, NULL);
  g_autoptr (GPtrArray) feedback = liaison_store_list_work_plan_feedback (store, plan->id, NULL);
  LiaisonLanguage  lang = liaison_language_for_locale ();
  g_autofree char *title = liaison_work_plan_dup_title (plan, lang);

  outf ("%s — %s\n", title, liaison_work_plan_status_label (plan->status));
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      LiaisonWorkPlanEvent *e = g_ptr_array_index (events, i);

      outf ("  %2u. %s  %s  %s\n", i + 1, e->start != NULL ? e->start : "", liaison_uuid_short (e->event_id),
            lang == LIAISON_LANGUAGE_ZH && e->title_zh != NULL ? e->title_zh : e->title_en != NULL ? e->title_en
                                                                                                   : e->title_zh);
    }
  for (guint i = 0; feedback != NULL && i < feedback->len; i++)
    {
      LiaisonWorkPlanFeedback *f = g_ptr_array_index (feedback, i);
      guint                    n = 0;

      for (guint k = 0; f->event_id != NULL && events != NULL && k < events->len; k++)
        if (g_strcmp0 (((LiaisonWorkPlanEvent *) g_ptr_array_index (events, k))->event_id, f->event_id) == 0)
          n = k + 1;
      if (n > 0)
        outf ("  %s  %s  %u.  %s\n", f->received, liaison_cli_people_country_name (f->country), n, f->text);
      else
        outf ("  %s  %s  %s\n", f->received, liaison_cli_people_country_name (f->country), f->text);
    }
}

int
liaison_cli_work_plan (LiaisonStore *store, int argc, char **argv)
{
  int                version = 0;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_INT, &version, N_ ("This version's events and feedback (the latest if not given)"), N_ ("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON array of the versions"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("[YEAR]"), _ ("The annual work plan: every version issued and where it stands; with a year, that year's latest version (or --version) with its events and the officers' feedback."), entries);
  g_autoptr (GPtrArray) plans = NULL;
  g_autoptr (GError) error = NULL;
  int year = 0, rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc > 2)
    return fail (LIAISON_EXIT_USAGE, _ ("Unexpected argument “%s”"), argv[2]);
  if (argc == 2 && !parse_year (argv[1], &year, &rc))
    return rc;
  if ((plans = liaison_store_list_work_plans (store, year, &error)) == NULL)
    return fail (LIAISON_EXIT_DATA, "%s", error->message);

  if (json)
    {
      g_autoptr (JsonBuilder) b = json_builder_new ();
      g_autoptr (JsonNode) node = NULL;

      json_builder_begin_array (b);
      for (guint i = 0; i < plans->len; i++)
        {
          LiaisonWorkPlan *w = g_ptr_array_index (plans, i);

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_string_value (b, w->id);
          json_builder_set_member_name (b, "year");
          json_builder_add_int_value (b, w->year);
          json_builder_set_member_name (b, "version");
          json_builder_add_int_value (b, w->version);
          json_builder_set_member_name (b, "status");
          json_builder_add_string_value (b, liaison_work_plan_status_nick (w->status));
          json_builder_set_member_name (b, "events");
          json_builder_add_int_value (b, w->n_events);
          json_builder_set_member_name (b, "feedback");
          json_builder_add_int_value (b, w->n_feedback);
          if (w->sent != NULL)
            {
              json_builder_set_member_name (b, "sent");
              json_builder_add_string_value (b, w->sent);
            }
          if (w->approved != NULL)
            {
              json_builder_set_member_name (b, "approved");
              json_builder_add_string_value (b, w->approved);
            }
          if (w->review_event_id != NULL)
            {
              json_builder_set_member_name (b, "reviewed_at");
              json_builder_add_string_value (b, w->review_event_id);
            }
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      node = json_builder_get_root (b);
      liaison_cli_people_print_json (node);
      return LIAISON_EXIT_OK;
    }

  if (year > 0 && plans->len > 0)
    {
      g_autoptr (LiaisonWorkPlan) w = liaison_store_get_work_plan (store, year, version, &error);

      if (w == NULL)
        return fail (LIAISON_EXIT_DATA, "%s", error->message);
      print_plan (store, w);
      return LIAISON_EXIT_OK;
    }
  if (plans->len == 0)
    outf ("%s\n", _ ("No work plan has been issued yet: “liaison work-plan issue YEAR” makes the first version."));
  for (guint i = 0; i < plans->len; i++)
    {
      LiaisonWorkPlan *w = g_ptr_array_index (plans, i);
      g_autofree char *title = liaison_work_plan_dup_title (w, liaison_language_for_locale ());

      outf ("%s — %s\n", title, liaison_work_plan_status_label (w->status));
    }
  return LIAISON_EXIT_OK;
}

int
liaison_cli_work_plan_issue (LiaisonStore *store, int argc, char **argv)
{
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("YEAR"), _ ("Issue a new numbered version of a year's work plan: the year's events as they are now."), NULL);
  g_autoptr (LiaisonWorkPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  int year = 0, rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc != 2)
    return fail (LIAISON_EXIT_USAGE, _ ("Give the year of the work plan"));
  if (!parse_year (argv[1], &year, &rc))
    return rc;
  if ((plan = liaison_store_issue_work_plan (store, year, LIAISON_ORIGIN_LOCAL, &error)) == NULL)
    return fail (LIAISON_EXIT_DATA, "%s", error->message);
  print_plan (store, plan);
  return LIAISON_EXIT_OK;
}

int
liaison_cli_work_plan_send (LiaisonStore *store, int argc, char **argv)
{
  int                version = 0;
  char              *pdf = NULL, *ics = NULL;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_INT, &version, N_ ("The version to send (the latest if not given)"), N_ ("N") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_ ("Write the plan in Chinese and English to this PDF"), N_ ("FILE") },
    { "ics", 0, 0, G_OPTION_ARG_FILENAME, &ics, N_ ("Write its events to this iCalendar file"), N_ ("FILE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("YEAR"), _ ("Make the files that go to the liaison officers (a bilingual PDF and an .ics) and record the version as sent."), entries);
  g_autoptr (LiaisonWorkPlan) plan = NULL;
  g_autoptr (LiaisonWorkPlan) sent = NULL;
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (GError) error = NULL;
  int rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    goto out;
  if (pdf == NULL && ics == NULL)
    {
      rc = fail (LIAISON_EXIT_USAGE, _ ("Give --pdf, --ics or both: the files to send"));
      goto out;
    }
  if ((plan = plan_of (store, argc, argv, version, &rc)) == NULL)
    goto out;
  if ((events = liaison_store_list_work_plan_events (store, plan->id, &error)) == NULL ||
      !liaison_store_mark_work_plan_sent (store, plan->id, LIAISON_ORIGIN_LOCAL, &error) ||
      (sent = liaison_store_get_work_plan (store, plan->year, plan->version, &error)) == NULL ||
      (pdf != NULL && !liaison_work_plan_write_pdf (sent, events, NULL, pdf, &error)))
    {
      rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }
  if (ics != NULL)
    {
      g_autofree char *text = liaison_work_plan_to_ics (sent, events);

      if (!g_file_set_contents (ics, text, -1, &error))
        {
          rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
          goto out;
        }
    }
  print_plan (store, sent);

out:
  g_free (pdf);
  g_free (ics);
  return rc;
}

int
liaison_cli_work_plan_feedback (LiaisonStore *store, int argc, char **argv)
{
  int                version = 0;
  char              *country = NULL, *event = NULL, *text = NULL, *received = NULL;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_INT, &version, N_ ("The version commented on (the latest if not given)"), N_ ("N") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &country, N_ ("The country whose liaison officer answered (ISO code)"), N_ ("CODE") },
    { "event", 0, 0, G_OPTION_ARG_STRING, &event, N_ ("The event of the plan it is about (the whole plan if not given)"), N_ ("EVENT") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_ ("What they said"), N_ ("TEXT") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received, N_ ("When it came, YYYY-MM-DD (today if not given)"), N_ ("DATE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("YEAR"), _ ("Record a liaison officer's feedback on a version of the work plan, on the plan or on one of its events."), entries);
  g_autoptr (LiaisonWorkPlan) plan = NULL;
  g_autoptr (LiaisonEvent) e = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *today = liaison_cli_people_today ();
  int              rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    goto out;
  if (country == NULL || text == NULL)
    {
      rc = fail (LIAISON_EXIT_USAGE, _ ("Give --country and --text"));
      goto out;
    }
  if ((plan = plan_of (store, argc, argv, version, &rc)) == NULL)
    goto out;
  if ((event != NULL && (e = liaison_store_find_event (store, event, &error)) == NULL) ||
      (id = liaison_store_add_work_plan_feedback (store, plan->id, country, e != NULL ? liaison_event_get_id (e) : NULL, text,
                                                  received != NULL ? received : today, LIAISON_ORIGIN_LOCAL, &error)) == NULL)
    {
      rc = fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }
  outf ("%s\n", id);

out:
  g_free (country);
  g_free (event);
  g_free (text);
  g_free (received);
  return rc;
}

int
liaison_cli_work_plan_approve (LiaisonStore *store, int argc, char **argv)
{
  int                version = 0;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_INT, &version, N_ ("The version to approve (the latest if not given)"), N_ ("N") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("YEAR"), _ ("Approve a version of the work plan that was sent; it is kept as it was, the others are superseded."), entries);
  g_autoptr (LiaisonWorkPlan) plan = NULL;
  g_autoptr (LiaisonWorkPlan) approved = NULL;
  g_autoptr (GError) error = NULL;
  int rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    return rc;
  if ((plan = plan_of (store, argc, argv, version, &rc)) == NULL)
    return rc;
  if (!liaison_store_approve_work_plan (store, plan->id, LIAISON_ORIGIN_LOCAL, &error) ||
      (approved = liaison_store_get_work_plan (store, plan->year, plan->version, &error)) == NULL)
    return fail (LIAISON_EXIT_DATA, "%s", error->message);
  print_plan (store, approved);
  return LIAISON_EXIT_OK;
}

int
liaison_cli_work_plan_review (LiaisonStore *store, int argc, char **argv)
{
  int                version = 0;
  char              *meeting = NULL;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_INT, &version, N_ ("The version reviewed (the latest if not given)"), N_ ("N") },
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting, N_ ("The liaison officers' meeting that reviewed it"), N_ ("EVENT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context = liaison_cli_people_context (
      _ ("YEAR"), _ ("Link a version of the work plan to the annual liaison officers' meeting that reviewed it."), entries);
  g_autoptr (LiaisonWorkPlan) plan = NULL;
  g_autoptr (LiaisonEvent) e = NULL;
  g_autoptr (GError) error = NULL;
  int rc = LIAISON_EXIT_OK;

  if (!liaison_cli_people_parse (context, &argc, &argv, &rc))
    goto out;
  if (meeting == NULL)
    {
      rc = fail (LIAISON_EXIT_USAGE, _ ("Give --meeting"));
      goto out;
    }
  if ((plan = plan_of (store, argc, argv, version, &rc)) == NULL)
    goto out;
  if ((e = liaison_store_find_event (store, meeting, &error)) == NULL ||
      !liaison_store_set_work_plan_review (store, plan->id, liaison_event_get_id (e), LIAISON_ORIGIN_LOCAL, &error))
    rc = fail (LIAISON_EXIT_DATA, "%s", error->message);

out:
  g_free (meeting);
  return rc;
}
