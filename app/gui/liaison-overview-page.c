/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-overview-page.h"

struct _LiaisonOverviewPage
{
  AdwBin parent_instance;

  LiaisonContext *context;
  gboolean folded;
};

G_DEFINE_FINAL_TYPE (LiaisonOverviewPage, liaison_overview_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
liaison_overview_page_dispose (GObject *object)
{
  LiaisonOverviewPage *self = (LiaisonOverviewPage *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_OVERVIEW_PAGE);
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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_overview_page_class_init (LiaisonOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-overview-page.ui");
}

static void
liaison_overview_page_init (LiaisonOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
liaison_overview_page_new (LiaisonContext *context)
{
  return g_object_new (LIAISON_TYPE_OVERVIEW_PAGE, "context", context, NULL);
}
