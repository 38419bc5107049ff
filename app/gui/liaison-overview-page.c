/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "liaison-change-watch.h"
#include "liaison-gui-format.h"
#include "liaison-journal-format.h"
#include "liaison-link-item.h"
#include "liaison-overview-page.h"
#include "liaison-event-waitlist.h"
#include "liaison-store-translations.h"
#include "liaison-plan-report.h"
#include "liaison-store-overview.h"

/* Where a coordinator starts the day: the next events, this year's
 * activities that still have no event, what changed lately here and at the
 * secretariat, and one search over events and people. Everything is read
 * on the store's worker thread and reloaded when the store changes. */

#define N_NEXT_EVENTS 8
#define N_CHANGES 15
#define N_JOURNAL_ROWS 300
#define N_RESULTS 10

struct _LiaisonOverviewPage
{
  AdwBin parent_instance;

  LiaisonContext *context;
  gboolean        folded;
  int             year;

  LiaisonChangeWatch *watch;
  GCancellable       *cancellable;
  GCancellable       *search_cancellable;
  GListStore         *next_events;
  GListStore         *unheld_events;
  GListStore         *this_year;
  GListStore         *changes;
  GListStore         *found_events;
  GListStore         *found_people;
  gboolean            loaded;

  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkSearchEntry *search_entry;
  GtkStack       *body_stack;
  GtkStack       *next_stack;
  GtkListBox     *next_list;
  GtkWidget      *unheld_box;
  GtkListBox     *unheld_list;
  GtkLabel       *this_year_title;
  GtkLabel       *this_year_summary;
  GtkStack       *this_year_stack;
  GtkListBox     *this_year_list;
  GtkLabel       *this_year_empty_title;
  GtkLabel       *this_year_empty_description;
  GtkWidget      *open_plan_button;
  GtkStack       *recent_stack;
  GtkLabel       *translation_counts;
  GtkListBox     *recent_list;
  GtkWidget      *event_results_box;
  GtkListBox     *event_results;
  GtkWidget      *people_results_box;
  GtkListBox     *people_results;
  AdwStatusPage  *no_results_page;
};

G_DEFINE_FINAL_TYPE (LiaisonOverviewPage, liaison_overview_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  PROP_YEAR,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  int        year;
  GDateTime *now;
} Request;

typedef struct
{
  int                      year;
  GPtrArray               *upcoming; /* LiaisonEvent */
  GPtrArray               *unheld;   /* LiaisonEvent: over, still planned */
  GPtrArray               *open;     /* LiaisonPlanItem: planned this year, no event yet */
  guint                    planned;  /* activities planned this year */
  GPtrArray               *changes;  /* LiaisonChange, newest first */
  LiaisonTranslationCounts translations;
} Dashboard;

typedef struct
{
  GPtrArray *events;
  GPtrArray *people;
} Results;

static void
request_free (Request *request)
{
  g_clear_pointer (&request->now, g_date_time_unref);
  g_free (request);
}

static void
dashboard_free (Dashboard *dashboard)
{
  g_clear_pointer (&dashboard->unheld, g_ptr_array_unref);
  g_clear_pointer (&dashboard->upcoming, g_ptr_array_unref);
  g_clear_pointer (&dashboard->open, g_ptr_array_unref);
  g_clear_pointer (&dashboard->changes, g_ptr_array_unref);
  g_free (dashboard);
}

static void
results_free (Results *results)
{
  g_clear_pointer (&results->events, g_ptr_array_unref);
  g_clear_pointer (&results->people, g_ptr_array_unref);
  g_free (results);
}

static int
current_year (LiaisonOverviewPage *self)
{
  g_autoptr (GTimeZone) zone = NULL;
  g_autoptr (GDateTime) now = NULL;

  if (self->year > 0)
    return self->year;
  zone = liaison_context_dup_time_zone (self->context);
  now = g_date_time_new_now (zone);
  return g_date_time_get_year (now);
}

/* ------------------------------------------------------------------------ */
/* On the store's worker thread                                              */

static gpointer
load_dashboard (LiaisonStore *reader,
                gpointer      data,
                GCancellable *cancellable,
                GError      **error)
{
  Request *request = data;
  g_autoptr (GPtrArray) report = NULL;
  g_autoptr (GPtrArray) journal = NULL;
  Dashboard *dashboard = g_new0 (Dashboard, 1);

  dashboard->year = request->year;
  dashboard->upcoming = liaison_store_list_upcoming_events (reader, request->now, N_NEXT_EVENTS, error);
  if (dashboard->upcoming == NULL)
    goto fail;
  dashboard->unheld = liaison_store_list_unheld_events (reader, request->now, N_NEXT_EVENTS, error);
  if (dashboard->unheld == NULL)
    goto fail;

  report = liaison_plan_report_build (reader, request->year, request->year, error);
  if (report == NULL)
    goto fail;
  dashboard->open = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < report->len; i++)
    {
      LiaisonPlanRow *row = g_ptr_array_index (report, i);

      for (guint y = 0; y < row->years->len; y++)
        {
          LiaisonPlanYear *slot = &g_array_index (row->years, LiaisonPlanYear, y);

          if (slot->year != request->year || !slot->planned)
            continue;
          dashboard->planned++;
          if (slot->events == 0)
            g_ptr_array_add (dashboard->open, g_object_ref (row->activity));
        }
    }

  journal = liaison_store_list_recent_journal (reader, N_JOURNAL_ROWS, error);
  if (journal == NULL)
    goto fail;
  dashboard->changes = liaison_journal_summarise (reader, journal, N_CHANGES);
  if (!liaison_store_count_translations (reader, LIAISON_CONTENT_DEFAULT, &dashboard->translations, NULL))
    memset (&dashboard->translations, 0, sizeof dashboard->translations);
  return dashboard;

fail:
  dashboard_free (dashboard);
  return NULL;
}

static gpointer
search_store (LiaisonStore *reader,
              gpointer      data,
              GCancellable *cancellable,
              GError      **error)
{
  Results *results = g_new0 (Results, 1);

  results->events = liaison_store_search_events (reader, data, N_RESULTS, error);
  if (results->events != NULL && !g_cancellable_is_cancelled (cancellable))
    results->people = liaison_store_search_participants (reader, data, N_RESULTS, error);
  if (results->events == NULL || results->people == NULL)
    {
      results_free (results);
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
      return NULL;
    }
  return results;
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                      */

/* An AdwActionRow's title and subtitle sit in a vertical box beside
 * fixed-size neighbours (icon, arrow, button) and take whatever width the
 * row leaves them (the box expands). GTK 4.8's box layout still asks that
 * box for its width at each height it tries, and the box answers by
 * trying widths for its labels, doubling then halving, a Pango layout
 * each: most of what the Overview's rows cost the first frame (about 60
 * layouts a row). TitleLayout keeps the box's own layout for everything
 * but that question, which it answers with the box's width at any height:
 * the box still gets the width the row leaves and its labels the same
 * heights, so the row looks the same. */
#define LIAISON_TYPE_TITLE_LAYOUT (liaison_title_layout_get_type ())
G_DECLARE_FINAL_TYPE (LiaisonTitleLayout, liaison_title_layout, LIAISON, TITLE_LAYOUT, GtkLayoutManager)

struct _LiaisonTitleLayout
{
  GtkLayoutManager  parent_instance;
  GtkLayoutManager *box; /* the box's own GtkBoxLayout */
};

G_DEFINE_FINAL_TYPE (LiaisonTitleLayout, liaison_title_layout, GTK_TYPE_LAYOUT_MANAGER)

static GtkSizeRequestMode
liaison_title_layout_get_request_mode (GtkLayoutManager *manager,
                                       GtkWidget        *widget)
{
  return GTK_LAYOUT_MANAGER_GET_CLASS (LIAISON_TITLE_LAYOUT (manager)->box)->get_request_mode (LIAISON_TITLE_LAYOUT (manager)->box, widget);
}

static void
liaison_title_layout_measure (GtkLayoutManager *manager,
                              GtkWidget        *widget,
                              GtkOrientation    orientation,
                              int               for_size,
                              int              *minimum,
                              int              *natural,
                              int              *minimum_baseline,
                              int              *natural_baseline)
{
  LiaisonTitleLayout *self = LIAISON_TITLE_LAYOUT (manager);

  gtk_layout_manager_measure (self->box, widget, orientation,
                              orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size,
                              minimum, natural, minimum_baseline, natural_baseline);
}

static void
liaison_title_layout_allocate (GtkLayoutManager *manager,
                               GtkWidget        *widget,
                               int               width,
                               int               height,
                               int               baseline)
{
  gtk_layout_manager_allocate (LIAISON_TITLE_LAYOUT (manager)->box, widget, width, height, baseline);
}

static void
liaison_title_layout_dispose (GObject *object)
{
  g_clear_object (&LIAISON_TITLE_LAYOUT (object)->box);
  G_OBJECT_CLASS (liaison_title_layout_parent_class)->dispose (object);
}

static void
liaison_title_layout_class_init (LiaisonTitleLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = liaison_title_layout_dispose;
  layout_class->get_request_mode = liaison_title_layout_get_request_mode;
  layout_class->measure = liaison_title_layout_measure;
  layout_class->allocate = liaison_title_layout_allocate;
}

static void
liaison_title_layout_init (LiaisonTitleLayout *self)
{
}

/* The row's box of title and subtitle (libadwaita 1.2: a GtkBox with the
 * style class "title", beside fixed-size ones); left as it is when the
 * row is built otherwise. */
static void
use_title_layout (GtkWidget *row)
{
  GtkWidget *header = gtk_widget_get_first_child (row);

  if (header == NULL || !GTK_IS_BOX (header))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (header); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_BOX (child) && gtk_widget_has_css_class (child, "title") &&
        GTK_IS_BOX_LAYOUT (gtk_widget_get_layout_manager (child)) && gtk_widget_get_hexpand (child))
      {
        LiaisonTitleLayout *layout = g_object_new (LIAISON_TYPE_TITLE_LAYOUT, NULL);

        layout->box = g_object_ref (gtk_widget_get_layout_manager (child));
        gtk_widget_set_layout_manager (child, GTK_LAYOUT_MANAGER (layout));
        return;
      }
}

static GtkWidget *
link_row (LiaisonLinkItem *item)
{
  GtkWidget *row = adw_action_row_new ();

  /* Titles are people's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), liaison_link_item_get_title (item));
  /* However long a title another office wrote: two lines, then “…”. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  if (liaison_link_item_get_subtitle (item) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), liaison_link_item_get_subtitle (item));
  if (liaison_link_item_get_action_name (item) != NULL)
    {
      GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                       "icon-name", "go-next-symbolic",
                                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                       NULL);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), liaison_link_item_get_action_name (item));
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), liaison_link_item_get_action_target (item));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
    }
  else
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  use_title_layout (row);
  return row;
}

static GtkWidget *
create_link_row (gpointer item,
                 gpointer data)
{
  return link_row (item);
}

/* An activity planned this year: “New Event” is the row's purpose. */
static GtkWidget *
create_activity_row (gpointer item,
                     gpointer data)
{
  LiaisonLinkItem *link = item;
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *button = gtk_button_new_with_label (C_ ("plan activity", "New Event"));
  g_autofree char *tooltip = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), liaison_link_item_get_title (link));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), liaison_link_item_get_subtitle (link));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), liaison_link_item_get_action_name (link));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), liaison_link_item_get_action_target (link));
  /* Translators: %s is an activity's code, such as 1.1.2 */
  tooltip = g_strdup_printf (_ ("Plan a new event for activity %s"), liaison_link_item_get_target (link));
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  use_title_layout (row);
  return row;
}

static char *
event_place (LiaisonEvent   *event,
             LiaisonLanguage language)
{
  const char           *city = liaison_bilingual_get_display (liaison_event_get_city (event), language);
  const LiaisonCountry *country = liaison_event_get_country (event) != NULL
                                      ? liaison_country_lookup (liaison_event_get_country (event))
                                      : NULL;
  const char           *country_name = country != NULL ? liaison_country_get_name (country, language) : NULL;

  if ((city != NULL && *city != '\0') || country_name != NULL)
    return liaison_gui_format_place (city, country_name);
  if (liaison_event_get_mode (event) == LIAISON_EVENT_MODE_ONLINE)
    return g_strdup (liaison_event_mode_label (LIAISON_EVENT_MODE_ONLINE));
  return NULL;
}

/* “Workshop · Yangon, Myanmar · Confirmed” */
static char *
event_facts (LiaisonEvent   *event,
             LiaisonLanguage language,
             gboolean        with_status)
{
  g_autofree char *place = event_place (event, language);
  g_autoptr (GString) out = g_string_new (liaison_event_kind_label (liaison_event_get_kind (event)));

  liaison_gui_append_part (out, place);
  if (with_status)
    liaison_gui_append_part (out, liaison_event_status_label (liaison_event_get_status (event)));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static LiaisonLinkItem *
event_item (LiaisonEvent *event,
            GTimeZone    *zone,
            gboolean      upcoming)
{
  LiaisonLanguage  language = liaison_language_for_locale ();
  const char      *title = liaison_bilingual_get_display (liaison_event_get_title (event), language);
  g_autofree char *when = upcoming ? liaison_gui_format_event_when (event, zone) : liaison_gui_format_event_date (event);
  g_autofree char *facts = event_facts (event, language, upcoming);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", when, facts);

  return liaison_link_item_new (title, subtitle, "win.show-event", liaison_event_get_id (event));
}

/* An event over and still planned: open it, or mark it held from here. */
static GtkWidget *
create_unheld_row (gpointer item,
                   gpointer data)
{
  LiaisonLinkItem *link = item;
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *button = gtk_button_new_with_label (_ ("Mark as Held"));
  GtkWidget       *arrow = g_object_new (GTK_TYPE_IMAGE,
                                         "icon-name", "go-next-symbolic",
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                         NULL);
  g_autofree char *label = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), liaison_link_item_get_title (link));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), liaison_link_item_get_subtitle (link));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "overview.mark-held");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), liaison_link_item_get_action_target (link));
  /* Translators: a button's name for screen readers, “Mark “Forum 2025” as held” */
  label = g_strdup_printf (_ ("Mark “%s” as held"), liaison_link_item_get_title (link));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_tooltip_text (button, label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), liaison_link_item_get_action_name (link));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), liaison_link_item_get_action_target (link));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  use_title_layout (row);
  return row;
}

static LiaisonLinkItem *
person_item (LiaisonParticipant *p)
{
  LiaisonLanguage       language = liaison_language_for_locale ();
  g_autofree char      *name = liaison_participant_dup_display_name (p);
  const char           *organisation = liaison_bilingual_get_display (liaison_participant_get_organisation (p), language);
  const LiaisonCountry *country = liaison_participant_get_country (p) != NULL
                                      ? liaison_country_lookup (liaison_participant_get_country (p))
                                      : NULL;
  g_autoptr (GString) subtitle = g_string_new (NULL);
  const char *const *emails = liaison_participant_get_emails (p);

  if (organisation != NULL && *organisation != '\0')
    g_string_append (subtitle, organisation);
  if (country != NULL)
    liaison_gui_append_part (subtitle, liaison_country_get_name (country, language));
  if (subtitle->len == 0 && emails != NULL && emails[0] != NULL)
    g_string_append (subtitle, emails[0]);
  return liaison_link_item_new (name, subtitle->len > 0 ? subtitle->str : NULL, "win.show-participant",
                                liaison_participant_get_id (p));
}

static char *
describe_schedule (LiaisonPlanItem *activity)
{
  LiaisonSchedule *schedule = liaison_plan_item_get_schedule (activity);

  if (schedule == NULL)
    return NULL;
  /* Translators: an activity's schedule as the framework writes it, “Schedule: 每年一次” */
  return g_strdup_printf (_ ("Schedule: %s"), liaison_schedule_get_text (schedule));
}

/* ------------------------------------------------------------------------ */
/* Showing what was read                                                     */

static void
replace_items (GListStore *store,
               GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
}

static void
show_this_year (LiaisonOverviewPage *self,
                Dashboard           *dashboard)
{
  LiaisonLanguage language = liaison_language_for_locale ();
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *title = NULL;
  g_autofree char *summary = NULL;
  guint            open = dashboard->open->len;

  /* Translators: heading of the Overview's plan section, “Planned for 2025” */
  title = g_strdup_printf (_ ("Planned for %d"), dashboard->year);
  gtk_label_set_text (self->this_year_title, title);

  for (guint i = 0; i < open; i++)
    {
      LiaisonPlanItem *activity = g_ptr_array_index (dashboard->open, i);
      const char      *code = liaison_plan_item_get_code (activity);
      g_autofree char *row_title = g_strdup_printf ("%s %s", code,
                                                    liaison_bilingual_get_display (liaison_plan_item_get_title (activity),
                                                                                   language));
      g_autofree char *schedule = describe_schedule (activity);

      g_ptr_array_add (items, liaison_link_item_new (row_title, schedule, "win.new-event-for-activity", code));
    }
  replace_items (self->this_year, items);

  if (dashboard->planned == 0)
    {
      g_autofree char *empty_title = NULL;
      g_autofree char *description = NULL;

      if (dashboard->year > LIAISON_PLAN_LAST_YEAR)
        {
          /* Translators: %1$d–%2$d is the action plan's period */
          empty_title = g_strdup_printf (_ ("The %1$d–%2$d Plan Has Ended"), LIAISON_PLAN_FIRST_YEAR,
                                         LIAISON_PLAN_LAST_YEAR);
          /* Translators: %d is this year */
          description = g_strdup_printf (_ ("It plans no activity for %d. The Action Plan view shows which planned "
                                            "years had events and which were missed."),
                                         dashboard->year);
        }
      else
        {
          empty_title = g_strdup (_ ("Nothing Planned This Year"));
          /* Translators: %d is this year */
          description = g_strdup_printf (_ ("No activity of the action plan is planned for %d."), dashboard->year);
        }
      gtk_label_set_text (self->this_year_empty_title, empty_title);
      gtk_label_set_text (self->this_year_empty_description, description);
      gtk_widget_set_visible (self->open_plan_button, TRUE);
      gtk_label_set_text (self->this_year_summary, "");
      gtk_widget_set_visible (GTK_WIDGET (self->this_year_summary), FALSE);
      gtk_stack_set_visible_child_name (self->this_year_stack, "empty");
      return;
    }

  if (open == 0)
    {
      g_autofree char *description = NULL;

      /* Translators: %1$u counts activities, %2$d is this year */
      description = g_strdup_printf (g_dngettext (NULL, "The %1$u activity planned for %2$d has an event.",
                                                  "All %1$u activities planned for %2$d have an event.",
                                                  dashboard->planned),
                                     dashboard->planned, dashboard->year);
      gtk_label_set_text (self->this_year_empty_title, _ ("Every Planned Activity Has an Event"));
      gtk_label_set_text (self->this_year_empty_description, description);
      gtk_widget_set_visible (self->open_plan_button, FALSE);
      gtk_label_set_text (self->this_year_summary, "");
      gtk_widget_set_visible (GTK_WIDGET (self->this_year_summary), FALSE);
      gtk_stack_set_visible_child_name (self->this_year_stack, "empty");
      return;
    }

  /* Translators: %1$u and %2$u count activities, %3$d is this year: “5 of 17 activities planned for 2025 have no event yet” */
  summary = g_strdup_printf (g_dngettext (NULL, "%1$u of %2$u activities planned for %3$d has no event yet.",
                                          "%1$u of %2$u activities planned for %3$d have no event yet.", open),
                             open, dashboard->planned, dashboard->year);
  gtk_label_set_text (self->this_year_summary, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->this_year_summary), TRUE);
  gtk_stack_set_visible_child_name (self->this_year_stack, "list");
}

static void
show_dashboard (LiaisonOverviewPage *self,
                Dashboard           *dashboard)
{
  g_autoptr (GTimeZone) zone = liaison_context_dup_time_zone (self->context);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < dashboard->upcoming->len; i++)
    g_ptr_array_add (items, event_item (g_ptr_array_index (dashboard->upcoming, i), zone, TRUE));
  replace_items (self->next_events, items);
  gtk_stack_set_visible_child_name (self->next_stack, items->len > 0 ? "list" : "empty");

  g_ptr_array_set_size (items, 0);
  for (guint i = 0; i < dashboard->unheld->len; i++)
    g_ptr_array_add (items, event_item (g_ptr_array_index (dashboard->unheld, i), zone, FALSE));
  replace_items (self->unheld_events, items);
  gtk_widget_set_visible (self->unheld_box, items->len > 0);

  show_this_year (self, dashboard);

  g_ptr_array_set_size (items, 0);
  for (guint i = 0; i < dashboard->changes->len; i++)
    {
      LiaisonChange   *change = g_ptr_array_index (dashboard->changes, i);
      g_autofree char *when = liaison_gui_format_relative (change->time);
      g_autoptr (GString) subtitle = g_string_new (liaison_journal_origin_label (change->origin));

      liaison_gui_append_part (subtitle, when);
      g_ptr_array_add (items, liaison_link_item_new (change->sentence, subtitle->str, change->action_name,
                                                     change->target));
    }
  replace_items (self->changes, items);
  gtk_stack_set_visible_child_name (self->recent_stack, items->len > 0 ? "list" : "empty");

  /* The translators' share: what each language still lacks. */
  {
    const guint (*n)[LIAISON_N_TRANSLATION_STATES] = dashboard->translations.n;
    g_autofree char *text = NULL;

    /* Translators: texts that need work, per language translated into */
    text = g_strdup_printf (_ ("Into English: %1$u to translate, %2$u stale, %3$u to review. "
                               "Into Chinese: %4$u to translate, %5$u stale, %6$u to review."),
                            n[LIAISON_LANGUAGE_EN][LIAISON_TRANSLATION_MISSING] + n[LIAISON_LANGUAGE_EN][LIAISON_TRANSLATION_DRAFT],
                            n[LIAISON_LANGUAGE_EN][LIAISON_TRANSLATION_STALE],
                            n[LIAISON_LANGUAGE_EN][LIAISON_TRANSLATION_TRANSLATED],
                            n[LIAISON_LANGUAGE_ZH][LIAISON_TRANSLATION_MISSING] + n[LIAISON_LANGUAGE_ZH][LIAISON_TRANSLATION_DRAFT],
                            n[LIAISON_LANGUAGE_ZH][LIAISON_TRANSLATION_STALE],
                            n[LIAISON_LANGUAGE_ZH][LIAISON_TRANSLATION_TRANSLATED]);
    gtk_label_set_label (self->translation_counts, text);
  }

  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
set_loading (LiaisonOverviewPage *self,
             gboolean             loading)
{
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
on_dashboard_loaded (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr (LiaisonOverviewPage) self = user_data;
  g_autoptr (GError) error = NULL;
  Dashboard *dashboard = liaison_store_query_finish (NULL, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (dashboard == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    {
      show_dashboard (self, dashboard);
      dashboard_free (dashboard);
      self->loaded = TRUE;
    }
  set_loading (self, FALSE);
}

static void
reload (LiaisonOverviewPage *self)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  Request *request;

  if (self->context == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  request = g_new0 (Request, 1);
  request->year = current_year (self);
  request->now = g_date_time_new_now (utc);
  set_loading (self, TRUE);
  liaison_store_query_async (liaison_context_get_store (self->context), load_dashboard, request,
                             (GDestroyNotify) request_free, (GDestroyNotify) dashboard_free, self->cancellable,
                             on_dashboard_loaded, g_object_ref (self));
}

/* ------------------------------------------------------------------------ */
/* Search                                                                    */

static void
on_search_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (LiaisonOverviewPage) self = user_data;
  g_autoptr (GError) error = NULL;
  Results *results = liaison_store_query_finish (NULL, result, &error);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GTimeZone) zone = NULL;
  guint found;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->search_cancellable);
  if (results == NULL)
    {
      adw_status_page_set_description (self->no_results_page, error->message);
      g_list_store_remove_all (self->found_events);
      g_list_store_remove_all (self->found_people);
      gtk_stack_set_visible_child_name (self->body_stack, "no-results");
      return;
    }

  zone = liaison_context_dup_time_zone (self->context);
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < results->events->len; i++)
    g_ptr_array_add (items, event_item (g_ptr_array_index (results->events, i), zone, FALSE));
  replace_items (self->found_events, items);
  gtk_widget_set_visible (self->event_results_box, items->len > 0);
  found = items->len;

  g_ptr_array_set_size (items, 0);
  for (guint i = 0; i < results->people->len; i++)
    g_ptr_array_add (items, person_item (g_ptr_array_index (results->people, i)));
  replace_items (self->found_people, items);
  gtk_widget_set_visible (self->people_results_box, items->len > 0);
  found += items->len;
  results_free (results);

  if (found == 0)
    {
      g_autofree char *description = NULL;

      /* Translators: %s is what was searched for */
      description = g_strdup_printf (_ ("Nothing matches “%s”. People are found by their name in any script "
                                        "(李霞 or li xia), their organisation or e-mail address; events by their "
                                        "title, from two characters in Chinese."),
                                     gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
      adw_status_page_set_description (self->no_results_page, description);
    }
  gtk_stack_set_visible_child_name (self->body_stack, found > 0 ? "results" : "no-results");
}

static void
on_search_changed (LiaisonOverviewPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  if (*text == '\0')
    {
      gtk_stack_set_visible_child_name (self->body_stack, "dashboard");
      g_list_store_remove_all (self->found_events);
      g_list_store_remove_all (self->found_people);
      return;
    }
  self->search_cancellable = g_cancellable_new ();
  liaison_store_query_async (liaison_context_get_store (self->context), search_store, g_steal_pointer (&text),
                             g_free, (GDestroyNotify) results_free, self->search_cancellable, on_search_done,
                             g_object_ref (self));
}

static GtkWidget *
first_row (GtkListBox *list)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

  return row != NULL && gtk_widget_get_mapped (GTK_WIDGET (row)) ? GTK_WIDGET (row) : NULL;
}

static GtkWidget *
last_row (GtkListBox *list)
{
  GtkWidget *last = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_mapped (child))
      last = child;
  return last;
}

static GtkWidget *
first_result (LiaisonOverviewPage *self)
{
  GtkWidget *row = first_row (self->event_results);

  return row != NULL ? row : first_row (self->people_results);
}

/* Enter in the search opens the first result. */
static void
on_search_activate (LiaisonOverviewPage *self)
{
  GtkWidget *row = first_result (self);

  if (row != NULL)
    gtk_widget_activate (row);
}

static void
on_search_stop (LiaisonOverviewPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Down moves from the search to its results. */
static gboolean
on_search_key_pressed (LiaisonOverviewPage *self,
                       guint                keyval,
                       guint                keycode,
                       GdkModifierType      state)
{
  GtkWidget *row;

  if (keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down)
    return FALSE;
  row = first_result (self);
  if (row == NULL)
    return FALSE;
  gtk_widget_grab_focus (row);
  return TRUE;
}

/* Up and Down go on across the two groups of results and back to the
 * search. */
static gboolean
on_results_keynav_failed (LiaisonOverviewPage *self,
                          GtkDirectionType     direction,
                          GtkListBox          *list)
{
  GtkWidget *target = NULL;

  if (direction == GTK_DIR_DOWN && list == self->event_results)
    target = first_row (self->people_results);
  else if (direction == GTK_DIR_UP && list == self->people_results)
    target = last_row (self->event_results);
  if (direction == GTK_DIR_UP && target == NULL)
    target = GTK_WIDGET (self->search_entry);
  if (target == NULL)
    return FALSE;
  gtk_widget_grab_focus (target);
  return TRUE;
}

static void
mark_held_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LiaisonOverviewPage *self = LIAISON_OVERVIEW_PAGE (widget);

  liaison_event_mark_held (widget, liaison_context_get_store (self->context), g_variant_get_string (parameter, NULL));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LiaisonOverviewPage *self = LIAISON_OVERVIEW_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* Relative times (“5 minutes ago”) and “next” move on while nothing
 * changes in the store: read again whenever the page comes into view. */
static void
on_map (LiaisonOverviewPage *self)
{
  if (self->loaded)
    reload (self);
}

/* ------------------------------------------------------------------------ */

static void
liaison_overview_page_constructed (GObject *object)
{
  LiaisonOverviewPage *self = (LiaisonOverviewPage *) object;

  G_OBJECT_CLASS (liaison_overview_page_parent_class)->constructed (object);

  if (self->context == NULL)
    return;
  self->watch = liaison_change_watch_new (liaison_context_get_store (self->context), 300);
  g_signal_connect_object (self->watch, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  if (liaison_context_get_settings (self->context) != NULL)
    g_signal_connect_object (liaison_context_get_settings (self->context), "changed::time-zone",
                             G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
liaison_overview_page_dispose (GObject *object)
{
  LiaisonOverviewPage *self = (LiaisonOverviewPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_clear_object (&self->watch);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->next_events);
  g_clear_object (&self->unheld_events);
  g_clear_object (&self->this_year);
  g_clear_object (&self->changes);
  g_clear_object (&self->found_events);
  g_clear_object (&self->found_people);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_overview_page_parent_class)->dispose (object);
}

static void
liaison_overview_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LiaisonOverviewPage *self = (LiaisonOverviewPage *) object;

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
    case PROP_LOADING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_overview_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LiaisonOverviewPage *self = (LiaisonOverviewPage *) object;

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
      if (self->year != g_value_get_int (value))
        {
          self->year = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
          if (self->watch != NULL)
            reload (self);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_overview_page_class_init (LiaisonOverviewPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_overview_page_constructed;
  object_class->dispose = liaison_overview_page_dispose;
  object_class->get_property = liaison_overview_page_get_property;
  object_class->set_property = liaison_overview_page_set_property;

  properties[PROP_CONTEXT] =
      g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The window is folded to one column: the header shows a back button. */
  properties[PROP_FOLDED] =
      g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The year whose plan is “this year's”; 0 follows the clock in the
   * person's time zone. */
  properties[PROP_YEAR] =
      g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A load from the store is under way. */
  properties[PROP_LOADING] =
      g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, body_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, next_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, next_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, unheld_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, unheld_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, this_year_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, this_year_summary);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, this_year_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, this_year_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, this_year_empty_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, this_year_empty_description);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, open_plan_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, recent_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, translation_counts);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, recent_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, event_results_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, event_results);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, people_results_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, people_results);
  gtk_widget_class_bind_template_child (widget_class, LiaisonOverviewPage, no_results_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_search_stop);
  gtk_widget_class_bind_template_callback (widget_class, on_search_key_pressed);
  gtk_widget_class_bind_template_callback (widget_class, on_results_keynav_failed);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "overview.mark-held", "s", mark_held_action);
}

static void
liaison_overview_page_init (LiaisonOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->next_events = g_list_store_new (LIAISON_TYPE_LINK_ITEM);
  self->unheld_events = g_list_store_new (LIAISON_TYPE_LINK_ITEM);
  self->this_year = g_list_store_new (LIAISON_TYPE_LINK_ITEM);
  self->changes = g_list_store_new (LIAISON_TYPE_LINK_ITEM);
  self->found_events = g_list_store_new (LIAISON_TYPE_LINK_ITEM);
  self->found_people = g_list_store_new (LIAISON_TYPE_LINK_ITEM);
  gtk_list_box_bind_model (self->next_list, G_LIST_MODEL (self->next_events), create_link_row, NULL, NULL);
  gtk_list_box_bind_model (self->unheld_list, G_LIST_MODEL (self->unheld_events), create_unheld_row, NULL, NULL);
  gtk_list_box_bind_model (self->this_year_list, G_LIST_MODEL (self->this_year), create_activity_row, NULL, NULL);
  gtk_list_box_bind_model (self->recent_list, G_LIST_MODEL (self->changes), create_link_row, NULL, NULL);
  gtk_list_box_bind_model (self->event_results, G_LIST_MODEL (self->found_events), create_link_row, NULL, NULL);
  gtk_list_box_bind_model (self->people_results, G_LIST_MODEL (self->found_people), create_link_row, NULL, NULL);
  /* Typing anywhere in the Overview starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

GtkWidget *
liaison_overview_page_new (LiaisonContext *context)
{
  return g_object_new (LIAISON_TYPE_OVERVIEW_PAGE, "context", context, NULL);
}
