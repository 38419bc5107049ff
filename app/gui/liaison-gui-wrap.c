/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-gui"

#include "config.h"

#include "liaison-gui-wrap.h"

/* Choices shown whole. libadwaita 1.2's combo row ends the chosen item
 * with "…" after 20 characters ("Yangon, Myanmar (UTC…"), and a GTK 4.8
 * drop-down's menu is as wide as its longest item, wider than the screen
 * for the action plan's activities. Here a choice wraps instead: under a
 * row's title (its subtitle), in a row's list, in a drop-down's menu. A
 * list's width is between the two numbers of characters. */

#define MENU_MIN_CHARS 24
#define MENU_MAX_CHARS 40

/* The text of an item: what the expression says of it, else the string of
 * a GtkStringObject. */
static char *
item_text (GtkExpression *expression, gpointer item)
{
  g_auto (GValue) value = G_VALUE_INIT;

  if (expression != NULL && gtk_expression_evaluate (expression, item, &value))
    return g_value_dup_string (&value);
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));
  return g_strdup ("");
}

/* An item: a label that wraps, then the mark of the chosen one (shown in
 * a menu only). */
static void
setup_item (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *mark = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), MENU_MIN_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MENU_MAX_CHARS);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_list_item_set_child (list_item, box);
}

static void
show_mark (GtkListItem *list_item, gpointer chosen)
{
  GtkWidget *mark = gtk_widget_get_last_child (gtk_list_item_get_child (list_item));

  gtk_widget_set_opacity (mark, chosen != NULL && chosen == gtk_list_item_get_item (list_item) ? 1 : 0);
}

static void
on_combo_row_chosen (AdwComboRow *row, GParamSpec *pspec, GtkListItem *list_item)
{
  show_mark (list_item, adw_combo_row_get_selected_item (row));
}

static void
on_drop_down_chosen (GtkDropDown *drop_down, GParamSpec *pspec, GtkListItem *list_item)
{
  show_mark (list_item, gtk_drop_down_get_selected_item (drop_down));
}

/* Binds an item of owner (a combo row or a drop-down). */
static void
bind_item (GtkListItem *list_item, GtkWidget *owner, GtkExpression *expression, gpointer chosen, GCallback on_chosen)
{
  GtkWidget       *box = gtk_list_item_get_child (list_item);
  g_autofree char *text = item_text (expression, gtk_list_item_get_item (list_item));

  gtk_label_set_label (GTK_LABEL (gtk_widget_get_first_child (box)), text);
  if (gtk_widget_get_ancestor (box, GTK_TYPE_POPOVER) != NULL)
    {
      gtk_widget_set_visible (gtk_widget_get_last_child (box), TRUE);
      g_signal_connect (owner, "notify::selected-item", on_chosen, list_item);
      show_mark (list_item, chosen);
    }
  else
    gtk_widget_set_visible (gtk_widget_get_last_child (box), FALSE);
}

static void
bind_combo_row_item (GtkSignalListItemFactory *factory, GtkListItem *list_item, AdwComboRow *row)
{
  bind_item (list_item, GTK_WIDGET (row), adw_combo_row_get_expression (row), adw_combo_row_get_selected_item (row),
             G_CALLBACK (on_combo_row_chosen));
}

static void
unbind_combo_row_item (GtkSignalListItemFactory *factory, GtkListItem *list_item, AdwComboRow *row)
{
  g_signal_handlers_disconnect_by_func (row, on_combo_row_chosen, list_item);
}

static void
bind_drop_down_item (GtkSignalListItemFactory *factory, GtkListItem *list_item, GtkDropDown *drop_down)
{
  bind_item (list_item, GTK_WIDGET (drop_down), gtk_drop_down_get_expression (drop_down),
             gtk_drop_down_get_selected_item (drop_down), G_CALLBACK (on_drop_down_chosen));
}

static void
unbind_drop_down_item (GtkSignalListItemFactory *factory, GtkListItem *list_item, GtkDropDown *drop_down)
{
  g_signal_handlers_disconnect_by_func (drop_down, on_drop_down_chosen, list_item);
}

/* A combo row whose chosen item is its subtitle, which wraps (a value
 * beside the title sits in a list of one row that GTK 4.8 does not make
 * taller for a second line); each item wraps in its list. What the
 * subtitle said becomes the row's tooltip. The row keeps its expression,
 * if it has one. */
void
liaison_gui_wrap_combo_row (AdwComboRow *row)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  const char *hint = adw_action_row_get_subtitle (ADW_ACTION_ROW (row));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_combo_row_item), row, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_combo_row_item), row, 0);
  adw_combo_row_set_factory (row, factory);
  if (!adw_combo_row_get_use_subtitle (row) && hint != NULL && *hint != '\0')
    gtk_widget_set_tooltip_text (GTK_WIDGET (row), hint);
  adw_combo_row_set_use_subtitle (row, TRUE);
}

/* A drop-down whose menu is no wider than about 40 characters: longer
 * items wrap. The button keeps GTK's own look. */
void
liaison_gui_wrap_drop_down (GtkDropDown *drop_down)
{
  g_autoptr (GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_drop_down_item), drop_down, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_drop_down_item), drop_down, 0);
  gtk_drop_down_set_list_factory (drop_down, factory);
}
