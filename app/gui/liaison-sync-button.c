/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-sync-button.h"
#include "liaison-sync-status.h"

/* The sync button of the sidebar's header: a click syncs (win.sync), the
 * arrow beside it shows how the sync stands (the last sync, what waits to be sent,
 * what went wrong, the progress of a long first sync). Its icon is a
 * spinner while syncing, a warning after a failure, and the offline
 * symbol while the server cannot be reached; with no server set up it is
 * insensitive (win.sync is disabled) and its tooltip says why. */
struct _LiaisonSyncButton
{
  AdwBin parent_instance;

  LiaisonContext *context;
  char           *status;
  guint           tick;

  GtkButton      *now_button;
  GtkStack       *icon_stack;
  GtkSpinner     *spinner;
  GtkLabel       *status_label;
  GtkLabel       *detail_label;
  GtkProgressBar *progress_bar;
};

G_DEFINE_FINAL_TYPE (LiaisonSyncButton, liaison_sync_button, ADW_TYPE_BIN)

static void
update (LiaisonSyncButton *self)
{
  LiaisonSyncEngine *engine;
  g_autofree char   *title = NULL;
  g_autofree char   *detail = NULL;
  g_autofree char   *tooltip = NULL;
  gboolean           syncing;
  const char        *icon = "idle";

  if (self->context == NULL)
    return;
  engine = liaison_context_get_sync_engine (self->context);
  syncing = liaison_sync_engine_is_syncing (engine);
  title = liaison_sync_status_title (self->context);
  detail = liaison_sync_status_detail (self->context);

  if (syncing)
    icon = "syncing";
  else if (liaison_sync_status_is_configured (self->context))
    {
      if (liaison_sync_engine_get_state (engine) == LIAISON_SYNC_STATE_OFFLINE)
        icon = "offline";
      else if (liaison_sync_engine_get_state (engine) == LIAISON_SYNC_STATE_ERROR)
        icon = "error";
    }
  gtk_stack_set_visible_child_name (self->icon_stack, icon);
  gtk_spinner_set_spinning (self->spinner, syncing);

  gtk_label_set_label (self->status_label, title);
  gtk_label_set_label (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), *detail != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), syncing);
  gtk_progress_bar_set_fraction (self->progress_bar, liaison_sync_engine_get_progress (engine));

  if (!liaison_sync_status_is_configured (self->context))
    /* Translators: tooltip of the sync button when no server is set up */
    tooltip = g_strdup (_ ("Sync is not set up: enter the secretariat’s server in Preferences"));
  else if (*detail != '\0')
    tooltip = g_strconcat (title, "\n", detail, NULL);
  else
    tooltip = g_strdup (title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->now_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->now_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
  g_free (self->status);
  self->status = g_steal_pointer (&tooltip);
}

static gboolean
on_tick (gpointer user_data)
{
  update (user_data);
  return G_SOURCE_CONTINUE;
}

static void
liaison_sync_button_dispose (GObject *object)
{
  LiaisonSyncButton *self = (LiaisonSyncButton *) object;

  g_clear_handle_id (&self->tick, g_source_remove);
  /* The template's root is the bin's child: GTK 4.8 would unparent it twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_SYNC_BUTTON);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_sync_button_parent_class)->dispose (object);
}

static void
liaison_sync_button_finalize (GObject *object)
{
  LiaisonSyncButton *self = (LiaisonSyncButton *) object;

  g_free (self->status);

  G_OBJECT_CLASS (liaison_sync_button_parent_class)->finalize (object);
}

static void
liaison_sync_button_class_init (LiaisonSyncButtonClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_sync_button_dispose;
  object_class->finalize = liaison_sync_button_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-sync-button.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncButton, now_button);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncButton, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncButton, spinner);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncButton, status_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncButton, detail_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncButton, progress_bar);
}

static void
liaison_sync_button_init (LiaisonSyncButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
liaison_sync_button_set_context (LiaisonSyncButton *self,
                                 LiaisonContext    *context)
{
  LiaisonSyncEngine *engine = liaison_context_get_sync_engine (context);
  const char        *notify[] = { "notify::state", "notify::progress", "notify::last-sync", "notify::last-error" };

  g_return_if_fail (self->context == NULL);
  self->context = g_object_ref (context);
  for (guint i = 0; i < G_N_ELEMENTS (notify); i++)
    g_signal_connect_object (engine, notify[i], G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (engine, "password-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (liaison_sync_engine_get_conflicts (engine), "items-changed", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (liaison_context_get_store (context), "changed", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  if (liaison_context_get_settings (context) != NULL)
    g_signal_connect_object (liaison_context_get_settings (context), "changed", G_CALLBACK (update), self,
                             G_CONNECT_SWAPPED);
  /* "Synced 5 minutes ago" stays true. */
  self->tick = g_timeout_add_seconds (30, on_tick, self);
  update (self);
}

/* The sentence the tooltip shows (tests read it). */
const char *
liaison_sync_button_get_status (LiaisonSyncButton *self)
{
  return self->status;
}
