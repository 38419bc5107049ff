/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <gio/gio.h>

#include "liaison-core-resources.h"
#include "liaison-resource.h"
#include "liaison-country.h"

struct _LiaisonCountry
{
  char    *code;
  char    *names[LIAISON_N_LANGUAGES];
  gboolean member;
  char   **zones;
};

/* China first, then the ten ASEAN member states as ASEAN lists them. */
static const char *member_order[] = {
  "CN",
  "BN",
  "KH",
  "ID",
  "LA",
  "MY",
  "MM",
  "PH",
  "SG",
  "TH",
  "VN",
};

static GPtrArray  *countries;
static GHashTable *by_code;

static gpointer
load_table (gpointer data)
{
  g_autoptr (GBytes) bytes = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;

  /* Registered by hand: see liaison-resource.c. */
  liaison_core_register_resource ();
  bytes = g_resource_lookup_data (liaison_resource_get (liaison_core_get_resource),
                                  "/org/chinaaseanenv/Liaison/core/countries.tsv",
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("The built-in country table is missing: %s", error->message);

  countries = g_ptr_array_new ();
  by_code = g_hash_table_new (g_str_hash, g_str_equal);

  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) cols = NULL;
      LiaisonCountry *country;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      cols = g_strsplit (lines[i], "\t", 5);
      if (g_strv_length (cols) != 5)
        g_error ("Line %u of the built-in country table is malformed", i + 1);

      country = g_new0 (LiaisonCountry, 1);
      country->code = g_strdup (cols[0]);
      country->names[LIAISON_LANGUAGE_EN] = g_strdup (cols[1]);
      country->names[LIAISON_LANGUAGE_ZH] = g_strdup (cols[2]);
      country->member = g_str_equal (cols[3], "1");
      country->zones = g_strsplit (cols[4], " ", -1);
      if (country->zones[0] != NULL && country->zones[0][0] == '\0')
        g_clear_pointer (&country->zones[0], g_free);

      g_ptr_array_add (countries, country);
      g_hash_table_insert (by_code, country->code, country);
    }

  return NULL;
}

static void
ensure_loaded (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, load_table, NULL);
}

const LiaisonCountry *
liaison_country_lookup (const char *code)
{
  char upper[3];

  if (code == NULL || g_utf8_strlen (code, -1) != 2)
    return NULL;

  ensure_loaded ();
  upper[0] = g_ascii_toupper (code[0]);
  upper[1] = g_ascii_toupper (code[1]);
  upper[2] = '\0';
  return g_hash_table_lookup (by_code, upper);
}

/* Accepts what people type in a spreadsheet: the code, or a name in either language. */
const LiaisonCountry *
liaison_country_find (const char *text)
{
  const LiaisonCountry *found;
  g_autofree char      *folded = NULL;

  if (text == NULL)
    return NULL;
  if ((found = liaison_country_lookup (text)) != NULL)
    return found;

  ensure_loaded ();
  folded = g_utf8_casefold (text, -1);
  g_strstrip (folded);
  for (guint i = 0; i < countries->len; i++)
    {
      const LiaisonCountry *c = g_ptr_array_index (countries, i);
      g_autofree char      *en = g_utf8_casefold (c->names[LIAISON_LANGUAGE_EN], -1);

      if (g_str_equal (folded, en) || g_str_equal (text, c->names[LIAISON_LANGUAGE_ZH]))
        return c;
    }
  return NULL;
}

GPtrArray *
liaison_country_list_all (void)
{
  ensure_loaded ();
  return g_ptr_array_copy (countries, NULL, NULL);
}

GPtrArray *
liaison_country_list_members (void)
{
  GPtrArray *members = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (member_order); i++)
    g_ptr_array_add (members, (gpointer) liaison_country_lookup (member_order[i]));
  return members;
}

const char *
liaison_country_get_code (const LiaisonCountry *self)
{
  return self->code;
}

const char *
liaison_country_get_name (const LiaisonCountry *self,
                          LiaisonLanguage       language)
{
  return self->names[language];
}

gboolean
liaison_country_is_member (const LiaisonCountry *self)
{
  return self->member;
}

const char *const *
liaison_country_get_zones (const LiaisonCountry *self)
{
  return (const char *const *) self->zones;
}

const char *
liaison_country_get_default_zone (const LiaisonCountry *self)
{
  return self->zones[0];
}

/* How people of the country usually write their names, when there is one
 * usual way: what a new person's name order follows until it is chosen
 * (the participant editor, "participants add --country"). */
gboolean
liaison_country_get_name_order (const LiaisonCountry *self,
                                LiaisonNameOrder     *order)
{
  static const struct
  {
    const char      *country;
    LiaisonNameOrder order;
  } usual[] = {
    { "CN", LIAISON_NAME_ORDER_FAMILY_FIRST },
    { "VN", LIAISON_NAME_ORDER_FAMILY_FIRST },
    { "KH", LIAISON_NAME_ORDER_FAMILY_FIRST },
    { "TH", LIAISON_NAME_ORDER_GIVEN_FIRST },
    { "LA", LIAISON_NAME_ORDER_GIVEN_FIRST },
    { "PH", LIAISON_NAME_ORDER_GIVEN_FIRST },
    { "MM", LIAISON_NAME_ORDER_MONONYM },
  };

  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (usual); i++)
    if (g_str_equal (usual[i].country, self->code))
      {
        if (order != NULL)
          *order = usual[i].order;
        return TRUE;
      }
  return FALSE;
}
