/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-translation-list.h"
#include "liaison-translation-page.h"

/* The translator's desk: every bilingual text that needs work (missing,
 * draft, translated but not reviewed, stale), the source beside the
 * translation, and a keyboard flow through them. */

struct _LiaisonTranslationPage
{
  AdwBin parent_instance;

  LiaisonContext         *context;
  gboolean                folded;
  LiaisonTranslationList *list;
  GtkSingleSelection     *selection;
  char                   *shown_key;
  LiaisonLanguage         shown_language;

  AdwWindowTitle *window_title;
  GtkDropDown    *state_filter;
  GtkDropDown    *language_filter;
  GtkDropDown    *content_filter;
  GtkLabel       *counts_label;
  GtkStack       *content_stack;
  AdwStatusPage  *done_page;
  GtkListView    *list_view;
  GtkLabel       *owner_label;
  GtkLabel       *state_label;
  GtkLabel       *source_heading;
  GtkLabel       *source_text;
  GtkLabel       *target_heading;
  GtkTextView    *target_view;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (LiaisonTranslationPage, liaison_translation_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The state filter's choices, in menu order. */
static const guint state_choices[] = {
  LIAISON_TRANSLATION_NEEDS_WORK,
  LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_MISSING),
  LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_STALE),
  LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_DRAFT),
  LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_TRANSLATED),
  LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_REVIEWED),
  LIAISON_TRANSLATION_ANY_STATE,
};

static const char *
field_label (const char *field)
{
  if (g_strcmp0 (field, "title") == 0)
    return C_ ("field", "Title");
  if (g_strcmp0 (field, "theme") == 0)
    return C_ ("field", "Theme");
  if (g_strcmp0 (field, "description") == 0)
    return C_ ("field", "Description");
  if (g_strcmp0 (field, "city") == 0)
    return C_ ("field", "City");
  if (g_strcmp0 (field, "organisation") == 0)
    return C_ ("field", "Organisation");
  if (g_strcmp0 (field, "position") == 0)
    return C_ ("field", "Position");
  return field;
}

static const char *
language_name (LiaisonLanguage language)
{
  return language == LIAISON_LANGUAGE_ZH ? C_ ("language", "Chinese") : C_ ("language", "English");
}

static char *
describe (LiaisonTranslationItem *item)
{
  /* Translators: a text to translate, “Title · Chinese → English · Stale” */
  return g_strdup_printf (_ ("%1$s · %2$s → %3$s · %4$s"), field_label (liaison_translation_item_get_field (item)),
                          language_name (liaison_translation_item_get_source_language (item)),
                          language_name (liaison_translation_item_get_language (item)),
                          liaison_translation_state_label (liaison_translation_item_get_state (item)));
}

static LiaisonTranslationItem *
selected_item (LiaisonTranslationPage *self)
{
  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

static void
update_counts (LiaisonTranslationPage *self)
{
  LiaisonTranslationCounts counts = { { { 0 } } };
  guint                    kinds = gtk_drop_down_get_selected (self->content_filter) == 1 ? LIAISON_CONTENT_ALL : LIAISON_CONTENT_DEFAULT;
  guint                    missing = 0, drafts = 0, stale = 0, review = 0;
  g_autofree char         *text = NULL;

  if (!liaison_store_count_translations (liaison_context_get_store (self->context), kinds, &counts, NULL))
    return;
  for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
    {
      missing += counts.n[l][LIAISON_TRANSLATION_MISSING];
      drafts += counts.n[l][LIAISON_TRANSLATION_DRAFT];
      stale += counts.n[l][LIAISON_TRANSLATION_STALE];
      review += counts.n[l][LIAISON_TRANSLATION_TRANSLATED];
    }
  /* Translators: counts of the texts that need work, in the words of the
   * state filter (Missing, Draft, Stale, Translated = to review) */
  text = g_strdup_printf (_ ("Missing: %1$u · drafts: %2$u · stale: %3$u · to review: %4$u"), missing, drafts, stale,
                          review);
  gtk_label_set_label (self->counts_label, text);
}

static void
show_item (LiaisonTranslationPage *self)
{
  LiaisonTranslationItem *item = selected_item (self);
  LiaisonLanguage         lang = liaison_language_for_locale ();
  g_autofree char        *state = NULL;
  g_autofree char        *source = NULL;
  g_autofree char        *target = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_stack_set_visible_child_name (
      self->content_stack,
      self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0 ? "work" : "done");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "translation.save", item != NULL);
  if (item == NULL)
    {
      g_clear_pointer (&self->shown_key, g_free);
      return;
    }

  g_free (self->shown_key);
  self->shown_key = g_strdup (liaison_translation_item_get_key (item));
  self->shown_language = liaison_translation_item_get_language (item);

  gtk_label_set_label (self->owner_label, liaison_translation_item_get_owner (item, lang));
  state = describe (item);
  gtk_label_set_label (self->state_label, state);
  /* Translators: the heading over the text to translate, “Chinese (source)” */
  source = g_strdup_printf (_ ("%s (source)"), language_name (liaison_translation_item_get_source_language (item)));
  gtk_label_set_label (self->source_heading, source);
  gtk_label_set_label (self->source_text, liaison_translation_item_get_source_text (item));
  /* Translators: the heading over the translation being written, “English (translation)”; its
   * mnemonic (Alt+T) moves to the text box */
  target = g_strdup_printf (_ ("%s (_translation)"), language_name (liaison_translation_item_get_language (item)));
  gtk_label_set_text_with_mnemonic (self->target_heading, target);
  gtk_text_buffer_set_text (
      gtk_text_view_get_buffer (self->target_view),
      liaison_translation_item_get_text (item) != NULL ? liaison_translation_item_get_text (item) : "", -1);
}

static void
on_selection_changed (LiaisonTranslationPage *self)
{
  show_item (self);
}

/* After the list reloads (a save, a sync), stay on the same text if it is
 * still listed, else on the one that took its place. */
static void
on_items_changed (LiaisonTranslationPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  guint position = gtk_single_selection_get_selected (self->selection);

  if (self->shown_key != NULL)
    {
      guint found = liaison_translation_list_find (self->list, self->shown_key, self->shown_language);

      if (found != GTK_INVALID_LIST_POSITION)
        position = found;
    }
  if (n > 0 && (position == GTK_INVALID_LIST_POSITION || position >= n))
    position = MIN (position == GTK_INVALID_LIST_POSITION ? 0 : position, n - 1);
  if (n > 0)
    gtk_single_selection_set_selected (self->selection, position);
  show_item (self);
  update_counts (self);
}

/* What an empty list means, in the terms of the state filter chosen: the
 * counts above may still show texts in other states. */
static void
describe_empty (LiaisonTranslationPage *self,
                guint                   states)
{
  g_autofree char *text = NULL;

  if (states == LIAISON_TRANSLATION_NEEDS_WORK)
    text = g_strdup (_ ("Every text these filters cover is translated and reviewed. Choose other filters, or export the texts with “liaison translations export” for Poedit."));
  else if (states == LIAISON_TRANSLATION_ANY_STATE)
    text = g_strdup (_ ("No text of this kind or language yet. Choose other filters."));
  else
    for (LiaisonTranslationState s = 0; s < LIAISON_N_TRANSLATION_STATES; s++)
      if (states == LIAISON_TRANSLATION_STATE_MASK (s))
        /* Translators: %s is a translation state, “Missing” or “Draft” */
        text = g_strdup_printf (_ ("No text these filters cover is in the state “%s”. The counts above include every state: choose another state to see those texts."),
                                liaison_translation_state_label (s));
  if (text != NULL)
    adw_status_page_set_description (self->done_page, text);
}

static void
apply_filter (LiaisonTranslationPage *self)
{
  LiaisonTranslationFilter filter = LIAISON_TRANSLATION_FILTER_INIT;
  guint                    state = gtk_drop_down_get_selected (self->state_filter);
  guint                    language = gtk_drop_down_get_selected (self->language_filter);
  g_autoptr (GError) error = NULL;

  if (self->list == NULL)
    return;
  filter.states = state < G_N_ELEMENTS (state_choices) ? state_choices[state] : 0;
  filter.language = language == 1 ? LIAISON_LANGUAGE_ZH : language == 2 ? LIAISON_LANGUAGE_EN
                                                                        : -1;
  filter.kinds = gtk_drop_down_get_selected (self->content_filter) == 1 ? LIAISON_CONTENT_ALL : LIAISON_CONTENT_DEFAULT;
  if (!liaison_translation_list_set_filter (self->list, &filter, &error))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
  describe_empty (self, filter.states);
}

static void
move (LiaisonTranslationPage *self, int delta)
{
  guint n = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  guint position = gtk_single_selection_get_selected (self->selection);

  if (n == 0)
    return;
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  else if (delta < 0 && position > 0)
    position--;
  else if (delta > 0 && position + 1 < n)
    position++;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  gtk_widget_grab_focus (GTK_WIDGET (self->target_view));
}

static void
previous_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  move (LIAISON_TRANSLATION_PAGE (widget), -1);
}

static void
next_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  move (LIAISON_TRANSLATION_PAGE (widget), 1);
}

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonTranslationPage *self = LIAISON_TRANSLATION_PAGE (widget);
  LiaisonTranslationItem *item = selected_item (self);
  GtkTextBuffer          *buffer = gtk_text_view_get_buffer (self->target_view);
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GtkTextIter      start, end;
  int              state;

  if (item == NULL ||
      !liaison_enum_from_nick (LIAISON_TYPE_TRANSLATION_STATE, g_variant_get_string (parameter, NULL), &state))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_strstrip (text);
  if (*text == '\0')
    {
      gtk_label_set_label (self->error_label, _ ("Write the translation first; an empty text stays missing."));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  if (!liaison_store_set_translation (
          liaison_context_get_store (self->context), liaison_translation_item_get_entity (item),
          liaison_translation_item_get_entity_id (item), liaison_translation_item_get_field (item),
          liaison_translation_item_get_language (item), text, state, LIAISON_ORIGIN_LOCAL, &error))
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  /* A draft stays on screen; a finished text makes way for the next one. */
  if (state != LIAISON_TRANSLATION_DRAFT)
    {
      guint position = gtk_single_selection_get_selected (self->selection);

      liaison_translation_list_reload (self->list, NULL);
      if (liaison_translation_list_find (self->list, self->shown_key, self->shown_language) !=
          GTK_INVALID_LIST_POSITION)
        move (self, 1);
      else if (position != GTK_INVALID_LIST_POSITION && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
        {
          gtk_single_selection_set_selected (self->selection,
                                             MIN (position, g_list_model_get_n_items (G_LIST_MODEL (self->list)) - 1));
          show_item (self);
        }
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->target_view));
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *details = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (details, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  LiaisonTranslationItem *item = gtk_list_item_get_item (list_item);
  GtkWidget              *title = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  g_autofree char        *details = describe (item);

  gtk_label_set_label (GTK_LABEL (title), liaison_translation_item_get_owner (item, liaison_language_for_locale ()));
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (title)), details);
}

static void
fill_filters (LiaisonTranslationPage *self)
{
  g_autoptr (GtkStringList) states = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) languages = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) contents = gtk_string_list_new (NULL);

  gtk_string_list_append (states, _ ("Needs Work"));
  gtk_string_list_append (states, liaison_translation_state_label (LIAISON_TRANSLATION_MISSING));
  gtk_string_list_append (states, liaison_translation_state_label (LIAISON_TRANSLATION_STALE));
  gtk_string_list_append (states, liaison_translation_state_label (LIAISON_TRANSLATION_DRAFT));
  gtk_string_list_append (states, liaison_translation_state_label (LIAISON_TRANSLATION_TRANSLATED));
  gtk_string_list_append (states, liaison_translation_state_label (LIAISON_TRANSLATION_REVIEWED));
  gtk_string_list_append (states, _ ("All States"));
  gtk_string_list_append (languages, _ ("Both Languages"));
  gtk_string_list_append (languages, _ ("Into Chinese"));
  gtk_string_list_append (languages, _ ("Into English"));
  gtk_string_list_append (contents, _ ("Events, Plan and Programme"));
  gtk_string_list_append (contents, _ ("Also People’s Organisations"));
  gtk_drop_down_set_model (self->state_filter, G_LIST_MODEL (states));
  gtk_drop_down_set_model (self->language_filter, G_LIST_MODEL (languages));
  gtk_drop_down_set_model (self->content_filter, G_LIST_MODEL (contents));
  g_signal_connect_object (self->state_filter, "notify::selected", G_CALLBACK (apply_filter), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->language_filter, "notify::selected", G_CALLBACK (apply_filter), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->content_filter, "notify::selected", G_CALLBACK (apply_filter), self,
                           G_CONNECT_SWAPPED);
}

/* The texts are read (on this thread, and again after every change) from
 * the first time the view is shown: not while the window opens. */
static void
ensure_list (LiaisonTranslationPage *self)
{
  if (self->list != NULL)
    return;
  self->list = liaison_translation_list_new (liaison_context_get_store (self->context));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list, "items-changed", G_CALLBACK (on_items_changed), self, G_CONNECT_SWAPPED);
  apply_filter (self);
  on_items_changed (self);
}

static void
liaison_translation_page_map (GtkWidget *widget)
{
  ensure_list (LIAISON_TRANSLATION_PAGE (widget));
  GTK_WIDGET_CLASS (liaison_translation_page_parent_class)->map (widget);
}

static void
liaison_translation_page_constructed (GObject *object)
{
  LiaisonTranslationPage *self = (LiaisonTranslationPage *) object;
  GtkListItemFactory     *factory = gtk_signal_list_item_factory_new ();

  G_OBJECT_CLASS (liaison_translation_page_parent_class)->constructed (object);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  fill_filters (self);
  show_item (self);
}

static void
liaison_translation_page_dispose (GObject *object)
{
  LiaisonTranslationPage *self = (LiaisonTranslationPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_TRANSLATION_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_pointer (&self->shown_key, g_free);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_translation_page_parent_class)->dispose (object);
}

static void
liaison_translation_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonTranslationPage *self = (LiaisonTranslationPage *) object;

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
liaison_translation_page_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonTranslationPage *self = (LiaisonTranslationPage *) object;

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
liaison_translation_page_class_init (LiaisonTranslationPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_translation_page_constructed;
  object_class->dispose = liaison_translation_page_dispose;
  object_class->get_property = liaison_translation_page_get_property;
  object_class->set_property = liaison_translation_page_set_property;
  widget_class->map = liaison_translation_page_map;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chinaaseanenv/Liaison/ui/liaison-translation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonTranslationPage, window_title);
  gtk_widget_class_bind_template_child (widget_class, LiaisonTranslationPage, state_filter);
  gtk_widget_class_bind_template_child (widget_class, LiaisonTranslationPage, language_filter);
  gtk_widget_class_bind_template_child (widget_class, LiaisonTranslationPage, content_filter);
  gtk_widget_class_bind_template_child (widget_class, LiaisonTranslationPage, counts_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonTranslationPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonTranslationPage, done_page);
  gtk_widget_class_bind_template_child (widget_class, LiaisonTranslationPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonTranslationPage, owner_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonTranslationPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonTranslationPage, source_heading);
  gtk_widget_class_bind_template_child (widget_class, LiaisonTranslationPage, source_text);
  gtk_widget_class_bind_template_child (widget_class, LiaisonTranslationPage, target_heading);
  gtk_widget_class_bind_template_child (widget_class, LiaisonTranslationPage, target_view);
  gtk_widget_class_bind_template_child (widget_class, LiaisonTranslationPage, error_label);

  gtk_widget_class_install_action (widget_class, "translation.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "translation.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "translation.save", "s", save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "translation.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "translation.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "translation.save", "s", "draft");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "translation.save", "s",
                                       "translated");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "translation.save", "s", "reviewed");
}

static void
liaison_translation_page_init (LiaisonTranslationPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
liaison_translation_page_new (LiaisonContext *context)
{
  return g_object_new (LIAISON_TYPE_TRANSLATION_PAGE, "context", context, NULL);
}
