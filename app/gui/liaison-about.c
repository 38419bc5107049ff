/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "liaison-about.h"

/* The About window from the AppStream metainfo, as newer libadwaita does
 * with adw_about_window_new_from_appdata (1.4; Debian 12 has 1.2): name,
 * summary, developer, homepage, licence and the newest release's notes, in
 * the interface language where the metainfo has it. */

typedef struct
{
  GPtrArray         *path;       /* element names, outermost first */
  int                lang_score; /* of the text being read; lower is better */
  GString           *text;
  GHashTable        *best;       /* field → text */
  GHashTable        *best_score; /* field → score */
  char              *url_type;
  char              *release_version;
  gboolean           in_first_release;
  gboolean           release_done;
  GString           *notes; /* the release notes so far, as markup */
  GString           *leaf;  /* the paragraph or item being read */
  gboolean           leaf_translated;
  char              *pending;    /* the last untranslated paragraph, until its translation */
  int                skip_depth; /* inside a paragraph in another language */
  const char *const *languages;
} Reader;

/* 0 for the interface language, 1 for the untranslated text, -1 to skip. */
static int
score_language (Reader     *r,
                const char *lang)
{
  const char *const *names = r->languages;

  if (lang == NULL)
    return 1;
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], lang))
      return 0;
  return -1;
}

static const char *
attribute (const char **names,
           const char **values,
           const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return values[i];
  return NULL;
}

static gboolean
inside (Reader     *r,
        const char *a,
        const char *b)
{
  guint n = r->path->len;

  return n >= 2 && g_str_equal (g_ptr_array_index (r->path, n - 2), a) && g_str_equal (g_ptr_array_index (r->path, n - 1), b);
}

/* Release notes come as paragraphs and list items, each followed by its
 * translations (<p xml:lang="zh_CN">). Each one is written in the interface
 * language where it has a translation, and as written where it has not. */
static gboolean
is_leaf (const char *element)
{
  return g_str_equal (element, "p") || g_str_equal (element, "li");
}

static gboolean
is_inline (const char *element)
{
  return g_str_equal (element, "em") || g_str_equal (element, "code");
}

static void
flush_pending (Reader *r)
{
  if (r->pending != NULL)
    g_string_append (r->notes, r->pending);
  g_clear_pointer (&r->pending, g_free);
}

static void
notes_start (Reader     *r,
             const char *element,
             const char *lang)
{
  if (r->skip_depth > 0 || (lang != NULL && score_language (r, lang) != 0))
    {
      r->skip_depth++;
      return;
    }
  if (r->leaf != NULL)
    {
      if (is_inline (element))
        g_string_append_printf (r->leaf, "<%s>", element);
      return;
    }
  if (is_leaf (element))
    {
      r->leaf = g_string_new (NULL);
      g_string_append_printf (r->leaf, "<%s>", element);
      r->leaf_translated = lang != NULL;
      return;
    }
  if (g_str_equal (element, "ul") || g_str_equal (element, "ol"))
    {
      flush_pending (r);
      g_string_append_printf (r->notes, "<%s>", element);
    }
}

static void
notes_end (Reader     *r,
           const char *element)
{
  if (r->skip_depth > 0)
    {
      r->skip_depth--;
      return;
    }
  if (r->leaf != NULL && is_inline (element))
    {
      g_string_append_printf (r->leaf, "</%s>", element);
      return;
    }
  if (r->leaf != NULL && is_leaf (element))
    {
      g_autofree char *markup = NULL;

      g_string_append_printf (r->leaf, "</%s>", element);
      markup = g_string_free (g_steal_pointer (&r->leaf), FALSE);
      if (r->leaf_translated)
        {
          /* The translation of the paragraph before it. */
          g_clear_pointer (&r->pending, g_free);
          g_string_append (r->notes, markup);
        }
      else
        {
          flush_pending (r);
          r->pending = g_steal_pointer (&markup);
        }
      return;
    }
  if (g_str_equal (element, "ul") || g_str_equal (element, "ol"))
    {
      flush_pending (r);
      g_string_append_printf (r->notes, "</%s>", element);
    }
}

static void
on_start (GMarkupParseContext *context,
          const char          *element,
          const char         **names,
          const char         **values,
          gpointer             user_data,
          GError             **error)
{
  Reader     *r = user_data;
  const char *lang = attribute (names, values, "xml:lang");

  g_ptr_array_add (r->path, g_strdup (element));
  if (g_str_equal (element, "release") && !r->release_done && r->release_version == NULL)
    {
      r->release_version = g_strdup (attribute (names, values, "version"));
      r->in_first_release = TRUE;
    }
  if (r->in_first_release && r->notes != NULL)
    notes_start (r, element, lang);
  else if (r->in_first_release && g_str_equal (element, "description"))
    r->notes = g_string_new (NULL);

  if (g_str_equal (element, "url"))
    {
      g_free (r->url_type);
      r->url_type = g_strdup (attribute (names, values, "type"));
    }
  g_string_truncate (r->text, 0);
  r->lang_score = score_language (r, lang);
}

static void
keep (Reader     *r,
      const char *field)
{
  gpointer old = g_hash_table_lookup (r->best_score, field);
  int      score = r->lang_score;

  if (score < 0)
    return;
  if (old != NULL && GPOINTER_TO_INT (old) - 1 <= score)
    return;
  g_hash_table_insert (r->best_score, (gpointer) field, GINT_TO_POINTER (score + 1));
  g_hash_table_insert (r->best, (gpointer) field, g_strdup (g_strstrip (r->text->str)));
}

static void
on_end (GMarkupParseContext *context,
        const char          *element,
        gpointer             user_data,
        GError             **error)
{
  Reader *r = user_data;

  if (inside (r, "component", "name"))
    keep (r, "name");
  else if (inside (r, "component", "summary"))
    keep (r, "summary");
  else if (inside (r, "component", "developer_name"))
    keep (r, "developer");
  else if (inside (r, "component", "project_license"))
    keep (r, "license");
  else if (inside (r, "component", "url") && g_strcmp0 (r->url_type, "homepage") == 0)
    keep (r, "website");

  if (r->in_first_release && r->notes != NULL)
    {
      if (g_str_equal (element, "description"))
        {
          flush_pending (r);
          r->in_first_release = FALSE;
          r->release_done = TRUE;
        }
      else
        notes_end (r, element);
    }
  if (g_str_equal (element, "release") && r->in_first_release)
    {
      r->in_first_release = FALSE;
      r->release_done = TRUE;
    }
  g_ptr_array_set_size (r->path, r->path->len - 1);
}

static void
on_text (GMarkupParseContext *context,
         const char          *text,
         gsize                len,
         gpointer             user_data,
         GError             **error)
{
  Reader *r = user_data;

  g_string_append_len (r->text, text, len);
  if (r->leaf != NULL && r->skip_depth == 0)
    {
      g_autofree char *escaped = g_markup_escape_text (text, len);

      g_string_append (r->leaf, escaped);
    }
}

GtkWidget *
liaison_about_window_new (const char *metainfo_resource,
                          GError    **error)
{
  g_autoptr (GBytes) bytes = g_resources_lookup_data (metainfo_resource, 0, error);

  if (bytes == NULL)
    return NULL;
  return liaison_about_window_new_from_bytes (bytes, g_get_language_names (), error);
}

GtkWidget *
liaison_about_window_new_from_bytes (GBytes            *metainfo,
                                     const char *const *languages,
                                     GError           **error)
{
  static const GMarkupParser parser = { on_start, on_end, on_text, NULL, NULL };
  g_autoptr (GMarkupParseContext) context = NULL;
  Reader     r = { .languages = languages };
  GtkWidget *about;

  r.path = g_ptr_array_new_with_free_func (g_free);
  r.text = g_string_new (NULL);
  r.best = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  r.best_score = g_hash_table_new (g_str_hash, g_str_equal);
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &r, NULL);
  if (!g_markup_parse_context_parse (context, g_bytes_get_data (metainfo, NULL), g_bytes_get_size (metainfo), error) || !g_markup_parse_context_end_parse (context, error))
    about = NULL;
  else
    {
      const char *license = g_hash_table_lookup (r.best, "license");
      static const struct
      {
        const char *field, *property;
      } texts[] = {
        { "name", "application-name" },
        { "summary", "comments" },
        { "developer", "developer-name" },
        { "website", "website" },
      };

      about = adw_about_window_new ();
      /* Only what the metainfo has: the window refuses a missing text. */
      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        if (g_hash_table_lookup (r.best, texts[i].field) != NULL)
          g_object_set (about, texts[i].property, g_hash_table_lookup (r.best, texts[i].field), NULL);
      g_object_set (about, "license-type",
                    g_strcmp0 (license, "GPL-3.0-or-later") == 0 ? GTK_LICENSE_GPL_3_0 : GTK_LICENSE_CUSTOM, NULL);
      if (r.release_version != NULL && r.notes != NULL && r.notes->len > 0)
        g_object_set (about, "release-notes-version", r.release_version, "release-notes", r.notes->str, NULL);
    }

  g_ptr_array_unref (r.path);
  g_string_free (r.text, TRUE);
  g_hash_table_unref (r.best);
  g_hash_table_unref (r.best_score);
  g_free (r.url_type);
  g_free (r.release_version);
  if (r.notes != NULL)
    g_string_free (r.notes, TRUE);
  if (r.leaf != NULL)
    g_string_free (r.leaf, TRUE);
  g_free (r.pending);
  return about;
}
