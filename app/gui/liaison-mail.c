/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <fcntl.h>
#include <gio/gunixfdlist.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "liaison-mail.h"

#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"
#define EMAIL_INTERFACE "org.freedesktop.portal.Email"

typedef struct
{
  GtkWindow *parent;
  char      *address;
  char      *subject;
  char      *body;
  char      *attachment;
} Compose;

static void
compose_free (gpointer data)
{
  Compose *c = data;

  g_clear_object (&c->parent);
  g_free (c->address);
  g_free (c->subject);
  g_free (c->body);
  g_free (c->attachment);
  g_free (c);
}

char *
liaison_mail_mailto_uri (const char *address,
                         const char *subject,
                         const char *body)
{
  g_autofree char *to = g_uri_escape_string (address, "@", FALSE);
  g_autofree char *s = g_uri_escape_string (subject != NULL ? subject : "", NULL, FALSE);
  g_autofree char *b = g_uri_escape_string (body != NULL ? body : "", NULL, FALSE);

  return g_strdup_printf ("mailto:%s?subject=%s&body=%s", to, s, b);
}

static void
on_shown (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (GTask) task = user_data;
  Compose *c = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;

  if (gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error))
    {
      g_task_return_int (task, LIAISON_MAIL_MAILTO);
      return;
    }
  {
    g_autofree char *name = g_filename_display_name (c->attachment);

    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                             /* Translators: %s is where the file was saved */
                             _ ("No mail program could be opened: the invitation is saved as %s"), name);
  }
}

/* A mailto: link cannot carry a file: the message says where it is. */
static void
try_mailto (GTask *task)
{
  Compose         *c = g_task_get_task_data (task);
  g_autofree char *name = g_filename_display_name (c->attachment);
  /* Translators: %s is where the invitation was saved */
  g_autofree char *where = g_strdup_printf (_ ("Attach the invitation saved as %s."), name);
  g_autofree char *body = g_strdup_printf ("%s\n\n%s", c->body, where);
  g_autofree char *uri = liaison_mail_mailto_uri (c->address, c->subject, body);

  gtk_show_uri_full (c->parent, uri, GDK_CURRENT_TIME, g_task_get_cancellable (task), on_shown, task);
}

static void
on_composed (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask *task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GVariant) reply = g_dbus_connection_call_with_unix_fd_list_finish (G_DBUS_CONNECTION (source), NULL, result, &error);

  if (reply != NULL)
    {
      g_task_return_int (task, LIAISON_MAIL_PORTAL);
      g_object_unref (task);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  g_debug ("No mail portal (%s): a mailto: link instead", error->message);
  try_mailto (task);
}

static void
on_bus (GObject *source, GAsyncResult *result, gpointer user_data)
{
  GTask   *task = user_data;
  Compose *c = g_task_get_task_data (task);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDBusConnection) bus = g_bus_get_finish (result, &error);
  g_autoptr (GUnixFDList) fds = g_unix_fd_list_new ();
  g_auto (GVariantBuilder) options = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  const char *addresses[] = { c->address, NULL };
  int         fd, index;

  if (bus == NULL)
    {
      try_mailto (task);
      return;
    }
  fd = g_open (c->attachment, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || (index = g_unix_fd_list_append (fds, fd, &error)) < 0)
    {
      if (fd >= 0)
        close (fd);
      try_mailto (task);
      return;
    }
  close (fd);
  g_variant_builder_add (&options, "{sv}", "addresses", g_variant_new_strv (addresses, -1));
  g_variant_builder_add (&options, "{sv}", "subject", g_variant_new_string (c->subject));
  g_variant_builder_add (&options, "{sv}", "body", g_variant_new_string (c->body));
  {
    GVariantBuilder handles;

    g_variant_builder_init (&handles, G_VARIANT_TYPE ("ah"));
    g_variant_builder_add (&handles, "h", index);
    g_variant_builder_add (&options, "{sv}", "attachment_fds", g_variant_builder_end (&handles));
  }
  g_dbus_connection_call_with_unix_fd_list (bus, PORTAL_NAME, PORTAL_PATH, EMAIL_INTERFACE, "ComposeEmail",
                                            g_variant_new ("(sa{sv})", "", &options), G_VARIANT_TYPE ("(o)"),
                                            G_DBUS_CALL_FLAGS_NONE, -1, fds, g_task_get_cancellable (task), on_composed, task);
}

void
liaison_mail_compose_async (GtkWindow          *parent,
                            const char         *address,
                            const char         *subject,
                            const char         *body,
                            const char         *attachment,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  GTask   *task = g_task_new (NULL, cancellable, callback, user_data);
  Compose *c = g_new0 (Compose, 1);

  c->parent = parent != NULL ? g_object_ref (parent) : NULL;
  c->address = g_strdup (address);
  c->subject = g_strdup (subject);
  c->body = g_strdup (body);
  c->attachment = g_strdup (attachment);
  g_task_set_task_data (task, c, compose_free);
  g_task_set_source_tag (task, liaison_mail_compose_async);
  g_bus_get (G_BUS_TYPE_SESSION, cancellable, on_bus, task);
}

LiaisonMailRoute
liaison_mail_compose_finish (GAsyncResult *result,
                             GError      **error)
{
  return (LiaisonMailRoute) g_task_propagate_int (G_TASK (result), error);
}
