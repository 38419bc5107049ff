/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-sync-banner.h"
#include "liaison-sync-status.h"

/* A bar at the top of the content (libadwaita 1.2 has no AdwBanner) that
 * says what to do about the sync: enter the password again, wait for the
 * server to be back (nothing is lost meanwhile), what a refused
 * certificate means, or review the changes that could not be merged. One
 * message at a time, the most urgent first; hidden when all is well. */
struct _LiaisonSyncBanner
{
  AdwBin parent_instance;

  LiaisonContext *context;
  gboolean        reviewing;

  GtkRevealer *revealer;
  GtkWidget   *bar;
  GtkLabel    *title_label;
  GtkButton   *button;
};

G_DEFINE_FINAL_TYPE (LiaisonSyncBanner, liaison_sync_banner, ADW_TYPE_BIN)

static void
show (LiaisonSyncBanner *self,
      const char        *title,
      const char        *button,
      const char        *action,
      GVariant          *target,
      gboolean           error)
{
  gtk_label_set_label (self->title_label, title);
  gtk_widget_set_visible (GTK_WIDGET (self->button), button != NULL);
  gtk_button_set_label (self->button, button);
  /* Name and target change together: never one without the other. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), action);
  if (error)
    gtk_widget_add_css_class (self->bar, "error");
  else
    gtk_widget_remove_css_class (self->bar, "error");
  gtk_widget_set_visible (GTK_WIDGET (self->revealer), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

/* Hidden once it has slid away, so a screen reader does not find the last
 * message in an empty banner. */
static void
on_child_revealed (LiaisonSyncBanner *self)
{
  if (!gtk_revealer_get_child_revealed (self->revealer) && !gtk_revealer_get_reveal_child (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self->revealer), FALSE);
}

static void
update (LiaisonSyncBanner *self)
{
  LiaisonSyncEngine *engine = liaison_context_get_sync_engine (self->context);
  GSettings         *settings = liaison_context_get_settings (self->context);
  g_autofree char   *user = settings != NULL ? g_settings_get_string (settings, "username") : g_strdup ("");
  guint              conflicts = g_list_model_get_n_items (liaison_sync_engine_get_conflicts (engine));
  int                code = liaison_sync_engine_get_last_error_code (engine);
  g_autofree char   *title = NULL;
  g_autofree char   *button = NULL;

  if (!liaison_sync_status_is_configured (self->context) || liaison_sync_engine_is_syncing (engine))
    code = -1;

  /* A first sync brings everything: how far it is. */
  if (liaison_sync_engine_is_syncing (engine) && liaison_sync_engine_get_last_sync (engine) == NULL)
    {
      int percent = (int) (liaison_sync_engine_get_progress (engine) * 100);

      title = g_strdup_printf (_ ("First sync with the secretariat: %d%% done. You can keep working meanwhile."),
                               percent);
      show (self, title, NULL, NULL, NULL, FALSE);
      return;
    }
  switch (code)
    {
    case LIAISON_SYNC_ERROR_AUTH:
      title = g_strdup_printf (_ ("The secretariat’s server refused the password of %s. Nothing was synced."), user);
      show (self, title, _ ("_Enter the Password Again"), "win.sync-preferences", NULL, TRUE);
      return;
    case LIAISON_SYNC_ERROR_NO_PASSWORD:
      if (liaison_sync_engine_needs_password (engine))
        {
          /* Asked for at each sync: the sync asks. */
          title = g_strdup_printf (_ ("Liaison asks for the sync password of %s at each sync."), user);
          show (self, title, _ ("_Sync Now"), "win.sync", NULL, FALSE);
          return;
        }
      title = g_strdup_printf (_ ("Liaison has no password for %s to sync with the secretariat."), user);
      show (self, title, _ ("_Enter the Password"), "win.sync-preferences", NULL, TRUE);
      return;
    case LIAISON_SYNC_ERROR_NO_KEYRING:
      if (!liaison_sync_engine_needs_password (engine))
        {
          title = g_strdup_printf (_ ("This desktop has no password store: Liaison keeps the sync password of %s "
                                      "until it quits, never on disk."),
                                   user);
          show (self, title, _ ("_Sync Now"), "win.sync", NULL, FALSE);
          return;
        }
      /* No D-Bus error, no command line: what it means, and the way on
       * (win.sync asks for the password, and whether to keep it). */
      title = g_strdup_printf (_ ("This desktop has no password store, so Liaison cannot keep the sync password of "
                                  "%s. Sync, and Liaison asks for it."),
                               user);
      show (self, title, _ ("_Enter the Password"), "win.sync", NULL, TRUE);
      return;
    case LIAISON_SYNC_ERROR_UNREACHABLE:
      show (self, _ ("Offline: the secretariat’s server cannot be reached. Liaison will retry; your changes are kept."),
            _ ("_Retry Now"), "win.sync", NULL, FALSE);
      return;
    case LIAISON_SYNC_ERROR_CERTIFICATE:
      show (self, _ ("The server’s certificate was refused, so nothing was sent to it: its identity could not be "
                     "verified. It may not be the secretariat’s server, or its certificate may have expired; ask "
                     "its administrator before you change anything."),
            _ ("_Check the Address"), "win.sync-preferences", NULL, TRUE);
      return;
    case LIAISON_SYNC_ERROR_SERVER:
    case LIAISON_SYNC_ERROR_MALFORMED:
    case LIAISON_SYNC_ERROR_NOT_FOUND:
      show (self, liaison_sync_engine_get_last_error (engine), _ ("_Try Again"), "win.sync", NULL, TRUE);
      return;
    default:
      break;
    }

  /* No need to point at the page the person is on. */
  if (conflicts > 0 && !self->reviewing)
    {
      title = g_strdup_printf (ngettext ("%u change made in both offices could not be merged: choose which to keep.",
                                         "%u changes made in both offices could not be merged: choose which to keep.",
                                         conflicts),
                               conflicts);
      button = g_strdup_printf (ngettext ("_Review %u Change", "_Review %u Changes", conflicts), conflicts);
      show (self, title, button, "win.show-page", g_variant_new_string ("conflicts"), FALSE);
      return;
    }
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

static void
liaison_sync_banner_dispose (GObject *object)
{
  LiaisonSyncBanner *self = (LiaisonSyncBanner *) object;

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_SYNC_BANNER);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (liaison_sync_banner_parent_class)->dispose (object);
}

static void
liaison_sync_banner_class_init (LiaisonSyncBannerClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_sync_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/chinaaseanenv/Liaison/ui/liaison-sync-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncBanner, bar);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncBanner, title_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonSyncBanner, button);
}

static void
liaison_sync_banner_init (LiaisonSyncBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->revealer, "notify::child-revealed", G_CALLBACK (on_child_revealed), self,
                           G_CONNECT_SWAPPED);
}

void
liaison_sync_banner_set_context (LiaisonSyncBanner *self,
                                 LiaisonContext    *context)
{
  LiaisonSyncEngine *engine = liaison_context_get_sync_engine (context);
  const char        *notify[] = { "notify::state", "notify::last-error", "notify::last-error-code", "notify::progress" };

  g_return_if_fail (self->context == NULL);
  self->context = g_object_ref (context);
  for (guint i = 0; i < G_N_ELEMENTS (notify); i++)
    g_signal_connect_object (engine, notify[i], G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (engine, "password-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (liaison_sync_engine_get_conflicts (engine), "items-changed", G_CALLBACK (update), self,
                           G_CONNECT_SWAPPED);
  if (liaison_context_get_settings (context) != NULL)
    g_signal_connect_object (liaison_context_get_settings (context), "changed", G_CALLBACK (update), self,
                             G_CONNECT_SWAPPED);
  update (self);
}

gboolean
liaison_sync_banner_get_revealed (LiaisonSyncBanner *self)
{
  return gtk_revealer_get_reveal_child (self->revealer);
}

const char *
liaison_sync_banner_get_title (LiaisonSyncBanner *self)
{
  return gtk_label_get_label (self->title_label);
}

GtkButton *
liaison_sync_banner_get_button (LiaisonSyncBanner *self)
{
  return self->button;
}

/* The conflict page is showing: the banner does not send there. */
void
liaison_sync_banner_set_reviewing (LiaisonSyncBanner *self,
                                   gboolean           reviewing)
{
  if (self->reviewing == reviewing)
    return;
  self->reviewing = reviewing;
  if (self->context != NULL)
    update (self);
}
