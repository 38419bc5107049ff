/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-bar-chart.h"
#include "liaison-change-watch.h"
#include "liaison-programme-page.h"
#include "liaison-store-people.h"

/* The Green Envoys Programme: its figures (cohorts by year and track,
 * people by country and sector, the alumni who came back and how far they
 * went), drawn as charts with the same numbers in lists for screen readers;
 * a click on an alumnus opens their page. Its tracks, and adding one. */

struct _LiaisonProgrammePage
{
  AdwBin parent_instance;

  LiaisonContext     *context;
  gboolean            folded;
  LiaisonChangeWatch *watch;
  GCancellable       *cancellable;
  gboolean            stale;
  GPtrArray          *tracks; /* LiaisonTrackInfo, as last read */

  GtkStack        *stack;
  AdwStatusPage   *error_page;
  GtkLabel        *summary_label;
  GtkFlowBox      *figures_box;
  LiaisonBarChart *cohorts_chart;
  GtkListBox      *cohorts_table;
  GtkListBox      *returning_list;
  LiaisonBarChart *countries_chart;
  LiaisonBarChart *sectors_chart;
  GtkListBox      *tracks_list;
};

G_DEFINE_FINAL_TYPE (LiaisonProgrammePage, liaison_programme_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  LiaisonProgrammeSummary *summary;
  GPtrArray               *tracks;
} Loaded;

static void
loaded_free (gpointer data)
{
  Loaded *l = data;

  g_clear_pointer (&l->summary, liaison_programme_summary_free);
  g_clear_pointer (&l->tracks, g_ptr_array_unref);
  g_free (l);
}

static gpointer
load_in_worker (LiaisonStore *reader, gpointer data, GCancellable *cancellable, GError **error)
{
  Loaded *l = g_new0 (Loaded, 1);

  l->summary = liaison_store_programme_summary (reader, error);
  if (l->summary != NULL)
    l->tracks = liaison_store_list_tracks (reader, error);
  if (l->tracks == NULL)
    {
      loaded_free (l);
      return NULL;
    }
  return l;
}

static const char *
track_title (LiaisonProgrammePage *self, const char *id)
{
  const LiaisonTrackInfo *t = liaison_track_info_find (self->tracks, id);
  LiaisonLanguage         lang = liaison_language_for_locale ();

  if (t == NULL)
    return id != NULL ? id : "";
  if (lang == LIAISON_LANGUAGE_ZH)
    return t->title_zh != NULL ? t->title_zh : t->title_en;
  return t->title_en != NULL ? t->title_en : t->title_zh;
}

static const char *
country_name (const char *code)
{
  const LiaisonCountry *c = liaison_country_lookup (code);

  if (code == NULL || *code == '\0')
    return _ ("Country not recorded");
  return c != NULL ? liaison_country_get_name (c, liaison_language_for_locale ()) : code;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_figure (LiaisonProgrammePage *self, guint value, const char *caption)
{
  g_autofree char *number = g_strdup_printf ("%u", value);
  g_autofree char *label = g_strdup_printf ("%s: %s", caption, number);
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget       *big = gtk_label_new (number);
  GtkWidget       *small = gtk_label_new (caption);

  gtk_widget_add_css_class (big, "title-1");
  gtk_widget_add_css_class (big, "numeric");
  gtk_label_set_wrap (GTK_LABEL (small), TRUE);
  gtk_label_set_justify (GTK_LABEL (small), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (small, "dim-label");
  gtk_box_append (GTK_BOX (box), big);
  gtk_box_append (GTK_BOX (box), small);
  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_top (big, 12);
  gtk_widget_set_margin_bottom (small, 12);
  gtk_widget_set_margin_start (small, 6);
  gtk_widget_set_margin_end (small, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_flow_box_append (self->figures_box, box);
}

static GtkWidget *
text_row (const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
fill_cohorts (LiaisonProgrammePage *self, LiaisonProgrammeSummary *s)
{
  g_autoptr (GPtrArray) years = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GArray) values = g_array_new (FALSE, TRUE, sizeof (guint));
  int first = 0, last = 0;

  for (guint i = 0; i < s->cohorts->len; i++)
    {
      const LiaisonCohortCount *c = &g_array_index (s->cohorts, LiaisonCohortCount, i);

      first = first == 0 ? c->year : MIN (first, c->year);
      last = MAX (last, c->year);
    }
  for (guint t = 0; t < self->tracks->len; t++)
    g_ptr_array_add (names, (gpointer) track_title (self, ((LiaisonTrackInfo *) g_ptr_array_index (self->tracks, t))->id));

  /* Every year from the first cohort to the last, the empty ones too. */
  clear_list (self->cohorts_table);
  for (int year = first; first > 0 && year <= last; year++)
    {
      g_autoptr (GString) parts = g_string_new (NULL);
      guint            total = liaison_programme_summary_cohort_size (s, year, NULL);
      g_autofree char *title = g_strdup_printf (C_ ("cohort", "%d"), year);
      g_autofree char *people = NULL;

      g_ptr_array_add (years, g_strdup_printf ("%d", year));
      for (guint t = 0; t < self->tracks->len; t++)
        {
          const char *id = ((LiaisonTrackInfo *) g_ptr_array_index (self->tracks, t))->id;
          guint       n = liaison_programme_summary_cohort_size (s, year, id);

          g_array_append_val (values, n);
          if (n > 0)
            {
              if (parts->len > 0)
                g_string_append (parts, C_ ("list separator", ", "));
              /* Translators: a track and the people of a cohort in it, “Marine plastics: 12” */
              g_string_append_printf (parts, C_ ("chart", "%1$s: %2$u"), track_title (self, id), n);
            }
        }
      if (total == 0)
        continue;
      /* Translators: the people of a cohort, “Cohort of 2019: 12 people” */
      people = g_strdup_printf (g_dngettext (NULL, "Cohort of %1$d: %2$u person", "Cohort of %1$d: %2$u people", total),
                                year, total);
      gtk_list_box_append (self->cohorts_table, text_row (people, parts->str));
    }
  liaison_bar_chart_set_data (self->cohorts_chart, years->len, (const char *const *) years->pdata, names->len,
                              (const char *const *) names->pdata, (const guint *) values->data);
}

static void
fill_people (LiaisonProgrammePage *self, LiaisonProgrammeSummary *s)
{
  g_autoptr (GPtrArray) countries = g_ptr_array_new ();
  g_autoptr (GArray) by_country = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr (GPtrArray) sectors = g_ptr_array_new ();
  g_autoptr (GArray) by_sector = g_array_new (FALSE, TRUE, sizeof (guint));
  const char *series[] = { _ ("People") };

  for (guint i = 0; i < s->countries->len; i++)
    {
      LiaisonProgrammeCount *c = g_ptr_array_index (s->countries, i);

      g_ptr_array_add (countries, (gpointer) country_name (c->key));
      g_array_append_val (by_country, c->people);
    }
  liaison_bar_chart_set_data (self->countries_chart, countries->len, (const char *const *) countries->pdata, 1, series,
                              (const guint *) by_country->data);
  for (LiaisonSector k = 0; k <= LIAISON_SECTOR_OTHER; k++)
    if (s->sectors[k] > 0)
      {
        g_ptr_array_add (sectors, (gpointer) liaison_sector_label (k));
        g_array_append_val (by_sector, s->sectors[k]);
      }
  liaison_bar_chart_set_data (self->sectors_chart, sectors->len, (const char *const *) sectors->pdata, 1, series,
                              (const guint *) by_sector->data);
}

static void
fill_returning (LiaisonProgrammePage *self, LiaisonProgrammeSummary *s)
{
  clear_list (self->returning_list);
  if (s->returning->len == 0)
    {
      GtkWidget *row = text_row (_ ("Nobody has come back in another year yet"), NULL);

      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->returning_list, row);
      return;
    }
  for (guint i = 0; i < s->returning->len; i++)
    {
      LiaisonAlumnus  *a = g_ptr_array_index (s->returning, i);
      g_autofree char *cohort = g_strdup_printf (_ ("Cohort of %d"), a->cohort);
      /* Translators: country, cohort and progression of an alumnus, “Viet Nam · Cohort of 2012 · 2012 Participant → 2019 Speaker” */
      g_autofree char *subtitle = g_strdup_printf (C_ ("alumnus", "%1$s · %2$s · %3$s"), country_name (a->country),
                                                   cohort, a->progression);
      GtkWidget       *row = text_row (a->name, subtitle);

      gtk_widget_set_name (row, a->participant_id);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (!a->consent)
        {
          GtkWidget       *mark = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          g_autofree char *why = g_strdup_printf (_ ("%s has not consented to the programme following their record"), a->name);

          gtk_widget_set_tooltip_text (mark, why);
          gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL, why, -1);
          gtk_widget_add_css_class (mark, "warning");
          gtk_widget_add_css_class (row, "no-consent");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->returning_list, row);
    }
}

static void
fill_tracks (LiaisonProgrammePage *self)
{
  LiaisonLanguage lang = liaison_language_for_locale ();

  clear_list (self->tracks_list);
  for (guint i = 0; i < self->tracks->len; i++)
    {
      LiaisonTrackInfo *t = g_ptr_array_index (self->tracks, i);
      const char       *other = lang == LIAISON_LANGUAGE_ZH ? t->title_en : t->title_zh;

      gtk_list_box_append (self->tracks_list, text_row (track_title (self, t->id), other));
    }
}

static void
show (LiaisonProgrammePage *self, Loaded *l)
{
  LiaisonProgrammeSummary *s = l->summary;
  g_autofree char         *summary = NULL;
  GtkWidget               *child;

  g_clear_pointer (&self->tracks, g_ptr_array_unref);
  self->tracks = g_ptr_array_ref (l->tracks);

  if (s->alumni == 0)
    summary = g_strdup (_ ("Nobody has attended an event of a programme track yet. An event belongs to a track in "
                           "its editor; the people who attend it make the cohorts."));
  else
    /* Translators: %u people, “Since its first cohort, 1,200 people took part …” */
    summary = g_strdup_printf (g_dngettext (NULL, "%u person has attended the programme's events.",
                                            "%u people have attended the programme's events.", s->alumni),
                               s->alumni);
  gtk_label_set_label (self->summary_label, summary);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_box))) != NULL)
    gtk_flow_box_remove (self->figures_box, child);
  add_figure (self, s->alumni, _ ("alumni"));
  add_figure (self, s->returned, _ ("came back in another year"));
  add_figure (self, s->reached[LIAISON_PROGRAMME_STAGE_SPEAKER], _ ("went on to speak"));
  add_figure (self, s->reached[LIAISON_PROGRAMME_STAGE_MENTOR], _ ("became mentors"));

  fill_cohorts (self, s);
  fill_returning (self, s);
  fill_people (self, s);
  fill_tracks (self);
  gtk_stack_set_visible_child_name (self->stack, "content");
}

static void
on_loaded (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LiaisonProgrammePage) self = user_data;
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
  show (self, l);
  loaded_free (l);
}

static void
reload (LiaisonProgrammePage *self)
{
  if (self->context == NULL)
    return;
  /* Read when shown, not after every change made while hidden. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->tracks == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  liaison_store_query_async (liaison_context_get_store (self->context), load_in_worker, NULL, NULL, loaded_free,
                             self->cancellable, on_loaded, g_object_ref (self));
}

static void
on_map (LiaisonProgrammePage *self)
{
  if (self->stale || self->tracks == NULL)
    reload (self);
}

static void
on_alumnus_activated (LiaisonProgrammePage *self, GtkListBoxRow *row)
{
  const char *id = gtk_widget_get_name (GTK_WIDGET (row));

  if (id != NULL && liaison_uuid_is_valid (id))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-participant", "s", id);
}

/* ------------------------------------------------------------------------ */
/* Adding a track                                                            */

static void
update_add_response (AdwMessageDialog *dialog)
{
  GtkEditable     *zh = g_object_get_data (G_OBJECT (dialog), "title-zh");
  GtkEditable     *en = g_object_get_data (G_OBJECT (dialog), "title-en");
  g_autofree char *a = g_strstrip (g_strdup (gtk_editable_get_text (zh)));
  g_autofree char *b = g_strstrip (g_strdup (gtk_editable_get_text (en)));

  adw_message_dialog_set_response_enabled (dialog, "add", *a != '\0' || *b != '\0');
}

static void
on_add_track_response (AdwMessageDialog *dialog, const char *response, LiaisonProgrammePage *self)
{
  GtkEditable *zh = g_object_get_data (G_OBJECT (dialog), "title-zh");
  GtkEditable *en = g_object_get_data (G_OBJECT (dialog), "title-en");
  g_autoptr (GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "add") != 0 || self->context == NULL)
    return;
  id = liaison_store_add_track (liaison_context_get_store (self->context), gtk_editable_get_text (zh),
                                gtk_editable_get_text (en), LIAISON_ORIGIN_LOCAL, &error);
  if (id == NULL)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      return;
    }
  /* Translators: %s is the identifier events take, “biodiversity-youth” */
  message = g_strdup_printf (_ ("Track added (%s)"), id);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

static GtkWidget *
entry_row (const char *title, GtkWidget *list)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static void
add_track_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonProgrammePage *self = LIAISON_PROGRAMME_PAGE (widget);
  GtkWidget            *dialog, *list, *zh, *en;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _ ("Add a Track"),
                                   _ ("A track of the Green Envoys Programme, such as a youth leadership programme. "
                                      "Give its title in Chinese, English or both."));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Titles of the track"), -1);
  zh = entry_row (_ ("Title in Chinese"), list);
  en = entry_row (_ ("Title in English"), list);
  gtk_widget_set_name (zh, "title-zh");
  gtk_widget_set_name (en, "title-en");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "add", _ ("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "title-zh", zh);
  g_object_set_data (G_OBJECT (dialog), "title-en", en);
  g_signal_connect_swapped (zh, "changed", G_CALLBACK (update_add_response), dialog);
  g_signal_connect_swapped (en, "changed", G_CALLBACK (update_add_response), dialog);
  update_add_response (ADW_MESSAGE_DIALOG (dialog));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_track_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------ */

static void
liaison_programme_page_constructed (GObject *object)
{
  LiaisonProgrammePage *self = (LiaisonProgrammePage *) object;

  G_OBJECT_CLASS (liaison_programme_page_parent_class)->constructed (object);

  if (self->context == NULL)
    return;
  self->watch = liaison_change_watch_new (liaison_context_get_store (self->context), 300);
  g_signal_connect_object (self->watch, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
}

static void
liaison_programme_page_dispose (GObject *object)
{
  LiaisonProgrammePage *self = (LiaisonProgrammePage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->watch);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_PROGRAMME_PAGE);
  g_clear_pointer (&self->tracks, g_ptr_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_programme_page_parent_class)->dispose (object);
}

static void
liaison_programme_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonProgrammePage *self = (LiaisonProgrammePage *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_programme_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonProgrammePage *self = (LiaisonProgrammePage *) object;

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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_programme_page_class_init (LiaisonProgrammePageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_programme_page_constructed;
  object_class->dispose = liaison_programme_page_dispose;
  object_class->get_property = liaison_programme_page_get_property;
  object_class->set_property = liaison_programme_page_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LIAISON_TYPE_BAR_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-programme-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonProgrammePage, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonProgrammePage, error_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonProgrammePage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonProgrammePage, figures_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonProgrammePage, cohorts_chart);
  gtk_widget_class_bind_template_child (widget_class, LiaisonProgrammePage, cohorts_table);
  gtk_widget_class_bind_template_child (widget_class, LiaisonProgrammePage, returning_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonProgrammePage, countries_chart);
  gtk_widget_class_bind_template_child (widget_class, LiaisonProgrammePage, sectors_chart);
  gtk_widget_class_bind_template_child (widget_class, LiaisonProgrammePage, tracks_list);
  gtk_widget_class_bind_template_callback (widget_class, on_alumnus_activated);

  gtk_widget_class_install_action (widget_class, "programme.add-track", NULL, add_track_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "programme.add-track", NULL);
}

static void
liaison_programme_page_init (LiaisonProgrammePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

GtkWidget *
liaison_programme_page_new (LiaisonContext *context)
{
  return g_object_new (LIAISON_TYPE_PROGRAMME_PAGE, "context", context, NULL);
}
