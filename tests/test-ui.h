/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A real LiaisonWindow on a temporary database (or a given one), for the
 * ui suite; run under tests/run-under-xvfb.sh, skipped without a display. */

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "liaison-gui-resources.h"
#include "liaison-window.h"
#include "test-util.h"

typedef struct
{
  char           *dir;
  LiaisonStore   *store;
  LiaisonContext *context;
  AdwApplication *app;
  LiaisonWindow  *window;
} TestUi;

static inline void
test_ui_init (int *argc, char ***argv)
{
  const char *localedir = g_getenv ("LIAISON_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* No G_TEST_OPTION_ISOLATE_DIRS: run-under-xvfb.sh gives private user
   * dirs and keeps the system data dirs GTK needs. */
  g_test_init (argc, argv, NULL);
  /* Any warning or critical, GTK's, libadwaita's, GLib's or ours, in any
   * window or dialog a test opens, fails it (whatever G_DEBUG says). */
  g_log_set_always_fatal (g_log_set_always_fatal (G_LOG_FATAL_MASK) | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  if (!gtk_init_check ())
    {
      g_test_skip ("no display: run under tests/run-under-xvfb.sh");
      exit (g_test_run ());
    }
  adw_init ();
  liaison_gui_register_resource ();
}

static inline gboolean
test_ui_wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until cond (data) holds or seconds pass. A condition
 * that another thread makes true (a worker letting go of a reference) is
 * looked at again every few milliseconds. */
static inline gboolean
test_ui_wait_for (gboolean (*cond) (gpointer), gpointer data, double seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  guint  wake;

  if (cond (data))
    return TRUE;
  wake = g_timeout_add (5, test_ui_wake, NULL);
  while (!cond (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
  return cond (data);
}

static inline gboolean
test_ui_is_true (gpointer flag)
{
  return *(gboolean *) flag;
}

static inline gboolean
test_ui_is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Waits for widget to be on screen (mapped: it and all its parents shown). */
static inline void
test_ui_wait_mapped (GtkWidget *widget)
{
  if (!test_ui_wait_for (test_ui_is_mapped, widget, 10))
    g_error ("%s never showed", G_OBJECT_TYPE_NAME (widget));
}

static inline gboolean
test_ui_is_visible (gpointer widget)
{
  return gtk_widget_get_visible (widget);
}

/* Waits for widget's own visible flag (a message, a row, a note shown). */
static inline void
test_ui_wait_visible (GtkWidget *widget)
{
  if (!test_ui_wait_for (test_ui_is_visible, widget, 10))
    g_error ("%s never became visible", G_OBJECT_TYPE_NAME (widget));
}

static inline gboolean
test_ui_is_sensitive (gpointer widget)
{
  return gtk_widget_is_sensitive (widget);
}

/* Waits for widget (a Save button) to take input. */
static inline void
test_ui_wait_sensitive (GtkWidget *widget)
{
  if (!test_ui_wait_for (test_ui_is_sensitive, widget, 10))
    g_error ("%s never became sensitive", G_OBJECT_TYPE_NAME (widget));
}

static inline gboolean
test_ui_is_insensitive (gpointer widget)
{
  return !gtk_widget_is_sensitive (widget);
}

static inline void
test_ui_wait_insensitive (GtkWidget *widget)
{
  if (!test_ui_wait_for (test_ui_is_insensitive, widget, 10))
    g_error ("%s is still sensitive", G_OBJECT_TYPE_NAME (widget));
}

static inline gboolean
test_ui_is_revealed (gpointer revealer)
{
  return gtk_revealer_get_child_revealed (revealer);
}

/* Waits for a revealer to have slid its child fully in. */
static inline void
test_ui_wait_revealed (GtkWidget *revealer)
{
  if (!test_ui_wait_for (test_ui_is_revealed, revealer, 10))
    g_error ("%s never revealed its child", gtk_buildable_get_buildable_id (GTK_BUILDABLE (revealer)));
}

static inline gboolean
test_ui_focus_in (gpointer widget)
{
  GtkRoot   *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Waits for the keyboard focus to be in widget (it or a child of it). */
static inline void
test_ui_wait_focus_in (GtkWidget *widget)
{
  if (!test_ui_wait_for (test_ui_focus_in, widget, 10))
    g_error ("The focus never came to %s", G_OBJECT_TYPE_NAME (widget));
}

typedef struct
{
  GtkWidget  *label;
  const char *text;
} TestUiLabel;

static inline gboolean
test_ui_label_says (gpointer data)
{
  TestUiLabel *l = data;

  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (l->label)), l->text) == 0;
}

/* Waits for a label to read text, exactly. */
static inline void
test_ui_wait_label (GtkWidget *label, const char *text)
{
  TestUiLabel l = { label, text };

  if (!test_ui_wait_for (test_ui_label_says, &l, 10))
    g_error ("The label reads “%s”, not “%s”", gtk_label_get_text (GTK_LABEL (label)), text);
}

typedef struct
{
  GListModel *model;
  guint       n;
} TestUiItems;

static inline gboolean
test_ui_has_n_items (gpointer data)
{
  TestUiItems *i = data;

  return g_list_model_get_n_items (i->model) == i->n;
}

/* Waits for a list model to hold n items. */
static inline void
test_ui_wait_n_items (GListModel *model, guint n)
{
  TestUiItems i = { model, n };

  if (!test_ui_wait_for (test_ui_has_n_items, &i, 10))
    g_error ("The list has %u items, not %u", g_list_model_get_n_items (model), n);
}

static inline gboolean
test_ui_transitions_done (gpointer widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (widget))
    return FALSE;
  if (ADW_IS_LEAFLET (widget) && adw_leaflet_get_child_transition_running (widget))
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!test_ui_transitions_done (child))
      return FALSE;
  return TRUE;
}

/* Waits for every stack and leaflet under root to finish sliding or
 * crossfading: the view that goes is unmapped, the one that comes is whole. */
static inline void
test_ui_wait_transitions (GtkWidget *root)
{
  if (!test_ui_wait_for (test_ui_transitions_done, root, 10))
    g_error ("A transition under %s never ended", G_OBJECT_TYPE_NAME (root));
}

/* Whether a spinner under root spins: a view reading the store shows one
 * (the Overview, the Action plan, the Events list, a person's page). */
static inline gboolean
test_ui_spins (gpointer root)
{
  if (GTK_IS_SPINNER (root) && gtk_spinner_get_spinning (root))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (test_ui_spins (child))
      return TRUE;
  return FALSE;
}

static inline gboolean
test_ui_still (gpointer root)
{
  return !test_ui_spins (root);
}

/* Waits for the views under root to have what they read: no spinner spins. */
static inline void
test_ui_wait_loaded (GtkWidget *root)
{
  if (!test_ui_wait_for (test_ui_still, root, 30))
    g_error ("%s is still loading", G_OBJECT_TYPE_NAME (root));
}

/* Waits for a view that reads the store again a moment after a change (on
 * a timer) to start that read, then for it to end. Call it before anything
 * else starts a read of the same view. */
static inline void
test_ui_wait_reload (GtkWidget *root)
{
  if (!test_ui_wait_for (test_ui_spins, root, 10))
    g_error ("%s never read the store again", G_OBJECT_TYPE_NAME (root));
  test_ui_wait_loaded (root);
}

static inline void
test_ui_on_after_paint (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

/* Waits for the next frame of widget's window to be painted: whatever was
 * set before it is laid out and drawn (what a screenshot takes). */
static inline void
test_ui_wait_painted (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean       painted = FALSE;
  gulong         handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (test_ui_on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  if (!test_ui_wait_for (test_ui_is_true, &painted, 10))
    g_error ("%s was never painted", G_OBJECT_TYPE_NAME (widget));
  g_signal_handler_disconnect (clock, handler);
}

static inline TestUi *
test_ui_new (const char *database)
{
  TestUi *ui = g_new0 (TestUi, 1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettings) settings = g_settings_new ("org.chinaaseanenv.Liaison");
  g_autofree char *path = NULL;

  if (database == NULL)
    {
      ui->dir = test_make_dir ();
      path = g_build_filename (ui->dir, "liaison.db", NULL);
      database = path;
    }
  ui->store = liaison_store_open (database, &error);
  g_assert_no_error (error);
  ui->context = liaison_context_new (ui->store, settings);
  /* A new id per window: the previous application's D-Bus objects may
   * still be exported when the next test starts. */
  {
    static guint     n_apps;
    g_autofree char *id = g_strdup_printf ("org.chinaaseanenv.Liaison.Test%u", ++n_apps);

    ui->app = adw_application_new (id, G_APPLICATION_NON_UNIQUE);
  }
  g_application_set_resource_base_path (G_APPLICATION (ui->app), "/org/chinaaseanenv/Liaison");
  g_assert_true (g_application_register (G_APPLICATION (ui->app), NULL, NULL));

  ui->window = liaison_window_new (ui->app, ui->context);
  gtk_window_set_default_size (GTK_WINDOW (ui->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (ui->window));
  /* Up: mapped, the Overview it opens on read, its first frame drawn. */
  test_ui_wait_mapped (GTK_WIDGET (ui->window));
  test_ui_wait_loaded (GTK_WIDGET (ui->window));
  test_ui_wait_painted (GTK_WIDGET (ui->window));
  return ui;
}

static inline gboolean
test_ui_only_reference (gpointer object)
{
  return G_OBJECT (object)->ref_count == 1;
}

static inline gboolean
test_ui_is_null (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

static inline void
test_ui_free (TestUi *ui)
{
  g_object_add_weak_pointer (G_OBJECT (ui->window), (gpointer *) &ui->window);
  gtk_window_destroy (GTK_WINDOW (ui->window));
  /* Gone: its pages dropped, their answers to queries still running let
   * go of (cancelled or not). */
  if (!test_ui_wait_for (test_ui_is_null, &ui->window, 10))
    g_error ("The window outlived its destruction");
  g_clear_object (&ui->context);
  g_clear_object (&ui->app);
  /* Queries still running hold the pages, and the pages the store, until
   * their answers arrive (cancelled or not). */
  test_ui_wait_for (test_ui_only_reference, ui->store, 10);
  g_assert_finalize_object (g_steal_pointer (&ui->store));
  if (ui->dir != NULL)
    test_remove_tree (ui->dir);
  g_free (ui->dir);
  g_free (ui);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestUi, test_ui_free)

static inline void
test_ui_activate (TestUi *ui, const char *action, GVariant *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (ui->window), action, parameter));
}

typedef struct
{
  TestUi     *ui;
  const char *name;
} TestUiPage;

static inline gboolean
test_ui_page_shown (gpointer data)
{
  TestUiPage *p = data;

  return g_strcmp0 (liaison_window_get_visible_page (p->ui->window), p->name) == 0 &&
         gtk_widget_get_mapped (liaison_window_get_page (p->ui->window, p->name)) &&
         test_ui_transitions_done (p->ui->window);
}

/* Shows a view as the sidebar does (win.show-page) and waits for it to be
 * the one on screen, the view before it gone. Its data may still be on
 * the way: test_ui_wait_loaded, or a wait for what it should show. */
static inline void
test_ui_show_page (TestUi *ui, const char *name)
{
  TestUiPage p = { ui, name };

  test_ui_activate (ui, "win.show-page", g_variant_new_string (name));
  if (!test_ui_wait_for (test_ui_page_shown, &p, 10))
    g_error ("The %s view never showed (%s shows)", name, liaison_window_get_visible_page (ui->window));
}

/* In a translated run, nothing the window shows may still read as an
 * English original that the catalogue translates. The msgids come from the
 * po file, which the translations test keeps in step with the sources. */
static inline void
test_ui_add_msgid (GHashTable *ids, const char *msgid)
{
  g_autoptr (GString) plain = g_string_new (NULL);

  g_hash_table_add (ids, g_strdup (msgid));
  /* A label with a mnemonic shows its text without the underscore. */
  for (const char *p = msgid; *p != '\0'; p++)
    if (*p != '_' || p[1] == '_')
      g_string_append_c (plain, *p);
    else if (p[1] == '\0')
      g_string_append_c (plain, *p);
  g_hash_table_add (ids, g_string_free (g_steal_pointer (&plain), FALSE));
}

static inline GHashTable *
test_ui_english_msgids (void)
{
  g_autofree char *po = g_test_build_filename (G_TEST_DIST, "..", "po", "zh_CN.po", NULL);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GString) msgid = g_string_new (NULL);
  g_autoptr (GString) plural = g_string_new (NULL);
  g_autoptr (GString) msgstr = g_string_new (NULL);
  GString *current = NULL;

  g_assert_true (g_file_get_contents (po, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0;; i++)
    {
      const char *line = lines[i];
      const char *quoted = NULL;

      /* An entry ends at a blank line (or the end): keep its msgids when
       * the translation says something else ("中文" and "UTC" stay). */
      if (line == NULL || *line == '\0')
        {
          if (msgid->len > 0 && msgstr->len > 0 && strcmp (msgstr->str, msgid->str) != 0)
            {
              test_ui_add_msgid (ids, msgid->str);
              if (plural->len > 0)
                test_ui_add_msgid (ids, plural->str);
            }
          g_string_truncate (msgid, 0);
          g_string_truncate (plural, 0);
          g_string_truncate (msgstr, 0);
          current = NULL;
          if (line == NULL)
            break;
          continue;
        }
      if (g_str_has_prefix (line, "msgid_plural \""))
        current = plural, quoted = line + 13;
      else if (g_str_has_prefix (line, "msgid \""))
        current = msgid, quoted = line + 6;
      else if (g_str_has_prefix (line, "msgstr \"") || g_str_has_prefix (line, "msgstr[0] \""))
        current = msgstr, quoted = strchr (line, '"');
      else if (g_str_has_prefix (line, "msgstr["))
        current = NULL;
      else if (g_str_has_prefix (line, "msgctxt \""))
        current = NULL;
      else if (line[0] == '"')
        quoted = line;
      if (quoted != NULL && current != NULL && g_str_has_suffix (quoted, "\"") && strlen (quoted) >= 2)
        {
          g_autofree char *inner = g_strndup (quoted + 1, strlen (quoted) - 2);
          g_autofree char *str = g_strcompress (inner);

          g_string_append (current, str);
        }
    }
  return ids;
}

static inline void
test_ui_check_text (GHashTable *msgids, const char *what, const char *text, GString *found)
{
  g_autofree char *plain = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*plain != '\0' && g_hash_table_contains (msgids, plain))
    g_string_append_printf (found, "%s “%s”; ", what, plain);
}

static inline void
test_ui_collect_untranslated (GtkWidget *root, GHashTable *msgids, GString *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (GTK_IS_LABEL (child))
        test_ui_check_text (msgids, "label", gtk_label_get_text (GTK_LABEL (child)), found);
      else if (GTK_IS_INSCRIPTION (child))
        test_ui_check_text (msgids, "cell", gtk_inscription_get_text (GTK_INSCRIPTION (child)), found);
      else if (GTK_IS_TEXT (child))
        test_ui_check_text (msgids, "placeholder", gtk_text_get_placeholder_text (GTK_TEXT (child)), found);
      test_ui_check_text (msgids, "tooltip", gtk_widget_get_tooltip_text (child), found);
      test_ui_collect_untranslated (child, msgids, found);
    }
}

/* Fails when a widget under root still shows an English msgid: a label,
 * a list cell, an entry's placeholder or a tooltip. Windows also by title. */
static inline void
test_ui_assert_translated (GtkWidget *root)
{
  g_autoptr (GHashTable) msgids = test_ui_english_msgids ();
  g_autoptr (GString) found = g_string_new (NULL);

  g_assert_cmpuint (g_hash_table_size (msgids), >, 100);
  if (GTK_IS_WINDOW (root))
    test_ui_check_text (msgids, "title", gtk_window_get_title (GTK_WINDOW (root)), found);
  test_ui_collect_untranslated (root, msgids, found);
  if (found->len > 0)
    g_error ("Still in English: %s", found->str);
}

/* Whether this run is the Chinese one (LANGUAGE=zh_CN). */
static inline gboolean
test_ui_chinese (void)
{
  const char *lang = g_getenv ("LANGUAGE");

  return lang != NULL && g_str_has_prefix (lang, "zh");
}

/* The first descendant of root of a type (and with a name, if given). */
static inline GtkWidget *
test_ui_find (GtkWidget *root, GType type, const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (name == NULL || g_strcmp0 (gtk_widget_get_name (child), name) == 0) && gtk_widget_get_visible (child))
        return child;
      found = test_ui_find (child, type, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A template child by the id its .ui gives it. */
static inline GtkWidget *
test_ui_find_id (GtkWidget *root, const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (child)), id) == 0)
        return child;
      found = test_ui_find_id (child, id);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static inline GtkWidget *
test_ui_get_id (GtkWidget *root, const char *id)
{
  GtkWidget *found = test_ui_find_id (root, id);

  if (found == NULL)
    g_error ("No widget with the id “%s” under %s", id, G_OBJECT_TYPE_NAME (root));
  return found;
}

static inline void
test_ui_set_text (GtkWidget *root, const char *id, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (test_ui_get_id (root, id)), text);
}

/* The newest visible toplevel of a type (an editor, a dialog), or NULL. */
static inline GtkWindow *
test_ui_find_dialog (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GtkWindow) w = g_list_model_get_item (toplevels, i - 1);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }
  return NULL;
}

static inline gboolean
test_ui_dialog_open (gpointer type)
{
  GtkWindow *w = test_ui_find_dialog (GPOINTER_TO_SIZE (type));

  return w != NULL && gtk_widget_get_mapped (GTK_WIDGET (w));
}

static inline gboolean
test_ui_dialog_closed (gpointer type)
{
  return test_ui_find_dialog (GPOINTER_TO_SIZE (type)) == NULL;
}

/* Waits for a toplevel of a type (an editor, a dialog) to be on screen,
 * and returns the newest. */
static inline GtkWindow *
test_ui_dialog (TestUi *ui, GType type)
{
  if (!test_ui_wait_for (test_ui_dialog_open, GSIZE_TO_POINTER (type), 10))
    g_error ("No open %s", g_type_name (type));
  return test_ui_find_dialog (type);
}

/* Waits for every toplevel of a type to be closed. */
static inline void
test_ui_wait_closed (GType type)
{
  if (!test_ui_wait_for (test_ui_dialog_closed, GSIZE_TO_POINTER (type), 10))
    g_error ("A %s is still open", g_type_name (type));
}

typedef struct
{
  GtkWidget      *overlay;
  graphene_rect_t last;
  gboolean        have_last;
} TestUiToastRest;

/* Whether the toasts on screen are at rest: none, or one alone that has
 * not moved since the last look (a frame ago), the one before it gone. */
static inline gboolean
test_ui_toast_still (TestUiToastRest *r)
{
  GType           type = g_type_from_name ("AdwToastWidget");
  GtkWidget      *only = NULL;
  guint           n = 0;
  graphene_rect_t now;
  gboolean        still;

  for (GtkWidget *child = gtk_widget_get_first_child (r->overlay); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (type != 0 && G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      only = child, n++;
  if (n == 0)
    return TRUE;
  if (n > 1 || !gtk_widget_compute_bounds (only, r->overlay, &now))
    {
      r->have_last = FALSE;
      return FALSE;
    }
  still = r->have_last && graphene_rect_equal (&now, &r->last);
  r->last = now;
  r->have_last = TRUE;
  return still;
}

/* Waits for the toast on screen under root (a window), if any, to have
 * slid in, alone: what a person reads and presses. (libadwaita 1.2 frees a
 * toast hidden before it has slid in, then touches it: toasts made faster
 * than that crash.) */
static inline void
test_ui_wait_toasts_still (GtkWidget *root)
{
  TestUiToastRest r = { test_ui_find (root, ADW_TYPE_TOAST_OVERLAY, NULL), { { 0 } }, FALSE };
  gint64          deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  if (r.overlay == NULL)
    return;
  while (!test_ui_toast_still (&r))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The toast never came to rest");
      test_ui_wait_painted (r.overlay);
    }
}

static inline void
test_ui_wait_toast_still (TestUi *ui)
{
  test_ui_wait_toasts_still (GTK_WIDGET (ui->window));
}

typedef struct
{
  TestUi   *ui;
  AdwToast *before;
} TestUiToast;

static inline gboolean
test_ui_new_toast (gpointer data)
{
  TestUiToast *t = data;
  AdwToast    *last = liaison_window_get_last_toast (t->ui->window);

  return last != NULL && last != t->before;
}

/* Waits for a toast newer than before, the one test_ui_last_toast gave
 * before the change (NULL for none), to be on screen, and returns it. */
static inline AdwToast *
test_ui_wait_toast (TestUi *ui, AdwToast *before)
{
  TestUiToast t = { ui, before };

  if (!test_ui_wait_for (test_ui_new_toast, &t, 10))
    g_error ("No new toast (the last one says “%s”)", before != NULL ? adw_toast_get_title (before) : "nothing");
  test_ui_wait_toast_still (ui);
  return liaison_window_get_last_toast (ui->window);
}

/* The toast shown last, held (so a newer one is never mistaken for it). */
static inline AdwToast *
test_ui_last_toast (TestUi *ui)
{
  AdwToast *toast = liaison_window_get_last_toast (ui->window);

  return toast != NULL ? g_object_ref (toast) : NULL;
}

/* Presses the Undo of the last toast, as a person would, and waits for
 * the toast that says it was undone. */
static inline void
test_ui_press_toast_button (TestUi *ui)
{
  g_autoptr (AdwToast) toast = test_ui_last_toast (ui);

  g_assert_nonnull (toast);
  g_assert_nonnull (adw_toast_get_action_name (toast));
  test_ui_wait_toast_still (ui);
  test_ui_activate (ui, adw_toast_get_action_name (toast), adw_toast_get_action_target_value (toast));
  test_ui_wait_toast (ui, toast);
}

/* Offers a key to the shortcuts of widget's controllers in one phase;
 * TRUE when one took it. */
static inline gboolean
test_ui_offer_key (GtkWidget *widget, GtkPropagationPhase phase, guint keyval, GdkModifierType mods)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) || gtk_event_controller_get_propagation_phase (controller) != phase)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) ||
              gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))) != gdk_keyval_to_lower (keyval) ||
              (gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) & gtk_accelerator_get_default_mod_mask ()) != mods)
            continue;
          {
            g_autofree char *what = gtk_shortcut_action_to_string (gtk_shortcut_get_action (shortcut));
            const char      *type = G_OBJECT_TYPE_NAME (widget);
            /* The action may close the window widget is in. */
            g_autoptr (GtkWidget) held = g_object_ref (widget);

            if (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                              gtk_shortcut_get_arguments (shortcut)))
              {
                g_test_message ("%s took the key for %s", type, what);
                return TRUE;
              }
          }
        }
    }
  return FALSE;
}

/* Presses a key where the keyboard focus is, as GTK hands a key to the
 * shortcuts on the way (no X event: the widgets' own bindings, from the
 * window down and back up, the first that acts takes it). So a key an
 * entry keeps for itself (Ctrl+Z in a GtkText with something to undo)
 * never reaches the window. FALSE when nothing took it. */
static inline gboolean
test_ui_press_key (GtkWidget *root, guint keyval, GdkModifierType mods)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (root));
  g_autoptr (GPtrArray) path = g_ptr_array_new ();

  g_assert_nonnull (focus);
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    g_ptr_array_insert (path, 0, w);
  for (guint i = 0; i < path->len; i++)
    if (test_ui_offer_key (g_ptr_array_index (path, i), GTK_PHASE_CAPTURE, keyval, mods))
      return TRUE;
  if (test_ui_offer_key (focus, GTK_PHASE_TARGET, keyval, mods))
    return TRUE;
  for (guint i = path->len; i > 0; i--)
    if (test_ui_offer_key (g_ptr_array_index (path, i - 1), GTK_PHASE_BUBBLE, keyval, mods))
      return TRUE;
  return FALSE;
}

static inline GtkWidget *
test_ui_page (TestUi *ui, const char *name)
{
  return liaison_window_get_page (ui->window, name);
}

/* Whether some visible label under root shows text (a substring). */
static inline gboolean
test_ui_shows_text (GtkWidget *root, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child) || !gtk_widget_get_child_visible (child))
        continue;
      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL)
        return TRUE;
      if (GTK_IS_EDITABLE (child) && strstr (gtk_editable_get_text (GTK_EDITABLE (child)), text) != NULL)
        return TRUE;
      if (test_ui_shows_text (child, text))
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} TestUiShown;

static inline gboolean
test_ui_shows (gpointer data)
{
  TestUiShown *s = data;

  return test_ui_shows_text (s->root, s->text);
}

static inline gboolean
test_ui_hides (gpointer data)
{
  return !test_ui_shows (data);
}

/* Waits for text to show under root (views load on the store's worker). */
static inline void
test_ui_wait_shown (GtkWidget *root, const char *text)
{
  TestUiShown s = { root, text };

  if (!test_ui_wait_for (test_ui_shows, &s, 10))
    g_error ("“%s” never showed", text);
}

static inline void
test_ui_wait_hidden (GtkWidget *root, const char *text)
{
  TestUiShown s = { root, text };

  if (!test_ui_wait_for (test_ui_hides, &s, 10))
    g_error ("“%s” still shows", text);
}

/* Screenshots for the docs: LIAISON_SCREENSHOT_DIR=docs/screenshots. */
static inline void
test_ui_screenshot_widget (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("LIAISON_SCREENSHOT_DIR");
  g_autoptr (GdkPaintable) paintable = NULL;
  g_autoptr (GtkSnapshot) snapshot = NULL;
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int              width, height;

  /* As a person would see it: no view sliding in, none still reading, no
   * toast moving, and drawn. */
  test_ui_wait_transitions (widget);
  test_ui_wait_loaded (widget);
  test_ui_wait_toasts_still (widget);
  test_ui_wait_painted (widget);
  /* Every place a test would photograph is also where a Chinese run looks
   * for English left over. */
  if (test_ui_chinese ())
    test_ui_assert_translated (widget);
  if (dir == NULL)
    return;
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    {
      g_test_message ("screenshot %s: nothing drawn yet", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static inline void
test_ui_screenshot (TestUi *ui, const char *name)
{
  test_ui_screenshot_widget (GTK_WIDGET (ui->window), name);
}
