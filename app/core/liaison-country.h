/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "liaison-types.h"

G_BEGIN_DECLS

/* Countries are a fixed table shipped in the binary: never freed, never copied. */
const LiaisonCountry *liaison_country_lookup (const char *code);
const LiaisonCountry *liaison_country_find (const char *text);
GPtrArray            *liaison_country_list_all (void);
GPtrArray            *liaison_country_list_members (void);
const char           *liaison_country_get_code (const LiaisonCountry *self);
const char           *liaison_country_get_name (const LiaisonCountry *self,
                                                LiaisonLanguage       language);
gboolean              liaison_country_is_member (const LiaisonCountry *self);
const char *const    *liaison_country_get_zones (const LiaisonCountry *self);
const char           *liaison_country_get_default_zone (const LiaisonCountry *self);
gboolean              liaison_country_get_name_order (const LiaisonCountry *self,
                                                      LiaisonNameOrder     *order);

G_END_DECLS
