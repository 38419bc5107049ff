/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "liaison-plan-activity-row.h"
#include "liaison-search-key.h"

/* One activity of the action plan: its code and title in both languages,
 * its schedule as the framework writes it and as read, and a chip per year
 * of what was planned against what happened. Activating the row, a chip or
 * “Show Events” opens the activity's events. */
struct _LiaisonPlanActivityRow
{
  GtkListBoxRow parent_instance;

  LiaisonPlanItem *activity;
  char            *haystack;  /* folded titles, for the filter */
  char            *signature; /* what the chips show now, to rebuild them only on change */
  guint            missed;

  GtkLabel   *code_label;
  GtkLabel   *title_label;
  GtkLabel   *other_title_label;
  GtkLabel   *schedule_label;
  GtkLabel   *missed_label;
  GtkWidget  *anomaly_box;
  GtkLabel   *anomaly_label;
  GtkFlowBox *chips_box;
  GtkWidget  *events_button;
  GtkWidget  *new_event_button;
  GtkWidget  *events_icon_button;
  GtkWidget  *new_event_icon_button;
};

G_DEFINE_FINAL_TYPE (LiaisonPlanActivityRow, liaison_plan_activity_row, GTK_TYPE_LIST_BOX_ROW)

typedef enum
{
  CHIP_HELD,    /* an event of the year was held */
  CHIP_EVENT,   /* events, none held yet: planned, confirmed, postponed */
  CHIP_MISSED,  /* planned, the year is over, no event */
  CHIP_TO_COME, /* planned, this year or later, no event yet */
  CHIP_NONE,    /* neither planned nor any event */
} ChipState;

static const char *chip_classes[] = { "held", "event", "missed", "to-come", "none" };
static const char *chip_marks[] = { "✓", "●", "✗", "○", "·" };

/* The plan period always shows, so the rows line up; other years show
 * when planned (2020 for work started early) or when they had events. */
static GArray *
years_to_show (LiaisonPlanRow *report)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));
  int     first = LIAISON_PLAN_FIRST_YEAR, last = LIAISON_PLAN_LAST_YEAR;

  for (guint i = 0; report != NULL && i < report->years->len; i++)
    {
      LiaisonPlanYear *y = &g_array_index (report->years, LiaisonPlanYear, i);

      if (y->planned || y->events > 0)
        {
          first = MIN (first, y->year);
          last = MAX (last, y->year);
        }
    }
  for (int year = first; year <= last; year++)
    {
      gboolean inside = year >= LIAISON_PLAN_FIRST_YEAR && year <= LIAISON_PLAN_LAST_YEAR;
      gboolean wanted = inside;

      for (guint i = 0; !wanted && report != NULL && i < report->years->len; i++)
        {
          LiaisonPlanYear *y = &g_array_index (report->years, LiaisonPlanYear, i);
          wanted = y->year == year && (y->planned || y->events > 0);
        }
      if (wanted)
        g_array_append_val (years, year);
    }
  return years;
}

static LiaisonPlanYear
year_of (LiaisonPlanRow *report,
         int             year)
{
  LiaisonPlanYear none = { year, FALSE, 0, 0 };

  for (guint i = 0; report != NULL && i < report->years->len; i++)
    if (g_array_index (report->years, LiaisonPlanYear, i).year == year)
      return g_array_index (report->years, LiaisonPlanYear, i);
  return none;
}

static ChipState
chip_state (const LiaisonPlanYear *y,
            int                    this_year)
{
  if (y->held > 0)
    return CHIP_HELD;
  if (y->events > 0)
    return CHIP_EVENT;
  if (!y->planned)
    return CHIP_NONE;
  return y->year < this_year ? CHIP_MISSED : CHIP_TO_COME;
}

/* What a chip means, for its tooltip and screen readers. */
static char *
describe_year (const LiaisonPlanYear *y,
               ChipState              state)
{
  g_autofree char *events = NULL;

  switch (state)
    {
    case CHIP_MISSED:
      /* Translators: a year chip of the action plan, “2023: planned, no event: missed” */
      return g_strdup_printf (_ ("%d: planned, no event: missed"), y->year);
    case CHIP_TO_COME:
      return g_strdup_printf (_ ("%d: planned, no event yet"), y->year);
    case CHIP_NONE:
      return g_strdup_printf (_ ("%d: not planned, no event"), y->year);
    case CHIP_HELD:
    case CHIP_EVENT:
    default:
      break;
    }
  /* Translators: part of a year chip's description, “2 events, 1 held” */
  events = g_strdup_printf (g_dngettext (NULL, "%1$u event, %2$u held", "%1$u events, %2$u held", y->events),
                            y->events, y->held);
  if (y->planned)
    /* Translators: a year chip, “2022: planned; 2 events, 1 held” */
    return g_strdup_printf (_ ("%1$d: planned; %2$s"), y->year, events);
  /* Translators: a year chip for a year the plan did not foresee, “2026: not planned; 1 event, 0 held” */
  return g_strdup_printf (_ ("%1$d: not planned; %2$s"), y->year, events);
}

static GtkWidget *
make_chip (LiaisonPlanActivityRow *self,
           const LiaisonPlanYear  *y,
           int                     this_year)
{
  ChipState        state = chip_state (y, this_year);
  g_autofree char *text = g_strdup_printf ("%s %d", chip_marks[state], y->year);
  g_autofree char *meaning = describe_year (y, state);
  g_autofree char *name = g_strdup_printf ("%d", y->year);
  GtkWidget       *chip;

  if (state == CHIP_NONE)
    {
      chip = gtk_label_new (text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_PROPERTY_LABEL, meaning, -1);
    }
  else
    {
      g_autofree char *description = NULL;

      chip = gtk_button_new_with_label (text);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (chip), "win.show-activity-events");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (chip),
                                              g_variant_new_string (liaison_plan_item_get_code (self->activity)));
      /* Translators: what activating a year chip does; %s is an activity's code */
      description = g_strdup_printf (_ ("Shows the events of activity %s"), liaison_plan_item_get_code (self->activity));
      gtk_accessible_update_property (GTK_ACCESSIBLE (chip),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, meaning,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
    }
  gtk_widget_set_name (chip, name);
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (chip, meaning);
  gtk_widget_add_css_class (chip, "year-chip");
  gtk_widget_add_css_class (chip, chip_classes[state]);
  if (!y->planned && y->events > 0)
    gtk_widget_add_css_class (chip, "unplanned");
  if (y->year == this_year)
    gtk_widget_add_css_class (chip, "this-year");
  return chip;
}

/* “2021–2025”, “2022, 2024” */
static char *
format_years (const int *years,
              guint      n_years)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint i = 0;

  while (i < n_years)
    {
      guint j = i;

      while (j + 1 < n_years && years[j + 1] == years[j] + 1)
        j++;
      if (out->len > 0)
        g_string_append (out, C_ ("list separator", ", "));
      if (j >= i + 2)
        g_string_append_printf (out, "%d–%d", years[i], years[j]);
      else if (j == i + 1)
        {
          g_string_append_printf (out, "%d", years[i]);
          g_string_append (out, C_ ("list separator", ", "));
          g_string_append_printf (out, "%d", years[j]);
        }
      else
        g_string_append_printf (out, "%d", years[i]);
      i = j + 1;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
describe_schedule (LiaisonSchedule *schedule)
{
  g_autofree char *years = NULL;
  const int       *list;
  guint            n = 0;
  int              start;

  if (schedule == NULL)
    return g_strdup (_ ("The framework gives no schedule for this activity."));
  list = liaison_schedule_get_years (schedule, &n);
  start = liaison_schedule_get_start_year (schedule);
  if (n == 0)
    {
      if (start > 0)
        /* Translators: %1$s is the schedule as the framework writes it, e.g. “2020-2015, 2020 年启动 (计划)” */
        return g_strdup_printf (_ ("Schedule as written: “%1$s”. Started in %2$d; no planned years could be read."),
                                liaison_schedule_get_text (schedule), start);
      return g_strdup_printf (_ ("Schedule as written: “%s”. No planned years could be read."),
                              liaison_schedule_get_text (schedule));
    }
  years = format_years (list, n);
  if (start > 0)
    /* Translators: “Schedule as written: “2020-2025, 2020 年启动”. Planned for 2020–2025, started in 2020.” */
    return g_strdup_printf (_ ("Schedule as written: “%1$s”. Planned for %2$s, started in %3$d."),
                            liaison_schedule_get_text (schedule), years, start);
  /* Translators: “Schedule as written: “每年一次”. Planned for 2021–2025.” */
  return g_strdup_printf (_ ("Schedule as written: “%1$s”. Planned for %2$s."),
                          liaison_schedule_get_text (schedule), years);
}

static void
liaison_plan_activity_row_dispose (GObject *object)
{
  LiaisonPlanActivityRow *self = (LiaisonPlanActivityRow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_PLAN_ACTIVITY_ROW);
  g_clear_object (&self->activity);

  G_OBJECT_CLASS (liaison_plan_activity_row_parent_class)->dispose (object);
}

static void
liaison_plan_activity_row_finalize (GObject *object)
{
  LiaisonPlanActivityRow *self = (LiaisonPlanActivityRow *) object;

  g_clear_pointer (&self->haystack, g_free);
  g_clear_pointer (&self->signature, g_free);

  G_OBJECT_CLASS (liaison_plan_activity_row_parent_class)->finalize (object);
}

static void
liaison_plan_activity_row_class_init (LiaisonPlanActivityRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_plan_activity_row_dispose;
  object_class->finalize = liaison_plan_activity_row_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chinaaseanenv/Liaison/ui/liaison-plan-activity-row.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanActivityRow, code_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanActivityRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanActivityRow, other_title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanActivityRow, schedule_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanActivityRow, missed_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanActivityRow, anomaly_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanActivityRow, anomaly_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanActivityRow, chips_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanActivityRow, events_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanActivityRow, new_event_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanActivityRow, events_icon_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanActivityRow, new_event_icon_button);
}

static void
liaison_plan_activity_row_init (LiaisonPlanActivityRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
liaison_plan_activity_row_new (LiaisonPlanItem *activity)
{
  LiaisonPlanActivityRow *self = g_object_new (LIAISON_TYPE_PLAN_ACTIVITY_ROW, NULL);
  LiaisonLanguage         language = liaison_language_for_locale ();
  LiaisonBilingual       *title = liaison_plan_item_get_title (activity);
  LiaisonSchedule        *schedule = liaison_plan_item_get_schedule (activity);
  const char             *code = liaison_plan_item_get_code (activity);
  const char             *shown = liaison_bilingual_get_display (title, language);
  const char             *other = liaison_bilingual_get_text (title, liaison_language_other (language));
  g_autofree char        *anomaly = schedule != NULL ? liaison_schedule_describe_anomaly (schedule) : NULL;
  g_autofree char        *schedule_text = describe_schedule (schedule);
  g_autofree char        *folded = NULL;
  g_autofree char        *events_tip = NULL;
  g_autofree char        *new_tip = NULL;
  GVariant               *target = g_variant_ref_sink (g_variant_new_string (code));

  self->activity = g_object_ref (activity);
  gtk_widget_set_name (GTK_WIDGET (self), code);
  gtk_label_set_text (self->code_label, code);
  gtk_label_set_text (self->title_label, shown);
  gtk_label_set_text (self->other_title_label, other != NULL && g_strcmp0 (other, shown) != 0 ? other : "");
  gtk_widget_set_visible (GTK_WIDGET (self->other_title_label), other != NULL && g_strcmp0 (other, shown) != 0);
  gtk_label_set_text (self->schedule_label, schedule_text);

  if (anomaly != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: %s says what is wrong with an activity's schedule as the framework writes it */
      text = g_strdup_printf (_ ("Schedule anomaly: %s. So no year of this activity counts as planned or missed; "
                                 "its events still show under the years they took place."),
                              anomaly);
      gtk_label_set_text (self->anomaly_label, text);
      gtk_widget_set_visible (self->anomaly_box, TRUE);
    }

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->events_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->new_event_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->events_icon_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->new_event_icon_button), target);
  g_variant_unref (target);
  /* Translators: %s is an activity's code, such as 1.1.2 */
  events_tip = g_strdup_printf (_ ("Show the events of activity %s"), code);
  new_tip = g_strdup_printf (_ ("Plan a new event for activity %s"), code);
  gtk_widget_set_tooltip_text (self->events_button, events_tip);
  gtk_widget_set_tooltip_text (self->new_event_button, new_tip);
  gtk_widget_set_tooltip_text (self->events_icon_button, events_tip);
  gtk_widget_set_tooltip_text (self->new_event_icon_button, new_tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->events_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, events_tip, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_event_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, new_tip, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->events_icon_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, events_tip,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_event_icon_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  new_tip, -1);

  {
    g_autofree char *titles = g_strdup_printf ("%s\n%s", liaison_bilingual_get_text (title, LIAISON_LANGUAGE_ZH) ?: "",
                                               liaison_bilingual_get_text (title, LIAISON_LANGUAGE_EN) ?: "");
    self->haystack = liaison_search_fold (titles);
  }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, gtk_label_get_text (self->title_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, schedule_text,
                                  -1);
  liaison_plan_activity_row_update (self, NULL, LIAISON_PLAN_FIRST_YEAR);
  return GTK_WIDGET (self);
}

LiaisonPlanItem *
liaison_plan_activity_row_get_activity (LiaisonPlanActivityRow *self)
{
  return self->activity;
}

void
liaison_plan_activity_row_update (LiaisonPlanActivityRow *self,
                                  LiaisonPlanRow         *report,
                                  int                     this_year)
{
  g_autoptr (GArray) years = years_to_show (report);
  g_autoptr (GString) signature = g_string_new (NULL);
  g_autofree char *label = NULL;

  g_string_append_printf (signature, "%d|", this_year);
  for (guint i = 0; i < years->len; i++)
    {
      LiaisonPlanYear y = year_of (report, g_array_index (years, int, i));
      g_string_append_printf (signature, "%d:%d:%u:%u;", y.year, y.planned, y.events, y.held);
    }

  self->missed = report != NULL ? liaison_plan_row_count_missed (report, this_year) : 0;
  if (self->missed > 0)
    {
      g_autofree char *missed = g_strdup_printf (g_dngettext (NULL, "%u missed year", "%u missed years", self->missed),
                                                 self->missed);
      gtk_label_set_text (self->missed_label, missed);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->missed_label), self->missed > 0);

  if (self->missed > 0)
    /* Translators: a screen reader's name for an activity row, “1.1.2 China-ASEAN … Forum, 1 missed year” */
    label = g_strdup_printf (_ ("%1$s %2$s, %3$s"), liaison_plan_item_get_code (self->activity),
                             gtk_label_get_text (self->title_label), gtk_label_get_text (self->missed_label));
  else
    label = g_strdup_printf ("%s %s", liaison_plan_item_get_code (self->activity),
                             gtk_label_get_text (self->title_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  if (g_strcmp0 (self->signature, signature->str) == 0)
    return;
  g_free (self->signature);
  self->signature = g_string_free (g_steal_pointer (&signature), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box)); child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box)))
    gtk_flow_box_remove (self->chips_box, child);
  for (guint i = 0; i < years->len; i++)
    {
      LiaisonPlanYear y = year_of (report, g_array_index (years, int, i));
      GtkWidget      *chip = make_chip (self, &y, this_year);
      GtkWidget      *child;

      gtk_flow_box_append (self->chips_box, chip);
      /* Tab goes straight to the chips that do something. */
      child = gtk_widget_get_parent (chip);
      gtk_widget_set_focusable (child, FALSE);
    }
}

guint
liaison_plan_activity_row_get_missed (LiaisonPlanActivityRow *self)
{
  return self->missed;
}

/* folded_text: liaison_search_fold of what was typed; a code matches from
 * its start (“2.1” finds 2.1.x), a title anywhere, in either language. */
gboolean
liaison_plan_activity_row_matches (LiaisonPlanActivityRow *self,
                                   const char             *folded_text)
{
  if (folded_text == NULL || *folded_text == '\0')
    return TRUE;
  if (g_str_has_prefix (liaison_plan_item_get_code (self->activity), folded_text))
    return TRUE;
  return self->haystack != NULL && strstr (self->haystack, folded_text) != NULL;
}
