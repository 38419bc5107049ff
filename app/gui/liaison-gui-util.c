/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include "liaison-gui-util.h"

/* Small things several views do with their widgets. */

#define SCROLL_MARGIN 12

static void
scroll_now (GtkWidget *widget)
{
  GtkWidget      *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget      *view;
  GtkAdjustment  *adjustment;
  graphene_rect_t bounds;
  double          value, page, top, bottom, move = 0;

  if (scrolled == NULL || !gtk_widget_get_mapped (widget))
    return;
  view = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  /* In the viewport's space: 0 is the top of what is on screen. */
  if (view == NULL || !gtk_widget_compute_bounds (widget, view, &bounds))
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = bounds.origin.y - SCROLL_MARGIN;
  bottom = bounds.origin.y + bounds.size.height + SCROLL_MARGIN;
  if (top < 0)
    move = top;
  else if (bottom > page)
    /* As much of it as fits, its top first. */
    move = MIN (bottom - page, top);
  if (move != 0)
    gtk_adjustment_set_value (adjustment, value + move);
}

static void
on_after_paint (GdkFrameClock *clock, GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, widget);
  scroll_now (widget);
}

/* Scrolls the page widget is on so that it shows (all of it if it fits),
 * once it has been laid out: an error to correct, a list that just opened. */
void
liaison_gui_scroll_into_view (GtkWidget *widget)
{
  GdkFrameClock *clock;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  clock = gtk_widget_get_frame_clock (widget);
  if (clock == NULL)
    return;
  /* Gone with the widget if it goes first. */
  g_signal_handlers_disconnect_by_func (clock, on_after_paint, widget);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), widget, 0);
  gtk_widget_queue_draw (widget);
}
