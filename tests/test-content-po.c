/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-content-po.h"
#include "test-util.h"

#define ZH LIAISON_LANGUAGE_ZH
#define EN LIAISON_LANGUAGE_EN

/* What is left to translate, without the shipped history's English that
 * waits for review. */
#define TO_TRANSLATE \
  (LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_MISSING) | LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_DRAFT) | LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_STALE))

typedef struct
{
  char         *dir;
  LiaisonStore *store;
  char         *forum;
  char         *seminar;
  char         *visit;
} Fixture;

static char *
add_event (LiaisonStore *store,
           const char   *title_zh,
           const char   *title_en,
           const char   *theme_zh,
           const char   *description_zh)
{
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_bilingual_set_text (liaison_event_get_title (event), ZH, title_zh);
  liaison_bilingual_set_text (liaison_event_get_title (event), EN, title_en);
  liaison_bilingual_set_text (liaison_event_get_theme (event), ZH, theme_zh);
  liaison_bilingual_set_text (liaison_event_get_description (event), ZH, description_zh);
  g_assert_true (liaison_event_set_when (event, "2026-09-15", NULL, NULL, &error));
  liaison_event_set_kind (event, LIAISON_EVENT_KIND_FORUM);
  g_assert_true (liaison_store_save_event (store, event, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return g_strdup (liaison_event_get_id (event));
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *path = NULL;
  g_autoptr (GError) error = NULL;

  f->dir = test_make_dir ();
  path = g_build_filename (f->dir, "liaison.db", NULL);
  f->store = liaison_store_open (path, &error);
  g_assert_no_error (error);
  f->forum = add_event (f->store, "2026年中国-东盟环境合作论坛", "China-ASEAN Environmental Cooperation Forum 2026",
                        "海洋减塑与\"蓝色\"伙伴关系", "第一段\n第二段，含\\反斜杠\t和制表符\n");
  f->seminar = add_event (f->store, "中国-东盟生态友好城市发展研讨会", NULL, "城市生物多样性", NULL);
  f->visit = add_event (f->store, "赴柬埔寨考察调研", NULL, NULL, NULL);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_assert_finalize_object (g_steal_pointer (&f->store));
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->forum);
  g_free (f->seminar);
  g_free (f->visit);
}

static char *export(Fixture *f,
                    guint    states,
                    guint   *n)
{
  LiaisonTranslationFilter filter = { states, -1, LIAISON_CONTENT_EVENTS };
  g_autoptr (GError) error = NULL;
  char *po = liaison_content_po_export_to_data (f->store, &filter, EN, n, &error);

  g_assert_no_error (error);
  g_assert_nonnull (po);
  return po;
}

static void
assert_msgfmt_check (Fixture    *f,
                     const char *po)
{
  g_autofree char *msgfmt = g_find_program_in_path ("msgfmt");
  g_autofree char *path = g_build_filename (f->dir, "check.po", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_nonnull (msgfmt);
  g_assert_true (g_file_set_contents (path, po, -1, NULL));
  {
    const char *argv[] = { msgfmt, "--check", "--statistics", "-o", "/dev/null", path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("msgfmt --check refused the export:\n%s\n%s", err, po);
}

/* The entry of msgctxt ctx: where it starts (its comments) and ends. */
static void
find_entry (GString    *po,
            const char *ctx,
            gsize      *start,
            gsize      *end)
{
  g_autofree char *needle = g_strdup_printf ("\nmsgctxt \"%s\"\n", ctx);
  const char      *at = strstr (po->str, needle);
  const char      *p;

  g_assert_nonnull (at);
  p = at;
  while (p > po->str && !(p[-1] == '\n' && p[0] == '\n'))
    p--;
  *start = p - po->str;
  p = strstr (at + 1, "\n\n");
  *end = p != NULL ? (gsize) (p - po->str) + 1 : po->len;
}

/* What a translator does in Poedit: a new msgstr, the fuzzy mark set or
 * cleared. */
static void
translate (GString    *po,
           const char *ctx,
           const char *msgstr,
           gboolean    fuzzy)
{
  gsize start, end;
  g_autoptr (GString) entry = NULL;
  const char      *at;
  g_autofree char *escaped = NULL;

  find_entry (po, ctx, &start, &end);
  entry = g_string_new_len (po->str + start, end - start);
  g_string_replace (entry, "#, fuzzy\n", "", 0);
  if (fuzzy)
    {
      g_autofree char *line = g_strdup_printf ("msgctxt \"%s\"", ctx);
      at = strstr (entry->str, line);
      g_string_insert (entry, at - entry->str, "#, fuzzy\n");
    }
  if (msgstr != NULL)
    {
      at = strstr (entry->str, "\nmsgstr ");
      g_string_truncate (entry, at - entry->str + 1);
      escaped = g_strescape (msgstr, "");
      g_string_append_printf (entry, "msgstr \"%s\"\n", escaped);
    }
  g_string_erase (po, start, end - start);
  g_string_insert (po, start, entry->str);
}

static guint
line_of (const char *po,
         const char *text)
{
  const char *at = strstr (po, text);
  guint       line = 1;

  g_assert_nonnull (at);
  for (const char *p = po; p < at; p++)
    line += *p == '\n';
  return line;
}

static LiaisonBilingual *
get_text (Fixture    *f,
          const char *id,
          const char *field)
{
  g_autoptr (GError) error = NULL;
  LiaisonBilingual *text = liaison_store_get_content_text (f->store, "event", id, field, &error);

  g_assert_no_error (error);
  return text;
}

static LiaisonPoImport *
import (Fixture    *f,
        const char *po,
        GError    **error)
{
  return liaison_content_po_import_data (f->store, po, strlen (po), "forum.po", LIAISON_ORIGIN_LOCAL, error);
}

static void
test_export (Fixture      *f,
             gconstpointer data)
{
  g_autofree char *po = NULL;
  g_autofree char *ctx = NULL;
  guint            n = 0;

  po = export(f, TO_TRANSLATE, &n);
  /* Forum: title (draft), theme, description; seminar: title, theme;
   * visit: title. */
  g_assert_cmpuint (n, ==, 6);
  assert_msgfmt_check (f, po);

  g_assert_nonnull (strstr (po, "\"Language: en\\n\""));
  g_assert_nonnull (strstr (po, "\"X-Source-Language: zh_CN\\n\""));
  ctx = g_strdup_printf ("#, fuzzy\nmsgctxt \"event/%s/title\"\nmsgid \"2026年中国-东盟环境合作论坛\"\n"
                         "msgstr \"China-ASEAN Environmental Cooperation Forum 2026\"\n",
                         f->forum);
  g_assert_nonnull (strstr (po, ctx));
  g_assert_nonnull (strstr (po, "msgid \"海洋减塑与\\\"蓝色\\\"伙伴关系\"\nmsgstr \"\"\n"));
  g_assert_nonnull (strstr (po, "msgid \"\"\n\"第一段\\n\"\n\"第二段，含\\\\反斜杠\\t和制表符\\n\"\nmsgstr \"\"\n"));

  /* Reviewed texts are left out unless asked for. */
  g_free (po);
  po = export(f, LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_REVIEWED), &n);
  g_assert_cmpuint (n, ==, 0);
  assert_msgfmt_check (f, po);
}

/* Export, translate in a PO editor, import; meanwhile someone changed one
 * source text and deleted an event: those two entries are refused with
 * their line, the others applied. */
static void
test_round_trip (Fixture      *f,
                 gconstpointer data)
{
  g_autofree char *exported = export(f, TO_TRANSLATE, NULL);
  g_autoptr (GString) po = g_string_new (exported);
  g_autofree char *forum_title = g_strdup_printf ("event/%s/title", f->forum);
  g_autofree char *forum_theme = g_strdup_printf ("event/%s/theme", f->forum);
  g_autofree char *forum_description = g_strdup_printf ("event/%s/description", f->forum);
  g_autofree char *seminar_title = g_strdup_printf ("event/%s/title", f->seminar);
  g_autofree char *seminar_theme = g_strdup_printf ("event/%s/theme", f->seminar);
  g_autofree char *visit_title = g_strdup_printf ("event/%s/title", f->visit);
  g_autofree char *line = NULL;
  g_autoptr (LiaisonPoImport) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (LiaisonEvent) seminar = NULL;
  LiaisonBilingual *text;
  LiaisonPoRefusal *refusal;

  translate (po, forum_title, NULL, FALSE);
  translate (po, forum_theme, "Marine plastics reduction and \"blue\" partnerships", FALSE);
  translate (po, forum_description, "First paragraph\nSecond, with a \\ backslash\tand a tab", TRUE);
  translate (po, seminar_title, "China-ASEAN Seminar on Eco-friendly City Development", FALSE);
  translate (po, seminar_theme, "Urban biodiversity", FALSE);
  translate (po, visit_title, "Study visit to Cambodia", FALSE);
  assert_msgfmt_check (f, po->str);

  /* Meanwhile, in the window. */
  seminar = liaison_store_get_event (f->store, f->seminar, &error);
  g_assert_no_error (error);
  liaison_bilingual_set_text (liaison_event_get_theme (seminar), ZH, "城市生物多样性保护");
  g_assert_true (liaison_store_save_event (f->store, seminar, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_true (liaison_store_delete_event (f->store, f->visit, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);

  result = import (f, po->str, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
  g_assert_cmpint (result->language, ==, EN);
  g_assert_cmpuint (result->applied, ==, 4);
  g_assert_cmpuint (result->unchanged, ==, 0);
  g_assert_cmpuint (result->refused->len, ==, 2);

  refusal = g_ptr_array_index (result->refused, 0);
  g_assert_cmpstr (refusal->context, ==, seminar_theme);
  line = g_strdup_printf ("msgctxt \"%s\"", seminar_theme);
  g_assert_cmpuint (refusal->line, ==, line_of (po->str, line));
  g_assert_nonnull (strstr (refusal->message, "source text changed"));
  refusal = g_ptr_array_index (result->refused, 1);
  g_assert_cmpstr (refusal->context, ==, visit_title);
  g_assert_nonnull (strstr (refusal->message, f->visit));

  /* Applied: the title lost its fuzzy mark, so it is translated now. */
  text = get_text (f, f->forum, "title");
  g_assert_cmpstr (liaison_bilingual_get_text (text, EN), ==, "China-ASEAN Environmental Cooperation Forum 2026");
  g_assert_cmpint (liaison_bilingual_get_effective_state (text, EN), ==, LIAISON_TRANSLATION_TRANSLATED);
  g_object_unref (text);
  text = get_text (f, f->forum, "theme");
  g_assert_cmpstr (liaison_bilingual_get_text (text, EN), ==, "Marine plastics reduction and \"blue\" partnerships");
  g_assert_cmpint (liaison_bilingual_get_effective_state (text, EN), ==, LIAISON_TRANSLATION_TRANSLATED);
  g_object_unref (text);
  /* Fuzzy in the file: a draft, stored as typed (msgfmt checks no fuzzy entry). */
  text = get_text (f, f->forum, "description");
  g_assert_cmpstr (liaison_bilingual_get_text (text, EN), ==, "First paragraph\nSecond, with a \\ backslash\tand a tab");
  g_assert_cmpint (liaison_bilingual_get_effective_state (text, EN), ==, LIAISON_TRANSLATION_DRAFT);
  g_object_unref (text);
  text = get_text (f, f->seminar, "title");
  g_assert_cmpint (liaison_bilingual_get_effective_state (text, EN), ==, LIAISON_TRANSLATION_TRANSLATED);
  g_object_unref (text);

  /* Refused: left as it was. */
  text = get_text (f, f->seminar, "theme");
  g_assert_null (liaison_bilingual_get_text (text, EN));
  g_object_unref (text);

  /* The same file again changes nothing that was applied. */
  {
    g_autoptr (LiaisonPoImport) again = NULL;
    gint64 seq = liaison_store_get_last_seq (f->store);

    again = import (f, po->str, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (again->applied, ==, 0);
    g_assert_cmpuint (again->unchanged, ==, 4);
    g_assert_cmpuint (again->refused->len, ==, 2);
    g_assert_cmpint (liaison_store_get_last_seq (f->store), ==, seq);
  }

  /* Marked translated as typed (no line break at the end, unlike its
   * source), it exports with the source's line break, as msgfmt wants. */
  g_assert_true (liaison_store_set_translation (f->store, "event", f->forum, "description", EN,
                                                "First paragraph\nSecond, with a \\ backslash\tand a tab",
                                                LIAISON_TRANSLATION_TRANSLATED, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  {
    g_autofree char *again = export(f, LIAISON_TRANSLATION_ANY_STATE, NULL);

    assert_msgfmt_check (f, again);
    g_assert_nonnull (strstr (again, "msgstr \"\"\n\"First paragraph\\n\"\n\"Second, with a \\\\ backslash\\tand a tab\\n\"\n"));
  }
}

/* Fuzzy marks carry the states: a stale translation exported fuzzy and
 * confirmed by clearing the mark is current again; left fuzzy it is left
 * alone. */
static void
test_fuzzy (Fixture      *f,
            gconstpointer data)
{
  g_autofree char *key = g_strdup_printf ("event/%s/title", f->forum);
  g_autoptr (LiaisonEvent) forum = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *exported = NULL;
  g_autoptr (GString) po = NULL;
  g_autoptr (LiaisonPoImport) kept = NULL;
  g_autoptr (LiaisonPoImport) confirmed = NULL;
  LiaisonBilingual *text;

  g_assert_true (liaison_store_set_translation (f->store, "event", f->forum, "title", EN,
                                                "China-ASEAN Environmental Cooperation Forum 2026",
                                                LIAISON_TRANSLATION_REVIEWED, LIAISON_ORIGIN_LOCAL, &error));
  forum = liaison_store_get_event (f->store, f->forum, &error);
  liaison_bilingual_set_text (liaison_event_get_title (forum), ZH, "2026年中国-东盟环境合作论坛（南宁）");
  g_assert_true (liaison_store_save_event (f->store, forum, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);

  exported = export(f, LIAISON_TRANSLATION_STATE_MASK (LIAISON_TRANSLATION_STALE), NULL);
  g_assert_nonnull (strstr (exported, "#, fuzzy\nmsgctxt"));
  g_assert_nonnull (strstr (exported, "Stale"));

  kept = import (f, exported, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kept->unchanged, ==, 1);
  text = get_text (f, f->forum, "title");
  g_assert_cmpint (liaison_bilingual_get_effective_state (text, EN), ==, LIAISON_TRANSLATION_STALE);
  g_object_unref (text);

  po = g_string_new (exported);
  translate (po, key, NULL, FALSE);
  confirmed = import (f, po->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (confirmed->applied, ==, 1);
  text = get_text (f, f->forum, "title");
  g_assert_cmpint (liaison_bilingual_get_effective_state (text, EN), ==, LIAISON_TRANSLATION_TRANSLATED);
  g_object_unref (text);
}

/* What PO editors write back: wrapped strings, previous msgids, obsolete
 * entries, comments in other places. */
static void
test_editor_output (Fixture      *f,
                    gconstpointer data)
{
  g_autofree char *po = g_strdup_printf ("# Translator's note\n"
                                         "msgid \"\"\n"
                                         "msgstr \"\"\n"
                                         "\"Language: en_GB\\n\"\n"
                                         "\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
                                         "\n"
                                         "#. The title of an event.\n"
                                         "#| msgid \"旧的标题\"\n"
                                         "msgctxt \"event/%s/title\"\n"
                                         "msgid \"\"\n"
                                         "\"赴柬埔寨\"\n"
                                         "\"考察调研\"\n"
                                         "msgstr \"\"\n"
                                         "\"Study visit \"\n"
                                         "\"to Cambodia\"\n"
                                         "\n"
                                         "#~ msgctxt \"event/gone/title\"\n"
                                         "#~ msgid \"旧的\"\n"
                                         "#~ msgstr \"Old\"\n",
                                         f->visit);
  g_autoptr (LiaisonPoImport) result = NULL;
  g_autoptr (GError) error = NULL;
  LiaisonBilingual *text;

  result = import (f, po, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->applied, ==, 1);
  g_assert_cmpuint (result->refused->len, ==, 0);
  text = get_text (f, f->visit, "title");
  g_assert_cmpstr (liaison_bilingual_get_text (text, EN), ==, "Study visit to Cambodia");
  g_object_unref (text);
}

static void
assert_refused_whole (Fixture    *f,
                      const char *po,
                      int         code,
                      const char *expected)
{
  g_autoptr (LiaisonPoImport) result = NULL;
  g_autoptr (GError) error = NULL;
  gint64 seq = liaison_store_get_last_seq (f->store);

  result = import (f, po, &error);
  g_assert_null (result);
  g_assert_error (error, LIAISON_CONTENT_PO_ERROR, code);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
  /* Nothing applied, not even the entries before the fault. */
  g_assert_cmpint (liaison_store_get_last_seq (f->store), ==, seq);
}

static void
test_malformed (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *exported = export(f, TO_TRANSLATE, NULL);
  g_autofree char *key = g_strdup_printf ("event/%s/title", f->visit);
  g_autofree char *broken_line = NULL;
  g_autofree char *expected = NULL;
  g_autoptr (GString) po = g_string_new (exported);
  g_autoptr (GString) dup = NULL;
  g_autofree char  *no_header = NULL;
  LiaisonBilingual *text;
  guint             line;

  /* Every entry translated, then the last one's msgstr loses its closing
   * quote: nothing at all may be applied. */
  {
    g_autofree char *forum_theme = g_strdup_printf ("event/%s/theme", f->forum);
    translate (po, forum_theme, "Marine plastics", FALSE);
  }
  translate (po, key, "Study visit to Cambodia", FALSE);
  broken_line = g_strdup ("msgstr \"Study visit to Cambodia\"\n");
  line = line_of (po->str, broken_line);
  g_string_replace (po, broken_line, "msgstr \"Study visit to Cambodia\n", 1);
  expected = g_strdup_printf ("forum.po:%u:", line);
  assert_refused_whole (f, po->str, LIAISON_CONTENT_PO_ERROR_MALFORMED, expected);
  text = get_text (f, f->forum, "theme");
  g_assert_null (liaison_bilingual_get_text (text, EN));
  g_object_unref (text);

  assert_refused_whole (f, "msgid \"\"\nmsgstr \"Language: en\\n\"\n\nmsgid \"a\"\nmsgstr \"\\q\"\n",
                        LIAISON_CONTENT_PO_ERROR_MALFORMED, "forum.po:5:");
  assert_refused_whole (f, "msgid \"\"\nmsgstr \"Language: en\\n\"\n\nmsgctxt \"a\"\nmsgstr \"b\"\n",
                        LIAISON_CONTENT_PO_ERROR_MALFORMED, "forum.po:5:");
  assert_refused_whole (f, "msgid \"\"\nmsgstr \"Language: en\\n\"\n\nmsgid \"a\"\nmsgid_plural \"as\"\nmsgstr[0] \"b\"\n",
                        LIAISON_CONTENT_PO_ERROR_MALFORMED, "forum.po:5:");
  assert_refused_whole (f, "msgid \"\"\nmsgstr \"Language: en\\n\"\n\nmsgid \"a\"\n",
                        LIAISON_CONTENT_PO_ERROR_MALFORMED, "forum.po:4:");
  assert_refused_whole (f, "msgid \"\"\nmsgstr \"Language: en\\n\"\nfoo bar\n",
                        LIAISON_CONTENT_PO_ERROR_MALFORMED, "forum.po:3:");
  assert_refused_whole (f, "msgid \"\"\nmsgstr \"Language: en\\n\"\n\nmsgid \"\xe4\xb8\"\nmsgstr \"\"\n",
                        LIAISON_CONTENT_PO_ERROR_MALFORMED, "forum.po:4:");
  assert_refused_whole (f, "msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\"Content-Type: text/plain; charset=GB18030\\n\"\n",
                        LIAISON_CONTENT_PO_ERROR_MALFORMED, "GB18030");
  assert_refused_whole (f, "msgid \"\"\nmsgstr \"Language: fr\\n\"\n", LIAISON_CONTENT_PO_ERROR_LANGUAGE, "“fr”");

  /* No header: which language would the translations be in? */
  no_header = g_strdup (strstr (exported, "\n\n") + 2);
  assert_refused_whole (f, no_header, LIAISON_CONTENT_PO_ERROR_LANGUAGE, "forum.po");

  /* The same text twice. */
  dup = g_string_new (exported);
  {
    gsize            start, end;
    g_autofree char *entry = NULL;

    find_entry (dup, key, &start, &end);
    entry = g_strndup (dup->str + start, end - start);
    g_string_append_printf (dup, "\n%s", entry);
    assert_refused_whole (f, dup->str, LIAISON_CONTENT_PO_ERROR_MALFORMED, "appears twice");
  }
}

/* Files as a careless editor or a hostile sender makes them: what the
 * window or the command line would refuse is refused here too, and each
 * fault is named for what it is. */
static void
test_hostile (Fixture      *f,
              gconstpointer data)
{
  static const char header[] = "msgid \"\"\nmsgstr \"Language: en\\n\"\n\n";
  static const char with_nul[] = "msgid \"\"\nmsgstr \"Language: en\\n\"\n\nmsgid \"a\"\nmsgstr \"b\0c\"\n";
  g_autofree char  *key = g_strdup_printf ("event/%s/title", f->visit);
  g_autofree char  *escapes = g_strdup_printf ("%smsgctxt \"%s\"\nmsgid \"赴柬埔寨考察调研\"\nmsgstr \"A\\xff\\xfeB\\377\"\n", header, key);
  g_autofree char  *controls = g_strdup_printf ("%smsgctxt \"%s\"\nmsgid \"赴柬埔寨考察调研\"\nmsgstr \"A\\001B\\033[31m\"\n", header, key);
  g_autofree char  *blank = g_strdup_printf ("%smsgctxt \"%s\"\nmsgid \"赴柬埔寨考察调研\"\nmsgstr \"   \"\n", header, key);
  g_autoptr (LiaisonPoImport) result = NULL;
  g_autoptr (GError) error = NULL;
  gint64            seq = liaison_store_get_last_seq (f->store);
  LiaisonPoRefusal *refusal;
  LiaisonBilingual *text;

  /* A NUL is a NUL, not an encoding problem. */
  result = liaison_content_po_import_data (f->store, with_nul, sizeof with_nul - 1, "forum.po", LIAISON_ORIGIN_LOCAL, &error);
  g_assert_null (result);
  g_assert_error (error, LIAISON_CONTENT_PO_ERROR, LIAISON_CONTENT_PO_ERROR_MALFORMED);
  g_assert_cmpstr (error->message, ==, "forum.po:5: this line holds a NUL character");
  g_clear_error (&error);

  assert_refused_whole (f, escapes, LIAISON_CONTENT_PO_ERROR_MALFORMED, "forum.po:4: this entry's escapes make text that is not valid UTF-8");

  result = import (f, controls, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->applied, ==, 0);
  g_assert_cmpuint (result->refused->len, ==, 1);
  refusal = g_ptr_array_index (result->refused, 0);
  g_assert_cmpuint (refusal->line, ==, 4);
  g_assert_cmpstr (refusal->context, ==, key);
  g_assert_cmpstr (refusal->message, ==, "The text holds the control character U+0001");
  g_clear_pointer (&result, liaison_po_import_free);

  result = import (f, blank, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->refused->len, ==, 1);
  refusal = g_ptr_array_index (result->refused, 0);
  g_assert_cmpstr (refusal->message, ==, "The text holds only spaces");

  g_assert_cmpint (liaison_store_get_last_seq (f->store), ==, seq);
  text = get_text (f, f->visit, "title");
  g_assert_null (liaison_bilingual_get_text (text, EN));
  g_object_unref (text);
}

static void
test_files (Fixture      *f,
            gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.po", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "nothing-here.po", NULL);
  g_autoptr (LiaisonPoImport) result = NULL;
  g_autoptr (GError) error = NULL;
  guint n = 0;

  g_assert_true (liaison_content_po_export (f->store, NULL, ZH, path, &n, &error));
  g_assert_no_error (error);
  /* Nothing is written in English first here: a valid file of no entries. */
  g_assert_cmpuint (n, ==, 0);
  result = liaison_content_po_import (f->store, path, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (result->language, ==, ZH);
  g_clear_pointer (&result, liaison_po_import_free);

  result = liaison_content_po_import (f->store, missing, LIAISON_ORIGIN_LOCAL, &error);
  g_assert_null (result);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/liaison/content-po/export", test_export);
  ADD ("/liaison/content-po/hostile", test_hostile);
  ADD ("/liaison/content-po/round-trip", test_round_trip);
  ADD ("/liaison/content-po/fuzzy", test_fuzzy);
  ADD ("/liaison/content-po/editor-output", test_editor_output);
  ADD ("/liaison/content-po/malformed", test_malformed);
  ADD ("/liaison/content-po/files", test_files);
#undef ADD

  return g_test_run ();
}
