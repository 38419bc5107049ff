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
  GPtrArray *path;        /* element names, outermost first */
  int lang_score;         /* of the text being read; lower is better */
  GString *text;
  GHashTable *best;       /* field → text */
  GHashTable *best_score; /* field → score */
  char *url_type;
  char *release_version;
  gboolean in_first_release;
  gboolean release_done;
  GString *notes;
  int notes_score;
  int best_notes_score;
  char *best_notes;
} Reader;

/* 0 for the interface language, 1 for the untranslated text, -1 to skip. */
static int
score_language (const char *lang)
{
  const char * const *names = g_get_language_names ();

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

static void
clear_notes (Reader *r)
{
  if (r->notes != NULL)
    g_string_free (g_steal_pointer (&r->notes), TRUE);
}

static void
on_start (GMarkupParseContext  *context,
          const char           *element,
          const char          **names,
          const char          **values,
          gpointer              user_data,
          GError              **error)
{
  Reader *r = user_data;
  const char *lang = attribute (names, values, "xml:lang");

  g_ptr_array_add (r->path, g_strdup (element));
  if (g_str_equal (element, "release") && !r->release_done && r->release_version == NULL)
    {
      r->release_version = g_strdup (attribute (names, values, "version"));
      r->in_first_release = TRUE;
    }
  if (r->in_first_release && r->notes != NULL && !g_str_equal (element, "description"))
    {
      /* Release notes keep their own markup (p, ul, ol, li, em, code). */
      if (score_language (lang) == r->notes_score || lang == NULL)
        g_string_append_printf (r->notes, "<%s>", element);
    }
  if (r->in_first_release && g_str_equal (element, "description"))
    {
      clear_notes (r);
      r->notes = g_string_new (NULL);
      r->notes_score = 1;
    }
  if (r->in_first_release && r->notes != NULL && g_str_equal (element, "p") && lang != NULL)
    r->notes_score = score_language (lang);

  if (g_str_equal (element, "url"))
    {
      g_free (r->url_type);
      r->url_type = g_strdup (attribute (names, values, "type"));
    }
  g_string_truncate (r->text, 0);
  r->lang_score = score_language (lang);
}

static void
keep (Reader     *r,
      const char *field)
{
  gpointer old = g_hash_table_lookup (r->best_score, field);
  int score = r->lang_score;

  if (score < 0)
    return;
  if (old != NULL && GPOINTER_TO_INT (old) - 1 <= score)
    return;
  g_hash_table_insert (r->best_score, (gpointer) field, GINT_TO_POINTER (score + 1));
  g_hash_table_insert (r->best, (gpointer) field, g_strdup (g_strstrip (r->text->str)));
}

static void
on_end (GMarkupParseContext  *context,
        const char           *element,
        gpointer              user_data,
        GError              **error)
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
          if (r->best_notes == NULL || r->notes_score < r->best_notes_score)
            {
              g_free (r->best_notes);
              r->best_notes = g_strdup (r->notes->str);
              r->best_notes_score = r->notes_score;
            }
          clear_notes (r);
        }
      else
        {
          g_autofree char *escaped = g_markup_escape_text (r->text->str, -1);

          if (g_str_equal (element, "p") || g_str_equal (element, "li"))
            g_string_append (r->notes, escaped);
          g_string_append_printf (r->notes, "</%s>", element);
        }
    }
  if (g_str_equal (element, "release") && r->in_first_release)
    {
      r->in_first_release = FALSE;
      r->release_done = TRUE;
    }
  g_ptr_array_set_size (r->path, r->path->len - 1);
}

static void
on_text (GMarkupParseContext  *context,
         const char           *text,
         gsize                 len,
         gpointer              user_data,
         GError              **error)
{
  Reader *r = user_data;

  g_string_append_len (r->text, text, len);
}

GtkWidget *
liaison_about_window_new (const char  *metainfo_resource,
                          GError     **error)
{
  static const GMarkupParser parser = { on_start, on_end, on_text, NULL, NULL };
  g_autoptr(GBytes) bytes = g_resources_lookup_data (metainfo_resource, 0, error);
  g_autoptr(GMarkupParseContext) context = NULL;
  Reader r = { 0, };
  GtkWidget *about;

  if (bytes == NULL)
    return NULL;

  r.path = g_ptr_array_new_with_free_func (g_free);
  r.text = g_string_new (NULL);
  r.best = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  r.best_score = g_hash_table_new (g_str_hash, g_str_equal);
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &r, NULL);
  if (!g_markup_parse_context_parse (context, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error)
      || !g_markup_parse_context_end_parse (context, error))
    about = NULL;
  else
    {
      const char *license = g_hash_table_lookup (r.best, "license");

      about = adw_about_window_new ();
      g_object_set (about,
                    "application-name", g_hash_table_lookup (r.best, "name"),
                    "comments", g_hash_table_lookup (r.best, "summary"),
                    "developer-name", g_hash_table_lookup (r.best, "developer"),
                    "website", g_hash_table_lookup (r.best, "website"),
                    "license-type", g_strcmp0 (license, "GPL-3.0-or-later") == 0 ? GTK_LICENSE_GPL_3_0
                                                                                 : GTK_LICENSE_CUSTOM,
                    NULL);
      if (r.release_version != NULL && r.best_notes != NULL)
        g_object_set (about, "release-notes-version", r.release_version, "release-notes", r.best_notes, NULL);
    }

  g_ptr_array_unref (r.path);
  g_string_free (r.text, TRUE);
  g_hash_table_unref (r.best);
  g_hash_table_unref (r.best_score);
  g_free (r.url_type);
  g_free (r.release_version);
  if (r.notes != NULL)
    g_string_free (r.notes, TRUE);
  g_free (r.best_notes);
  return about;
}
