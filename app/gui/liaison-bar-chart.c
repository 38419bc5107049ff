/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "liaison-bar-chart.h"

struct _LiaisonBarChart
{
  GtkDrawingArea parent_instance;

  gboolean   horizontal;
  GPtrArray *categories;
  GPtrArray *series;
  GArray    *values; /* guint, categories × series */
};

G_DEFINE_FINAL_TYPE (LiaisonBarChart, liaison_bar_chart, GTK_TYPE_DRAWING_AREA)

enum
{
  PROP_0,
  PROP_HORIZONTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define BAR_HEIGHT 22
#define ROW_GAP 6
#define LABEL_WIDTH 150
#define COLUMN_HEIGHT 180

/* The GNOME palette's blue, green, yellow, orange, purple, red and brown
 * (3): readable on light and dark backgrounds alike. */
static const double palette[][3] = {
  { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0 },
  { 0x33 / 255.0, 0xd1 / 255.0, 0x7a / 255.0 },
  { 0xf6 / 255.0, 0xd3 / 255.0, 0x2d / 255.0 },
  { 0xff / 255.0, 0x78 / 255.0, 0x00 / 255.0 },
  { 0x91 / 255.0, 0x41 / 255.0, 0xac / 255.0 },
  { 0xe0 / 255.0, 0x1b / 255.0, 0x24 / 255.0 },
  { 0x98 / 255.0, 0x6a / 255.0, 0x44 / 255.0 },
};

static guint
value_at (LiaisonBarChart *self, guint category, guint series)
{
  return g_array_index (self->values, guint, category * self->series->len + series);
}

static guint
category_total (LiaisonBarChart *self, guint category)
{
  guint total = 0;

  for (guint s = 0; s < self->series->len; s++)
    total += value_at (self, category, s);
  return total;
}

static guint
largest (LiaisonBarChart *self)
{
  guint most = 0;

  for (guint c = 0; c < self->categories->len; c++)
    most = MAX (most, category_total (self, c));
  return most;
}

static PangoLayout *
text_layout (GtkWidget *widget, const char *text, gboolean small)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);

  if (small)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }
  return layout;
}

static void
set_color (cairo_t *cr, guint series, double alpha)
{
  const double *c = palette[series % G_N_ELEMENTS (palette)];

  cairo_set_source_rgba (cr, c[0], c[1], c[2], alpha);
}

static double
draw_legend (LiaisonBarChart *self, cairo_t *cr, GdkRGBA *fg, int width)
{
  double x = 0, y = 0, line = 0;

  if (self->series->len < 2)
    return 0;
  for (guint s = 0; s < self->series->len; s++)
    {
      g_autoptr (PangoLayout) layout = text_layout (GTK_WIDGET (self), g_ptr_array_index (self->series, s), TRUE);
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      if (x > 0 && x + 16 + w > width)
        {
          x = 0;
          y += line + 4;
          line = 0;
        }
      set_color (cr, s, 1);
      cairo_rectangle (cr, x, y + (h - 10) / 2.0, 10, 10);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, fg);
      cairo_move_to (cr, x + 14, y);
      pango_cairo_show_layout (cr, layout);
      x += 14 + w + 16;
      line = MAX (line, h);
    }
  return y + line + 10;
}

static void
draw_horizontal (LiaisonBarChart *self, cairo_t *cr, int width, GdkRGBA *fg)
{
  double most = MAX (1, largest (self));
  double room = MAX (40, width - LABEL_WIDTH - 50);

  for (guint c = 0; c < self->categories->len; c++)
    {
      g_autoptr (PangoLayout) label = text_layout (GTK_WIDGET (self), g_ptr_array_index (self->categories, c), FALSE);
      g_autofree char *number = g_strdup_printf ("%u", category_total (self, c));
      g_autoptr (PangoLayout) count = text_layout (GTK_WIDGET (self), number, FALSE);
      double y = c * (BAR_HEIGHT + ROW_GAP), x = LABEL_WIDTH;
      int    w, h;

      pango_layout_set_width (label, (LABEL_WIDTH - 8) * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, &w, &h);
      gdk_cairo_set_source_rgba (cr, fg);
      cairo_move_to (cr, 0, y + (BAR_HEIGHT - h) / 2.0);
      pango_cairo_show_layout (cr, label);

      for (guint s = 0; s < self->series->len; s++)
        {
          double length = value_at (self, c, s) / most * room;

          set_color (cr, s, 1);
          cairo_rectangle (cr, x, y + 2, length, BAR_HEIGHT - 4);
          cairo_fill (cr);
          x += length;
        }
      pango_layout_get_pixel_size (count, &w, &h);
      gdk_cairo_set_source_rgba (cr, fg);
      cairo_move_to (cr, x + 6, y + (BAR_HEIGHT - h) / 2.0);
      pango_cairo_show_layout (cr, count);
    }
}

static void
draw_columns (LiaisonBarChart *self, cairo_t *cr, int width, int height, GdkRGBA *fg)
{
  double most = MAX (1, largest (self));
  double top = draw_legend (self, cr, fg, width);
  double bottom = height - 22;
  double room = MAX (10, bottom - top - 18);
  double slot = self->categories->len > 0 ? (double) width / self->categories->len : width;
  double bar = MIN (48, slot * 0.6);

  gdk_cairo_set_source_rgba (cr, fg);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 0, bottom + 0.5);
  cairo_line_to (cr, width, bottom + 0.5);
  cairo_stroke (cr);

  for (guint c = 0; c < self->categories->len; c++)
    {
      g_autoptr (PangoLayout) label = text_layout (GTK_WIDGET (self), g_ptr_array_index (self->categories, c), TRUE);
      g_autofree char *number = g_strdup_printf ("%u", category_total (self, c));
      g_autoptr (PangoLayout) count = text_layout (GTK_WIDGET (self), number, TRUE);
      double x = c * slot + (slot - bar) / 2, y = bottom;
      int    w, h;

      for (guint s = 0; s < self->series->len; s++)
        {
          double length = value_at (self, c, s) / most * room;

          set_color (cr, s, 1);
          cairo_rectangle (cr, x, y - length, bar, length);
          cairo_fill (cr);
          y -= length;
        }
      gdk_cairo_set_source_rgba (cr, fg);
      pango_layout_get_pixel_size (count, &w, &h);
      cairo_move_to (cr, x + (bar - w) / 2, y - h - 2);
      pango_cairo_show_layout (cr, count);
      pango_layout_get_pixel_size (label, &w, &h);
      cairo_move_to (cr, c * slot + (slot - w) / 2, bottom + 4);
      pango_cairo_show_layout (cr, label);
    }
}

static void
draw (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  LiaisonBarChart *self = LIAISON_BAR_CHART (area);
  GdkRGBA          fg;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  G_GNUC_END_IGNORE_DEPRECATIONS
  if (self->horizontal)
    draw_horizontal (self, cr, width, &fg);
  else
    draw_columns (self, cr, width, height, &fg);
}

static void
update_size (LiaisonBarChart *self)
{
  if (self->horizontal)
    gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self),
                                         MAX (1, self->categories->len) * (BAR_HEIGHT + ROW_GAP));
  else
    gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self), COLUMN_HEIGHT + (self->series->len > 1 ? 40 : 0));
}

static void
liaison_bar_chart_finalize (GObject *object)
{
  LiaisonBarChart *self = (LiaisonBarChart *) object;

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_array_unref);

  G_OBJECT_CLASS (liaison_bar_chart_parent_class)->finalize (object);
}

static void
liaison_bar_chart_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  LiaisonBarChart *self = (LiaisonBarChart *) object;

  switch (prop_id)
    {
    case PROP_HORIZONTAL:
      g_value_set_boolean (value, self->horizontal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_bar_chart_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  LiaisonBarChart *self = (LiaisonBarChart *) object;

  switch (prop_id)
    {
    case PROP_HORIZONTAL:
      liaison_bar_chart_set_horizontal (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_bar_chart_class_init (LiaisonBarChartClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = liaison_bar_chart_finalize;
  object_class->get_property = liaison_bar_chart_get_property;
  object_class->set_property = liaison_bar_chart_set_property;
  /* One bar a row (categories with long names) instead of columns. */
  properties[PROP_HORIZONTAL] = g_param_spec_boolean ("horizontal", NULL, NULL, FALSE,
                                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
liaison_bar_chart_init (LiaisonBarChart *self)
{
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func (g_free);
  self->values = g_array_new (FALSE, TRUE, sizeof (guint));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self), draw, NULL, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  update_size (self);
}

GtkWidget *
liaison_bar_chart_new (void)
{
  return g_object_new (LIAISON_TYPE_BAR_CHART, NULL);
}

void
liaison_bar_chart_set_horizontal (LiaisonBarChart *self, gboolean horizontal)
{
  g_return_if_fail (LIAISON_IS_BAR_CHART (self));

  if (self->horizontal == horizontal)
    return;
  self->horizontal = horizontal;
  update_size (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HORIZONTAL]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* values: n_categories rows of n_series counts. */
void
liaison_bar_chart_set_data (LiaisonBarChart   *self,
                            guint              n_categories,
                            const char *const *categories,
                            guint              n_series,
                            const char *const *series,
                            const guint       *values)
{
  g_autofree char *description = NULL;

  g_return_if_fail (LIAISON_IS_BAR_CHART (self));

  g_ptr_array_set_size (self->categories, 0);
  g_ptr_array_set_size (self->series, 0);
  for (guint c = 0; c < n_categories; c++)
    g_ptr_array_add (self->categories, g_strdup (categories[c]));
  for (guint s = 0; s < n_series; s++)
    g_ptr_array_add (self->series, g_strdup (series[s]));
  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n_categories * n_series);
  update_size (self);
  description = liaison_bar_chart_describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
liaison_bar_chart_get_total (LiaisonBarChart *self)
{
  guint total = 0;

  for (guint c = 0; c < self->categories->len; c++)
    total += category_total (self, c);
  return total;
}

/* “2019: 12 (Marine plastics 8, Climate 4); 2020: 3” */
char *
liaison_bar_chart_describe (LiaisonBarChart *self)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint c = 0; c < self->categories->len; c++)
    {
      if (c > 0)
        /* Translators: between the categories of a chart's description */
        g_string_append (text, C_ ("chart", "; "));
      /* Translators: a category of a chart and its total, “2019: 12” */
      g_string_append_printf (text, C_ ("chart", "%1$s: %2$u"), (char *) g_ptr_array_index (self->categories, c),
                              category_total (self, c));
      if (self->series->len > 1)
        {
          gboolean first = TRUE;

          g_string_append (text, C_ ("chart", " ("));
          for (guint s = 0; s < self->series->len; s++)
            if (value_at (self, c, s) > 0)
              {
                if (!first)
                  g_string_append (text, C_ ("list separator", ", "));
                g_string_append_printf (text, C_ ("chart", "%1$s: %2$u"), (char *) g_ptr_array_index (self->series, s),
                                        value_at (self, c, s));
                first = FALSE;
              }
          g_string_append (text, C_ ("chart", ")"));
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
