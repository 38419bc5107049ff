/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "liaison-cli.h"
#include "liaison-cli-common.h"
#include "liaison-cli-translations.h"
#include "liaison-content-po.h"
#include "liaison-json.h"

/* liaison translations [export FILE | import FILE]: the texts that need
 * translating, and the PO round trip for translators' own tools. */

static gboolean
parse_language (const char      *text,
                LiaisonLanguage *language,
                int             *status)
{
  if (text == NULL)
    return TRUE;
  if ((g_str_equal (text, "zh") || g_str_equal (text, "en")) && liaison_language_from_code (text, language))
    return TRUE;
  /* Translators: %s is what was given after --language; zh and en are literal */
  *status = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unknown language “%s” (choose zh or en)"), text);
  return FALSE;
}

static gboolean
parse_states (char **texts,
              guint *mask,
              int   *status)
{
  *mask = 0;
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      int state;

      if (g_str_equal (texts[i], "all"))
        *mask |= LIAISON_TRANSLATION_ANY_STATE;
      else if (liaison_enum_from_nick (LIAISON_TYPE_TRANSLATION_STATE, texts[i], &state))
        *mask |= LIAISON_TRANSLATION_STATE_MASK (state);
      else
        {
          g_autofree char *nicks = liaison_enum_nicks (LIAISON_TYPE_TRANSLATION_STATE);

          /* Translators: %1$s is what was given, %2$s the states; “all” is literal */
          *status = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unknown translation state “%1$s” (choose from: %2$s, all)"),
                                      texts[i], nicks);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_kinds (char **texts,
             guint *kinds,
             int   *status)
{
  static const struct
  {
    const char *name;
    guint       kinds;
  } names[] = {
    { "events", LIAISON_CONTENT_EVENTS },
    { "plan", LIAISON_CONTENT_PLAN },
    { "programme", LIAISON_CONTENT_PROGRAMME },
    { "participants", LIAISON_CONTENT_PARTICIPANTS },
    { "all", LIAISON_CONTENT_ALL },
  };

  *kinds = 0;
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      guint found = 0;

      for (guint n = 0; n < G_N_ELEMENTS (names); n++)
        if (g_str_equal (texts[i], names[n].name))
          found = names[n].kinds;
      if (found == 0)
        {
          /* Translators: %s is what was given; the names in parentheses are literal */
          *status = liaison_cli_fail (LIAISON_EXIT_USAGE,
                                      _ ("Unknown content “%s” (choose from: events, plan, programme, participants, all)"), texts[i]);
          return FALSE;
        }
      *kinds |= found;
    }
  return TRUE;
}

static JsonNode *
item_to_json (LiaisonTranslationItem *item)
{
  g_autoptr (JsonBuilder) b = json_builder_new ();
  const char *text = liaison_translation_item_get_text (item);
  const char *owner = liaison_translation_item_get_owner (item, liaison_translation_item_get_source_language (item));

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "key");
  json_builder_add_string_value (b, liaison_translation_item_get_key (item));
  json_builder_set_member_name (b, "entity");
  json_builder_add_string_value (b, liaison_translation_item_get_entity (item));
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, liaison_translation_item_get_entity_id (item));
  json_builder_set_member_name (b, "field");
  json_builder_add_string_value (b, liaison_translation_item_get_field (item));
  json_builder_set_member_name (b, "language");
  json_builder_add_string_value (b, liaison_language_code (liaison_translation_item_get_language (item)));
  json_builder_set_member_name (b, "source_language");
  json_builder_add_string_value (b, liaison_language_code (liaison_translation_item_get_source_language (item)));
  json_builder_set_member_name (b, "state");
  json_builder_add_string_value (b, liaison_enum_to_nick (LIAISON_TYPE_TRANSLATION_STATE,
                                                          liaison_translation_item_get_state (item)));
  json_builder_set_member_name (b, "saved_state");
  json_builder_add_string_value (b, liaison_enum_to_nick (LIAISON_TYPE_TRANSLATION_STATE,
                                                          liaison_translation_item_get_saved_state (item)));
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, liaison_translation_item_get_source_text (item));
  if (text != NULL)
    {
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, text);
    }
  if (*owner != '\0')
    {
      json_builder_set_member_name (b, "owner");
      json_builder_add_string_value (b, owner);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* "event/1f0c…/title" is long; the last characters of a UUID are what the
 * other commands show and accept. */
static char *
short_key (LiaisonTranslationItem *item)
{
  const char *id = liaison_translation_item_get_entity_id (item);

  return g_strdup_printf ("%s/%s/%s", liaison_translation_item_get_entity (item),
                          liaison_uuid_is_valid (id) ? liaison_uuid_short (id) : id,
                          liaison_translation_item_get_field (item));
}

int
liaison_cli_translations (LiaisonStore *store,
                          int           argc,
                          char        **argv)
{
  char             **states = NULL, **contents = NULL;
  char              *language = NULL;
  gboolean           json = FALSE;
  const GOptionEntry entries[] = {
    { "state", 0, 0, G_OPTION_ARG_STRING_ARRAY, &states,
      N_ ("Only texts in this state: missing, draft, translated, reviewed, stale or all (repeatable)"), N_ ("STATE") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_ ("Only texts to translate into this language: zh or en"), N_ ("LANGUAGE") },
    { "content", 0, 0, G_OPTION_ARG_STRING_ARRAY, &contents,
      N_ ("Only this content: events, plan, programme, participants or all (repeatable)"), N_ ("CONTENT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_ ("Print a JSON array"), NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
      liaison_cli_new_context (NULL, _ ("List the texts that need translating: events' titles, themes, descriptions and cities, the "
                                        "action plan, and the Green Envoys Programme. Without --state: all but reviewed ones."));
  LiaisonTranslationFilter filter = LIAISON_TRANSLATION_FILTER_INIT;
  LiaisonLanguage          target = LIAISON_LANGUAGE_EN;
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  int rc = LIAISON_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    goto out;
  if (argc > 1)
    {
      rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unexpected argument “%s”"), argv[1]);
      goto out;
    }
  if (!parse_states (states, &filter.states, &rc) || !parse_kinds (contents, &filter.kinds, &rc) || !parse_language (language, &target, &rc))
    goto out;
  if (language != NULL)
    filter.language = target;

  items = liaison_store_list_translations (store, &filter, 0, 0, &error);
  if (items == NULL)
    {
      rc = liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }

  if (json)
    {
      g_autoptr (JsonArray) array = json_array_new ();
      g_autoptr (JsonNode) node = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < items->len; i++)
        json_array_add_element (array, item_to_json (g_ptr_array_index (items, i)));
      json_node_set_array (node, array);
      liaison_cli_print_json (node);
      goto out;
    }

  {
    g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
    guint key_width = 0, state_width = 0;

    for (guint i = 0; i < items->len; i++)
      {
        LiaisonTranslationItem *item = g_ptr_array_index (items, i);
        char                   *key = short_key (item);

        g_ptr_array_add (keys, key);
        key_width = MAX (key_width, liaison_cli_width (key));
        state_width = MAX (state_width,
                           liaison_cli_width (liaison_translation_state_label (liaison_translation_item_get_state (item))));
      }
    for (guint i = 0; i < items->len; i++)
      {
        LiaisonTranslationItem *item = g_ptr_array_index (items, i);
        g_autofree char        *state = liaison_cli_pad (liaison_translation_state_label (liaison_translation_item_get_state (item)),
                                                         state_width);
        g_autofree char        *key = liaison_cli_pad (g_ptr_array_index (keys, i), key_width);
        const char             *source = liaison_translation_item_get_source_text (item);
        const char             *newline = strchr (source, '\n');

        /* The first line of the source text only: one text, one line. */
        liaison_cli_outf ("%s  %s  %s  %.*s%s\n", liaison_language_code (liaison_translation_item_get_language (item)), state, key,
                          newline ? (int) (newline - source) : (int) strlen (source), source, newline ? " …" : "");
      }
  }
  liaison_cli_outln (ngettext ("%u text listed", "%u texts listed", items->len), items->len);

out:
  g_strfreev (states);
  g_strfreev (contents);
  g_free (language);
  return rc;
}

int
liaison_cli_translations_export (LiaisonStore *store,
                                 int           argc,
                                 char        **argv)
{
  char             **states = NULL, **contents = NULL;
  char              *language = NULL;
  const GOptionEntry entries[] = {
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_ ("The language to translate into: zh or en (en if not given)"), N_ ("LANGUAGE") },
    { "state", 0, 0, G_OPTION_ARG_STRING_ARRAY, &states,
      N_ ("Only texts in this state: missing, draft, translated, reviewed, stale or all (repeatable)"), N_ ("STATE") },
    { "content", 0, 0, G_OPTION_ARG_STRING_ARRAY, &contents,
      N_ ("Only this content: events, plan, programme, participants or all (repeatable)"), N_ ("CONTENT") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
      liaison_cli_new_context (_ ("FILE"), _ ("Write the texts that need translating into one language to a PO file, for Poedit or any "
                                              "PO editor. Drafts and stale translations are marked fuzzy. Without --state: all but "
                                              "reviewed ones."));
  LiaisonTranslationFilter filter = LIAISON_TRANSLATION_FILTER_INIT;
  LiaisonLanguage          target = LIAISON_LANGUAGE_EN;
  g_autoptr (GError) error = NULL;
  guint n = 0;
  int   rc = LIAISON_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    goto out;
  if (argc != 2)
    {
      rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give the PO file to write"));
      goto out;
    }
  if (!parse_states (states, &filter.states, &rc) || !parse_kinds (contents, &filter.kinds, &rc) || !parse_language (language, &target, &rc))
    goto out;

  if (!liaison_content_po_export (store, &filter, target, argv[1], &n, &error))
    {
      rc = liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }

  if (target == LIAISON_LANGUAGE_ZH)
    liaison_cli_outln (ngettext ("Wrote %1$u text to translate into Chinese to %2$s",
                                 "Wrote %1$u texts to translate into Chinese to %2$s", n),
                       n, argv[1]);
  else
    liaison_cli_outln (ngettext ("Wrote %1$u text to translate into English to %2$s",
                                 "Wrote %1$u texts to translate into English to %2$s", n),
                       n, argv[1]);

out:
  g_strfreev (states);
  g_strfreev (contents);
  g_free (language);
  return rc;
}

int
liaison_cli_translations_import (LiaisonStore *store,
                                 int           argc,
                                 char        **argv)
{
  const GOptionEntry entries[] = {
    { NULL }
  };
  g_autoptr (GOptionContext) context =
      liaison_cli_new_context (_ ("FILE"), _ ("Apply the translations of a PO file made by “liaison translations export”. An entry "
                                              "whose source text changed since the export, or whose record is gone, is refused with "
                                              "a message; the others are applied. Exit status 2 when any entry was refused."));
  g_autoptr (LiaisonPoImport) result = NULL;
  g_autoptr (GError) error = NULL;
  int rc = LIAISON_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    return rc;
  if (argc != 2)
    return liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give the PO file to read"));

  result = liaison_content_po_import (store, argv[1], LIAISON_ORIGIN_LOCAL, &error);
  if (result == NULL)
    return liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);

  for (guint i = 0; i < result->refused->len; i++)
    {
      LiaisonPoRefusal *refusal = g_ptr_array_index (result->refused, i);

      /* An entry without msgctxt (or an empty one) is named by its line alone. */
      if (*refusal->context == '\0')
        liaison_cli_fail (LIAISON_EXIT_DATA, "%s:%u: %s", argv[1], refusal->line, refusal->message);
      else
        {
          g_autofree char *msgctxt = liaison_text_shorten (refusal->context, 80);

          liaison_cli_fail (LIAISON_EXIT_DATA, "%s:%u: %s: %s", argv[1], refusal->line, msgctxt, refusal->message);
        }
    }

  liaison_cli_outln (ngettext ("%u translation applied", "%u translations applied", result->applied), result->applied);
  liaison_cli_outln (ngettext ("%u entry unchanged", "%u entries unchanged", result->unchanged), result->unchanged);
  liaison_cli_outln (ngettext ("%u entry not translated yet", "%u entries not translated yet", result->untranslated),
                     result->untranslated);
  if (result->refused->len > 0)
    {
      liaison_cli_outln (ngettext ("%u entry refused (see the messages above)", "%u entries refused (see the messages above)",
                                   result->refused->len),
                         result->refused->len);
      rc = LIAISON_EXIT_DATA;
    }
  return rc;
}

/* The id of a key as the list shows it (the end of a UUID) or in full. */
static char *
resolve_id (LiaisonStore *store,
            const char   *entity,
            const char   *id,
            GError      **error)
{
  if (g_str_equal (entity, "event") && !liaison_uuid_is_valid (id))
    {
      g_autoptr (LiaisonEvent) event = liaison_store_find_event (store, id, error);
      return event != NULL ? g_strdup (liaison_event_get_id (event)) : NULL;
    }
  if (g_str_equal (entity, "participant") && !liaison_uuid_is_valid (id))
    {
      g_autoptr (LiaisonParticipant) p = liaison_store_find_participant (store, id, error);
      return p != NULL ? g_strdup (liaison_participant_get_id (p)) : NULL;
    }
  return g_strdup (id);
}

int
liaison_cli_translations_set (LiaisonStore *store,
                              int           argc,
                              char        **argv)
{
  char              *language = NULL, *text = NULL, *state = NULL;
  const GOptionEntry entries[] = {
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_ ("The language of the text: zh or en (the one translated into if not given)"), N_ ("LANGUAGE") },
    { "text", 0, 0, G_OPTION_ARG_STRING, &text, N_ ("The new text (the current one if not given)"), N_ ("TEXT") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state,
      N_ ("draft, translated or reviewed (translated if not given)"), N_ ("STATE") },
    { NULL }
  };
  g_autoptr (GOptionContext) context =
      liaison_cli_new_context (_ ("KEY"), _ ("Set one text's translation or its state, for instance to mark it reviewed. KEY is as "
                                             "“liaison translations” shows it, such as event/1f0c2a3b/title or plan/1.1.2/title."));
  g_autoptr (LiaisonBilingual) current = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char        *entity = NULL, *id = NULL, *field = NULL, *full_id = NULL;
  LiaisonLanguage         target;
  int                     state_value = LIAISON_TRANSLATION_TRANSLATED;
  LiaisonTranslationState result;
  int                     rc = LIAISON_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!liaison_cli_parse (context, &argc, &argv, &rc))
    goto out;
  if (argc != 2)
    {
      rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give the key of one text, such as plan/1.1.2/title"));
      goto out;
    }
  if (!liaison_content_key_parse (argv[1], &entity, &id, &field))
    {
      rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("“%s” is not the key of a text Liaison translates (see “liaison translations”)"),
                             argv[1]);
      goto out;
    }
  if (state != NULL && (!liaison_enum_from_nick (LIAISON_TYPE_TRANSLATION_STATE, state, &state_value) || state_value == LIAISON_TRANSLATION_MISSING || state_value == LIAISON_TRANSLATION_STALE))
    {
      /* Translators: %s is what was given; draft, translated and reviewed are literal */
      rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Unknown state “%s” (choose from: draft, translated, reviewed)"), state);
      goto out;
    }
  if (text == NULL && state == NULL)
    {
      rc = liaison_cli_fail (LIAISON_EXIT_USAGE, _ ("Give a new text with --text, a state with --state, or both"));
      goto out;
    }

  if ((full_id = resolve_id (store, entity, id, &error)) == NULL || (current = liaison_store_get_content_text (store, entity, full_id, field, &error)) == NULL)
    {
      rc = liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }
  target = liaison_language_other (liaison_bilingual_get_source (current));
  if (!parse_language (language, &target, &rc))
    goto out;
  if (text == NULL && liaison_bilingual_get_text (current, target) == NULL)
    {
      rc = liaison_cli_fail (LIAISON_EXIT_DATA, _ ("This text has no translation yet; give one with --text"));
      goto out;
    }

  if (!liaison_store_set_translation (store, entity, full_id, field, target,
                                      text != NULL ? text : liaison_bilingual_get_text (current, target),
                                      state_value, LIAISON_ORIGIN_LOCAL, &error))
    {
      rc = liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }

  g_clear_object (&current);
  current = liaison_store_get_content_text (store, entity, full_id, field, &error);
  if (current == NULL)
    {
      rc = liaison_cli_fail (LIAISON_EXIT_DATA, "%s", error->message);
      goto out;
    }
  result = liaison_bilingual_get_effective_state (current, target);
  if (target == LIAISON_LANGUAGE_ZH)
    /* Translators: %1$s is a key such as plan/1.1.2/title, %2$s a translation state (“Reviewed”) */
    liaison_cli_outln (_ ("%1$s: Chinese text saved, state “%2$s”"), argv[1], liaison_translation_state_label (result));
  else
    /* Translators: %1$s is a key such as plan/1.1.2/title, %2$s a translation state (“Reviewed”) */
    liaison_cli_outln (_ ("%1$s: English text saved, state “%2$s”"), argv[1], liaison_translation_state_label (result));

out:
  g_free (language);
  g_free (text);
  g_free (state);
  return rc;
}
