/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-store"

#include "config.h"

#include "liaison-translation-item.h"

/* One text to translate: a field of an event, a plan item, the programme
 * or a person, in the language it is to be translated into, with its
 * source text and the translation as they were when it was listed. A
 * snapshot: the window edits through liaison_store_set_translation and the
 * list reloads. */
struct _LiaisonTranslationItem
{
  GObject parent_instance;

  char                   *entity;
  char                   *entity_id;
  char                   *field;
  char                   *key;
  LiaisonLanguage         language;
  LiaisonLanguage         source_language;
  char                   *source_text;
  char                   *text;
  LiaisonTranslationState state;
  LiaisonTranslationState saved_state;
  char                   *owner[LIAISON_N_LANGUAGES];
};

G_DEFINE_FINAL_TYPE (LiaisonTranslationItem, liaison_translation_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_KEY,
  PROP_LANGUAGE,
  PROP_SOURCE_TEXT,
  PROP_TEXT,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
liaison_translation_item_finalize (GObject *object)
{
  LiaisonTranslationItem *self = (LiaisonTranslationItem *) object;

  g_clear_pointer (&self->entity, g_free);
  g_clear_pointer (&self->entity_id, g_free);
  g_clear_pointer (&self->field, g_free);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->source_text, g_free);
  g_clear_pointer (&self->text, g_free);
  for (guint i = 0; i < LIAISON_N_LANGUAGES; i++)
    g_clear_pointer (&self->owner[i], g_free);

  G_OBJECT_CLASS (liaison_translation_item_parent_class)->finalize (object);
}

static void
liaison_translation_item_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  LiaisonTranslationItem *self = LIAISON_TRANSLATION_ITEM (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_LANGUAGE:
      g_value_set_int (value, self->language);
      break;
    case PROP_SOURCE_TEXT:
      g_value_set_string (value, self->source_text);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_translation_item_class_init (LiaisonTranslationItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = liaison_translation_item_finalize;
  object_class->get_property = liaison_translation_item_get_property;

  properties[PROP_KEY] =
      g_param_spec_string ("key", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANGUAGE] =
      g_param_spec_int ("language", NULL, NULL, LIAISON_LANGUAGE_ZH, LIAISON_LANGUAGE_EN, LIAISON_LANGUAGE_EN,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_TEXT] =
      g_param_spec_string ("source-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
      g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
      g_param_spec_enum ("state", NULL, NULL, LIAISON_TYPE_TRANSLATION_STATE, LIAISON_TRANSLATION_MISSING,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
liaison_translation_item_init (LiaisonTranslationItem *self)
{
}

/* The item is the translation into the language that is not the text's
 * source. */
LiaisonTranslationItem *
liaison_translation_item_new (const char       *entity,
                              const char       *entity_id,
                              const char       *field,
                              LiaisonBilingual *text,
                              const char       *owner_zh,
                              const char       *owner_en)
{
  LiaisonTranslationItem *self;

  g_return_val_if_fail (entity != NULL && entity_id != NULL && field != NULL, NULL);
  g_return_val_if_fail (LIAISON_IS_BILINGUAL (text), NULL);

  self = g_object_new (LIAISON_TYPE_TRANSLATION_ITEM, NULL);
  self->entity = g_strdup (entity);
  self->entity_id = g_strdup (entity_id);
  self->field = g_strdup (field);
  self->key = g_strdup_printf ("%s/%s/%s", entity, entity_id, field);
  self->source_language = liaison_bilingual_get_source (text);
  self->language = liaison_language_other (self->source_language);
  self->source_text = g_strdup (liaison_bilingual_get_text (text, self->source_language));
  self->text = g_strdup (liaison_bilingual_get_text (text, self->language));
  self->state = liaison_bilingual_get_effective_state (text, self->language);
  self->saved_state = liaison_bilingual_get_state (text, self->language);
  self->owner[LIAISON_LANGUAGE_ZH] = g_strdup (owner_zh);
  self->owner[LIAISON_LANGUAGE_EN] = g_strdup (owner_en);
  return self;
}

const char *
liaison_translation_item_get_entity (LiaisonTranslationItem *self)
{
  g_return_val_if_fail (LIAISON_IS_TRANSLATION_ITEM (self), NULL);
  return self->entity;
}

const char *
liaison_translation_item_get_entity_id (LiaisonTranslationItem *self)
{
  g_return_val_if_fail (LIAISON_IS_TRANSLATION_ITEM (self), NULL);
  return self->entity_id;
}

const char *
liaison_translation_item_get_field (LiaisonTranslationItem *self)
{
  g_return_val_if_fail (LIAISON_IS_TRANSLATION_ITEM (self), NULL);
  return self->field;
}

/* "event/<uuid>/title": names the field in a PO file's msgctxt, in the
 * JSON the command line prints and in liaison_content_key_parse. */
const char *
liaison_translation_item_get_key (LiaisonTranslationItem *self)
{
  g_return_val_if_fail (LIAISON_IS_TRANSLATION_ITEM (self), NULL);
  return self->key;
}

LiaisonLanguage
liaison_translation_item_get_language (LiaisonTranslationItem *self)
{
  g_return_val_if_fail (LIAISON_IS_TRANSLATION_ITEM (self), LIAISON_LANGUAGE_EN);
  return self->language;
}

LiaisonLanguage
liaison_translation_item_get_source_language (LiaisonTranslationItem *self)
{
  g_return_val_if_fail (LIAISON_IS_TRANSLATION_ITEM (self), LIAISON_LANGUAGE_ZH);
  return self->source_language;
}

const char *
liaison_translation_item_get_source_text (LiaisonTranslationItem *self)
{
  g_return_val_if_fail (LIAISON_IS_TRANSLATION_ITEM (self), NULL);
  return self->source_text;
}

const char *
liaison_translation_item_get_text (LiaisonTranslationItem *self)
{
  g_return_val_if_fail (LIAISON_IS_TRANSLATION_ITEM (self), NULL);
  return self->text;
}

/* What the translator sees, stale included. */
LiaisonTranslationState
liaison_translation_item_get_state (LiaisonTranslationItem *self)
{
  g_return_val_if_fail (LIAISON_IS_TRANSLATION_ITEM (self), LIAISON_TRANSLATION_MISSING);
  return self->state;
}

/* What is stored: for a stale item, translated or reviewed. */
LiaisonTranslationState
liaison_translation_item_get_saved_state (LiaisonTranslationItem *self)
{
  g_return_val_if_fail (LIAISON_IS_TRANSLATION_ITEM (self), LIAISON_TRANSLATION_MISSING);
  return self->saved_state;
}

/* What the text belongs to: the event's title, the plan item's or the
 * programme's title, the person's name. */
const char *
liaison_translation_item_get_owner (LiaisonTranslationItem *self,
                                    LiaisonLanguage         preferred)
{
  const char *owner;

  g_return_val_if_fail (LIAISON_IS_TRANSLATION_ITEM (self), NULL);

  owner = self->owner[preferred];
  if (owner == NULL || *owner == '\0')
    owner = self->owner[liaison_language_other (preferred)];
  return owner != NULL ? owner : "";
}

gboolean
liaison_translation_item_equal (LiaisonTranslationItem *a,
                                LiaisonTranslationItem *b)
{
  return g_str_equal (a->key, b->key) && a->language == b->language && a->state == b->state && g_strcmp0 (a->source_text, b->source_text) == 0 && g_strcmp0 (a->text, b->text) == 0 && g_strcmp0 (a->owner[0], b->owner[0]) == 0 && g_strcmp0 (a->owner[1], b->owner[1]) == 0;
}
