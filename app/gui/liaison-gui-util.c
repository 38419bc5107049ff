/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include <glib/gi18n.h>

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

/* ------------------------------------------------------------------------ */
/* Forms: a message under the field it is about, the length a field takes */

/* Adds, right under row in its list (a boxed list, a preferences group), a
 * row that shows a message about it; hidden until there is one. */
GtkLabel *
liaison_gui_add_field_message (GtkWidget *row)
{
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkWidget *holder = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row) && GTK_IS_LIST_BOX (list), NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (holder), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (holder), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (holder), FALSE);
  gtk_widget_set_can_focus (holder, FALSE);
  gtk_widget_set_visible (holder, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (list), holder, gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  /* A screen reader reads the message with the field. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, label, NULL, -1);
  return GTK_LABEL (label);
}

/* Shows message (NULL: none) under field, and marks field as to correct. */
void
liaison_gui_show_field_message (GtkLabel   *message,
                                GtkWidget  *field,
                                const char *text)
{
  gboolean invalid = text != NULL && *text != '\0';

  gtk_label_set_text (message, invalid ? text : "");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (message)), invalid);
  if (invalid)
    gtk_widget_add_css_class (field, "error");
  else
    gtk_widget_remove_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

#define NEAR_LIMIT(n, max) ((n) *5 >= (max) *4)

static void
update_counter (GtkEditable *editable, GtkLabel *counter)
{
  guint            max = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (counter), "max"));
  glong            n = g_utf8_strlen (gtk_editable_get_text (editable), -1);
  g_autofree char *text = g_strdup_printf ("%ld/%u", n, max);

  gtk_label_set_text (counter, text);
  gtk_widget_set_visible (GTK_WIDGET (counter), NEAR_LIMIT ((gulong) n, max));
  if ((gulong) n > max)
    {
      gtk_widget_add_css_class (GTK_WIDGET (counter), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (counter), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (counter), "error");
      gtk_widget_add_css_class (GTK_WIDGET (counter), "dim-label");
    }
}

/* The field says how long it may be: a count of characters at its end
 * once the text nears the limit of its kind (liaison_text_max_chars), red
 * past it. A longer text is not cut: it is refused with a message, so
 * nothing pasted is lost without a word. */
void
liaison_gui_limit_entry_row (AdwEntryRow    *row,
                             LiaisonTextKind kind)
{
  GtkWidget       *counter = gtk_label_new (NULL);
  g_autofree char *said = NULL;

  gtk_widget_add_css_class (counter, "caption");
  gtk_widget_add_css_class (counter, "numeric");
  gtk_widget_set_valign (counter, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (counter), "max", GUINT_TO_POINTER (liaison_text_max_chars (kind)));
  g_object_set_data (G_OBJECT (row), "liaison-text-kind", GUINT_TO_POINTER (kind + 1));
  /* Translators: what a screen reader says of a field's character count */
  said = g_strdup_printf (_ ("At most %u characters"), liaison_text_max_chars (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (counter), GTK_ACCESSIBLE_PROPERTY_LABEL, said, -1);
  adw_entry_row_add_suffix (row, counter);
  g_signal_connect_object (row, "changed", G_CALLBACK (update_counter), counter, 0);
  update_counter (GTK_EDITABLE (row), GTK_LABEL (counter));
}

/* What the rule of the field's kind says of its text (NULL: nothing). */
char *
liaison_gui_check_entry_row (AdwEntryRow *row)
{
  guint kind = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "liaison-text-kind"));
  g_autoptr (GError) error = NULL;

  if (kind == 0 || liaison_text_check (gtk_editable_get_text (GTK_EDITABLE (row)), kind - 1, &error))
    return NULL;
  return g_strdup (error->message);
}

/* A text kept whole (one pulled by the sync may be longer than its field
 * takes) as a list or a page shows it: at most the field's limit. */
char *
liaison_gui_shorten (const char     *text,
                     LiaisonTextKind kind)
{
  return liaison_text_shorten (text, liaison_text_max_chars (kind));
}

/* A name or title inside a toast's sentence, short enough that the whole
 * sentence shows (a toast is one line, cut at its end: "“A very long
 * title…” deleted", never "“A very long title of an ev…"). Wide
 * characters (Chinese) count twice. */
char *
liaison_gui_toast_name (const char *text)
{
  const guint columns = 32;
  guint       used = 0;
  glong       n = 0;

  if (text == NULL)
    return NULL;
  if (g_utf8_strlen (text, -1) * 2 <= columns)
    return g_strdup (text);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      used += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
      /* The ellipsis takes the last column. */
      if (used > columns - 1)
        {
          const char      *next = g_utf8_next_char (p);
          g_autofree char *head = NULL;

          /* The last character, and it fits: nothing to cut. */
          if (*next == '\0' && used <= columns)
            return g_strdup (text);
          head = g_utf8_substring (text, 0, n);
          return g_strconcat (g_strchomp (head), "…", NULL);
        }
    }
  return g_strdup (text);
}
