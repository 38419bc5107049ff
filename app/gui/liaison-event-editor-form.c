/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-event-editor-private.h"
#include "liaison-gui-util.h"

/* The event editor's form: what must be corrected before saving, said
 * under each field in the field's own terms (a date as YYYY-MM-DD, a time
 * as HH:MM, never the store's 2026-12-10T10:00), and a calendar beside
 * each typed date. */

/* The most places an event may have: more is a typing slip. */
#define MAX_CAPACITY 100000

const char *
liaison_event_editor_text_of (AdwEntryRow *row)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return text != NULL && *text != '\0' ? text : NULL;
}

char *
liaison_event_editor_text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter    start, end;
  char          *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (*g_strstrip (text) == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* "2025-09-10": a real day, written as the field asks. */
static gboolean
parse_date (const char *text, int *year, int *month, int *day)
{
  int  y, m, d;
  char extra;

  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &extra) != 3 ||
      text[4] != '-' || text[7] != '-' || !g_date_valid_dmy (d, m, y))
    return FALSE;
  if (year != NULL)
    *year = y, *month = m, *day = d;
  return TRUE;
}

/* "09:30" or "9:30", 24 hours. */
static gboolean
parse_time (const char *text, int *hour, int *minute)
{
  int  h, m;
  char extra;

  if (text == NULL || sscanf (text, "%d:%d%c", &h, &m, &extra) != 2 || h < 0 || h > 23 || m < 0 || m > 59 ||
      strlen (strchr (text, ':') + 1) != 2)
    return FALSE;
  if (hour != NULL)
    *hour = h, *minute = m;
  return TRUE;
}

/* "2025-09-10" and "09:30" into the store's local time text. */
char *
liaison_event_editor_local_time (const char *date, const char *time, gboolean all_day)
{
  int h = 0, m = 0;

  if (date == NULL)
    return NULL;
  if (all_day || time == NULL || !parse_time (time, &h, &m))
    return g_strdup (date);
  return g_strdup_printf ("%sT%02d:%02d", date, h, m);
}

/* A date and a time as the fields show them: "2026-12-10 09:00". */
static char *
as_typed (const char *date, const char *time)
{
  return time != NULL ? g_strdup_printf ("%s %s", date, time) : g_strdup (date);
}

/* The capacity typed: a whole number of places (however large: the limit
 * is said on its own), or FALSE. */
static gboolean
parse_capacity (const char *text, guint64 *capacity)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  guint64          value = 0;

  if (*trimmed == '\0')
    {
      *capacity = 0;
      return TRUE;
    }
  if (!g_ascii_string_to_unsigned (trimmed, 10, 0, G_MAXUINT64, &value, NULL))
    return FALSE;
  *capacity = value;
  return TRUE;
}

guint
liaison_event_editor_capacity (LiaisonEventEditor *self)
{
  guint64 capacity = 0;

  if (!parse_capacity (gtk_editable_get_text (GTK_EDITABLE (self->capacity)), &capacity) || capacity > MAX_CAPACITY)
    return 0;
  return (guint) capacity;
}

static void
problem_free (gpointer data)
{
  LiaisonEditorProblem *p = data;

  g_free (p->message);
  g_free (p);
}

static void
add_problem (GPtrArray *problems, gpointer field, char *message)
{
  LiaisonEditorProblem *p = g_new0 (LiaisonEditorProblem, 1);

  p->field = field;
  p->message = message;
  g_ptr_array_add (problems, p);
}

static void
check_text_field (GPtrArray *problems, AdwEntryRow *row)
{
  char *message = liaison_gui_check_entry_row (row);

  if (message != NULL)
    add_problem (problems, row, message);
}

static void
check_text_view (GPtrArray *problems, GtkTextView *view)
{
  g_autofree char *text = liaison_event_editor_text_view_text (view);
  g_autoptr (GError) error = NULL;

  if (!liaison_text_check (text, LIAISON_TEXT_DESCRIPTION, &error))
    add_problem (problems, view, g_strdup (error->message));
}

static void
check_date_field (GPtrArray *problems, AdwEntryRow *row)
{
  const char *text = liaison_event_editor_text_of (row);

  if (text != NULL && !parse_date (text, NULL, NULL, NULL))
    /* Translators: under a date field; %s is what was typed */
    add_problem (problems, row, g_strdup_printf (_ ("“%s” is not a date: write it as YYYY-MM-DD, for example 2026-09-10"), text));
}

static void
check_time_field (GPtrArray *problems, AdwEntryRow *row)
{
  const char *text = liaison_event_editor_text_of (row);

  if (text != NULL && gtk_widget_get_visible (GTK_WIDGET (row)) && !parse_time (text, NULL, NULL))
    /* Translators: under a time field; %s is what was typed */
    add_problem (problems, row, g_strdup_printf (_ ("“%s” is not a time: write it as HH:MM, for example 09:30"), text));
}

/* Everything to correct before the event can be saved, in the order of the
 * form, each with the field it is about. */
GPtrArray *
liaison_event_editor_find_problems (LiaisonEventEditor *self)
{
  GPtrArray      *problems = g_ptr_array_new_with_free_func (problem_free);
  LiaisonLanguage lang = liaison_language_for_locale ();
  gboolean        all_day = gtk_switch_get_active (self->all_day);
  guint64         capacity;
  AdwEntryRow    *texts[] = { self->title_zh, self->title_en, self->theme_zh, self->theme_en,
                              self->city_zh, self->city_en };
  AdwEntryRow    *more[] = { self->online_url, self->venue };

  if (liaison_event_editor_text_of (self->title_zh) == NULL && liaison_event_editor_text_of (self->title_en) == NULL)
    add_problem (problems, lang == LIAISON_LANGUAGE_ZH ? self->title_zh : self->title_en,
                 g_strdup (_ ("Give the event a title, in Chinese or in English.")));
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    check_text_field (problems, texts[i]);
  check_text_view (problems, self->description_zh);
  check_text_view (problems, self->description_en);
  for (guint i = 0; i < G_N_ELEMENTS (more); i++)
    check_text_field (problems, more[i]);

  if (liaison_event_editor_text_of (self->start_date) == NULL)
    add_problem (problems, self->start_date, g_strdup (_ ("Give the start date, as YYYY-MM-DD (for example 2025-09-10).")));
  check_date_field (problems, self->start_date);
  check_time_field (problems, self->start_time);
  check_date_field (problems, self->end_date);
  check_time_field (problems, self->end_time);
  if (liaison_event_editor_text_of (self->end_date) != NULL && parse_date (liaison_event_editor_text_of (self->start_date), NULL, NULL, NULL) &&
      parse_date (liaison_event_editor_text_of (self->end_date), NULL, NULL, NULL))
    {
      const char      *start_time = all_day ? NULL : liaison_event_editor_text_of (self->start_time);
      const char      *end_time = all_day ? NULL : (liaison_event_editor_text_of (self->end_time) != NULL ? liaison_event_editor_text_of (self->end_time) : start_time);
      g_autofree char *start = liaison_event_editor_local_time (liaison_event_editor_text_of (self->start_date), start_time, all_day);
      g_autofree char *end = liaison_event_editor_local_time (liaison_event_editor_text_of (self->end_date), end_time, all_day);

      /* Both local times at the venue, written alike: text order is time order. */
      if ((start_time == NULL || parse_time (start_time, NULL, NULL)) &&
          (end_time == NULL || parse_time (end_time, NULL, NULL)) && strcmp (end, start) < 0)
        {
          g_autofree char *typed_start = as_typed (liaison_event_editor_text_of (self->start_date), start_time);
          g_autofree char *typed_end = as_typed (liaison_event_editor_text_of (self->end_date), end_time);

          /* Translators: under the end date; both as the fields show them, “2026-12-10 09:00” */
          add_problem (problems, self->end_date,
                       g_strdup_printf (_ ("The end, %1$s, comes before the start, %2$s"), typed_end, typed_start));
        }
    }

  if (!parse_capacity (gtk_editable_get_text (GTK_EDITABLE (self->capacity)), &capacity))
    add_problem (problems, self->capacity,
                 g_strdup_printf (_ ("“%s” is not a number of places: write a whole number, 0 for no limit"),
                                  gtk_editable_get_text (GTK_EDITABLE (self->capacity))));
  else if (capacity > MAX_CAPACITY)
    add_problem (problems, self->capacity,
                 g_strdup_printf (g_dngettext (NULL, "At most %u place", "At most %u places", MAX_CAPACITY), MAX_CAPACITY));
  check_date_field (problems, self->deadline);
  check_text_field (problems, self->currency);
  check_text_field (problems, self->organisers);
  check_text_field (problems, self->partners);
  return problems;
}

static GtkLabel *
message_of (LiaisonEventEditor *self, gpointer field)
{
  return g_hash_table_lookup (self->messages, field);
}

/* Under the capacity: what it means, or that fewer places than people
 * booked are asked for (said, not refused: nobody loses a place). */
static void
show_capacity_note (LiaisonEventEditor *self, gboolean has_problem)
{
  GtkLabel        *label = message_of (self, self->capacity);
  guint            capacity = liaison_event_editor_capacity (self);
  g_autofree char *note = NULL;

  if (has_problem)
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  if (capacity > 0 && capacity < self->booked)
    {
      /* Translators: under the capacity, before saving: “3 booked, capacity 1: …” */
      note = g_strdup_printf (g_dngettext (NULL, "%1$u booked, capacity %2$u: the people booked keep their places; nobody new gets one until enough are freed",
                                           "%1$u booked, capacity %2$u: the people booked keep their places; nobody new gets one until enough are freed",
                                           self->booked),
                              self->booked, capacity);
      gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      note = g_strdup (_ ("0 for no limit; past it, people go on the waitlist"));
      gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
  gtk_label_set_text (label, note);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (label)), TRUE);
}

/* Each field's message, for the fields the person touched (every field
 * once Save was pressed). Returns the problems, first first. */
GPtrArray *
liaison_event_editor_show_problems (LiaisonEventEditor *self)
{
  GPtrArray     *problems = liaison_event_editor_find_problems (self);
  GHashTableIter iter;
  gpointer       field, label;
  gboolean       capacity_problem = FALSE;

  g_hash_table_iter_init (&iter, self->messages);
  while (g_hash_table_iter_next (&iter, &field, &label))
    {
      const char *text = NULL;

      for (guint i = 0; i < problems->len && text == NULL; i++)
        if (((LiaisonEditorProblem *) g_ptr_array_index (problems, i))->field == field)
          text = ((LiaisonEditorProblem *) g_ptr_array_index (problems, i))->message;
      if (!self->tried && !g_hash_table_contains (self->touched, field))
        text = NULL;
      if (field == (gpointer) self->capacity)
        {
          capacity_problem = text != NULL;
          if (text != NULL)
            gtk_widget_add_css_class (label, "error");
        }
      if (GTK_IS_TEXT_VIEW (field))
        {
          gtk_label_set_text (label, text != NULL ? text : "");
          gtk_widget_set_visible (label, text != NULL);
        }
      else
        liaison_gui_show_field_message (label, field, text);
    }
  show_capacity_note (self, capacity_problem);
  return problems;
}

static void
on_day_chosen (GtkCalendar *calendar, AdwEntryRow *row)
{
  g_autoptr (GDateTime) day = NULL;
  g_autofree char *text = NULL;

  if (g_object_get_data (G_OBJECT (calendar), "showing") != NULL)
    return;
  day = gtk_calendar_get_date (calendar);
  text = g_date_time_format (day, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_menu_button_popdown (g_object_get_data (G_OBJECT (calendar), "button"));
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

/* Opens on the date typed, else on today. */
static void
on_calendar_shown (GtkPopover *popover, GtkCalendar *calendar)
{
  AdwEntryRow *row = g_object_get_data (G_OBJECT (calendar), "row");
  int          y, m, d;
  g_autoptr (GDateTime) day = NULL;

  if (parse_date (gtk_editable_get_text (GTK_EDITABLE (row)), &y, &m, &d))
    day = g_date_time_new_local (y, m, d, 12, 0, 0);
  else
    day = g_date_time_new_now_local ();
  g_object_set_data (G_OBJECT (calendar), "showing", GINT_TO_POINTER (1));
  gtk_calendar_select_day (calendar, day);
  g_object_set_data (G_OBJECT (calendar), "showing", NULL);
}

/* A calendar beside a typed date, as GNOME Calendar has. */
void
liaison_event_editor_add_date_picker (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _ ("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Choose a Date"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_object_set_data (G_OBJECT (calendar), "button", button);
  g_object_set_data (G_OBJECT (calendar), "row", row);
  g_signal_connect_object (popover, "show", G_CALLBACK (on_calendar_shown), calendar, 0);
  g_signal_connect_object (calendar, "day-selected", G_CALLBACK (on_day_chosen), row, 0);
  adw_entry_row_add_suffix (row, button);
}
