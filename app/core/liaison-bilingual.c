/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <string.h>

#include "liaison-bilingual.h"

typedef struct
{
  char                   *text;
  LiaisonTranslationState state;
  /* Digest of the source text this translation was made from. */
  char *based_on;
} Entry;

struct _LiaisonBilingual
{
  GObject         parent_instance;
  LiaisonLanguage source;
  Entry           entries[LIAISON_N_LANGUAGES];
};

G_DEFINE_FINAL_TYPE (LiaisonBilingual, liaison_bilingual, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SOURCE,
  PROP_ZH,
  PROP_EN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_empty (const char *text)
{
  return text == NULL || *text == '\0';
}

static void
liaison_bilingual_finalize (GObject *object)
{
  LiaisonBilingual *self = (LiaisonBilingual *) object;

  for (guint i = 0; i < LIAISON_N_LANGUAGES; i++)
    {
      g_clear_pointer (&self->entries[i].text, g_free);
      g_clear_pointer (&self->entries[i].based_on, g_free);
    }

  G_OBJECT_CLASS (liaison_bilingual_parent_class)->finalize (object);
}

static void
liaison_bilingual_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LiaisonBilingual *self = LIAISON_BILINGUAL (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_int (value, self->source);
      break;
    case PROP_ZH:
      g_value_set_string (value, self->entries[LIAISON_LANGUAGE_ZH].text);
      break;
    case PROP_EN:
      g_value_set_string (value, self->entries[LIAISON_LANGUAGE_EN].text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_bilingual_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LiaisonBilingual *self = LIAISON_BILINGUAL (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      liaison_bilingual_set_source (self, g_value_get_int (value));
      break;
    case PROP_ZH:
      liaison_bilingual_set_text (self, LIAISON_LANGUAGE_ZH, g_value_get_string (value));
      break;
    case PROP_EN:
      liaison_bilingual_set_text (self, LIAISON_LANGUAGE_EN, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_bilingual_class_init (LiaisonBilingualClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = liaison_bilingual_finalize;
  object_class->get_property = liaison_bilingual_get_property;
  object_class->set_property = liaison_bilingual_set_property;

  properties[PROP_SOURCE] =
      g_param_spec_int ("source", NULL, NULL,
                        LIAISON_LANGUAGE_ZH, LIAISON_LANGUAGE_EN, LIAISON_LANGUAGE_ZH,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZH] =
      g_param_spec_string ("zh", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EN] =
      g_param_spec_string ("en", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_bilingual_init (LiaisonBilingual *self)
{
}

LiaisonBilingual *
liaison_bilingual_new (LiaisonLanguage source)
{
  LiaisonBilingual *self = g_object_new (LIAISON_TYPE_BILINGUAL, NULL);

  self->source = source;
  return self;
}

LiaisonBilingual *
liaison_bilingual_new_with_text (LiaisonLanguage source,
                                 const char     *zh,
                                 const char     *en)
{
  LiaisonBilingual *self = liaison_bilingual_new (source);

  liaison_bilingual_set_text (self, LIAISON_LANGUAGE_ZH, zh);
  liaison_bilingual_set_text (self, LIAISON_LANGUAGE_EN, en);
  return self;
}

LiaisonLanguage
liaison_bilingual_get_source (LiaisonBilingual *self)
{
  g_return_val_if_fail (LIAISON_IS_BILINGUAL (self), LIAISON_LANGUAGE_ZH);
  return self->source;
}

/* The new source's state follows its text, as for any source. The former
 * source becomes a translation that nobody checked against the new source:
 * if it had text it is stale until someone marks it again. */
void
liaison_bilingual_set_source (LiaisonBilingual *self,
                              LiaisonLanguage   source)
{
  Entry *entry;

  g_return_if_fail (LIAISON_IS_BILINGUAL (self));
  g_return_if_fail (source < LIAISON_N_LANGUAGES);

  if (self->source == source)
    return;
  self->source = source;
  entry = &self->entries[source];
  entry->state = entry->text != NULL ? LIAISON_TRANSLATION_REVIEWED : LIAISON_TRANSLATION_MISSING;
  g_clear_pointer (&entry->based_on, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/* A text exists in the language it was written in: when the source
 * language has no text and the other has, the other is the source. Called
 * where texts are saved and loaded, so the order in which a form sets the
 * two languages does not matter. */
void
liaison_bilingual_settle_source (LiaisonBilingual *self)
{
  LiaisonLanguage other;

  g_return_if_fail (LIAISON_IS_BILINGUAL (self));

  other = liaison_language_other (self->source);
  if (self->entries[self->source].text == NULL && self->entries[other].text != NULL)
    liaison_bilingual_set_source (self, other);
}

const char *
liaison_bilingual_get_text (LiaisonBilingual *self,
                            LiaisonLanguage   language)
{
  g_return_val_if_fail (LIAISON_IS_BILINGUAL (self), NULL);
  g_return_val_if_fail (language < LIAISON_N_LANGUAGES, NULL);

  return self->entries[language].text;
}

/* Editing a text makes it a draft: only a person marks it translated or
 * reviewed. The source language's own state follows its text. */
void
liaison_bilingual_set_text (LiaisonBilingual *self,
                            LiaisonLanguage   language,
                            const char       *text)
{
  Entry *entry;

  g_return_if_fail (LIAISON_IS_BILINGUAL (self));
  g_return_if_fail (language < LIAISON_N_LANGUAGES);

  entry = &self->entries[language];
  if (is_empty (text))
    text = NULL;
  if (g_strcmp0 (entry->text, text) == 0)
    return;

  g_free (entry->text);
  entry->text = g_strdup (text);

  if (text == NULL)
    entry->state = LIAISON_TRANSLATION_MISSING;
  else if (language == self->source)
    entry->state = LIAISON_TRANSLATION_REVIEWED;
  else
    {
      entry->state = LIAISON_TRANSLATION_DRAFT;
      g_clear_pointer (&entry->based_on, g_free);
    }

  g_object_notify_by_pspec (G_OBJECT (self),
                            properties[language == LIAISON_LANGUAGE_ZH ? PROP_ZH : PROP_EN]);
}

/* Both languages as a person typed them in a form (an editor, the command
 * line); NULL is no text. A translation a person typed is translated,
 * waiting for review: not a draft, which is what a translator leaves
 * unfinished or a PO file marks fuzzy. The source is set first, so the
 * translation is made from the source as typed; a language whose text did
 * not change keeps its state. */
void
liaison_bilingual_set_typed (LiaisonBilingual *self,
                             const char       *zh,
                             const char       *en)
{
  const char     *texts[LIAISON_N_LANGUAGES];
  gboolean        changed[LIAISON_N_LANGUAGES] = { FALSE };
  LiaisonLanguage source, other;

  g_return_if_fail (LIAISON_IS_BILINGUAL (self));

  texts[LIAISON_LANGUAGE_ZH] = is_empty (zh) ? NULL : zh;
  texts[LIAISON_LANGUAGE_EN] = is_empty (en) ? NULL : en;
  for (LiaisonLanguage l = 0; l < LIAISON_N_LANGUAGES; l++)
    changed[l] = g_strcmp0 (self->entries[l].text, texts[l]) != 0;
  /* Both written before the source is settled: emptying both leaves both
   * empty, whichever was the source. */
  source = self->source;
  other = liaison_language_other (source);
  if (changed[source])
    liaison_bilingual_set_text (self, source, texts[source]);
  if (changed[other])
    {
      liaison_bilingual_set_text (self, other, texts[other]);
      if (texts[other] != NULL)
        liaison_bilingual_set_state (self, other, LIAISON_TRANSLATION_TRANSLATED);
    }
  liaison_bilingual_settle_source (self);
}

const char *
liaison_bilingual_get_display (LiaisonBilingual *self,
                               LiaisonLanguage   preferred)
{
  const char *text;

  g_return_val_if_fail (LIAISON_IS_BILINGUAL (self), NULL);

  text = self->entries[preferred].text;
  if (text == NULL)
    text = self->entries[liaison_language_other (preferred)].text;
  return text != NULL ? text : "";
}

LiaisonTranslationState
liaison_bilingual_get_state (LiaisonBilingual *self,
                             LiaisonLanguage   language)
{
  g_return_val_if_fail (LIAISON_IS_BILINGUAL (self), LIAISON_TRANSLATION_MISSING);
  g_return_val_if_fail (language < LIAISON_N_LANGUAGES, LIAISON_TRANSLATION_MISSING);
  return self->entries[language].state;
}

/* The state a translator sees: a translated or reviewed text whose source
 * changed since is stale. */
LiaisonTranslationState
liaison_bilingual_get_effective_state (LiaisonBilingual *self,
                                       LiaisonLanguage   language)
{
  g_return_val_if_fail (LIAISON_IS_BILINGUAL (self), LIAISON_TRANSLATION_MISSING);
  g_return_val_if_fail (language < LIAISON_N_LANGUAGES, LIAISON_TRANSLATION_MISSING);

  if (liaison_bilingual_is_stale (self, language))
    return LIAISON_TRANSLATION_STALE;
  return self->entries[language].state;
}

/* Marks a translation: translated and reviewed remember the source text
 * they were made from. The source language's state follows its own text,
 * so setting it does nothing. */
void
liaison_bilingual_set_state (LiaisonBilingual       *self,
                             LiaisonLanguage         language,
                             LiaisonTranslationState state)
{
  Entry *entry;

  g_return_if_fail (LIAISON_IS_BILINGUAL (self));
  g_return_if_fail (language < LIAISON_N_LANGUAGES);
  g_return_if_fail (state < LIAISON_TRANSLATION_STALE);

  if (language == self->source)
    return;

  entry = &self->entries[language];
  if (entry->text == NULL)
    state = LIAISON_TRANSLATION_MISSING;
  else if (state == LIAISON_TRANSLATION_MISSING)
    state = LIAISON_TRANSLATION_DRAFT;
  entry->state = state;

  g_clear_pointer (&entry->based_on, g_free);
  if (state >= LIAISON_TRANSLATION_TRANSLATED)
    entry->based_on = liaison_bilingual_digest (self->entries[self->source].text);
}

const char *
liaison_bilingual_get_based_on (LiaisonBilingual *self,
                                LiaisonLanguage   language)
{
  g_return_val_if_fail (LIAISON_IS_BILINGUAL (self), NULL);
  return self->entries[language].based_on;
}

void
liaison_bilingual_restore (LiaisonBilingual       *self,
                           LiaisonLanguage         language,
                           const char             *text,
                           LiaisonTranslationState state,
                           const char             *based_on)
{
  Entry *entry;
  char  *copy, *based_on_copy;

  g_return_if_fail (LIAISON_IS_BILINGUAL (self));
  g_return_if_fail (language < LIAISON_N_LANGUAGES);

  /* Stale is derived, never stored; a row that says so is read as translated. */
  if (state >= LIAISON_TRANSLATION_STALE)
    state = LIAISON_TRANSLATION_TRANSLATED;

  entry = &self->entries[language];
  /* text may be entry->text itself: copy before freeing. */
  copy = is_empty (text) ? NULL : g_strdup (text);
  based_on_copy = g_strdup (based_on);
  g_free (entry->text);
  entry->text = copy;
  entry->state = entry->text == NULL ? LIAISON_TRANSLATION_MISSING : state;
  g_free (entry->based_on);
  entry->based_on = based_on_copy;
}

gboolean
liaison_bilingual_is_stale (LiaisonBilingual *self,
                            LiaisonLanguage   language)
{
  Entry           *entry;
  g_autofree char *digest = NULL;

  g_return_val_if_fail (LIAISON_IS_BILINGUAL (self), FALSE);
  g_return_val_if_fail (language < LIAISON_N_LANGUAGES, FALSE);

  entry = &self->entries[language];
  if (language == self->source || entry->state < LIAISON_TRANSLATION_TRANSLATED)
    return FALSE;

  digest = liaison_bilingual_digest (self->entries[self->source].text);
  return g_strcmp0 (digest, entry->based_on) != 0;
}

char *
liaison_bilingual_digest (const char *text)
{
  g_autofree char *full = NULL;

  if (text == NULL)
    text = "";
  full = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  return g_strndup (full, 16);
}

const char *
liaison_language_code (LiaisonLanguage language)
{
  return language == LIAISON_LANGUAGE_ZH ? "zh" : "en";
}

gboolean
liaison_language_from_code (const char      *code,
                            LiaisonLanguage *language)
{
  if (code == NULL)
    return FALSE;
  if (g_ascii_strncasecmp (code, "zh", 2) == 0)
    *language = LIAISON_LANGUAGE_ZH;
  else if (g_ascii_strncasecmp (code, "en", 2) == 0)
    *language = LIAISON_LANGUAGE_EN;
  else
    return FALSE;
  return TRUE;
}

LiaisonLanguage
liaison_language_other (LiaisonLanguage language)
{
  return language == LIAISON_LANGUAGE_ZH ? LIAISON_LANGUAGE_EN : LIAISON_LANGUAGE_ZH;
}

LiaisonLanguage
liaison_language_for_locale (void)
{
  const char *const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      LiaisonLanguage language;

      if (liaison_language_from_code (names[i], &language))
        return language;
    }
  return LIAISON_LANGUAGE_EN;
}
