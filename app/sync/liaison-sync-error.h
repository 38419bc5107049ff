/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIAISON_SYNC_ERROR (liaison_sync_error_quark ())

/* Every message says what happened and what to do about it: the window
 * shows them in a banner, the command line on standard error. */
typedef enum
{
  LIAISON_SYNC_ERROR_NOT_CONFIGURED, /* no server address or user name */
  LIAISON_SYNC_ERROR_NO_PASSWORD,    /* none in the keyring, none given */
  LIAISON_SYNC_ERROR_AUTH,           /* the server refused the user name or password */
  LIAISON_SYNC_ERROR_CERTIFICATE,    /* the server's TLS certificate is not trusted */
  LIAISON_SYNC_ERROR_UNREACHABLE,    /* no connection, or it broke */
  LIAISON_SYNC_ERROR_SERVER,         /* the server failed (5xx) or refused a request */
  LIAISON_SYNC_ERROR_MALFORMED,      /* a reply Liaison cannot read */
  LIAISON_SYNC_ERROR_NOT_FOUND,      /* no calendar or address book there, none could be made */
  LIAISON_SYNC_ERROR_BUSY,           /* a sync is already running */
  LIAISON_SYNC_ERROR_NO_KEYRING,     /* the desktop has no password store (no Secret Service), none given */
} LiaisonSyncErrorCode;

GQuark liaison_sync_error_quark (void);

G_END_DECLS
