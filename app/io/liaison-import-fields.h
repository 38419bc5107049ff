/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

/* What a column of an imported table can hold, and how its cells are read:
 * headers known in Chinese and English, values in either language (男/
 * Male/M, 越南/Viet Nam/VN), and names split or joined as each country
 * writes them. */

typedef enum
{
  LIAISON_IMPORT_FIELD_IGNORE,
  LIAISON_IMPORT_FIELD_NAME,        /* a whole name, in any script */
  LIAISON_IMPORT_FIELD_FAMILY_NAME, /* in any script */
  LIAISON_IMPORT_FIELD_GIVEN_NAME,  /* in any script */
  LIAISON_IMPORT_FIELD_NATIVE_NAME, /* a whole name in the person's own script */
  LIAISON_IMPORT_FIELD_LATIN_NAME,  /* a whole name in Latin script */
  LIAISON_IMPORT_FIELD_LATIN_FAMILY_NAME,
  LIAISON_IMPORT_FIELD_LATIN_GIVEN_NAME,
  LIAISON_IMPORT_FIELD_NAME_ORDER,
  LIAISON_IMPORT_FIELD_HONORIFIC,
  LIAISON_IMPORT_FIELD_GENDER,
  LIAISON_IMPORT_FIELD_ORGANISATION, /* its language found from its script */
  LIAISON_IMPORT_FIELD_ORGANISATION_ZH,
  LIAISON_IMPORT_FIELD_ORGANISATION_EN,
  LIAISON_IMPORT_FIELD_POSITION,
  LIAISON_IMPORT_FIELD_POSITION_ZH,
  LIAISON_IMPORT_FIELD_POSITION_EN,
  LIAISON_IMPORT_FIELD_SECTOR,
  LIAISON_IMPORT_FIELD_COUNTRY,
  LIAISON_IMPORT_FIELD_EMAIL,
  LIAISON_IMPORT_FIELD_PHONE,
  LIAISON_IMPORT_FIELD_LANGUAGES,
  LIAISON_IMPORT_FIELD_CONSENT, /* yes/no, or the date consent was given */
  LIAISON_IMPORT_FIELD_ROLE,    /* of the registration, with an event */
  LIAISON_IMPORT_FIELD_STATUS,
  LIAISON_IMPORT_FIELD_DELEGATION,
  LIAISON_IMPORT_FIELD_NOTES,
  LIAISON_IMPORT_N_FIELDS
} LiaisonImportField;

const char        *liaison_import_field_nick (LiaisonImportField field);
gboolean           liaison_import_field_from_nick (const char         *nick,
                                                   LiaisonImportField *field);
const char        *liaison_import_field_label (LiaisonImportField field);
gboolean           liaison_import_field_is_registration (LiaisonImportField field);
gboolean           liaison_import_field_takes_several (LiaisonImportField field);
LiaisonImportField liaison_import_field_for_header (const char *header);

/* Values. Each returns FALSE for a value it does not know. */
const char *liaison_import_parse_country (const char *text);
gboolean    liaison_import_parse_gender (const char    *text,
                                         LiaisonGender *gender);
gboolean    liaison_import_parse_sector (const char    *text,
                                         LiaisonSector *sector);
gboolean    liaison_import_parse_role (const char  *text,
                                       LiaisonRole *role);
gboolean    liaison_import_parse_status (const char                *text,
                                         LiaisonRegistrationStatus *status);
gboolean    liaison_import_parse_name_order (const char       *text,
                                             LiaisonNameOrder *order);
gboolean    liaison_import_parse_consent (const char *text,
                                          gboolean   *consent,
                                          char      **date);
gboolean    liaison_import_looks_like_email (const char *text);
char      **liaison_import_split_list (const char *text,
                                       gboolean    is_phone);

/* Names. */
gboolean         liaison_import_is_latin (const char *text);
LiaisonNameOrder liaison_import_usual_order (const char *country,
                                             const char *name);
void             liaison_import_split_name (const char       *name,
                                            const char       *country,
                                            char            **family,
                                            char            **given,
                                            LiaisonNameOrder *order);

G_END_DECLS
