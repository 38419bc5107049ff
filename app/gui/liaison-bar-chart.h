/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_BAR_CHART (liaison_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonBarChart, liaison_bar_chart, LIAISON, BAR_CHART, GtkDrawingArea)

/* Bars drawn with cairo: columns stacked by series (cohorts by year and
 * track) or one horizontal bar per category (people by country). The same
 * figures are its accessible description, and the page lists them too. */
GtkWidget *liaison_bar_chart_new (void);
void       liaison_bar_chart_set_horizontal (LiaisonBarChart *self,
                                             gboolean         horizontal);
void       liaison_bar_chart_set_data (LiaisonBarChart   *self,
                                       guint              n_categories,
                                       const char *const *categories,
                                       guint              n_series,
                                       const char *const *series,
                                       const guint       *values);
guint      liaison_bar_chart_get_total (LiaisonBarChart *self);
char      *liaison_bar_chart_describe (LiaisonBarChart *self);

G_END_DECLS
