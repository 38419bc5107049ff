/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-window.h"

struct _LiaisonWindow
{
  AdwApplicationWindow parent_instance;

  LiaisonContext *context;

  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (LiaisonWindow, liaison_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_summary (LiaisonWindow *self)
{
  LiaisonStore *store = liaison_context_get_store (self->context);
  guint n_events = liaison_store_count_events (store);
  guint n_people = liaison_store_count_participants (store);
  g_autofree char *events = NULL;
  g_autofree char *people = NULL;
  g_autofree char *text = NULL;

  events = g_strdup_printf (ngettext ("%u event", "%u events", n_events), n_events);
  people = g_strdup_printf (ngettext ("%u participant", "%u participants", n_people), n_people);
  /* Translators: the first %s is “N events”, the second “N participants”, the third a file name */
  text = g_strdup_printf (_("The 2021–2025 action plan, %s and %s in %s"),
                          events, people, liaison_store_get_path (store));
  adw_status_page_set_description (self->status_page, text);
}

static void
liaison_window_constructed (GObject *object)
{
  LiaisonWindow *self = (LiaisonWindow *) object;
  GSettings *settings = liaison_context_get_settings (self->context);

  G_OBJECT_CLASS (liaison_window_parent_class)->constructed (object);

  if (settings != NULL)
    {
      g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
    }

  g_signal_connect_object (liaison_context_get_store (self->context), "changed",
                           G_CALLBACK (update_summary), self, G_CONNECT_SWAPPED);
  update_summary (self);
}

static void
liaison_window_dispose (GObject *object)
{
  LiaisonWindow *self = (LiaisonWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_window_parent_class)->dispose (object);
}

static void
liaison_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LiaisonWindow *self = LIAISON_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LiaisonWindow *self = LIAISON_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_window_class_init (LiaisonWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = liaison_window_constructed;
  object_class->dispose = liaison_window_dispose;
  object_class->get_property = liaison_window_get_property;
  object_class->set_property = liaison_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, LIAISON_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonWindow, status_page);
}

static void
liaison_window_init (LiaisonWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif
}

LiaisonWindow *
liaison_window_new (AdwApplication *application,
                    LiaisonContext *context)
{
  return g_object_new (LIAISON_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

LiaisonContext *
liaison_window_get_context (LiaisonWindow *self)
{
  return self->context;
}
