/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "liaison-duplicates-merge.h"
#include "liaison-gui-format.h"
#include "liaison-store-merge.h"

/* Two or more records of one person side by side: a column each, a row per
 * field the merge chooses (liaison_store_merge_fields) with a choice of
 * whose value to keep, the result as the store would write it
 * (liaison_store_merge_preview) and the registrations that move. */
struct _LiaisonDuplicatesMerge
{
  AdwWindow parent_instance;

  LiaisonContext *context;
  GStrv           ids;
  char           *survivor_id;
  GPtrArray      *people;  /* LiaisonParticipant, in the order of ids */
  GHashTable     *choices; /* field → id, what was chosen here */
  GHashTable     *buttons; /* "field/column" → GtkCheckButton */
  GPtrArray      *survivor_buttons;
  GHashTable     *previews; /* field → GtkLabel */
  GPtrArray      *move_rows;
  LiaisonLanguage language;
  gboolean        syncing;

  GtkLabel            *error_label;
  GtkGrid             *grid;
  AdwPreferencesGroup *moves_group;
};

G_DEFINE_FINAL_TYPE (LiaisonDuplicatesMerge, liaison_duplicates_merge, ADW_TYPE_WINDOW)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_IDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  MERGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
join_list (const char *const *items)
{
  /* Translators: between the items of a list, such as languages */
  return items != NULL && items[0] != NULL ? g_strjoinv (C_ ("list separator", ", "), (char **) items) : NULL;
}

static char *
bilingual_value (LiaisonBilingual *text)
{
  const char *zh = liaison_bilingual_get_text (text, LIAISON_LANGUAGE_ZH);
  const char *en = liaison_bilingual_get_text (text, LIAISON_LANGUAGE_EN);

  if (zh != NULL && *zh != '\0' && en != NULL && *en != '\0')
    return g_strdup_printf ("%s\n%s", zh, en);
  if (zh != NULL && *zh != '\0')
    return g_strdup (zh);
  return en != NULL && *en != '\0' ? g_strdup (en) : NULL;
}

static char *
consent_value (LiaisonParticipant *p)
{
  const char *date = liaison_participant_get_consent_date (p);
  int         year, month, day;

  if (!liaison_participant_get_consent (p))
    return g_strdup (_ ("Not given"));
  if (date != NULL && sscanf (date, "%d-%d-%d", &year, &month, &day) == 3)
    {
      g_autoptr (GDateTime) when = g_date_time_new_utc (year, month, day, 0, 0, 0);

      if (when != NULL)
        {
          g_autofree char *formatted = liaison_gui_format_date (when);
          /* Translators: %s is a date */
          return g_strdup_printf (_ ("Given on %s"), formatted);
        }
    }
  return g_strdup (_ ("Given; the date was not recorded"));
}

/* A field of a person as one text (NULL for none), to compare and show. */
static char *
field_value (LiaisonDuplicatesMerge *self, LiaisonParticipant *p, const char *field)
{
  if (g_str_equal (field, "native-name"))
    return liaison_participant_dup_native_name (p);
  if (g_str_equal (field, "latin-name"))
    return liaison_participant_dup_latin_name (p);
  if (g_str_equal (field, "honorific"))
    return g_strdup (liaison_participant_get_honorific (p));
  if (g_str_equal (field, "gender"))
    return liaison_participant_get_gender (p) != LIAISON_GENDER_UNSPECIFIED
               ? g_strdup (liaison_gender_label (liaison_participant_get_gender (p)))
               : NULL;
  if (g_str_equal (field, "organisation"))
    return bilingual_value (liaison_participant_get_organisation (p));
  if (g_str_equal (field, "position"))
    return bilingual_value (liaison_participant_get_position (p));
  if (g_str_equal (field, "sector"))
    return g_strdup (liaison_sector_label (liaison_participant_get_sector (p)));
  if (g_str_equal (field, "country"))
    {
      const char           *code = liaison_participant_get_country (p);
      const LiaisonCountry *country = liaison_country_lookup (code);

      return g_strdup (country != NULL ? liaison_country_get_name (country, self->language) : code);
    }
  if (g_str_equal (field, "emails"))
    return join_list (liaison_participant_get_emails (p));
  if (g_str_equal (field, "phones"))
    return join_list (liaison_participant_get_phones (p));
  if (g_str_equal (field, "languages"))
    return join_list (liaison_participant_get_languages (p));
  if (g_str_equal (field, "consent"))
    return consent_value (p);
  return NULL;
}

static char *
display_name (LiaisonParticipant *p)
{
  return liaison_participant_dup_display_name (p);
}

static GtkWidget *
button_for (LiaisonDuplicatesMerge *self, const char *field, guint column)
{
  g_autofree char *key = g_strdup_printf ("%s/%u", field, column);

  return g_hash_table_lookup (self->buttons, key);
}

static GStrv
other_ids (LiaisonDuplicatesMerge *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; self->ids[i] != NULL; i++)
    if (g_strcmp0 (self->ids[i], self->survivor_id) != 0)
      g_strv_builder_add (builder, self->ids[i]);
  return g_strv_builder_end (builder);
}

static guint
survivor_column (LiaisonDuplicatesMerge *self)
{
  for (guint i = 0; self->ids[i] != NULL; i++)
    if (g_strcmp0 (self->ids[i], self->survivor_id) == 0)
      return i;
  return 0;
}

static void
show_error (LiaisonDuplicatesMerge *self, const char *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The registrations of the records that go, as they will move. */
static void
fill_moves (LiaisonDuplicatesMerge *self)
{
  LiaisonStore *store = liaison_context_get_store (self->context);
  g_autoptr (GPtrArray) kept = liaison_store_list_history (store, self->survivor_id, NULL);
  g_autoptr (GHashTable) kept_events = g_hash_table_new (g_str_hash, g_str_equal);
  LiaisonParticipant *survivor = g_ptr_array_index (self->people, survivor_column (self));
  g_autofree char    *survivor_name = display_name (survivor);
  g_autofree char    *description = NULL;
  guint               n = 0;

  for (guint i = 0; i < self->move_rows->len; i++)
    adw_preferences_group_remove (self->moves_group, g_ptr_array_index (self->move_rows, i));
  g_ptr_array_set_size (self->move_rows, 0);

  for (guint i = 0; kept != NULL && i < kept->len; i++)
    g_hash_table_add (kept_events, ((LiaisonHistoryEntry *) g_ptr_array_index (kept, i))->event_id);

  for (guint c = 0; self->ids[c] != NULL; c++)
    {
      g_autoptr (GPtrArray) history = NULL;
      g_autofree char *from = NULL;

      if (c == survivor_column (self))
        continue;
      history = liaison_store_list_history (store, self->ids[c], NULL);
      from = display_name (g_ptr_array_index (self->people, c));
      for (guint i = 0; history != NULL && i < history->len; i++)
        {
          LiaisonHistoryEntry *entry = g_ptr_array_index (history, i);
          const char          *title = self->language == LIAISON_LANGUAGE_ZH && entry->title_zh != NULL ? entry->title_zh : entry->title_en;
          GtkWidget           *row = adw_action_row_new ();
          g_autofree char     *subtitle = NULL;

          if (title == NULL)
            title = entry->title_zh;
          if (g_hash_table_contains (kept_events, entry->event_id))
            /* Translators: %s is a person's name; the registration is a duplicate of one the survivor has */
            subtitle = g_strdup_printf (_ ("From %s; already registered for this event, so this registration is removed "
                                           "(it comes back if the merge is undone)"),
                                        from);
          else
            /* Translators: 1: a person's name, 2: a year, 3: a role, 4: a registration status */
            subtitle = g_strdup_printf (_ ("From %1$s · %2$d · %3$s · %4$s"), from, entry->year,
                                        liaison_role_label (entry->role), liaison_registration_status_label (entry->status));
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title != NULL ? title : "");
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_preferences_group_add (self->moves_group, row);
          g_ptr_array_add (self->move_rows, row);
          n++;
        }
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("None: the other records are not registered for any event"));
      adw_preferences_group_add (self->moves_group, row);
      g_ptr_array_add (self->move_rows, row);
    }
  /* Translators: %s is a person's name */
  description = g_strdup_printf (ngettext ("%u registration moves to %s", "%u registrations move to %s", n), n,
                                 survivor_name);
  adw_preferences_group_set_description (self->moves_group, description);
}

/* The result, and the choices set to what makes it: a field whose value
 * is the union of all (e-mails) has none chosen until one is. */
static void
update_preview (LiaisonDuplicatesMerge *self)
{
  LiaisonStore *store = liaison_context_get_store (self->context);
  g_auto (GStrv) others = other_ids (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonParticipant) preview =
      liaison_store_merge_preview (store, self->survivor_id, (const char *const *) others, self->choices, &error);
  const char *const *fields = liaison_store_merge_fields ();
  guint              survivor = survivor_column (self);

  show_error (self, error != NULL ? error->message : NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.merge", preview != NULL);

  self->syncing = TRUE;
  for (guint i = 0; i < self->survivor_buttons->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->survivor_buttons, i), i == survivor);
  for (guint f = 0; fields[f] != NULL; f++)
    {
      g_autofree char *result = preview != NULL ? field_value (self, preview, fields[f]) : NULL;
      const char      *chosen = g_hash_table_lookup (self->choices, fields[f]);
      GtkLabel        *label = g_hash_table_lookup (self->previews, fields[f]);
      gint             active = -1;

      gtk_label_set_label (label, result != NULL ? result : "—");
      for (guint c = 0; self->ids[c] != NULL && active < 0; c++)
        if (chosen != NULL && g_str_equal (chosen, self->ids[c]))
          active = c;
      /* The record that stays first, then the others in their order. */
      for (guint k = 0; self->ids[k] != NULL && active < 0 && preview != NULL; k++)
        {
          guint            c = k == 0 ? survivor : (k <= survivor ? k - 1 : k);
          g_autofree char *value = field_value (self, g_ptr_array_index (self->people, c), fields[f]);

          if (g_strcmp0 (value, result) == 0)
            active = c;
        }
      for (guint c = 0; self->ids[c] != NULL; c++)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (button_for (self, fields[f], c)), (gint) c == active);
    }
  self->syncing = FALSE;
}

static void
on_choice_toggled (GtkCheckButton *button, LiaisonDuplicatesMerge *self)
{
  const char *field = g_object_get_data (G_OBJECT (button), "field");
  guint       column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "column"));

  if (self->syncing || !gtk_check_button_get_active (button))
    return;
  g_hash_table_insert (self->choices, g_strdup (field), g_strdup (self->ids[column]));
  update_preview (self);
}

static void
on_survivor_toggled (GtkCheckButton *button, LiaisonDuplicatesMerge *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "column"));

  if (self->syncing || !gtk_check_button_get_active (button))
    return;
  g_free (self->survivor_id);
  self->survivor_id = g_strdup (self->ids[column]);
  fill_moves (self);
  update_preview (self);
}

static GtkWidget *
grid_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
build_grid (LiaisonDuplicatesMerge *self)
{
  const char *const *fields = liaison_store_merge_fields ();
  guint              n = self->people->len;
  GtkWidget         *label;

  gtk_grid_attach (self->grid, grid_label (NULL, NULL), 0, 0, 1, 1);
  for (guint c = 0; c < n; c++)
    {
      LiaisonParticipant *p = g_ptr_array_index (self->people, c);
      g_autofree char    *name = display_name (p);
      g_autofree char    *keep_name = NULL;
      g_autofree char    *button_name = g_strdup_printf ("survivor-%u", c);
      GtkWidget          *keep = gtk_check_button_new_with_mnemonic (_ ("_Keep this record"));

      gtk_grid_attach (self->grid, grid_label (name, "heading"), c + 1, 0, 1, 1);
      gtk_widget_set_name (keep, button_name);
      /* Translators: %s is a person's name */
      keep_name = g_strdup_printf (_ ("Keep the record of %s"), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (keep), GTK_ACCESSIBLE_PROPERTY_LABEL, keep_name, -1);
      if (c > 0)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (keep), g_ptr_array_index (self->survivor_buttons, 0));
      g_object_set_data (G_OBJECT (keep), "column", GUINT_TO_POINTER (c));
      g_signal_connect (keep, "toggled", G_CALLBACK (on_survivor_toggled), self);
      gtk_grid_attach (self->grid, keep, c + 1, 1, 1, 1);
      g_ptr_array_add (self->survivor_buttons, keep);
    }
  gtk_grid_attach (self->grid, grid_label (_ ("After the merge"), "heading"), n + 1, 0, 1, 1);
  label = grid_label (_ ("Record that stays"), "dim-label");
  gtk_grid_attach (self->grid, label, 0, 1, 1, 1);

  for (guint f = 0; fields[f] != NULL; f++)
    {
      const char *field_label = liaison_store_merge_field_label (fields[f]);
      GtkWidget  *first = NULL;
      GtkWidget  *result;

      gtk_grid_attach (self->grid, grid_label (field_label, "dim-label"), 0, f + 2, 1, 1);
      for (guint c = 0; c < n; c++)
        {
          LiaisonParticipant *p = g_ptr_array_index (self->people, c);
          g_autofree char    *value = field_value (self, p, fields[f]);
          g_autofree char    *name = display_name (p);
          g_autofree char    *accessible = NULL;
          g_autofree char    *button_name = g_strdup_printf ("choice-%s-%u", fields[f], c);
          GtkWidget          *button = gtk_check_button_new ();
          GtkWidget          *text = grid_label (value != NULL ? value : "—", NULL);

          gtk_check_button_set_child (GTK_CHECK_BUTTON (button), text);
          gtk_widget_set_valign (button, GTK_ALIGN_START);
          gtk_widget_set_name (button, button_name);
          /* Translators: 1: a field (Organisation), 2: a person's name, 3: the field's value */
          accessible = g_strdup_printf (_ ("%1$s of %2$s: %3$s"), field_label, name, value != NULL ? value : _ ("none"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
          if (first != NULL)
            gtk_check_button_set_group (GTK_CHECK_BUTTON (button), GTK_CHECK_BUTTON (first));
          else
            first = button;
          g_object_set_data_full (G_OBJECT (button), "field", g_strdup (fields[f]), g_free);
          g_object_set_data (G_OBJECT (button), "column", GUINT_TO_POINTER (c));
          g_signal_connect (button, "toggled", G_CALLBACK (on_choice_toggled), self);
          gtk_grid_attach (self->grid, button, c + 1, f + 2, 1, 1);
          g_hash_table_insert (self->buttons, g_strdup_printf ("%s/%u", fields[f], c), button);
        }
      result = grid_label (NULL, "heading");
      gtk_widget_set_name (result, fields[f]);
      gtk_label_set_selectable (GTK_LABEL (result), TRUE);
      gtk_grid_attach (self->grid, result, n + 1, f + 2, 1, 1);
      g_hash_table_insert (self->previews, (gpointer) fields[f], result);
    }
}

/* The window the toasts are shown in: the main one, at the end of the
 * transient-for chain (this dialog may sit on the list of duplicates). */
static GtkWidget *
toast_window (LiaisonDuplicatesMerge *self)
{
  GtkWindow *window = GTK_WINDOW (self);

  while (gtk_window_get_transient_for (window) != NULL)
    window = gtk_window_get_transient_for (window);
  return window != GTK_WINDOW (self) ? GTK_WIDGET (window) : NULL;
}

static void
merge_action (GtkWidget *widget, const char *action_name, GVariant *parameter)
{
  LiaisonDuplicatesMerge *self = LIAISON_DUPLICATES_MERGE (widget);
  LiaisonStore           *store = liaison_context_get_store (self->context);
  g_auto (GStrv) others = other_ids (self);
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *merge_id = NULL;
  g_autofree char *survivor_name = NULL;
  g_autofree char *others_names = NULL;
  g_autofree char *message = NULL;
  g_auto (GStrv) name_list = NULL;
  GtkWidget *main_window = toast_window (self);
  gint64     mark;

  mark = liaison_store_get_last_seq (store);
  merge_id = liaison_store_merge_participants (store, self->survivor_id, (const char *const *) others, self->choices, &error);
  if (merge_id == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint c = 0; self->ids[c] != NULL; c++)
    {
      g_autofree char *name = display_name (g_ptr_array_index (self->people, c));

      if (c == survivor_column (self))
        survivor_name = g_steal_pointer (&name);
      else
        g_strv_builder_add (names, name);
    }
  name_list = g_strv_builder_end (names);
  others_names = join_list ((const char *const *) name_list);
  /* Translators: 1: the names of the records merged away, 2: the name of the record that stays */
  message = g_strdup_printf (_ ("Merged %1$s into %2$s"), others_names, survivor_name);
  if (main_window != NULL)
    gtk_widget_activate_action (main_window, "win.show-undo-toast", "(sx)", message, mark);
  g_signal_emit (self, signals[MERGED], 0, merge_id, self->survivor_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
liaison_duplicates_merge_constructed (GObject *object)
{
  LiaisonDuplicatesMerge *self = (LiaisonDuplicatesMerge *) object;
  LiaisonStore           *store = liaison_context_get_store (self->context);

  G_OBJECT_CLASS (liaison_duplicates_merge_parent_class)->constructed (object);

  for (guint i = 0; self->ids != NULL && self->ids[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      LiaisonParticipant *p = liaison_store_get_participant (store, self->ids[i], &error);

      if (p == NULL)
        {
          show_error (self, error->message);
          gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.merge", FALSE);
          return;
        }
      g_ptr_array_add (self->people, p);
    }
  if (self->people->len < 2)
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.merge", FALSE);
      return;
    }
  self->survivor_id = g_strdup (self->ids[0]);
  build_grid (self);
  fill_moves (self);
  update_preview (self);
}

static void
liaison_duplicates_merge_dispose (GObject *object)
{
  LiaisonDuplicatesMerge *self = (LiaisonDuplicatesMerge *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_DUPLICATES_MERGE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_duplicates_merge_parent_class)->dispose (object);
}

static void
liaison_duplicates_merge_finalize (GObject *object)
{
  LiaisonDuplicatesMerge *self = (LiaisonDuplicatesMerge *) object;

  g_clear_pointer (&self->ids, g_strfreev);
  g_clear_pointer (&self->survivor_id, g_free);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->choices, g_hash_table_unref);
  g_clear_pointer (&self->buttons, g_hash_table_unref);
  g_clear_pointer (&self->survivor_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->previews, g_hash_table_unref);
  g_clear_pointer (&self->move_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (liaison_duplicates_merge_parent_class)->finalize (object);
}

static void
liaison_duplicates_merge_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonDuplicatesMerge *self = (LiaisonDuplicatesMerge *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_IDS:
      g_value_set_boxed (value, self->ids);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_duplicates_merge_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonDuplicatesMerge *self = (LiaisonDuplicatesMerge *) object;

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_IDS:
      self->ids = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_duplicates_merge_class_init (LiaisonDuplicatesMergeClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_duplicates_merge_constructed;
  object_class->dispose = liaison_duplicates_merge_dispose;
  object_class->finalize = liaison_duplicates_merge_finalize;
  object_class->get_property = liaison_duplicates_merge_get_property;
  object_class->set_property = liaison_duplicates_merge_set_property;

  properties[PROP_CONTEXT] = g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The records, full ids; the first stays unless another is chosen. */
  properties[PROP_IDS] = g_param_spec_boxed ("ids", NULL, NULL, G_TYPE_STRV,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After the merge was written: the merge's id and the record that stayed. */
  signals[MERGED] = g_signal_new ("merged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-duplicates-merge.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonDuplicatesMerge, error_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDuplicatesMerge, grid);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDuplicatesMerge, moves_group);

  gtk_widget_class_install_action (widget_class, "merge.merge", NULL, merge_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "merge.merge", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
liaison_duplicates_merge_init (LiaisonDuplicatesMerge *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->language = liaison_language_for_locale ();
  self->people = g_ptr_array_new_with_free_func (g_object_unref);
  self->choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->buttons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->survivor_buttons = g_ptr_array_new ();
  self->previews = g_hash_table_new (g_str_hash, g_str_equal);
  self->move_rows = g_ptr_array_new ();
}

LiaisonDuplicatesMerge *
liaison_duplicates_merge_new (LiaisonContext *context, const char *const *ids)
{
  return g_object_new (LIAISON_TYPE_DUPLICATES_MERGE, "context", context, "ids", ids, NULL);
}

/* The record that would stay. */
const char *
liaison_duplicates_merge_get_survivor (LiaisonDuplicatesMerge *self)
{
  g_return_val_if_fail (LIAISON_IS_DUPLICATES_MERGE (self), NULL);

  return self->survivor_id;
}
