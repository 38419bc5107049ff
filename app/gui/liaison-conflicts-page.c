/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "liaison-conflicts-page.h"
#include "liaison-gui-format.h"

/* The changes sync could not merge: for each, the record (in both
 * languages where it has them), the field, this office's value and the
 * secretariat's side by side, and a button for each side. Nothing is
 * resolved without a person choosing. */
struct _LiaisonConflictsPage
{
  AdwBin parent_instance;

  LiaisonContext *context;
  gboolean        folded;

  GtkStack   *stack;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (LiaisonConflictsPage, liaison_conflicts_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------ */
/* Words for fields and values                                               */

static const char *
field_label (const char *field)
{
  static const struct
  {
    const char *field;
    const char *label;
  } labels[] = {
    { "kind", N_ ("Kind") },
    { "status", N_ ("Status") },
    { "mode", N_ ("Mode") },
    { "title_zh", N_ ("Title in Chinese") },
    { "title_en", N_ ("Title in English") },
    { "theme_zh", N_ ("Theme in Chinese") },
    { "theme_en", N_ ("Theme in English") },
    { "description_zh", N_ ("Description in Chinese") },
    { "description_en", N_ ("Description in English") },
    { "city_zh", N_ ("City in Chinese") },
    { "city_en", N_ ("City in English") },
    { "i18n_title", N_ ("Translation state of the title") },
    { "i18n_theme", N_ ("Translation state of the theme") },
    { "i18n_description", N_ ("Translation state of the description") },
    { "start", N_ ("Start") },
    { "end", N_ ("End") },
    { "time_zone", N_ ("Time zone") },
    { "venue", N_ ("Venue") },
    { "country", N_ ("Country") },
    { "online_url", N_ ("Online link") },
    { "organisers", N_ ("Organisers") },
    { "partners", N_ ("Partners") },
    { "capacity", N_ ("Capacity") },
    { "registration_deadline", N_ ("Registration deadline") },
    { "budget", N_ ("Budget") },
    { "currency", N_ ("Currency") },
    { "funding", N_ ("Funding source") },
    { "track", N_ ("Programme track") },
    { "recurrence", N_ ("Recurrence") },
    { "activities", N_ ("Activities of the action plan") },
    { "areas", N_ ("Areas") },
    { "family_native", N_ ("Family name in the person’s own script") },
    { "given_native", N_ ("Given name in the person’s own script") },
    { "family_latin", N_ ("Family name in Latin script") },
    { "given_latin", N_ ("Given name in Latin script") },
    { "name_order", N_ ("Name order") },
    { "honorific", N_ ("Honorific") },
    { "gender", N_ ("Gender") },
    { "organisation_zh", N_ ("Organisation in Chinese") },
    { "organisation_en", N_ ("Organisation in English") },
    { "position_zh", N_ ("Position in Chinese") },
    { "position_en", N_ ("Position in English") },
    { "sector", N_ ("Sector") },
    { "emails", N_ ("E-mail addresses") },
    { "phones", N_ ("Phone numbers") },
    { "languages", N_ ("Languages") },
    { "consent", N_ ("Consent to data processing") },
    { "consent_date", N_ ("Date of consent") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return _ (labels[i].label);
  return field;
}

static char *
participant_name (LiaisonStore *store,
                  const char   *id)
{
  g_autoptr (LiaisonParticipant) p = liaison_store_get_participant (store, id, NULL);

  return p != NULL ? liaison_participant_dup_display_name (p) : g_strdup (id);
}

static const char *
enum_label (GType       type,
            const char *nick)
{
  int value;

  if (!liaison_enum_from_nick (type, nick, &value))
    return nick;
  if (type == LIAISON_TYPE_EVENT_KIND)
    return liaison_event_kind_label (value);
  if (type == LIAISON_TYPE_EVENT_STATUS)
    return liaison_event_status_label (value);
  if (type == LIAISON_TYPE_EVENT_MODE)
    return liaison_event_mode_label (value);
  if (type == LIAISON_TYPE_FUNDING_SOURCE)
    return liaison_funding_source_label (value);
  if (type == LIAISON_TYPE_SECTOR)
    return liaison_sector_label (value);
  if (type == LIAISON_TYPE_GENDER)
    return liaison_gender_label (value);
  if (type == LIAISON_TYPE_ROLE)
    return liaison_role_label (value);
  if (type == LIAISON_TYPE_REGISTRATION_STATUS)
    return liaison_registration_status_label (value);
  return nick;
}

/* A value as a person reads it; NULL means absent on that side. */
static char *
value_text (LiaisonConflict *c,
            const char      *value,
            gboolean         local)
{
  const char *field = liaison_conflict_get_field (c);
  const char *entity = liaison_conflict_get_entity (c);

  if (field == NULL)
    {
      if (value == NULL)
        return g_strdup (local ? _ ("Deleted in this office") : _ ("Deleted by the secretariat"));
      return g_strdup (local ? _ ("Edited in this office after the secretariat deleted it")
                             : _ ("Edited by the secretariat after this office deleted it"));
    }
  if (g_str_has_prefix (field, LIAISON_SYNC_ATTENDEE_PREFIX))
    {
      g_auto (GStrv) parts = NULL;

      if (value == NULL)
        return g_strdup (_ ("Not registered"));
      parts = g_strsplit (value, "|", 4);
      if (g_strv_length (parts) < 2)
        return g_strdup (value);
      /* Translators: a registration: %1$s is a role (Speaker), %2$s a status (Confirmed) */
      return g_strdup_printf (_ ("%1$s, %2$s"), enum_label (LIAISON_TYPE_ROLE, parts[0]),
                              enum_label (LIAISON_TYPE_REGISTRATION_STATUS, parts[1]));
    }
  if (value == NULL)
    return g_strdup (_ ("Empty"));
  if (g_str_equal (field, "kind"))
    return g_strdup (enum_label (LIAISON_TYPE_EVENT_KIND, value));
  if (g_str_equal (field, "time_zone"))
    return liaison_gui_format_zone_name (value);
  if (g_str_equal (field, "status") && g_str_equal (entity, "event"))
    return g_strdup (enum_label (LIAISON_TYPE_EVENT_STATUS, value));
  if (g_str_equal (field, "mode"))
    return g_strdup (enum_label (LIAISON_TYPE_EVENT_MODE, value));
  if (g_str_equal (field, "funding"))
    return g_strdup (enum_label (LIAISON_TYPE_FUNDING_SOURCE, value));
  if (g_str_equal (field, "sector"))
    return g_strdup (enum_label (LIAISON_TYPE_SECTOR, value));
  if (g_str_equal (field, "gender"))
    return g_strdup (enum_label (LIAISON_TYPE_GENDER, value));
  if (g_str_equal (field, "consent"))
    return g_strdup (g_str_equal (value, "1") ? _ ("Given") : _ ("Not given"));
  return g_strdup (value);
}

static char *
field_text (LiaisonConflictsPage *self,
            LiaisonConflict      *c)
{
  const char      *field = liaison_conflict_get_field (c);
  g_autofree char *name = NULL;

  if (field == NULL)
    return g_strdup (g_str_equal (liaison_conflict_get_entity (c), "event") ? _ ("The whole event")
                                                                            : _ ("The whole participant"));
  if (!g_str_has_prefix (field, LIAISON_SYNC_ATTENDEE_PREFIX))
    return g_strdup (field_label (field));
  name = participant_name (liaison_context_get_store (self->context), field + strlen (LIAISON_SYNC_ATTENDEE_PREFIX));
  /* Translators: %s is a person's name */
  return g_strdup_printf (_ ("Registration of %s"), name);
}

/* The record in both languages where it has them. */
static char *
record_text (LiaisonConflictsPage *self,
             LiaisonConflict      *c)
{
  LiaisonStore *store = liaison_context_get_store (self->context);
  const char   *id = liaison_conflict_get_entity_id (c);

  if (g_str_equal (liaison_conflict_get_entity (c), "event"))
    {
      g_autoptr (LiaisonEvent) e = liaison_store_get_event (store, id, NULL);
      const char *zh = e != NULL ? liaison_bilingual_get_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH) : NULL;
      const char *en = e != NULL ? liaison_bilingual_get_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN) : NULL;

      if (zh != NULL && en != NULL && g_strcmp0 (zh, en) != 0)
        {
          gboolean chinese = liaison_language_for_locale () == LIAISON_LANGUAGE_ZH;

          /* Translators: an event's title in the interface's language, then in the other */
          return g_strdup_printf (_ ("%1$s (%2$s)"), chinese ? zh : en, chinese ? en : zh);
        }
      if (zh != NULL || en != NULL)
        return g_strdup (zh != NULL ? zh : en);
      return g_strdup (id);
    }
  return participant_name (store, id);
}

/* ------------------------------------------------------------------------ */
/* Rows                                                                      */

static void
on_keep (GtkButton            *button,
         LiaisonConflictsPage *self)
{
  g_autoptr (LiaisonConflict) c = g_object_ref (g_object_get_data (G_OBJECT (button), "conflict"));
  gboolean local = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "keep-local"));
  g_autoptr (GError) error = NULL;

  if (!liaison_sync_engine_resolve_conflict (liaison_context_get_sync_engine (self->context), c,
                                             local ? LIAISON_CONFLICT_KEEP_LOCAL : LIAISON_CONFLICT_KEEP_REMOTE,
                                             &error))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
      return;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s",
                              local ? _ ("This office’s value is kept; the next sync sends it to the secretariat.")
                                    : _ ("The secretariat’s value is kept."));
  /* Keyboard users go on with the next one. */
  gtk_widget_child_focus (GTK_WIDGET (self->list), GTK_DIR_TAB_FORWARD);
}

static GtkWidget *
side_box (const char *heading,
          const char *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *text = gtk_label_new (value);

  gtk_widget_set_hexpand (box, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  return box;
}

static GtkWidget *
keep_button (LiaisonConflictsPage *self,
             LiaisonConflict      *c,
             gboolean              local,
             const char           *record,
             const char           *field)
{
  GtkWidget       *button = gtk_button_new_with_mnemonic (local ? _ ("Keep _Mine") : _ ("Keep the _Secretariat’s"));
  g_autofree char *name = NULL;

  gtk_widget_set_name (button, local ? "keep-local" : "keep-remote");
  g_object_set_data_full (G_OBJECT (button), "conflict", g_object_ref (c), g_object_unref);
  g_object_set_data (G_OBJECT (button), "keep-local", GINT_TO_POINTER (local));
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_keep), self, 0);
  /* Translators: accessible name of a button: %1$s is a field, %2$s a record */
  name = g_strdup_printf (local ? _ ("Keep this office’s %1$s of %2$s") : _ ("Keep the secretariat’s %1$s of %2$s"), field, record);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  LiaisonConflictsPage *self = user_data;
  LiaisonConflict      *c = item;
  g_autofree char      *record = record_text (self, c);
  g_autofree char      *field = field_text (self, c);
  g_autofree char      *mine = value_text (c, liaison_conflict_get_local_value (c), TRUE);
  g_autofree char      *theirs = value_text (c, liaison_conflict_get_remote_value (c), FALSE);
  /* Translators: a screen reader's name for a conflict row: the record, then the field, “李霞 — E-mail” */
  g_autofree char *row_name = g_strdup_printf (C_ ("conflict row", "%1$s — %2$s"), record, field);
  GtkWidget       *row = gtk_list_box_row_new ();
  GtkWidget       *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget       *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  GtkWidget       *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget       *title = gtk_label_new (record);
  GtkWidget       *subtitle = gtk_label_new (field);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* Tab goes straight to the row's buttons, whose names say it all. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, row_name, -1);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);

  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  gtk_box_append (GTK_BOX (sides), side_box (_ ("This Office"), mine));
  gtk_box_append (GTK_BOX (sides), side_box (_ ("The Secretariat"), theirs));
  gtk_box_append (GTK_BOX (box), sides);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), keep_button (self, c, TRUE, record, field));
  gtk_box_append (GTK_BOX (buttons), keep_button (self, c, FALSE, record, field));
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
update_stack (LiaisonConflictsPage *self)
{
  GListModel *conflicts = liaison_sync_engine_get_conflicts (liaison_context_get_sync_engine (self->context));

  gtk_stack_set_visible_child_name (self->stack, g_list_model_get_n_items (conflicts) > 0 ? "list" : "empty");
}

/* ------------------------------------------------------------------------ */

static void
liaison_conflicts_page_constructed (GObject *object)
{
  LiaisonConflictsPage *self = (LiaisonConflictsPage *) object;
  GListModel           *conflicts = liaison_sync_engine_get_conflicts (liaison_context_get_sync_engine (self->context));

  G_OBJECT_CLASS (liaison_conflicts_page_parent_class)->constructed (object);

  gtk_list_box_bind_model (self->list, conflicts, create_row, self, NULL);
  g_signal_connect_object (conflicts, "items-changed", G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  update_stack (self);
}

static void
liaison_conflicts_page_dispose (GObject *object)
{
  LiaisonConflictsPage *self = (LiaisonConflictsPage *) object;

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_CONFLICTS_PAGE);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_conflicts_page_parent_class)->dispose (object);
}

static void
liaison_conflicts_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  LiaisonConflictsPage *self = (LiaisonConflictsPage *) object;

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
liaison_conflicts_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  LiaisonConflictsPage *self = (LiaisonConflictsPage *) object;

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
liaison_conflicts_page_class_init (LiaisonConflictsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_conflicts_page_constructed;
  object_class->dispose = liaison_conflicts_page_dispose;
  object_class->get_property = liaison_conflicts_page_get_property;
  object_class->set_property = liaison_conflicts_page_set_property;

  properties[PROP_CONTEXT] =
      g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* The window is folded to one column: the header shows a back button. */
  properties[PROP_FOLDED] =
      g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/chinaaseanenv/Liaison/ui/liaison-conflicts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonConflictsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonConflictsPage, list);
}

static void
liaison_conflicts_page_init (LiaisonConflictsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
liaison_conflicts_page_new (LiaisonContext *context)
{
  return g_object_new (LIAISON_TYPE_CONFLICTS_PAGE, "context", context, NULL);
}
