/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>

#include "liaison-slot-list.h"

/* The slot list under the Participants view: positions that stay the
 * same objects whatever a search put there, and the positions of the rows
 * a view built kept, empty, when a search has fewer results. No display:
 * the model alone. */

typedef struct
{
  guint position, removed, added;
  guint n_changes;
  guint contents_position, contents_n;
  guint n_contents;
} Seen;

static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Seen *seen)
{
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
  seen->n_changes++;
}

static void
on_contents_changed (LiaisonSlotList *slots, guint position, guint n, Seen *seen)
{
  seen->contents_position = position;
  seen->contents_n = n;
  seen->n_contents++;
}

/* A search's answer: the source holds n people (here, numbered strings). */
static void
answer (GListStore *source, guint n, guint first)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("person %u", first + i);
      g_ptr_array_add (items, gtk_string_object_new (name));
    }
  g_list_store_splice (source, 0, g_list_model_get_n_items (G_LIST_MODEL (source)), items->pdata, items->len);
}

static const char *
name_at (LiaisonSlotList *slots, guint position)
{
  g_autoptr (LiaisonSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), position);
  gpointer item;

  g_assert_nonnull (slot);
  item = liaison_slot_get_item (slot);
  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static guint
n_kept (LiaisonSlotList *slots)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (slots)); i++)
    n += liaison_slot_list_is_kept (slots, i);
  return n;
}

static void
test_fewer_results (void)
{
  g_autoptr (GListStore) source = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr (LiaisonSlotList) slots = NULL;
  g_autoptr (LiaisonSlot) first = NULL;
  Seen seen = { 0 };

  answer (source, 300, 0);
  slots = liaison_slot_list_new (G_LIST_MODEL (source));
  g_signal_connect (slots, "items-changed", G_CALLBACK (on_items_changed), &seen);
  g_signal_connect (slots, "contents-changed", G_CALLBACK (on_contents_changed), &seen);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 300);
  g_assert_cmpuint (n_kept (slots), ==, 0);
  first = g_list_model_get_item (G_LIST_MODEL (slots), 0);

  /* Three found: the first 210 positions stay, three of them filled. */
  answer (source, 3, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, LIAISON_SLOT_LIST_KEPT);
  g_assert_cmpuint (seen.n_changes, ==, 1);
  g_assert_cmpuint (seen.position, ==, LIAISON_SLOT_LIST_KEPT);
  g_assert_cmpuint (seen.removed, ==, 300 - LIAISON_SLOT_LIST_KEPT);
  g_assert_cmpuint (seen.added, ==, 0);
  g_assert_cmpuint (seen.n_contents, ==, 1);
  g_assert_cmpuint (seen.contents_position, ==, 0);
  g_assert_cmpuint (seen.contents_n, ==, LIAISON_SLOT_LIST_KEPT);
  g_assert_cmpuint (n_kept (slots), ==, LIAISON_SLOT_LIST_KEPT - 3);
  g_assert_false (liaison_slot_list_is_kept (slots, 2));
  g_assert_true (liaison_slot_list_is_kept (slots, 3));
  g_assert_false (liaison_slot_list_is_kept (slots, LIAISON_SLOT_LIST_KEPT));
  g_assert_cmpstr (name_at (slots, 0), ==, "person 1000");
  g_assert_cmpstr (name_at (slots, 2), ==, "person 1002");
  g_assert_null (name_at (slots, 3));
  g_assert_null (name_at (slots, LIAISON_SLOT_LIST_KEPT - 1));
  /* The same position, the same object: the view keeps its row. */
  {
    g_autoptr (LiaisonSlot) again = g_list_model_get_item (G_LIST_MODEL (slots), 0);
    g_assert_true (again == first);
  }

  /* Nothing found: the positions stay, all empty. */
  answer (source, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, LIAISON_SLOT_LIST_KEPT);
  g_assert_cmpuint (seen.n_changes, ==, 1);
  g_assert_cmpuint (n_kept (slots), ==, LIAISON_SLOT_LIST_KEPT);
  g_assert_null (name_at (slots, 0));

  /* Everyone again: the kept positions are filled, the rest added at the end. */
  answer (source, 300, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 300);
  g_assert_cmpuint (seen.n_changes, ==, 2);
  g_assert_cmpuint (seen.position, ==, LIAISON_SLOT_LIST_KEPT);
  g_assert_cmpuint (seen.removed, ==, 0);
  g_assert_cmpuint (seen.added, ==, 300 - LIAISON_SLOT_LIST_KEPT);
  g_assert_cmpuint (seen.contents_position, ==, 0);
  g_assert_cmpuint (seen.contents_n, ==, LIAISON_SLOT_LIST_KEPT);
  g_assert_cmpuint (n_kept (slots), ==, 0);
  g_assert_cmpstr (name_at (slots, 5), ==, "person 5");
  g_assert_cmpstr (name_at (slots, 299), ==, "person 299");
  g_assert_cmpstr (name_at (slots, 0), ==, "person 0");
}

/* A short list keeps only the positions it had. */
static void
test_short_list (void)
{
  g_autoptr (GListStore) source = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  g_autoptr (LiaisonSlotList) slots = NULL;

  answer (source, 5, 0);
  slots = liaison_slot_list_new (G_LIST_MODEL (source));
  answer (source, 2, 10);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 5);
  g_assert_cmpuint (n_kept (slots), ==, 3);
  answer (source, 4, 20);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 5);
  g_assert_cmpuint (n_kept (slots), ==, 1);
  g_assert_cmpstr (name_at (slots, 3), ==, "person 23");
  g_assert_null (name_at (slots, 4));
  answer (source, 7, 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 7);
  g_assert_cmpuint (n_kept (slots), ==, 0);
  g_assert_cmpstr (name_at (slots, 6), ==, "person 36");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/liaison/slot-list/fewer-results", test_fewer_results);
  g_test_add_func ("/liaison/slot-list/short-list", test_short_list);
  return g_test_run ();
}
