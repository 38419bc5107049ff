/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "liaison-document-text.h"
#include "liaison-io-error.h"
#include "liaison-print-private.h"

/* Noto from Debian (fonts-noto-core, fonts-noto-cjk), in the order pango
 * tries them for each character: Latin with Vietnamese first, then Han
 * (simplified forms), Thai, Khmer, Lao and Myanmar. */
#define FAMILIES "Noto Sans, Noto Sans CJK SC, Noto Sans Thai, Noto Sans Khmer, Noto Sans Lao, Noto Sans Myanmar"

static const char *kind_names[LIAISON_N_PRINT_KINDS] = { "signin", "badges", "certificates" };

G_DEFINE_FINAL_TYPE (LiaisonPrintDocument, liaison_print_document, G_TYPE_OBJECT)

const char *
liaison_print_kind_to_string (LiaisonPrintKind kind)
{
  g_return_val_if_fail (kind < LIAISON_N_PRINT_KINDS, NULL);
  return kind_names[kind];
}

gboolean
liaison_print_kind_from_string (const char       *text,
                                LiaisonPrintKind *kind)
{
  for (guint i = 0; i < LIAISON_N_PRINT_KINDS; i++)
    if (g_strcmp0 (text, kind_names[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

static void
person_free (gpointer data)
{
  LiaisonPrintPerson *p = data;

  g_free (p->registration_id);
  g_free (p->native);
  g_free (p->latin);
  g_free (p->honorific);
  g_free (p->sort_family);
  g_free (p->organisation_zh);
  g_free (p->organisation_en);
  g_free (p->country);
  g_free (p);
}

/* ------------------------------------------------------------------------ */
/* Text                                                                      */

PangoContext *
liaison_print_context_new (cairo_t *cr)
{
  PangoContext         *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  /* The same metrics on paper, in a PDF and in a preview on screen, so a
   * page breaks where it was measured to. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_cairo_update_context (cr, context);
  return context;
}

static void
note_missing (LiaisonPrintDocument *doc,
              PangoLayout          *layout,
              const char           *text)
{
  if (doc == NULL || text == NULL || pango_layout_get_unknown_glyphs_count (layout) == 0)
    return;
  if (g_hash_table_contains (doc->missing_seen, text))
    return;
  g_hash_table_add (doc->missing_seen, g_strdup (text));
  g_ptr_array_insert (doc->missing, doc->missing->len - 1, g_strdup (text));
}

static PangoLayout *
new_layout (PangoContext  *context,
            double         size,
            gboolean       bold,
            double         width,
            PangoAlignment alignment)
{
  PangoLayout          *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_from_string (FAMILIES);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  return layout;
}

PangoLayout *
liaison_print_layout (LiaisonPrintDocument *doc,
                      PangoContext         *context,
                      const char           *text,
                      double                size,
                      gboolean              bold,
                      double                width,
                      PangoAlignment        alignment)
{
  PangoLayout *layout = new_layout (context, size, bold, width, alignment);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  note_missing (doc, layout, text);
  return layout;
}

PangoLayout *
liaison_print_markup (LiaisonPrintDocument *doc,
                      PangoContext         *context,
                      const char           *markup,
                      double                size,
                      double                width,
                      PangoAlignment        alignment)
{
  PangoLayout *layout = new_layout (context, size, FALSE, width, alignment);

  pango_layout_set_markup (layout, markup, -1);
  note_missing (doc, layout, pango_layout_get_text (layout));
  return layout;
}

/* A name on one line: smaller until it fits, then wrapped at the smallest. */
void
liaison_print_fit_width (PangoLayout *layout,
                         double       size,
                         double       min_size,
                         double       width)
{
  PangoFontDescription *font = pango_font_description_copy (pango_layout_get_font_description (layout));

  pango_layout_set_width (layout, -1);
  while (size > min_size && liaison_print_width (layout) > width)
    {
      size = MAX (min_size, size - 1);
      pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
      pango_layout_set_font_description (layout, font);
    }
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_font_description_free (font);
}

double
liaison_print_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

double
liaison_print_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

void
liaison_print_show (cairo_t     *cr,
                    PangoLayout *layout,
                    double       x,
                    double       y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_update_layout (cr, layout);
  pango_cairo_show_layout (cr, layout);
}

char *
liaison_print_country (const char     *code,
                       LiaisonLanguage language)
{
  const LiaisonCountry *country = liaison_country_lookup (code);

  if (country == NULL)
    return g_strdup (code);
  return g_strdup (liaison_country_get_name (country, language));
}

char *
liaison_print_bilingual (const char *zh,
                         const char *en,
                         const char *separator)
{
  if (zh != NULL && en != NULL && g_strcmp0 (zh, en) != 0)
    return g_strconcat (zh, separator, en, NULL);
  return g_strdup (zh != NULL ? zh : (en != NULL ? en : ""));
}

/* ------------------------------------------------------------------------ */
/* Loading                                                                   */

static gboolean
is_for (LiaisonPrintKind          kind,
        LiaisonRegistrationStatus status,
        gboolean                  chosen)
{
  switch (kind)
    {
    case LIAISON_PRINT_SIGNIN:
      return chosen || (status != LIAISON_REGISTRATION_WAITLISTED && status != LIAISON_REGISTRATION_DECLINED && status != LIAISON_REGISTRATION_CANCELLED);
    case LIAISON_PRINT_BADGES:
      return chosen || status == LIAISON_REGISTRATION_REGISTERED || status == LIAISON_REGISTRATION_CONFIRMED || status == LIAISON_REGISTRATION_ATTENDED;
    case LIAISON_PRINT_CERTIFICATES:
    default:
      return status == LIAISON_REGISTRATION_ATTENDED;
    }
}

static char *
ascii_key (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");

  return g_ascii_strdown (ascii, -1);
}

static LiaisonPrintPerson *
person_new (LiaisonRegistration *r,
            LiaisonParticipant  *p)
{
  LiaisonPrintPerson *person = g_new0 (LiaisonPrintPerson, 1);
  const char         *family_latin = liaison_participant_get_family_latin (p);
  const char         *given_latin = liaison_participant_get_given_latin (p);
  const char         *family_native = liaison_participant_get_family_native (p);

  person->registration_id = g_strdup (liaison_registration_get_id (r));
  person->native = liaison_participant_dup_native_name (p);
  person->latin = liaison_participant_dup_latin_name (p);
  person->honorific = g_strdup (liaison_participant_get_honorific (p));
  /* A mononym sorts by its one name. */
  person->sort_family = g_strdup (family_latin != NULL ? family_latin : given_latin != NULL ? given_latin
                                                                    : family_native != NULL ? family_native
                                                                                            : liaison_participant_get_given_native (p));
  person->organisation_zh = g_strdup (liaison_bilingual_get_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_ZH));
  person->organisation_en = g_strdup (liaison_bilingual_get_text (liaison_participant_get_organisation (p), LIAISON_LANGUAGE_EN));
  person->country = g_strdup (liaison_registration_get_delegation (r) != NULL ? liaison_registration_get_delegation (r) : liaison_participant_get_country (p));
  person->role = liaison_registration_get_role (r);
  person->status = liaison_registration_get_status (r);
  return person;
}

/* By country (its English name, people without one last), then family
 * name as Latin letters, then given name. */
static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  const LiaisonPrintPerson *pa = *(LiaisonPrintPerson *const *) a;
  const LiaisonPrintPerson *pb = *(LiaisonPrintPerson *const *) b;
  g_autofree char          *ca = pa->country ? liaison_print_country (pa->country, LIAISON_LANGUAGE_EN) : NULL;
  g_autofree char          *cb = pb->country ? liaison_print_country (pb->country, LIAISON_LANGUAGE_EN) : NULL;
  g_autofree char          *fa = ascii_key (pa->sort_family);
  g_autofree char          *fb = ascii_key (pb->sort_family);
  int                       c;

  if ((ca == NULL) != (cb == NULL))
    return ca == NULL ? 1 : -1;
  if (ca != NULL && (c = g_ascii_strcasecmp (ca, cb)) != 0)
    return c;
  if ((c = strcmp (fa, fb)) != 0)
    return c;
  if ((c = g_strcmp0 (pa->sort_family, pb->sort_family)) != 0)
    return c;
  if ((c = g_strcmp0 (pa->latin, pb->latin)) != 0)
    return c;
  return g_strcmp0 (pa->registration_id, pb->registration_id);
}

static void
check_texts (LiaisonPrintDocument *doc)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t         *cr = cairo_create (surface);
  PangoContext    *context = liaison_print_context_new (cr);

  for (guint l = 0; l < LIAISON_N_LANGUAGES; l++)
    {
      const char *title = liaison_bilingual_get_text (liaison_event_get_title (doc->event), l);

      g_object_unref (liaison_print_layout (doc, context, title, 10, FALSE, -1, PANGO_ALIGN_LEFT));
    }
  for (guint i = 0; i < doc->people->len; i++)
    {
      LiaisonPrintPerson *p = g_ptr_array_index (doc->people, i);
      const char         *texts[] = { p->native, p->latin, p->honorific, p->organisation_zh, p->organisation_en };

      for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
        if (texts[t] != NULL)
          g_object_unref (liaison_print_layout (doc, context, texts[t], 10, FALSE, -1, PANGO_ALIGN_LEFT));
    }
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

LiaisonPrintDocument *
liaison_print_document_new (LiaisonStore      *store,
                            LiaisonPrintKind   kind,
                            const char        *event_id,
                            const char *const *registration_ids,
                            GError           **error)
{
  g_autoptr (LiaisonPrintDocument) self = NULL;
  g_autoptr (GPtrArray) registrations = NULL;

  g_return_val_if_fail (LIAISON_IS_STORE (store), NULL);
  g_return_val_if_fail (kind < LIAISON_N_PRINT_KINDS, NULL);

  self = g_object_new (LIAISON_TYPE_PRINT_DOCUMENT, NULL);
  self->kind = kind;
  self->event = liaison_store_get_event (store, event_id, error);
  if (self->event == NULL)
    return NULL;
  registrations = liaison_store_list_registrations (store, event_id, error);
  if (registrations == NULL)
    return NULL;
  for (guint i = 0; registration_ids != NULL && registration_ids[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < registrations->len && !found; j++)
        found = g_str_equal (liaison_registration_get_id (g_ptr_array_index (registrations, j)), registration_ids[i]);
      if (!found)
        {
          g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND,
                       _ ("The registration “%s” is not one of this event's"), registration_ids[i]);
          return NULL;
        }
    }
  for (guint i = 0; i < registrations->len; i++)
    {
      LiaisonRegistration *r = g_ptr_array_index (registrations, i);
      gboolean             chosen = registration_ids != NULL && g_strv_contains (registration_ids, liaison_registration_get_id (r));
      g_autoptr (LiaisonParticipant) p = NULL;

      if (registration_ids != NULL && !chosen)
        continue;
      if (!is_for (kind, liaison_registration_get_status (r), chosen))
        continue;
      p = liaison_store_get_participant (store, liaison_registration_get_participant_id (r), error);
      if (p == NULL)
        return NULL;
      g_ptr_array_add (self->people, person_new (r, p));
    }
  g_ptr_array_sort (self->people, compare_people);

  if (kind == LIAISON_PRINT_SIGNIN)
    liaison_print_signin_paginate (self);
  else
    check_texts (self);
  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------------ */
/* Pages                                                                     */

static void
liaison_print_document_finalize (GObject *object)
{
  LiaisonPrintDocument *self = (LiaisonPrintDocument *) object;

  g_clear_object (&self->event);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->row_heights, g_array_unref);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_clear_pointer (&self->missing, g_ptr_array_unref);
  g_clear_pointer (&self->missing_seen, g_hash_table_unref);

  G_OBJECT_CLASS (liaison_print_document_parent_class)->finalize (object);
}

static void
liaison_print_document_class_init (LiaisonPrintDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = liaison_print_document_finalize;
}

static void
liaison_print_document_init (LiaisonPrintDocument *self)
{
  self->people = g_ptr_array_new_with_free_func (person_free);
  self->row_heights = g_array_new (FALSE, FALSE, sizeof (double));
  self->page_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->missing = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->missing, NULL);
  self->missing_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

LiaisonPrintKind
liaison_print_document_get_kind (LiaisonPrintDocument *self)
{
  return self->kind;
}

LiaisonEvent *
liaison_print_document_get_event (LiaisonPrintDocument *self)
{
  return self->event;
}

double
liaison_print_document_get_page_width (LiaisonPrintDocument *self)
{
  return self->kind == LIAISON_PRINT_CERTIFICATES ? LIAISON_PRINT_A4_HEIGHT : LIAISON_PRINT_A4_WIDTH;
}

double
liaison_print_document_get_page_height (LiaisonPrintDocument *self)
{
  return self->kind == LIAISON_PRINT_CERTIFICATES ? LIAISON_PRINT_A4_WIDTH : LIAISON_PRINT_A4_HEIGHT;
}

guint
liaison_print_document_get_n_pages (LiaisonPrintDocument *self)
{
  switch (self->kind)
    {
    case LIAISON_PRINT_SIGNIN:
      return MAX (1, self->page_starts->len);
    case LIAISON_PRINT_BADGES:
      return liaison_print_badges_n_pages (self);
    case LIAISON_PRINT_CERTIFICATES:
    default:
      return self->people->len;
    }
}

guint
liaison_print_document_get_n_people (LiaisonPrintDocument *self)
{
  return self->people->len;
}

const char *const *
liaison_print_document_get_missing_glyphs (LiaisonPrintDocument *self)
{
  return (const char *const *) self->missing->pdata;
}

char *
liaison_print_document_dup_title (LiaisonPrintDocument *self,
                                  LiaisonLanguage       language)
{
  static const LiaisonDocumentText names[] = { LIAISON_DOCUMENT_SIGNIN_TITLE, LIAISON_DOCUMENT_NAME,
                                               LIAISON_DOCUMENT_CERTIFICATE_TITLE };
  const char                      *title = liaison_bilingual_get_display (liaison_event_get_title (self->event), language);

  if (self->kind == LIAISON_PRINT_BADGES)
    return g_strdup_printf ("%s — %s", title, language == LIAISON_LANGUAGE_ZH ? "胸卡" : "Badges");
  return g_strdup_printf ("%s — %s", title, liaison_document_text (names[self->kind], language));
}

void
liaison_print_document_draw_page (LiaisonPrintDocument *self,
                                  cairo_t              *cr,
                                  guint                 page)
{
  g_return_if_fail (LIAISON_IS_PRINT_DOCUMENT (self));

  cairo_save (cr);
  switch (self->kind)
    {
    case LIAISON_PRINT_SIGNIN:
      liaison_print_signin_draw (self, cr, page);
      break;
    case LIAISON_PRINT_BADGES:
      liaison_print_badges_draw (self, cr, page);
      break;
    case LIAISON_PRINT_CERTIFICATES:
    default:
      liaison_print_certificates_draw (self, cr, page);
      break;
    }
  cairo_restore (cr);
}

gboolean
liaison_print_document_write_pdf (LiaisonPrintDocument *self,
                                  const char           *path,
                                  GError              **error)
{
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autofree char *title = liaison_print_document_dup_title (self, LIAISON_LANGUAGE_EN);
  cairo_surface_t *surface;
  cairo_status_t   status;
  guint            n_pages = liaison_print_document_get_n_pages (self);

  surface = cairo_pdf_surface_create (part, liaison_print_document_get_page_width (self),
                                      liaison_print_document_get_page_height (self));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Liaison " PACKAGE_VERSION);
  for (guint page = 0; page < n_pages; page++)
    {
      cairo_t *cr = cairo_create (surface);

      liaison_print_document_draw_page (self, cr, page);
      cairo_show_page (cr);
      cairo_destroy (cr);
    }
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_unlink (part);
      g_set_error (error, LIAISON_IO_ERROR, LIAISON_IO_ERROR_UNSUPPORTED, _ ("Could not write “%1$s”: %2$s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }
  if (g_rename (part, path) != 0)
    {
      int              saved = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_unlink (part);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _ ("Could not write “%1$s”: %2$s"), name,
                   g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}
