/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "liaison-print-document.h"

G_BEGIN_DECLS

/* What the document's files share: the people printed, the text helpers
 * (fonts per script, unknown glyphs noted) and each kind's pages. */

#define LIAISON_PRINT_MM (72.0 / 25.4)
#define LIAISON_PRINT_A4_WIDTH (210.0 * LIAISON_PRINT_MM)
#define LIAISON_PRINT_A4_HEIGHT (297.0 * LIAISON_PRINT_MM)

typedef struct
{
  char                     *registration_id;
  char                     *native; /* the name in the person's own script */
  char                     *latin;
  char                     *honorific;
  char                     *sort_family;
  char                     *organisation_zh;
  char                     *organisation_en;
  char                     *country; /* ISO code or NULL */
  LiaisonRole               role;
  LiaisonRegistrationStatus status;
} LiaisonPrintPerson;

struct _LiaisonPrintDocument
{
  GObject parent_instance;

  LiaisonPrintKind kind;
  LiaisonEvent    *event;
  GPtrArray       *people; /* LiaisonPrintPerson */

  /* Sign-in sheet: each row's height, the first row of each page. */
  GArray *row_heights;
  GArray *page_starts;
  double  heading_height;
  double  table_header_height;

  GPtrArray  *missing; /* NULL-terminated */
  GHashTable *missing_seen;
};

PangoContext *liaison_print_context_new (cairo_t *cr);
PangoLayout  *liaison_print_layout (LiaisonPrintDocument *doc,
                                    PangoContext         *context,
                                    const char           *text,
                                    double                size,
                                    gboolean              bold,
                                    double                width,
                                    PangoAlignment        alignment);
PangoLayout  *liaison_print_markup (LiaisonPrintDocument *doc,
                                    PangoContext         *context,
                                    const char           *markup,
                                    double                size,
                                    double                width,
                                    PangoAlignment        alignment);
void          liaison_print_fit_width (PangoLayout *layout,
                                       double       size,
                                       double       min_size,
                                       double       width);
double        liaison_print_height (PangoLayout *layout);
double        liaison_print_width (PangoLayout *layout);
void          liaison_print_show (cairo_t     *cr,
                                  PangoLayout *layout,
                                  double       x,
                                  double       y);
char         *liaison_print_country (const char     *code,
                                     LiaisonLanguage language);
char         *liaison_print_bilingual (const char *zh,
                                       const char *en,
                                       const char *separator);

void  liaison_print_signin_paginate (LiaisonPrintDocument *doc);
void  liaison_print_signin_draw (LiaisonPrintDocument *doc,
                                 cairo_t              *cr,
                                 guint                 page);
guint liaison_print_badges_n_pages (LiaisonPrintDocument *doc);
void  liaison_print_badges_draw (LiaisonPrintDocument *doc,
                                 cairo_t              *cr,
                                 guint                 page);
void  liaison_print_certificates_draw (LiaisonPrintDocument *doc,
                                       cairo_t              *cr,
                                       guint                 page);
void  liaison_print_qr (cairo_t    *cr,
                        const char *payload,
                        double      x,
                        double      y,
                        double      size);

G_END_DECLS
