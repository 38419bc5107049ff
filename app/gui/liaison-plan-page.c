/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-change-watch.h"
#include "liaison-plan-activity-row.h"
#include "liaison-plan-page.h"
#include "liaison-plan-report.h"
#include "liaison-search-key.h"

/* The action plan as the framework lays it out, strategic direction →
 * action → activity, each activity with its years planned against the
 * events of each year. Built once from the plan, then updated in place
 * whenever the store changes. */
struct _LiaisonPlanPage
{
  AdwBin parent_instance;

  LiaisonContext *context;
  gboolean        folded;
  int             year;
  gboolean        missed_only;

  LiaisonChangeWatch *watch;
  GCancellable       *cancellable;
  GHashTable         *rows;       /* code → LiaisonPlanActivityRow, owned by their lists */
  GPtrArray          *sections;   /* Section, directions and actions in plan order */
  char               *filter;     /* folded */
  int                 shown_year; /* this year as the last load saw it */
  gboolean            stale;      /* hidden when it should have read: read when shown */

  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkSearchEntry *filter_entry;
  GtkLabel       *summary_label;
  GtkBox         *outline_box;
  GtkStack       *outline_stack;
  AdwStatusPage  *no_match_page;
};

G_DEFINE_FINAL_TYPE (LiaisonPlanPage, liaison_plan_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  PROP_YEAR,
  PROP_MISSED_ONLY,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* A direction (its box of action sections) or an action (its list). */
typedef struct
{
  LiaisonPlanLevel level;
  char            *code;
  GtkWidget       *widget;
  GtkListBox      *list; /* actions only */
} Section;

typedef struct
{
  GPtrArray *items;  /* LiaisonPlanItem, every level, in plan order */
  GPtrArray *report; /* LiaisonPlanRow */
  int        this_year;
} PlanData;

static void
section_free (Section *section)
{
  g_free (section->code);
  g_free (section);
}

static void
plan_data_free (PlanData *data)
{
  g_clear_pointer (&data->items, g_ptr_array_unref);
  g_clear_pointer (&data->report, g_ptr_array_unref);
  g_free (data);
}

static void
ensure_style (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr (GtkCssProvider) provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/org/chinaaseanenv/Liaison/ui/liaison-plan-page.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&loaded, 1);
    }
}

static int
current_year (LiaisonPlanPage *self)
{
  g_autoptr (GTimeZone) zone = NULL;
  g_autoptr (GDateTime) now = NULL;

  if (self->year > 0)
    return self->year;
  zone = liaison_context_dup_time_zone (self->context);
  now = g_date_time_new_now (zone);
  return g_date_time_get_year (now);
}

/* On the store's worker thread. */
static gpointer
load_plan (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  PlanData *plan = g_new0 (PlanData, 1);

  plan->this_year = GPOINTER_TO_INT (data);
  plan->items = liaison_store_list_plan (reader, error);
  if (plan->items != NULL)
    plan->report = liaison_plan_report_build (reader, 0, GPOINTER_TO_INT (data), error);
  if (plan->items == NULL || plan->report == NULL)
    {
      plan_data_free (plan);
      return NULL;
    }
  return plan;
}

static gboolean
row_shown (LiaisonPlanPage *self, LiaisonPlanActivityRow *row)
{
  if (self->missed_only && liaison_plan_activity_row_get_missed (row) == 0)
    return FALSE;
  return liaison_plan_activity_row_matches (row, self->filter);
}

static gboolean
filter_row (GtkListBoxRow *row, gpointer data)
{
  return row_shown (data, LIAISON_PLAN_ACTIVITY_ROW (row));
}

static gboolean
list_has_shown_rows (LiaisonPlanPage *self, GtkListBox *list)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (LIAISON_IS_PLAN_ACTIVITY_ROW (child) && row_shown (self, LIAISON_PLAN_ACTIVITY_ROW (child)))
      return TRUE;
  return FALSE;
}

/* Hides the actions and directions left with no activity to show. */
static void
refilter (LiaisonPlanPage *self)
{
  gboolean any = FALSE;
  Section *direction = NULL;
  gboolean direction_shown = FALSE;

  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *section = g_ptr_array_index (self->sections, i);

      if (section->level == LIAISON_PLAN_LEVEL_DIRECTION)
        {
          if (direction != NULL)
            gtk_widget_set_visible (direction->widget, direction_shown);
          direction = section;
          direction_shown = FALSE;
        }
      else
        {
          gboolean shown = list_has_shown_rows (self, section->list);

          gtk_list_box_invalidate_filter (section->list);
          gtk_widget_set_visible (section->widget, shown);
          direction_shown |= shown;
          any |= shown;
        }
    }
  if (direction != NULL)
    gtk_widget_set_visible (direction->widget, direction_shown);

  if (!any && self->sections->len > 0)
    {
      g_autofree char *description = NULL;
      const char      *text = gtk_editable_get_text (GTK_EDITABLE (self->filter_entry));

      if (self->missed_only && *text == '\0')
        description = g_strdup (_ ("Every planned year so far has an event."));
      else if (self->missed_only)
        /* Translators: %s is what was typed in the filter */
        description = g_strdup_printf (_ ("No activity with missed years has “%s” in its code or title."), text);
      else
        description = g_strdup_printf (_ ("No activity has “%s” in its code or title. Try a code such as 2.1, "
                                          "or a word in Chinese or English."),
                                       text);
      adw_status_page_set_description (self->no_match_page, description);
    }
  gtk_stack_set_visible_child_name (self->outline_stack, !any && self->sections->len > 0 ? "no-match" : "outline");
}

static GtkWidget *
edge_row (GtkListBox *list, gboolean last)
{
  GtkWidget *found = NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_mapped (child))
      {
        found = child;
        if (!last)
          break;
      }
  return found;
}

/* Up and Down go on from one action's activities to the next action's,
 * and from the first activity back to the filter. */
static gboolean
on_list_keynav_failed (GtkListBox *list, GtkDirectionType direction, LiaisonPlanPage *self)
{
  int step = direction == GTK_DIR_DOWN ? 1 : direction == GTK_DIR_UP ? -1
                                                                     : 0;
  int here = -1;

  if (step == 0)
    return FALSE;
  for (guint i = 0; i < self->sections->len; i++)
    if (((Section *) g_ptr_array_index (self->sections, i))->list == list)
      here = i;
  for (int i = here + step; here >= 0 && i >= 0 && i < (int) self->sections->len; i += step)
    {
      Section   *section = g_ptr_array_index (self->sections, i);
      GtkWidget *row = section->list != NULL ? edge_row (section->list, step < 0) : NULL;

      if (row != NULL)
        return gtk_widget_grab_focus (row);
    }
  if (step < 0)
    return gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
  return FALSE;
}

static GtkWidget *
heading_box (const char *title, const char *other, const char *title_class)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label =
      g_object_new (GTK_TYPE_LABEL, "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, "label", title, NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, title_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL,
                                  g_str_equal (title_class, "title-2") ? 2 : 3, -1);
  gtk_box_append (GTK_BOX (box), label);
  if (other != NULL && *other != '\0' && g_strcmp0 (other, title) != 0)
    {
      GtkWidget *second = gtk_label_new (other);

      gtk_label_set_xalign (GTK_LABEL (second), 0);
      gtk_label_set_wrap (GTK_LABEL (second), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (second), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (second, "dim-label");
      gtk_box_append (GTK_BOX (box), second);
    }
  return box;
}

static void
build_outline (LiaisonPlanPage *self, GPtrArray *items)
{
  LiaisonLanguage language = liaison_language_for_locale ();
  g_autoptr (GHashTable) containers = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < items->len; i++)
    {
      LiaisonPlanItem  *item = g_ptr_array_index (items, i);
      LiaisonBilingual *title = liaison_plan_item_get_title (item);
      const char       *code = liaison_plan_item_get_code (item);
      const char       *shown = liaison_bilingual_get_display (title, language);
      const char       *other = liaison_bilingual_get_text (title, liaison_language_other (language));
      g_autofree char  *parent_code = liaison_plan_item_dup_parent_code (item);
      gpointer          parent = parent_code != NULL ? g_hash_table_lookup (containers, parent_code) : NULL;
      Section          *section;

      switch (liaison_plan_item_get_level (item))
        {
        case LIAISON_PLAN_LEVEL_DIRECTION:
          {
            g_autofree char *heading = NULL;
            GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

            /* Translators: “Strategic direction 2: Sustainable cities and marine plastics reduction” */
            heading = g_strdup_printf (_ ("Strategic direction %1$s: %2$s"), code, shown);
            gtk_box_append (GTK_BOX (box), heading_box (heading, other, "title-2"));
            gtk_box_append (self->outline_box, box);
            section = g_new0 (Section, 1);
            section->level = LIAISON_PLAN_LEVEL_DIRECTION;
            section->code = g_strdup (code);
            section->widget = box;
            g_ptr_array_add (self->sections, section);
            g_hash_table_insert (containers, section->code, box);
          }
          break;

        case LIAISON_PLAN_LEVEL_ACTION:
          {
            g_autofree char *heading = g_strdup_printf ("%s %s", code, shown);
            GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
            GtkWidget       *list = gtk_list_box_new ();

            gtk_box_append (GTK_BOX (box), heading_box (heading, other, "heading"));
            gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
            gtk_widget_add_css_class (list, "boxed-list");
            gtk_list_box_set_filter_func (GTK_LIST_BOX (list), filter_row, self, NULL);
            g_signal_connect (list, "keynav-failed", G_CALLBACK (on_list_keynav_failed), self);
            gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
            gtk_box_append (GTK_BOX (box), list);
            gtk_box_append (parent != NULL ? GTK_BOX (parent) : self->outline_box, box);
            section = g_new0 (Section, 1);
            section->level = LIAISON_PLAN_LEVEL_ACTION;
            section->code = g_strdup (code);
            section->widget = box;
            section->list = GTK_LIST_BOX (list);
            g_ptr_array_add (self->sections, section);
            g_hash_table_insert (containers, section->code, list);
          }
          break;

        case LIAISON_PLAN_LEVEL_ACTIVITY:
        default:
          if (parent != NULL && GTK_IS_LIST_BOX (parent))
            {
              GtkWidget *row = liaison_plan_activity_row_new (item);

              gtk_list_box_append (GTK_LIST_BOX (parent), row);
              g_hash_table_insert (self->rows, g_strdup (code), row);
            }
          else
            g_warning ("Activity %s has no action above it in the plan", code);
          break;
        }
    }
}

static void
set_loading (LiaisonPlanPage *self, gboolean loading)
{
  gtk_spinner_set_spinning (self->spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
show_plan (LiaisonPlanPage *self, PlanData *plan, int this_year)
{
  g_autofree char *summary = NULL;
  guint            missed = 0, activities = 0;

  if (g_hash_table_size (self->rows) == 0)
    build_outline (self, plan->items);

  for (guint i = 0; i < plan->report->len; i++)
    {
      LiaisonPlanRow *report = g_ptr_array_index (plan->report, i);
      GtkWidget      *row = g_hash_table_lookup (self->rows, liaison_plan_item_get_code (report->activity));

      if (row == NULL)
        continue;
      liaison_plan_activity_row_update (LIAISON_PLAN_ACTIVITY_ROW (row), report, this_year);
      missed += liaison_plan_row_count_missed (report, this_year);
      activities++;
    }
  self->shown_year = this_year;

  if (missed == 0)
    /* Translators: %1$d counts the plan's activities; %2$d is this year */
    summary =
        g_strdup_printf (g_dngettext (NULL, "%1$d activity. Before %2$d, every planned year had an event.",
                                      "%1$d activities. Before %2$d, every planned year had an event.", activities),
                         activities, this_year);
  else
    {
      g_autofree char *count =
          g_strdup_printf (g_dngettext (NULL, "%d activity", "%d activities", activities), activities);

      /* Translators: %1$s is “21 activities”, %2$d a number of years, %3$d this year */
      summary = g_strdup_printf (g_dngettext (NULL, "%1$s. Before %3$d, %2$d planned year passed with no event.",
                                              "%1$s. Before %3$d, %2$d planned years passed with no event.", missed),
                                 count, missed, this_year);
    }
  gtk_label_set_text (self->summary_label, summary);
  refilter (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
on_plan_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonPlanPage) self = user_data;
  g_autoptr (GError) error = NULL;
  PlanData *plan = liaison_store_query_finish (NULL, result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  set_loading (self, FALSE);
  if (plan == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  show_plan (self, plan, plan->this_year);
  plan_data_free (plan);
}

static void
reload (LiaisonPlanPage *self)
{
  int year;

  if (self->context == NULL)
    return;
  /* A hidden view reads when it is shown (the window opens on the
   * Overview), not after every change made meanwhile. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  year = current_year (self);
  set_loading (self, TRUE);
  liaison_store_query_async (liaison_context_get_store (self->context), load_plan, GINT_TO_POINTER (year), NULL,
                             (GDestroyNotify) plan_data_free, self->cancellable, on_plan_loaded, g_object_ref (self));
}

static void
on_filter_changed (LiaisonPlanPage *self)
{
  g_free (self->filter);
  self->filter = liaison_search_fold (gtk_editable_get_text (GTK_EDITABLE (self->filter_entry)));
  refilter (self);
}

static void
on_filter_stop (LiaisonPlanPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->filter_entry), "");
}

static void
search_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonPlanPage *self = LIAISON_PLAN_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->filter_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->filter_entry), 0, -1);
}

/* Ctrl+N on an activity: a new event for it, as its New Event button;
 * elsewhere in the plan, a new event. */
static void
new_event_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  GtkRoot   *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, LIAISON_TYPE_PLAN_ACTIVITY_ROW) : NULL;

  if (row != NULL && gtk_widget_is_ancestor (row, widget))
    gtk_widget_activate_action (widget, "win.new-event-for-activity", "s", gtk_widget_get_name (row));
  else
    gtk_widget_activate_action (widget, "win.new-event", NULL);
}

static void
on_map (LiaisonPlanPage *self)
{
  /* The year turns while the window stays open. */
  if (self->stale || (self->shown_year != 0 && self->shown_year != current_year (self)))
    reload (self);
}

static void
liaison_plan_page_constructed (GObject *object)
{
  LiaisonPlanPage *self = (LiaisonPlanPage *) object;

  G_OBJECT_CLASS (liaison_plan_page_parent_class)->constructed (object);

  if (self->context == NULL)
    return;
  self->watch = liaison_change_watch_new (liaison_context_get_store (self->context), 300);
  g_signal_connect_object (self->watch, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  if (liaison_context_get_settings (self->context) != NULL)
    g_signal_connect_object (liaison_context_get_settings (self->context), "changed::time-zone", G_CALLBACK (on_map),
                             self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
liaison_plan_page_dispose (GObject *object)
{
  LiaisonPlanPage *self = (LiaisonPlanPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->watch);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_PLAN_PAGE);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_plan_page_parent_class)->dispose (object);
}

static void
liaison_plan_page_finalize (GObject *object)
{
  LiaisonPlanPage *self = (LiaisonPlanPage *) object;

  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (liaison_plan_page_parent_class)->finalize (object);
}

static void
liaison_plan_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonPlanPage *self = (LiaisonPlanPage *) object;

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
    case PROP_MISSED_ONLY:
      g_value_set_boolean (value, self->missed_only);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_plan_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonPlanPage *self = (LiaisonPlanPage *) object;

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
    case PROP_MISSED_ONLY:
      if (self->missed_only != g_value_get_boolean (value))
        {
          self->missed_only = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
          if (self->sections != NULL)
            refilter (self);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_plan_page_class_init (LiaisonPlanPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_plan_page_constructed;
  object_class->dispose = liaison_plan_page_dispose;
  object_class->finalize = liaison_plan_page_finalize;
  object_class->get_property = liaison_plan_page_get_property;
  object_class->set_property = liaison_plan_page_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The window is folded to one column: the header shows a back button. */
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The year that parts missed years from years to come; 0 follows the
   * clock in the person's time zone. */
  properties[PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, 9999, 0,
                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MISSED_ONLY] = g_param_spec_boolean (
      "missed-only", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A load from the store is under way. */
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanPage, filter_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanPage, outline_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanPage, outline_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonPlanPage, no_match_page);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_stop);

  gtk_widget_class_install_action (widget_class, "page.search", NULL, search_action);
  gtk_widget_class_install_property_action (widget_class, "page.missed-only", "missed-only");
  gtk_widget_class_install_action (widget_class, "page.new-event", NULL, new_event_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "page.new-event", NULL);
}

static void
liaison_plan_page_init (LiaisonPlanPage *self)
{
  ensure_style ();
  g_type_ensure (LIAISON_TYPE_PLAN_ACTIVITY_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

GtkWidget *
liaison_plan_page_new (LiaisonContext *context)
{
  return g_object_new (LIAISON_TYPE_PLAN_PAGE, "context", context, NULL);
}
