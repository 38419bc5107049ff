/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "liaison-change-watch.h"
#include "liaison-form-dialog.h"
#include "liaison-gui-util.h"
#include "liaison-officers-page.h"
#include "liaison-person-picker.h"
#include "liaison-store-people.h"
#include "liaison-work-plan-doc.h"

/* The national liaison officers of section 5.1 and the annual work plan
 * they review: the directory by member state (officer, deputy, who
 * nominated them, their term), and a year's work plan versions with their
 * events, the officers' feedback, and what each version became (sent,
 * approved, superseded, reviewed at which meeting). */

struct _LiaisonOfficersPage
{
  AdwBin parent_instance;

  LiaisonContext     *context;
  gboolean            folded;
  int                 year;
  LiaisonChangeWatch *watch;
  GCancellable       *cancellable;
  gboolean            stale;
  GPtrArray          *plans;       /* LiaisonWorkPlan of the year shown */
  GPtrArray          *meetings;    /* LiaisonEvent: liaison officers' meetings */
  GHashTable         *plan_events; /* plan id → GPtrArray of LiaisonWorkPlanEvent */
  GArray             *years;
  gboolean            filling;

  GtkStack      *stack;
  AdwStatusPage *error_page;
  GtkListBox    *officers_list;
  GtkDropDown   *year_dropdown;
  GtkListBox    *plans_list;
};

G_DEFINE_FINAL_TYPE (LiaisonOfficersPage, liaison_officers_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void reload (LiaisonOfficersPage *self);

static LiaisonStore *
get_store (LiaisonOfficersPage *self)
{
  return liaison_context_get_store (self->context);
}

static void
toast (LiaisonOfficersPage *self, const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static int
this_year (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_get_year (now);
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                   */

typedef struct
{
  int         year;
  GPtrArray  *officers;
  GPtrArray  *plans;
  GPtrArray  *all_plans;
  GHashTable *events;   /* plan id → GPtrArray */
  GHashTable *feedback; /* plan id → GPtrArray */
  GPtrArray  *meetings;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *l = data;

  g_clear_pointer (&l->officers, g_ptr_array_unref);
  g_clear_pointer (&l->plans, g_ptr_array_unref);
  g_clear_pointer (&l->all_plans, g_ptr_array_unref);
  g_clear_pointer (&l->events, g_hash_table_unref);
  g_clear_pointer (&l->feedback, g_hash_table_unref);
  g_clear_pointer (&l->meetings, g_ptr_array_unref);
  g_free (l);
}

static gpointer
load_in_worker (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  Loaded            *l = g_new0 (Loaded, 1);
  LiaisonEventFilter filter = LIAISON_EVENT_FILTER_INIT;

  l->year = GPOINTER_TO_INT (data);
  l->events = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  l->feedback = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  filter.kind = LIAISON_EVENT_KIND_LIAISON_MEETING;
  if ((l->officers = liaison_store_list_officers (reader, NULL, error)) == NULL ||
      (l->all_plans = liaison_store_list_work_plans (reader, 0, error)) == NULL ||
      (l->meetings = liaison_store_list_events (reader, &filter, error)) == NULL)
    {
      loaded_free (l);
      return NULL;
    }
  /* No year asked for: the latest year with a plan, else next year's. */
  if (l->year == 0)
    l->year = l->all_plans->len > 0 ? ((LiaisonWorkPlan *) g_ptr_array_index (l->all_plans, 0))->year : this_year () + 1;
  l->plans = liaison_store_list_work_plans (reader, l->year, error);
  if (l->plans == NULL)
    {
      loaded_free (l);
      return NULL;
    }
  for (guint i = 0; i < l->plans->len; i++)
    {
      LiaisonWorkPlan *w = g_ptr_array_index (l->plans, i);
      GPtrArray       *events = liaison_store_list_work_plan_events (reader, w->id, error);
      GPtrArray       *feedback = events != NULL ? liaison_store_list_work_plan_feedback (reader, w->id, error) : NULL;

      if (feedback == NULL)
        {
          g_clear_pointer (&events, g_ptr_array_unref);
          loaded_free (l);
          return NULL;
        }
      g_hash_table_insert (l->events, g_strdup (w->id), events);
      g_hash_table_insert (l->feedback, g_strdup (w->id), feedback);
    }
  return l;
}

static const char *
country_name (const char *code)
{
  const LiaisonCountry *c = liaison_country_lookup (code);

  return c != NULL ? liaison_country_get_name (c, liaison_language_for_locale ()) : code;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
row_new (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static char *
term_text (const LiaisonOfficer *o)
{
  if (o->term_start == NULL && o->term_end == NULL)
    return g_strdup (_ ("Term not recorded"));
  if (o->term_end == NULL)
    /* Translators: a term of office still running, “since 2024-01-01” */
    return g_strdup_printf (_ ("since %s"), o->term_start);
  /* Translators: a term of office, “2023-01-01 – 2025-12-31”; … for an open end */
  return g_strdup_printf (C_ ("term", "%1$s – %2$s"), o->term_start != NULL ? o->term_start : "…", o->term_end);
}

static GtkWidget *
officer_menu (const LiaisonOfficer *o)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenuItem) end = g_menu_item_new (_ ("End the Term Today"), NULL);
  g_autoptr (GMenuItem) remove = g_menu_item_new (_ ("Remove from the Directory"), NULL);
  GtkWidget       *button = gtk_menu_button_new ();
  g_autofree char *label = g_strdup_printf (_ ("Actions for %s"), o->name);

  g_menu_item_set_action_and_target_value (end, "officers.end-term", g_variant_new_string (o->id));
  g_menu_item_set_action_and_target_value (remove, "officers.remove", g_variant_new_string (o->id));
  g_menu_append_item (menu, end);
  g_menu_append_item (menu, remove);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
fill_officers (LiaisonOfficersPage *self, GPtrArray *officers)
{
  g_autoptr (GPtrArray) codes = liaison_form_dialog_member_codes ();
  g_autoptr (GString) missing = g_string_new (NULL);
  g_autofree char *today = liaison_form_dialog_today ();

  clear_list (self->officers_list);
  for (guint m = 0; m <= codes->len; m++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < officers->len; i++)
        {
          LiaisonOfficer  *o = g_ptr_array_index (officers, i);
          gboolean         member = FALSE;
          g_autofree char *term = NULL;
          g_autofree char *subtitle = NULL;
          GtkWidget       *row;

          for (guint k = 0; k < codes->len; k++)
            member = member || g_str_equal (o->country, g_ptr_array_index (codes, k));
          if (m < codes->len ? !g_str_equal (o->country, g_ptr_array_index (codes, m)) : member)
            continue;
          any = TRUE;
          term = term_text (o);
          /* Translators: an officer in the directory: country, role, who nominated them, term */
          subtitle = g_strdup_printf (C_ ("officer", "%1$s · %2$s · %3$s · %4$s"), country_name (o->country),
                                      liaison_officer_role_label (o->role), liaison_officer_body_label (o->body), term);
          row = row_new (o->name, subtitle);
          gtk_widget_set_name (row, o->participant_id);
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          if (!liaison_officer_in_term (o, today))
            {
              GtkWidget *over = gtk_label_new (C_ ("officer", "Former"));

              gtk_widget_add_css_class (over, "dim-label");
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), over);
            }
          if (!o->consent)
            {
              GtkWidget       *mark = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
              g_autofree char *why = g_strdup_printf (_ ("%s has not consented to the processing of their data"), o->name);

              gtk_widget_add_css_class (mark, "warning");
              gtk_widget_set_tooltip_text (mark, why);
              gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, why, -1);
              adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
            }
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), officer_menu (o));
          gtk_list_box_append (self->officers_list, row);
        }
      if (!any && m < codes->len)
        {
          if (missing->len > 0)
            g_string_append (missing, C_ ("list separator", ", "));
          g_string_append (missing, country_name (g_ptr_array_index (codes, m)));
        }
    }
  /* The member states still without an officer, in one line. */
  if (missing->len > 0)
    {
      GtkWidget *row = row_new (_ ("No liaison officer recorded yet"), missing->str);

      gtk_widget_set_name (row, "missing");
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->officers_list, row);
    }
}

static const char *
meeting_title (LiaisonOfficersPage *self, const char *event_id)
{
  for (guint i = 0; self->meetings != NULL && i < self->meetings->len; i++)
    {
      LiaisonEvent *e = g_ptr_array_index (self->meetings, i);

      if (g_strcmp0 (liaison_event_get_id (e), event_id) == 0)
        return liaison_bilingual_get_display (liaison_event_get_title (e), liaison_language_for_locale ());
    }
  return event_id;
}

static GtkWidget *
plan_menu (LiaisonWorkPlan *w)
{
  g_autoptr (GMenu) menu = g_menu_new ();
  struct
  {
    const char *label;
    const char *action;
  } items[] = {
    { N_ ("_Export PDF and Calendar…"), "officers.send-plan" },
    { N_ ("Record _Feedback…"), "officers.feedback" },
    { N_ ("_Approve This Version"), "officers.approve-plan" },
    { N_ ("_Reviewed at a Meeting…"), "officers.review-plan" },
  };
  GtkWidget       *button = gtk_menu_button_new ();
  g_autofree char *title = liaison_work_plan_dup_title (w, liaison_language_for_locale ());
  g_autofree char *label = g_strdup_printf (_ ("Actions for %s"), title);

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr (GMenuItem) item = g_menu_item_new (_ (items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_string (w->id));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static char *
event_when (const LiaisonWorkPlanEvent *e)
{
  g_autoptr (LiaisonEvent) event = liaison_event_new (e->event_id);

  if (e->start == NULL || !liaison_event_set_when (event, e->start, e->end, e->time_zone, NULL))
    return g_strdup (e->start != NULL ? e->start : "");
  return liaison_format_event_when (event, liaison_language_for_locale ());
}

static void
fill_plans (LiaisonOfficersPage *self, Loaded *l)
{
  LiaisonLanguage lang = liaison_language_for_locale ();

  clear_list (self->plans_list);
  if (l->plans->len == 0)
    {
      /* Translators: %d is a year */
      g_autofree char *none = g_strdup_printf (_ ("No work plan for %d yet"), l->year);
      GtkWidget       *row = row_new (none, _ ("Issue a version when the year's events are planned"));

      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->plans_list, row);
      return;
    }
  for (guint i = 0; i < l->plans->len; i++)
    {
      LiaisonWorkPlan *w = g_ptr_array_index (l->plans, i);
      GPtrArray       *events = g_hash_table_lookup (l->events, w->id);
      GPtrArray       *feedback = g_hash_table_lookup (l->feedback, w->id);
      g_autofree char *title = NULL;
      g_autofree char *counts = NULL;
      g_autoptr (GString) subtitle = g_string_new (NULL);
      GtkWidget *row = adw_expander_row_new ();

      /* Translators: a version of the work plan and its status, “Version 2 — Approved” */
      title = g_strdup_printf (_ ("Version %1$u — %2$s"), w->version, liaison_work_plan_status_label (w->status));
      counts = g_strdup_printf (g_dngettext (NULL, "%u event", "%u events", w->n_events), w->n_events);
      g_string_append (subtitle, counts);
      g_string_append (subtitle, C_ ("work plan", " · "));
      g_free (counts);
      counts = g_strdup_printf (g_dngettext (NULL, "%u answer from liaison officers", "%u answers from liaison officers", w->n_feedback),
                                w->n_feedback);
      g_string_append (subtitle, counts);
      if (w->review_event_id != NULL)
        {
          /* Translators: %s is a liaison officers' meeting */
          g_autofree char *reviewed = g_strdup_printf (_ ("reviewed at “%s”"), meeting_title (self, w->review_event_id));

          g_string_append (subtitle, C_ ("work plan", " · "));
          g_string_append (subtitle, reviewed);
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle->str);
      gtk_widget_set_name (row, w->id);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), plan_menu (w));

      for (guint k = 0; events != NULL && k < events->len; k++)
        {
          LiaisonWorkPlanEvent *e = g_ptr_array_index (events, k);
          g_autofree char      *when = event_when (e);
          g_autofree char      *what = g_strdup_printf ("%u. %s", k + 1,
                                                   lang == LIAISON_LANGUAGE_ZH && e->title_zh != NULL ? e->title_zh
                                                        : e->title_en != NULL                              ? e->title_en
                                                                                                           : e->title_zh);

          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), row_new (what, when));
        }
      for (guint k = 0; feedback != NULL && k < feedback->len; k++)
        {
          LiaisonWorkPlanFeedback *f = g_ptr_array_index (feedback, k);
          g_autofree char         *who = NULL;
          guint                    n = 0;

          for (guint e = 0; f->event_id != NULL && events != NULL && e < events->len; e++)
            if (g_strcmp0 (((LiaisonWorkPlanEvent *) g_ptr_array_index (events, e))->event_id, f->event_id) == 0)
              n = e + 1;
          if (n > 0)
            /* Translators: feedback from a country on an event of the plan, “Viet Nam on event 2, 1 October 2025” */
            who = g_strdup_printf (_ ("%1$s on event %2$u, %3$s"), country_name (f->country), n, f->received);
          else
            /* Translators: feedback from a country on the whole plan, “Viet Nam on the plan, 1 October 2025” */
            who = g_strdup_printf (_ ("%1$s on the plan, %2$s"), country_name (f->country), f->received);
          {
            GtkWidget *fb = row_new (f->text, who);

            adw_action_row_set_icon_name (ADW_ACTION_ROW (fb), "mail-reply-sender-symbolic");
            adw_expander_row_add_row (ADW_EXPANDER_ROW (row), fb);
          }
        }
      gtk_list_box_append (self->plans_list, row);
    }
}

static int
compare_years (gconstpointer a, gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static void
fill_years (LiaisonOfficersPage *self, Loaded *l)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr (GArray) years = g_array_new (FALSE, FALSE, sizeof (int));
  int   now = this_year ();
  guint selected = 0;

  for (int y = now - 1; y <= now + 2; y++)
    g_array_append_val (years, y);
  for (guint i = 0; i < l->all_plans->len; i++)
    {
      int      y = ((LiaisonWorkPlan *) g_ptr_array_index (l->all_plans, i))->year;
      gboolean have = FALSE;

      for (guint k = 0; k < years->len; k++)
        have = have || g_array_index (years, int, k) == y;
      if (!have)
        g_array_append_val (years, y);
    }
  g_array_sort (years, compare_years);
  for (guint i = 0; i < years->len; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", g_array_index (years, int, i));

      gtk_string_list_append (model, text);
      if (g_array_index (years, int, i) == l->year)
        selected = i;
    }
  self->filling = TRUE;
  g_clear_pointer (&self->years, g_array_unref);
  self->years = g_steal_pointer (&years);
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->year_dropdown, selected);
  self->filling = FALSE;
}

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonOfficersPage) self = user_data;
  g_autoptr (GError) error = NULL;
  Loaded *l = liaison_store_query_finish (NULL, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (l == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  if (self->year != l->year)
    {
      self->year = l->year;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
    }
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  self->plans = g_ptr_array_ref (l->plans);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  self->meetings = g_ptr_array_ref (l->meetings);
  g_clear_pointer (&self->plan_events, g_hash_table_unref);
  self->plan_events = g_hash_table_ref (l->events);
  fill_officers (self, l->officers);
  fill_years (self, l);
  fill_plans (self, l);
  gtk_stack_set_visible_child_name (self->stack, "content");
  loaded_free (l);
}

static void
reload (LiaisonOfficersPage *self)
{
  if (self->context == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->plans == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  liaison_store_query_async (get_store (self), load_in_worker, GINT_TO_POINTER (self->year), NULL, loaded_free,
                             self->cancellable, on_loaded, g_object_ref (self));
}

static void
on_map (LiaisonOfficersPage *self)
{
  if (self->stale || self->plans == NULL)
    reload (self);
}

static void
on_year_selected (LiaisonOfficersPage *self)
{
  guint i = gtk_drop_down_get_selected (self->year_dropdown);

  if (self->filling || self->years == NULL || i >= self->years->len)
    return;
  liaison_officers_page_set_year (self, g_array_index (self->years, int, i));
}

static void
on_officer_activated (LiaisonOfficersPage *self, GtkListBoxRow *row)
{
  const char *id = gtk_widget_get_name (GTK_WIDGET (row));

  if (id != NULL && liaison_uuid_is_valid (id))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-participant", "s", id);
}

static LiaisonWorkPlan *
plan_by_id (LiaisonOfficersPage *self, const char *id)
{
  for (guint i = 0; self->plans != NULL && i < self->plans->len; i++)
    if (g_str_equal (((LiaisonWorkPlan *) g_ptr_array_index (self->plans, i))->id, id))
      return g_ptr_array_index (self->plans, i);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Officers                                                                  */

static const LiaisonOfficerBody bodies[] = { LIAISON_OFFICER_BODY_ASOEN, LIAISON_OFFICER_BODY_MEE, LIAISON_OFFICER_BODY_OTHER };

static void
on_officer_person (AdwMessageDialog *dialog)
{
  LiaisonPersonPicker *picker = g_object_get_data (G_OBJECT (dialog), "picker");
  LiaisonParticipant  *p = liaison_person_picker_get_selected (picker);
  g_autoptr (GPtrArray) codes = liaison_form_dialog_member_codes ();

  adw_message_dialog_set_response_enabled (dialog, "add", p != NULL);
  for (guint i = 0; p != NULL && i < codes->len; i++)
    if (g_strcmp0 (g_ptr_array_index (codes, i), liaison_participant_get_country (p)) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (liaison_form_dialog_get_row (dialog, "country")), i);
}

/* The nominating body follows the country, as section 5.1 has it. */
static void
on_officer_country (AdwMessageDialog *dialog)
{
  g_autoptr (GPtrArray) codes = liaison_form_dialog_member_codes ();
  guint              i = liaison_form_dialog_get_choice (dialog, "country");
  LiaisonOfficerBody body = liaison_officer_body_for_country (i < codes->len ? g_ptr_array_index (codes, i) : NULL);

  for (guint k = 0; k < G_N_ELEMENTS (bodies); k++)
    if (bodies[k] == body)
      adw_combo_row_set_selected (ADW_COMBO_ROW (liaison_form_dialog_get_row (dialog, "body")), k);
}

static void
on_add_officer_response (AdwMessageDialog *dialog, const char *response, LiaisonOfficersPage *self)
{
  LiaisonPersonPicker *picker = g_object_get_data (G_OBJECT (dialog), "picker");
  LiaisonParticipant  *p = liaison_person_picker_get_selected (picker);
  g_autoptr (GPtrArray) codes = liaison_form_dialog_member_codes ();
  g_autofree char *from = liaison_form_dialog_dup_text (dialog, "from");
  g_autofree char *until = liaison_form_dialog_dup_text (dialog, "until");
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_autoptr (GError) error = NULL;
  guint country = liaison_form_dialog_get_choice (dialog, "country");
  guint body = liaison_form_dialog_get_choice (dialog, "body");
  guint role = liaison_form_dialog_get_choice (dialog, "role");

  if (g_strcmp0 (response, "add") != 0 || p == NULL || country >= codes->len)
    return;
  id = liaison_store_add_officer (get_store (self), liaison_participant_get_id (p), g_ptr_array_index (codes, country),
                                  body < G_N_ELEMENTS (bodies) ? bodies[body] : LIAISON_OFFICER_BODY_OTHER,
                                  role == 1 ? LIAISON_OFFICER_ROLE_DEPUTY : LIAISON_OFFICER_ROLE_OFFICER, from, until,
                                  LIAISON_ORIGIN_LOCAL, &error);
  if (id == NULL)
    {
      toast (self, error->message);
      return;
    }
  name = liaison_participant_dup_display_name (p);
  /* Translators: %1$s is a person's name, %2$s a country */
  message = g_strdup_printf (_ ("%1$s is a liaison officer for %2$s"), name, country_name (g_ptr_array_index (codes, country)));
  toast (self, message);
}

static void
add_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonOfficersPage *self = LIAISON_OFFICERS_PAGE (widget);
  g_autoptr (GPtrArray) codes = liaison_form_dialog_member_codes ();
  g_auto (GStrv) names = liaison_form_dialog_member_names (codes);
  const char       *roles[] = { liaison_officer_role_label (LIAISON_OFFICER_ROLE_OFFICER),
                                liaison_officer_role_label (LIAISON_OFFICER_ROLE_DEPUTY), NULL };
  const char       *body_names[G_N_ELEMENTS (bodies) + 1] = { NULL };
  g_autofree char  *today = liaison_form_dialog_today ();
  AdwMessageDialog *dialog;
  GtkWidget        *picker;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    body_names[i] = liaison_officer_body_label (bodies[i]);
  dialog = liaison_form_dialog_new (widget, _ ("Add a Liaison Officer"),
                                    _ ("Find the person among the participants (add them there first if they are new), "
                                       "then the country they serve and their term."),
                                    _ ("The liaison officer"));
  picker = liaison_person_picker_new (self->context);
  liaison_form_dialog_prepend (dialog, picker);
  liaison_form_dialog_add_choice (dialog, "country", _ ("Member state"), (const char *const *) names, 0);
  liaison_form_dialog_add_choice (dialog, "role", _ ("Role"), roles, 0);
  liaison_form_dialog_add_choice (dialog, "body", _ ("Nominated by"), body_names, 1);
  liaison_form_dialog_add_entry (dialog, "from", _ ("Term from (YYYY-MM-DD)"), today);
  liaison_form_dialog_add_entry (dialog, "until", _ ("Term until (YYYY-MM-DD, empty while open)"), NULL);
  liaison_form_dialog_set_responses (dialog, "add", _ ("_Add"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "picker", picker);
  g_signal_connect_object (picker, "notify::selected", G_CALLBACK (on_officer_person), dialog, G_CONNECT_SWAPPED);
  g_signal_connect_object (liaison_form_dialog_get_row (dialog, "country"), "notify::selected", G_CALLBACK (on_officer_country),
                           dialog, G_CONNECT_SWAPPED);
  on_officer_person (dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_officer_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
end_term_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonOfficersPage *self = LIAISON_OFFICERS_PAGE (widget);
  const char          *id = g_variant_get_string (parameter, NULL);
  g_autoptr (GPtrArray) all = liaison_store_list_officers (get_store (self), NULL, NULL);
  g_autofree char *today = liaison_form_dialog_today ();
  g_autoptr (GError) error = NULL;
  const char *start = NULL;

  for (guint i = 0; all != NULL && i < all->len; i++)
    if (g_str_equal (((LiaisonOfficer *) g_ptr_array_index (all, i))->id, id))
      start = ((LiaisonOfficer *) g_ptr_array_index (all, i))->term_start;
  if (!liaison_store_set_officer_term (get_store (self), id, start, today, LIAISON_ORIGIN_LOCAL, &error))
    toast (self, error->message);
  else
    toast (self, _ ("Term ended; they stay in the directory as a former officer"));
}

static void
on_remove_response (AdwMessageDialog *dialog, const char *response, LiaisonOfficersPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "officer-id");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0 || self->context == NULL)
    return;
  if (!liaison_store_remove_officer (get_store (self), id, LIAISON_ORIGIN_LOCAL, &error))
    toast (self, error->message);
  else
    {
      g_autofree char *name = liaison_gui_toast_name (g_object_get_data (G_OBJECT (dialog), "officer-name"));
      /* Translators: %s is a person's name */
      g_autofree char *message = g_strdup_printf (_ ("%s removed from the directory"), name);

      toast (self, message);
    }
}

/* Asked first, naming the person and the role that goes. */
static void
remove_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonOfficersPage *self = LIAISON_OFFICERS_PAGE (widget);
  const char          *id = g_variant_get_string (parameter, NULL);
  g_autoptr (GPtrArray) officers = NULL;
  g_autoptr (GError) error = NULL;
  const LiaisonOfficer *o = NULL;
  g_autofree char      *heading = NULL;
  g_autofree char      *body = NULL;
  g_autofree char      *term = NULL;
  GtkWidget            *dialog;

  officers = liaison_store_list_officers (get_store (self), NULL, &error);
  for (guint i = 0; officers != NULL && i < officers->len && o == NULL; i++)
    if (g_strcmp0 (((LiaisonOfficer *) g_ptr_array_index (officers, i))->id, id) == 0)
      o = g_ptr_array_index (officers, i);
  if (o == NULL)
    {
      toast (self, error != NULL ? error->message : _ ("This officer is no longer in the directory"));
      return;
    }
  term = term_text (o);
  /* Translators: %s is a person's name */
  heading = g_strdup_printf (_ ("Remove %s from the Directory?"), o->name);
  /* Translators: %1$s is a role (Liaison Officer), %2$s a country, %3$s the term of office */
  body = g_strdup_printf (_ ("Their entry as %1$s for %2$s (%3$s) is removed. They stay in Participants, with "
                             "their events; you can add them to the directory again."),
                          liaison_officer_role_label (o->role), country_name (o->country), term);
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "remove", _ ("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "officer-id", g_strdup (id), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "officer-name", g_strdup (o->name), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */
/* The work plan                                                             */

static void
issue_plan_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonOfficersPage *self = LIAISON_OFFICERS_PAGE (widget);
  g_autoptr (LiaisonWorkPlan) plan = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  plan = liaison_store_issue_work_plan (get_store (self), self->year, LIAISON_ORIGIN_LOCAL, &error);
  if (plan == NULL)
    {
      toast (self, error->message);
      return;
    }
  title = liaison_work_plan_dup_title (plan, liaison_language_for_locale ());
  /* Translators: %s is a work plan, “Work Plan 2026 (version 2) issued” */
  message = g_strdup_printf (_ ("%s issued"), title);
  toast (self, message);
}

typedef struct
{
  LiaisonWorkPlan *plan;
  GPtrArray       *events;
  GFile           *pdf;
} Sending;

static void
sending_free (gpointer data)
{
  Sending *s = data;

  g_clear_pointer (&s->plan, liaison_work_plan_free);
  g_clear_pointer (&s->events, g_ptr_array_unref);
  g_clear_object (&s->pdf);
  g_free (s);
}

static void
write_plan_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Sending         *s = data;
  g_autofree char *path = g_file_get_path (s->pdf);
  g_autofree char *base = NULL;
  g_autofree char *ics_path = NULL;
  g_autofree char *ics = NULL;
  GError          *error = NULL;

  if (path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _ ("Choose a file on this computer"));
      return;
    }
  base = g_str_has_suffix (path, ".pdf") ? g_strndup (path, strlen (path) - 4) : g_strdup (path);
  ics_path = g_strconcat (base, ".ics", NULL);
  ics = liaison_work_plan_to_ics (s->plan, s->events);
  if (!liaison_work_plan_write_pdf (s->plan, s->events, NULL, path, &error) ||
      !g_file_set_contents (ics_path, ics, -1, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* Writes the version as a bilingual PDF and, beside it, its events as an
 * .ics (“name.ics”), and records it as sent. */
void
liaison_officers_page_send_plan_async (LiaisonOfficersPage *self,
                                       const char          *plan_id,
                                       GFile               *pdf,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (self, NULL, callback, user_data);
  LiaisonWorkPlan *w = plan_by_id (self, plan_id);
  GError          *error = NULL;
  Sending         *s;

  if (w == NULL || !liaison_store_mark_work_plan_sent (get_store (self), plan_id, LIAISON_ORIGIN_LOCAL, &error))
    {
      if (error == NULL)
        error = g_error_new (LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND, _ ("That version is no longer shown"));
      g_task_return_error (task, error);
      return;
    }
  s = g_new0 (Sending, 1);
  s->plan = liaison_store_get_work_plan (get_store (self), w->year, w->version, NULL);
  s->events = g_ptr_array_ref (g_hash_table_lookup (self->plan_events, plan_id));
  s->pdf = g_object_ref (pdf);
  g_task_set_task_data (task, s, sending_free);
  if (s->plan == NULL)
    {
      g_task_return_new_error (task, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND, _ ("That version is no longer shown"));
      return;
    }
  g_task_run_in_thread (task, write_plan_in_thread);
}

gboolean
liaison_officers_page_send_plan_finish (LiaisonOfficersPage *self, GAsyncResult *result, GError **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_plan_sent (GObject *source, GAsyncResult *result, gpointer user_data)
{
  LiaisonOfficersPage *self = LIAISON_OFFICERS_PAGE (source);
  g_autoptr (GFile) pdf = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_basename (pdf);
  g_autofree char *message = NULL;

  if (!liaison_officers_page_send_plan_finish (self, result, &error))
    {
      toast (self, error->message);
      return;
    }
  /* Translators: %s is a file name */
  message = g_strdup_printf (_ ("Saved %s and its calendar, to send to the liaison officers"), name);
  toast (self, message);
}

static void
on_send_chosen (GtkNativeDialog *chooser, int response, LiaisonOfficersPage *self)
{
  const char *plan_id = g_object_get_data (G_OBJECT (chooser), "plan-id");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        liaison_officers_page_send_plan_async (self, plan_id, file, on_plan_sent, g_object_ref (file));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
send_plan_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonOfficersPage  *self = LIAISON_OFFICERS_PAGE (widget);
  LiaisonWorkPlan      *w = plan_by_id (self, g_variant_get_string (parameter, NULL));
  GtkFileChooserNative *chooser;
  g_autofree char      *name = NULL;

  if (w == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_ ("Export the Work Plan"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));
  name = g_strdup_printf ("work-plan-%d-v%u.pdf", w->year, w->version);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "plan-id", g_strdup (w->id), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_send_chosen), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_feedback_response (AdwMessageDialog *dialog, const char *response, LiaisonOfficersPage *self)
{
  const char *plan_id = g_object_get_data (G_OBJECT (dialog), "plan-id");
  GPtrArray  *events = self->plan_events != NULL ? g_hash_table_lookup (self->plan_events, plan_id) : NULL;
  g_autoptr (GPtrArray) codes = liaison_form_dialog_member_codes ();
  g_autofree char *text = liaison_form_dialog_dup_text (dialog, "text");
  g_autofree char *received = liaison_form_dialog_dup_text (dialog, "received");
  g_autofree char *id = NULL;
  g_autoptr (GError) error = NULL;
  guint       country = liaison_form_dialog_get_choice (dialog, "country");
  guint       event = liaison_form_dialog_get_choice (dialog, "event");
  const char *event_id = NULL;

  if (g_strcmp0 (response, "record") != 0 || country >= codes->len)
    return;
  if (events != NULL && event > 0 && event <= events->len)
    event_id = ((LiaisonWorkPlanEvent *) g_ptr_array_index (events, event - 1))->event_id;
  id = liaison_store_add_work_plan_feedback (get_store (self), plan_id, g_ptr_array_index (codes, country), event_id, text,
                                             received, LIAISON_ORIGIN_LOCAL, &error);
  toast (self, id != NULL ? _ ("Feedback recorded") : error->message);
}

static void
feedback_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonOfficersPage *self = LIAISON_OFFICERS_PAGE (widget);
  const char          *plan_id = g_variant_get_string (parameter, NULL);
  LiaisonWorkPlan     *w = plan_by_id (self, plan_id);
  GPtrArray           *events = self->plan_events != NULL ? g_hash_table_lookup (self->plan_events, plan_id) : NULL;
  g_autoptr (GPtrArray) codes = liaison_form_dialog_member_codes ();
  g_auto (GStrv) names = liaison_form_dialog_member_names (codes);
  g_autoptr (GPtrArray) choices = g_ptr_array_new_with_free_func (g_free);
  g_autofree char  *today = liaison_form_dialog_today ();
  g_autofree char  *title = NULL;
  AdwMessageDialog *dialog;
  LiaisonLanguage   lang = liaison_language_for_locale ();

  if (w == NULL)
    return;
  g_ptr_array_add (choices, g_strdup (_ ("The plan as a whole")));
  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      LiaisonWorkPlanEvent *e = g_ptr_array_index (events, i);

      g_ptr_array_add (choices, g_strdup_printf ("%u. %s", i + 1,
                                                 lang == LIAISON_LANGUAGE_ZH && e->title_zh != NULL ? e->title_zh
                                                 : e->title_en != NULL                              ? e->title_en
                                                                                                    : e->title_zh));
    }
  g_ptr_array_add (choices, NULL);
  title = liaison_work_plan_dup_title (w, lang);
  dialog = liaison_form_dialog_new (widget, _ ("Record Feedback"), title, _ ("The feedback"));
  liaison_form_dialog_add_choice (dialog, "country", _ ("From the liaison officer of"), (const char *const *) names, 0);
  liaison_form_dialog_add_choice (dialog, "event", _ ("On"), (const char *const *) choices->pdata, 0);
  liaison_form_dialog_add_entry (dialog, "text", _ ("What they said"), NULL);
  liaison_form_dialog_add_entry (dialog, "received", _ ("Received on (YYYY-MM-DD)"), today);
  liaison_form_dialog_set_responses (dialog, "record", _ ("_Record"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "plan-id", g_strdup (plan_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_feedback_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
approve_plan_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonOfficersPage *self = LIAISON_OFFICERS_PAGE (widget);
  LiaisonWorkPlan     *w = plan_by_id (self, g_variant_get_string (parameter, NULL));
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;

  if (w == NULL)
    return;
  if (!liaison_store_approve_work_plan (get_store (self), w->id, LIAISON_ORIGIN_LOCAL, &error))
    {
      toast (self, error->message);
      return;
    }
  title = liaison_work_plan_dup_title (w, liaison_language_for_locale ());
  /* Translators: %s is a work plan */
  message = g_strdup_printf (_ ("%s approved; the other versions of the year are superseded"), title);
  toast (self, message);
}

static void
on_review_response (AdwMessageDialog *dialog, const char *response, LiaisonOfficersPage *self)
{
  const char *plan_id = g_object_get_data (G_OBJECT (dialog), "plan-id");
  guint       i = liaison_form_dialog_get_choice (dialog, "meeting");
  g_autoptr (GError) error = NULL;

  if (g_strcmp0 (response, "link") != 0 || self->meetings == NULL || i >= self->meetings->len)
    return;
  if (!liaison_store_set_work_plan_review (get_store (self), plan_id, liaison_event_get_id (g_ptr_array_index (self->meetings, i)),
                                           LIAISON_ORIGIN_LOCAL, &error))
    toast (self, error->message);
  else
    toast (self, _ ("Linked to the meeting that reviewed it"));
}

static void
review_plan_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonOfficersPage *self = LIAISON_OFFICERS_PAGE (widget);
  LiaisonWorkPlan     *w = plan_by_id (self, g_variant_get_string (parameter, NULL));
  g_autoptr (GPtrArray) choices = g_ptr_array_new_with_free_func (g_free);
  g_autofree char  *title = NULL;
  AdwMessageDialog *dialog;
  guint             latest = 0;

  if (w == NULL)
    return;
  if (self->meetings == NULL || self->meetings->len == 0)
    {
      toast (self, _ ("There is no liaison officers' meeting to link: add the event first"));
      return;
    }
  for (guint i = 0; i < self->meetings->len; i++)
    {
      LiaisonEvent    *e = g_ptr_array_index (self->meetings, i);
      g_autofree char *when = liaison_format_event_when (e, liaison_language_for_locale ());

      g_ptr_array_add (choices, g_strdup_printf ("%s (%s)", liaison_bilingual_get_display (liaison_event_get_title (e), liaison_language_for_locale ()), when));
      /* The meeting of the year before the plan's, most likely. */
      if (liaison_event_get_year (e) <= w->year)
        latest = i;
    }
  g_ptr_array_add (choices, NULL);
  title = liaison_work_plan_dup_title (w, liaison_language_for_locale ());
  dialog = liaison_form_dialog_new (widget, _ ("Reviewed at a Meeting"), title, _ ("The meeting"));
  liaison_form_dialog_add_choice (dialog, "meeting", _ ("Liaison officers' meeting"), (const char *const *) choices->pdata, latest);
  liaison_form_dialog_set_responses (dialog, "link", _ ("_Link"), ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "plan-id", g_strdup (w->id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_review_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */

static void
liaison_officers_page_constructed (GObject *object)
{
  LiaisonOfficersPage *self = (LiaisonOfficersPage *) object;

  G_OBJECT_CLASS (liaison_officers_page_parent_class)->constructed (object);

  if (self->context == NULL)
    return;
  self->watch = liaison_change_watch_new (get_store (self), 300);
  g_signal_connect_object (self->watch, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
liaison_officers_page_dispose (GObject *object)
{
  LiaisonOfficersPage *self = (LiaisonOfficersPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->watch);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_OFFICERS_PAGE);
  g_clear_pointer (&self->plans, g_ptr_array_unref);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  g_clear_pointer (&self->plan_events, g_hash_table_unref);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_officers_page_parent_class)->dispose (object);
}

static void
liaison_officers_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonOfficersPage *self = (LiaisonOfficersPage *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_officers_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonOfficersPage *self = (LiaisonOfficersPage *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_YEAR:
      liaison_officers_page_set_year (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_officers_page_class_init (LiaisonOfficersPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_officers_page_constructed;
  object_class->dispose = liaison_officers_page_dispose;
  object_class->get_property = liaison_officers_page_get_property;
  object_class->set_property = liaison_officers_page_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The year whose work plan is shown; 0 until read (the latest year with
   * a plan, else next year). */
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIAISON_TYPE_PERSON_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-officers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonOfficersPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOfficersPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOfficersPage, officers_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOfficersPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOfficersPage, plans_list);
  gtk_widget_class_bind_template_callback (widget_class, on_officer_activated);

  gtk_widget_class_install_action (widget_class, "officers.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "officers.end-term", "s", end_term_action);
  gtk_widget_class_install_action (widget_class, "officers.remove", "s", remove_action);
  gtk_widget_class_install_action (widget_class, "officers.issue-plan", NULL, issue_plan_action);
  gtk_widget_class_install_action (widget_class, "officers.send-plan", "s", send_plan_action);
  gtk_widget_class_install_action (widget_class, "officers.feedback", "s", feedback_action);
  gtk_widget_class_install_action (widget_class, "officers.approve-plan", "s", approve_plan_action);
  gtk_widget_class_install_action (widget_class, "officers.review-plan", "s", review_plan_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "officers.add", NULL);
}

static void
liaison_officers_page_init (LiaisonOfficersPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect_swapped (self->year_dropdown, "notify::selected", G_CALLBACK (on_year_selected), self);
}

GtkWidget *
liaison_officers_page_new (LiaisonContext *context)
{
  return g_object_new (LIAISON_TYPE_OFFICERS_PAGE, "context", context, NULL);
}

void
liaison_officers_page_set_year (LiaisonOfficersPage *self, int year)
{
  g_return_if_fail (LIAISON_IS_OFFICERS_PAGE (self));

  if (self->year == year)
    return;
  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
  reload (self);
}
