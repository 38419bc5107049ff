/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "liaison-core.h"

G_BEGIN_DECLS

/* Words a document prints in a language of its own, whatever the
 * interface's: an export's headers and values, a sign-in sheet's headings,
 * a certificate's sentences. A document holds both languages at once, so
 * these are data, not messages (as month names are in liaison-format.c);
 * the labels match po/zh_CN.po's, and tests/test-export.c fails when they
 * drift apart. */

const char *liaison_document_enum_label (GType           enum_type,
                                         int             value,
                                         LiaisonLanguage language);
gboolean    liaison_document_enum_parse (GType       enum_type,
                                         const char *text,
                                         int        *value);

typedef enum
{
  LIAISON_DOCUMENT_SIGNIN_TITLE,
  LIAISON_DOCUMENT_NUMBER,
  LIAISON_DOCUMENT_NAME,
  LIAISON_DOCUMENT_LATIN_NAME,
  LIAISON_DOCUMENT_ORGANISATION,
  LIAISON_DOCUMENT_COUNTRY,
  LIAISON_DOCUMENT_SIGNATURE,
  LIAISON_DOCUMENT_CERTIFICATE_TITLE,
  LIAISON_DOCUMENT_CERTIFICATE_TEXT, /* %1$s name, %2$s event, %3$s dates, %4$s place */
  LIAISON_DOCUMENT_CERTIFICATE_TEXT_NO_PLACE,
  LIAISON_DOCUMENT_CERTIFICATE_ISSUER,
  LIAISON_DOCUMENT_PAGE_OF, /* %1$u page, %2$u pages */
  LIAISON_DOCUMENT_PEOPLE,  /* %u people */
  LIAISON_DOCUMENT_INVITATION_SUBJECT,
  LIAISON_DOCUMENT_INVITATION_BODY, /* %1$s name, %2$s event, %3$s dates, %4$s place */
  LIAISON_N_DOCUMENT_TEXTS
} LiaisonDocumentText;

const char *liaison_document_text (LiaisonDocumentText text,
                                   LiaisonLanguage     language);
char       *liaison_document_printf (LiaisonDocumentText text,
                                     LiaisonLanguage     language,
                                     ...);

G_END_DECLS
