/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a text field holds, for the one rule every entrance applies (the
 * window's editors, the CLI, PO import, file import): its length limit and
 * whether it may span lines. */
typedef enum
{
  LIAISON_TEXT_TITLE,        /* an event's title, each language */
  LIAISON_TEXT_THEME,        /* an event's theme */
  LIAISON_TEXT_DESCRIPTION,  /* an event's description: lines allowed */
  LIAISON_TEXT_CITY,         /* a city */
  LIAISON_TEXT_VENUE,        /* a venue, organisers, partners, funding */
  LIAISON_TEXT_NAME,         /* one part of a person's name */
  LIAISON_TEXT_ORGANISATION, /* an organisation */
  LIAISON_TEXT_POSITION,     /* a position */
  LIAISON_TEXT_EMAIL,        /* an e-mail address */
  LIAISON_TEXT_PHONE,        /* a telephone number */
  LIAISON_TEXT_URL,          /* an online link */
  LIAISON_TEXT_NOTE,         /* notes: lines allowed */
  LIAISON_TEXT_SHORT,        /* honorifics, codes and other short words */
  LIAISON_TEXT_PLAN_TITLE,   /* an item of the action plan, as long as the framework writes it */
  LIAISON_N_TEXT_KINDS
} LiaisonTextKind;

guint    liaison_text_max_chars (LiaisonTextKind kind);
gboolean liaison_text_is_multiline (LiaisonTextKind kind);
gboolean liaison_text_check (const char     *text,
                             LiaisonTextKind kind,
                             GError        **error);
gboolean liaison_text_check_kept (const char *text,
                                  GError    **error);
gboolean liaison_text_check_field (const char     *text,
                                   LiaisonTextKind kind,
                                   const char     *label,
                                   gboolean        local,
                                   GError        **error);
char    *liaison_text_shorten (const char *text,
                               guint       max_chars);

LiaisonTextKind liaison_text_kind_of_content (const char *entity,
                                              const char *field);

G_END_DECLS
