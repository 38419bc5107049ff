/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A message handed to the person's mail program: through the desktop
 * portal's Email interface (org.freedesktop.portal.Email, ComposeEmail),
 * which takes an attachment, or else a mailto: link (no attachment: the
 * body says where the file is). */

typedef enum
{
  LIAISON_MAIL_PORTAL,
  LIAISON_MAIL_MAILTO,
} LiaisonMailRoute;

void             liaison_mail_compose_async (GtkWindow          *parent,
                                             const char         *address,
                                             const char         *subject,
                                             const char         *body,
                                             const char         *attachment,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
LiaisonMailRoute liaison_mail_compose_finish (GAsyncResult *result,
                                              GError      **error);
char            *liaison_mail_mailto_uri (const char *address,
                                          const char *subject,
                                          const char *body);

G_END_DECLS
