/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-export-template.h"
#include "liaison-io-error.h"

#define KEY "export-templates"
#define TEMPLATE_TYPE "(ssssas)"
#define MAX_NAME_CHARS 80

static const char *header_names[] = { "zh", "en", "both" };

const char *
liaison_export_headers_to_string (LiaisonExportHeaders headers)
{
  g_return_val_if_fail (headers < G_N_ELEMENTS (header_names), NULL);
  return header_names[headers];
}

gboolean
liaison_export_headers_from_string (const char           *text,
                                    LiaisonExportHeaders *headers)
{
  for (guint i = 0; i < G_N_ELEMENTS (header_names); i++)
    if (g_strcmp0 (text, header_names[i]) == 0)
      {
        *headers = i;
        return TRUE;
      }
  return FALSE;
}

LiaisonExportTemplate *
liaison_export_template_new (const char          *name,
                             LiaisonExportKind    kind,
                             LiaisonLanguage      language,
                             LiaisonExportHeaders headers,
                             const char *const   *columns)
{
  LiaisonExportTemplate *t = g_new0 (LiaisonExportTemplate, 1);

  t->name = g_strdup (name);
  t->kind = kind;
  t->language = language;
  t->headers = headers;
  t->columns = g_strdupv ((char **) columns);
  return t;
}

void
liaison_export_template_free (LiaisonExportTemplate *template)
{
  if (template == NULL)
    return;
  g_free (template->name);
  g_strfreev (template->columns);
  g_free (template);
}

/* A template whose columns this version no longer has is skipped, not
 * half applied. */
static LiaisonExportTemplate *
from_variant (GVariant         *item,
              LiaisonExportKind want)
{
  const char             *name, *kind_text, *language, *headers_text;
  g_autofree const char **columns = NULL;
  LiaisonExportKind       kind;
  LiaisonExportHeaders    headers;

  g_variant_get (item, "(&s&s&s&s^a&s)", &name, &kind_text, &language, &headers_text, &columns);
  if (!liaison_export_kind_from_string (kind_text, &kind) || kind != want || !liaison_export_headers_from_string (headers_text, &headers) || !liaison_export_check_columns (kind, columns, NULL))
    return NULL;
  return liaison_export_template_new (name, kind, g_str_equal (language, "zh") ? LIAISON_LANGUAGE_ZH : LIAISON_LANGUAGE_EN,
                                      headers, columns);
}

GPtrArray *
liaison_export_templates_list (GSettings        *settings,
                               LiaisonExportKind kind)
{
  g_autoptr (GVariant) all = g_settings_get_value (settings, KEY);
  GPtrArray   *list = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_export_template_free);
  GVariantIter iter;
  GVariant    *item;

  g_variant_iter_init (&iter, all);
  while ((item = g_variant_iter_next_value (&iter)) != NULL)
    {
      LiaisonExportTemplate *t = from_variant (item, kind);

      if (t != NULL)
        g_ptr_array_add (list, t);
      g_variant_unref (item);
    }
  return list;
}

LiaisonExportTemplate *
liaison_export_templates_find (GSettings        *settings,
                               LiaisonExportKind kind,
                               const char       *name)
{
  g_autoptr (GPtrArray) list = liaison_export_templates_list (settings, kind);

  for (guint i = 0; i < list->len; i++)
    {
      LiaisonExportTemplate *t = g_ptr_array_index (list, i);

      if (g_str_equal (t->name, name))
        return g_ptr_array_steal_index (list, i);
    }
  return NULL;
}

/* Every template but the one of that kind and name, then perhaps a new one
 * in its place. */
static gboolean
rewrite (GSettings                   *settings,
         LiaisonExportKind            kind,
         const char                  *name,
         const LiaisonExportTemplate *replacement)
{
  g_autoptr (GVariant) all = g_settings_get_value (settings, KEY);
  g_auto (GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a" TEMPLATE_TYPE));
  GVariantIter iter;
  GVariant    *item;
  gboolean     found = FALSE;

  g_variant_iter_init (&iter, all);
  while ((item = g_variant_iter_next_value (&iter)) != NULL)
    {
      const char *item_name, *item_kind;

      g_variant_get_child (item, 0, "&s", &item_name);
      g_variant_get_child (item, 1, "&s", &item_kind);
      if (g_str_equal (item_name, name) && g_str_equal (item_kind, liaison_export_kind_to_string (kind)))
        found = TRUE;
      else
        g_variant_builder_add_value (&builder, item);
      g_variant_unref (item);
    }
  if (replacement != NULL)
    g_variant_builder_add (&builder, "(ssss^as)", replacement->name, liaison_export_kind_to_string (replacement->kind),
                           replacement->language == LIAISON_LANGUAGE_ZH ? "zh" : "en",
                           liaison_export_headers_to_string (replacement->headers), replacement->columns);
  g_settings_set_value (settings, KEY, g_variant_builder_end (&builder));
  return found;
}

gboolean
liaison_export_templates_save (GSettings *settings,
                               const LiaisonExportTemplate *template,
                               GError **error)
{
  g_autofree char *name = g_strstrip (g_strdup (template->name != NULL ? template->name : ""));

  if (*name == '\0')
    {
      g_set_error_literal (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_UNSUPPORTED, _ ("Give the template a name"));
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > MAX_NAME_CHARS)
    {
      g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_UNSUPPORTED,
                   _ ("A template's name has at most %d characters"), MAX_NAME_CHARS);
      return FALSE;
    }
  if (!liaison_export_check_columns (template->kind, (const char *const *) template->columns, error))
    return FALSE;
  {
    g_autoptr (LiaisonExportTemplate) copy = liaison_export_template_new (name, template->kind, template->language,
                                                                          template->headers,
                                                                          (const char *const *) template->columns);
    rewrite (settings, template->kind, name, copy);
  }
  return TRUE;
}

gboolean
liaison_export_templates_delete (GSettings        *settings,
                                 LiaisonExportKind kind,
                                 const char       *name)
{
  return rewrite (settings, kind, name, NULL);
}
