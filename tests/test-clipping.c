/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "liaison-event-editor.h"
#include "liaison-event-page.h"
#include "liaison-preferences-window.h"
#include "test-ui.h"

/* Text that is cut: at 800×600, 1280×800 and 1920×1080, in the interface
 * language of the run, the texts a coordinator reads are whole. A label is
 * neither ellipsized (when it has room) nor clipped: the ink of its text
 * lies inside every widget that clips it, up to the list or page that
 * scrolls it. Names in the registrations table are written with marks
 * above the letters (Vietnamese stacks two), in Thai, Myanmar, Khmer, Lao
 * and Chinese. */

static const struct
{
  int width, height;
} sizes[] = { { 800, 600 }, { 1280, 800 }, { 1920, 1080 } };

/* Where a label's text is on screen, and whether something clips it. */
typedef struct
{
  GString *problems;
} Report;

static void
note (Report *report, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
note (Report *report, const char *format, ...)
{
  va_list args;

  va_start (args, format);
  g_string_append_vprintf (report->problems, format, args);
  va_end (args);
  g_string_append (report->problems, "\n");
}

/* The layout's ink, in label coordinates. */
static graphene_rect_t
label_ink (GtkLabel *label)
{
  PangoRectangle ink;
  int            x, y;

  pango_layout_get_pixel_extents (gtk_label_get_layout (label), &ink, NULL);
  gtk_label_get_layout_offsets (label, &x, &y);
  return GRAPHENE_RECT_INIT (x + ink.x, y + ink.y, ink.width, ink.height);
}

/* Fails (into report) when label's text is ellipsized, or when its ink
 * reaches outside the label or outside an ancestor that clips, up to the
 * first one that scrolls. */
static void
check_label (Report *report, const char *what, GtkLabel *label)
{
  GtkWidget      *widget = GTK_WIDGET (label);
  PangoLayout    *layout = gtk_label_get_layout (label);
  PangoRectangle  ink, logical;
  graphene_rect_t text = label_ink (label);

  if (!gtk_widget_get_mapped (widget))
    {
      note (report, "%s “%s” is not on screen", what, gtk_label_get_text (label));
      return;
    }
  pango_layout_get_pixel_extents (layout, &ink, &logical);
  if (pango_layout_is_ellipsized (layout))
    note (report, "%s “%s” is ellipsized (%d px wide, needs more)", what, gtk_label_get_text (label),
          gtk_widget_get_width (widget));
  if (gtk_widget_get_height (widget) < logical.height)
    note (report, "%s “%s”: %d px high, its text %d px", what, gtk_label_get_text (label), gtk_widget_get_height (widget),
          logical.height);
  for (GtkWidget *a = widget; a != NULL; a = gtk_widget_get_parent (a))
    {
      graphene_rect_t bounds;
      graphene_rect_t in_a;

      /* Up to what scrolls the page (a list in a row clips, and counts). */
      if (a != widget && (GTK_IS_VIEWPORT (a) || GTK_IS_SCROLLED_WINDOW (a) || GTK_IS_NATIVE (a)))
        break;
      if (a != widget && gtk_widget_get_overflow (a) != GTK_OVERFLOW_HIDDEN)
        continue;
      if (!gtk_widget_compute_bounds (widget, a, &bounds))
        continue;
      /* The text in a's coordinates. */
      in_a = GRAPHENE_RECT_INIT (bounds.origin.x + text.origin.x, bounds.origin.y + text.origin.y, text.size.width,
                                 text.size.height);
      if (in_a.origin.y < -0.5 || in_a.origin.y + in_a.size.height > gtk_widget_get_height (a) + 0.5)
        note (report, "%s “%s”: its text (%g to %g px) is cut by %s (0 to %d px)", what, gtk_label_get_text (label),
              in_a.origin.y, in_a.origin.y + in_a.size.height, G_OBJECT_TYPE_NAME (a), gtk_widget_get_height (a));
    }
}

/* What renderer draws of widget, as 32-bit premultiplied pixels. */
static guchar *
render_pixels (GskRenderer *renderer, GtkWidget *widget, int *width, int *height, gsize *stride)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  guchar *data;

  *width = gtk_widget_get_width (widget);
  *height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, *width, *height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, *width, *height));
  *stride = (gsize) *width * 4;
  data = g_malloc (*stride * *height);
  gdk_texture_download (texture, data, *stride);
  return data;
}

/* Whether a pixel is ink: alone (drawn on nothing) what covers; in the
 * window what differs from the background around the label. */
static gboolean
is_ink (const guchar *data, gsize stride, int x, int y, const guchar *bg)
{
  const guchar *p = data + (gsize) y * stride + (gsize) x * 4;
  int           d = 0;

  if (bg == NULL)
    return p[3] > 128;
  for (int c = 0; c < 3; c++)
    d = MAX (d, ABS ((int) p[c] - (int) bg[c]));
  return d > 24;
}

/* Fails (into report) when the label's text, drawn in its window by
 * renderer, lacks ink it has when drawn alone: the top of a letter or a
 * mark above it cut off by something around it. The two pictures are
 * lined up where they agree best (the window's picture may start a pixel
 * or two off the label's bounds). */
static void
check_drawn (Report *report, const char *what, GskRenderer *renderer, GtkLabel *label, const guchar *window_data, gsize window_stride, int window_width, int window_height)
{
  GtkWidget         *widget = GTK_WIDGET (label);
  g_autofree guchar *alone = NULL;
  graphene_rect_t    bounds;
  int                w, h, x0, y0, best = G_MAXINT, best_dx = 0, best_dy = 0;
  gsize              stride;
  const guchar      *bg;

  alone = render_pixels (renderer, widget, &w, &h, &stride);
  g_assert_true (gtk_widget_compute_bounds (widget, gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW), &bounds));
  x0 = (int) bounds.origin.x;
  y0 = (int) bounds.origin.y;
  g_assert_cmpint (x0, >=, 4);
  g_assert_cmpint (y0, >=, 4);
  g_assert_cmpint (x0 + w + 4, <=, window_width);
  g_assert_cmpint (y0 + h + 4, <=, window_height);
  bg = window_data + (gsize) y0 * window_stride + (gsize) x0 * 4;
  for (int dy = -3; dy <= 3; dy++)
    for (int dx = -3; dx <= 3; dx++)
      {
        int differ = 0;

        for (int y = 0; y < h; y++)
          for (int x = 0; x < w; x++)
            differ += is_ink (alone, stride, x, y, NULL) != is_ink (window_data, window_stride, x0 + dx + x, y0 + dy + y, bg);
        if (differ < best)
          best = differ, best_dx = dx, best_dy = dy;
      }
  for (int x = 0; x < w; x++)
    for (int y = 0; y < h; y++)
      if (is_ink (alone, stride, x, y, NULL))
        {
          gboolean near = FALSE;

          /* Ink alone has ink in the window a pixel or two away (the two are not
           * drawn at the same fraction of a pixel). */
          for (int ny = MAX (0, y - 1); ny <= MIN (h - 1, y + 1) && !near; ny++)
            for (int nx = MAX (0, x - 2); nx <= MIN (w - 1, x + 2) && !near; nx++)
              near = is_ink (window_data, window_stride, x0 + best_dx + nx, y0 + best_dy + ny, bg);
          if (!near)
            {
              note (report, "%s “%s” drawn by %s: ink at %d,%d of the label is missing in the window", what,
                    gtk_label_get_text (label), G_OBJECT_TYPE_NAME (renderer), x, y);
              return;
            }
          break; /* the top of this column is there */
        }
}

static void
check_labels_under (Report *report, const char *what, GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LABEL (child) && *gtk_label_get_text (GTK_LABEL (child)) != '\0')
        check_label (report, what, GTK_LABEL (child));
      check_labels_under (report, what, child);
    }
}

static void
assert_report (Report *report, const char *view, int width, int height)
{
  if (report->problems->len > 0)
    g_error ("%s at %d×%d:\n%s", view, width, height, report->problems->str);
}

typedef struct
{
  GtkWidget *window;
  int        width, height;
} Size;

static gboolean
has_size (gpointer data)
{
  Size *s = data;

  return gtk_widget_get_width (s->window) == s->width && gtk_widget_get_height (s->window) == s->height;
}

static gboolean
resized (gpointer data)
{
  Size *s = data;

  return gtk_widget_get_width (s->window) != s->width || gtk_widget_get_height (s->window) != s->height;
}

/* Makes the window's own area width×height: the default size also counts
 * what the decorations take, so ask again for the difference. */
static void
resize (GtkWidget *window, int width, int height)
{
  Size s = { window, width, height };
  Size before = { window, gtk_widget_get_width (window), gtk_widget_get_height (window) };

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (!has_size (&s))
    test_ui_wait_for (resized, &before, 10);
  if (!has_size (&s))
    gtk_window_set_default_size (GTK_WINDOW (window), 2 * width - gtk_widget_get_width (window),
                                 2 * height - gtk_widget_get_height (window));
  if (!test_ui_wait_for (has_size, &s, 10))
    g_error ("The window is %d×%d, not %d×%d", gtk_widget_get_width (window), gtk_widget_get_height (window), width,
             height);
  test_ui_wait_transitions (window);
  test_ui_wait_painted (window);
}

/* For looking: LIAISON_CLIPPING_SHOT_DIR keeps a picture of every view at
 * every size (the README's come from LIAISON_SCREENSHOT_DIR). */
static void
look (GtkWidget *widget, const char *view, int width, int height)
{
  const char      *dir = g_getenv ("LIAISON_CLIPPING_SHOT_DIR");
  g_autofree char *saved = g_strdup (g_getenv ("LIAISON_SCREENSHOT_DIR"));
  g_autofree char *name = NULL;

  if (dir == NULL)
    return;
  name = g_strdup_printf ("%s-%dx%d-%s.png", view, width, height, test_ui_chinese () ? "zh_CN" : "en");
  g_setenv ("LIAISON_SCREENSHOT_DIR", dir, TRUE);
  test_ui_screenshot_widget (widget, name);
  if (saved != NULL)
    g_setenv ("LIAISON_SCREENSHOT_DIR", saved, TRUE);
  else
    g_unsetenv ("LIAISON_SCREENSHOT_DIR");
}

/* ------------------------------------------------------------------------ */

static LiaisonParticipant *
add_person (LiaisonStore *store, const char *family, const char *given, const char *family_latin, const char *given_latin, const char *country)
{
  LiaisonParticipant *p = liaison_participant_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_participant_set_native_name (p, family, given);
  liaison_participant_set_latin_name (p, family_latin, given_latin);
  liaison_participant_set_country (p, country);
  g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return p;
}

static LiaisonEvent *
add_event (LiaisonStore *store, const char *title, const char *zone, guint capacity)
{
  LiaisonEvent *e = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;

  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_EN, title);
  liaison_bilingual_set_text (liaison_event_get_title (e), LIAISON_LANGUAGE_ZH, "中国—东盟研修班");
  g_assert_true (liaison_event_set_when (e, "2026-05-12T09:00", "2026-05-14T17:00", zone, NULL));
  liaison_event_set_kind (e, LIAISON_EVENT_KIND_TRAINING_COURSE);
  liaison_event_set_country (e, "MM");
  liaison_event_set_capacity (e, capacity);
  g_assert_true (liaison_store_save_event (store, e, LIAISON_ORIGIN_LOCAL, &error));
  g_assert_no_error (error);
  return e;
}

/* People whose names reach above and below the Latin letters. */
static const struct
{
  const char *family, *given, *family_latin, *given_latin, *country;
} people[] = {
  { "Nguyễn", "Thị Ánh", "Nguyen", "Thi Anh", "VN" },
  { "李", "霞", "Li", "Xia", "CN" },
  { "สมชาย", "ใจดี", "Jaidee", "Somchai", "TH" },
  { "အောင်", "ကျော်ဦး", "Aung", "Kyaw Oo", "MM" },
  { "សុខ", "ស៊ីណា", "Sok", "Sina", "KH" },
  { "ພົມມະຈັນ", "ສີສຸກ", "Phommachan", "Sisouk", "LA" },
  { NULL, "Ölçüm Çağrı", NULL, NULL, "ID" },
};

static GtkWidget *
event_page (TestUi *ui)
{
  return test_ui_find (test_ui_page (ui, "events"), LIAISON_TYPE_EVENT_PAGE, NULL);
}

static gboolean
event_loaded (gpointer data)
{
  return liaison_event_page_get_event (data) != NULL;
}

static void
show_event (TestUi *ui, LiaisonEvent *event)
{
  GtkWidget *page;

  test_ui_activate (ui, "win.show-event", g_variant_new_string (liaison_event_get_id (event)));
  page = event_page (ui);
  g_assert_true (test_ui_wait_for (event_loaded, page, 10));
  test_ui_wait_loaded (GTK_WIDGET (ui->window));
}

/* The label in the registrations table that shows text, or NULL. */
static GtkLabel *
cell_showing (GtkWidget *root, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && strstr (gtk_label_get_text (GTK_LABEL (child)), text) != NULL &&
          gtk_widget_get_mapped (child))
        return GTK_LABEL (child);
      found = cell_showing (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_cell (gpointer data)
{
  gpointer *d = data;

  return cell_showing (d[0], d[1]) != NULL;
}

/* Scrolls the page to the table and waits for the cell that shows text. */
static GtkLabel *
wait_cell (GtkWidget *table, const char *text)
{
  gpointer d[2] = { table, (gpointer) text };

  if (!test_ui_wait_for (shows_cell, d, 10))
    {
      look (gtk_widget_get_ancestor (table, GTK_TYPE_WINDOW), "nocell", 0, 0);
      g_error ("No cell shows “%s”", text);
    }
  return cell_showing (table, text);
}

/* Scrolls the page so that widget is in the middle of the screen, away
 * from the edges where the page's own clip cuts what cairo draws. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget       *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  graphene_point_t at;

  /* The page's scroller, not the table's own sideways one. */
  for (;;)
    {
      GtkPolicyType h, v;

      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (scrolled), &h, &v);
      if (v != GTK_POLICY_NEVER)
        break;
      scrolled = gtk_widget_get_ancestor (gtk_widget_get_parent (scrolled), GTK_TYPE_SCROLLED_WINDOW);
    }
  g_assert_true (gtk_widget_compute_point (widget, scrolled,
                                           &GRAPHENE_POINT_INIT (0, 0), &at));
  /* The point is where the widget shows now, in what scrolls. */
  {
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (v, gtk_adjustment_get_value (v) + at.y - gtk_adjustment_get_page_size (v) / 2);
  }
  test_ui_wait_painted (widget);
}

/* Drawn, by the window's renderer and by cairo (what a desktop without GL
 * uses): every mark above a letter is there. */
static void
check_drawn_twice (Report *report, TestUi *ui, GtkLabel *label)
{
  GskRenderer *renderers[] = { gtk_native_get_renderer (GTK_NATIVE (ui->window)), gsk_cairo_renderer_new () };

  g_assert_true (gsk_renderer_realize (renderers[1], gtk_native_get_surface (GTK_NATIVE (ui->window)), NULL));
  for (guint r = 0; r < G_N_ELEMENTS (renderers); r++)
    {
      int                w, h;
      gsize              stride;
      g_autofree guchar *window = render_pixels (renderers[r], GTK_WIDGET (ui->window), &w, &h, &stride);

      check_drawn (report, "name", renderers[r], label, window, stride, w, h);
    }
  gsk_renderer_unrealize (renderers[1]);
  g_object_unref (renderers[1]);
}

static void
test_registrations (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autoptr (LiaisonEvent) event = add_event (ui->store, "Training course on environmental management", "Asia/Yangon", 20);
  GtkWidget *table;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr (LiaisonParticipant) p = add_person (ui->store, people[i].family, people[i].given,
                                                     people[i].family_latin, people[i].given_latin, people[i].country);
      g_autoptr (LiaisonRegistration) r = NULL;

      r = liaison_store_register (ui->store, liaison_event_get_id (event), liaison_participant_get_id (p),
                                  LIAISON_ROLE_DELEGATE, LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, NULL);
      g_assert_nonnull (r);
    }
  show_event (ui, event);
  table = test_ui_get_id (event_page (ui), "registrations_view");

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Report report = { g_string_new (NULL) };

      resize (GTK_WIDGET (ui->window), sizes[s].width, sizes[s].height);
      for (guint i = 0; i < G_N_ELEMENTS (people); i++)
        {
          GtkLabel *cell = wait_cell (table, people[i].given);

          check_label (&report, "name", cell);
          scroll_to (GTK_WIDGET (cell));
          check_drawn_twice (&report, ui, cell);
        }
      look (GTK_WIDGET (ui->window), "registrations", sizes[s].width, sizes[s].height);
      assert_report (&report, "Registrations", sizes[s].width, sizes[s].height);
      g_string_free (report.problems, TRUE);
    }
}

/* Each size in turn: resize, then run check (ui, report, data). */
typedef void (*Check) (TestUi *ui, Report *report, gpointer data);

static void
at_each_size (TestUi *ui, GtkWidget *window, const char *view, Check check, gpointer data)
{
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Report report = { g_string_new (NULL) };

      resize (window, sizes[s].width, sizes[s].height);
      check (ui, &report, data);
      look (window, view, sizes[s].width, sizes[s].height);
      assert_report (&report, view, sizes[s].width, sizes[s].height);
      g_string_free (report.problems, TRUE);
    }
}

/* The Activity filter's menu: no wider than the window. */
static void
check_activity_menu (TestUi *ui, Report *report, gpointer data)
{
  GtkWidget *filter = test_ui_get_id (test_ui_page (ui, "events"), "activity_filter");
  GtkWidget *button = test_ui_find (filter, GTK_TYPE_TOGGLE_BUTTON, NULL);
  GtkWidget *popover;

  g_assert_nonnull (button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  popover = test_ui_find (filter, GTK_TYPE_POPOVER, NULL);
  g_assert_nonnull (popover);
  test_ui_wait_mapped (popover);
  test_ui_wait_painted (popover);
  if (gtk_widget_get_width (popover) > gtk_widget_get_width (GTK_WIDGET (ui->window)))
    note (report, "the Activity menu is %d px wide, the window %d px", gtk_widget_get_width (popover),
          gtk_widget_get_width (GTK_WIDGET (ui->window)));
  look (popover, "activity-menu", gtk_widget_get_width (GTK_WIDGET (ui->window)),
        gtk_widget_get_height (GTK_WIDGET (ui->window)));
  gtk_popover_popdown (GTK_POPOVER (popover));
}

/* The Timeline's month headings: whole. */
static void
check_timeline (TestUi *ui, Report *report, gpointer data)
{
  GtkWidget *grid = test_ui_get_id (test_ui_page (ui, "events"), "timeline_grid");

  for (int m = 1; m <= 12; m++)
    {
      GtkWidget *heading = gtk_grid_get_child_at (GTK_GRID (grid), m, 0);

      g_assert_true (GTK_IS_LABEL (heading));
      check_label (report, "month heading", GTK_LABEL (heading));
    }
}

static void
test_events (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  GtkWidget *page;

  test_ui_show_page (ui, "events");
  page = test_ui_page (ui, "events");
  test_ui_wait_loaded (page);
  at_each_size (ui, GTK_WIDGET (ui->window), "activity-filter", check_activity_menu, NULL);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (test_ui_get_id (page, "view_stack")), "timeline");
  test_ui_wait_mapped (test_ui_get_id (page, "timeline_grid"));
  at_each_size (ui, GTK_WIDGET (ui->window), "timeline", check_timeline, NULL);
}

/* An event nobody registered for: the help text under "Nobody Registered
 * Yet" is whole, with nothing to scroll. */
static void
check_nobody (TestUi *ui, Report *report, gpointer data)
{
  GtkWidget *stack = test_ui_get_id (event_page (ui), "registrations_stack");
  GtkWidget *empty = gtk_stack_get_visible_child (GTK_STACK (stack));
  GtkWidget *scrolled;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  scroll_to (empty);
  /* A scroller in it (a status page has one) shows all it holds. */
  scrolled = GTK_IS_SCROLLED_WINDOW (empty) ? empty : test_ui_find (empty, GTK_TYPE_SCROLLED_WINDOW, NULL);
  if (scrolled != NULL)
    {
      GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      if (gtk_adjustment_get_upper (v) > gtk_adjustment_get_page_size (v) + 0.5)
        note (report, "“%s” needs %g px, has %g px", _ ("Nobody Registered Yet"), gtk_adjustment_get_upper (v),
              gtk_adjustment_get_page_size (v));
    }
  test_ui_wait_shown (empty, _ ("Nobody Registered Yet"));
  check_labels_under (report, "help text", empty);
}

static void
test_nobody (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autoptr (LiaisonEvent) event = add_event (ui->store, "Workshop on river basins", "Asia/Bangkok", 0);

  show_event (ui, event);
  at_each_size (ui, GTK_WIDGET (ui->window), "nobody-registered", check_nobody, NULL);
}

/* Participants: the name column takes the room there is. */
static gboolean
inscription_fits (GtkInscription *cell)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (cell), gtk_inscription_get_text (cell));
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width <= gtk_widget_get_width (GTK_WIDGET (cell));
}

static GtkInscription *
inscription_showing (GtkWidget *root, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkInscription *found;

      if (GTK_IS_INSCRIPTION (child) && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (child)), text) == 0 &&
          gtk_widget_get_mapped (child))
        return GTK_INSCRIPTION (child);
      found = inscription_showing (child, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
shows_inscription (gpointer data)
{
  gpointer *d = data;

  return inscription_showing (d[0], d[1]) != NULL;
}

static const char long_name[] = "Tôn Nữ Thị Ninh Hoàng Phương";

static void
check_participants (TestUi *ui, Report *report, gpointer data)
{
  GtkWidget      *page = test_ui_page (ui, "participants");
  gpointer        d[2] = { page, (gpointer) long_name };
  GtkInscription *cell;

  if (!test_ui_wait_for (shows_inscription, d, 10))
    g_error ("No cell shows “%s”", long_name);
  cell = inscription_showing (page, long_name);
  /* At 800 px, seven columns share little room: from 1280 px on, a name
   * of 28 letters is whole. */
  if (gtk_widget_get_width (GTK_WIDGET (ui->window)) >= 1280 && !inscription_fits (cell))
    note (report, "the name “%s” is cut at %d px", long_name, gtk_widget_get_width (GTK_WIDGET (cell)));
}

static void
test_participants (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autoptr (LiaisonParticipant) p = add_person (ui->store, NULL, long_name, NULL, NULL, "VN");

  test_ui_show_page (ui, "participants");
  test_ui_wait_loaded (test_ui_page (ui, "participants"));
  at_each_size (ui, GTK_WIDGET (ui->window), "participants", check_participants, NULL);
}

/* Translation: the counts above the list are whole. */
static void
check_translation (TestUi *ui, Report *report, gpointer data)
{
  GtkWidget *page = test_ui_page (ui, "translation");

  test_ui_wait_loaded (page);
  check_label (report, "counts", GTK_LABEL (test_ui_get_id (page, "counts_label")));
}

static void
test_translation (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);

  test_ui_show_page (ui, "translation");
  at_each_size (ui, GTK_WIDGET (ui->window), "translation", check_translation, NULL);
}

/* The event editor's time zone and funding source: the choice is whole. */
static void
check_editor (TestUi *ui, Report *report, gpointer editor)
{
  const char *rows[] = { "zone_row", "funding_row" };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = test_ui_get_id (editor, rows[i]);

      scroll_to (row);
      check_labels_under (report, rows[i], row);
    }
}

static void
test_editor (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autoptr (LiaisonEvent) event = add_event (ui->store, "Workshop on river basins", "Asia/Yangon", 0);
  GtkWidget *editor;

  liaison_event_set_budget (event, 12000, "USD", LIAISON_FUNDING_MEMBER_STATES);
  g_assert_true (liaison_store_save_event (ui->store, event, LIAISON_ORIGIN_LOCAL, NULL));
  show_event (ui, event);
  g_assert_true (gtk_widget_activate_action (event_page (ui), "event.edit", NULL));
  editor = GTK_WIDGET (test_ui_dialog (ui, LIAISON_TYPE_EVENT_EDITOR));
  test_ui_wait_mapped (test_ui_get_id (editor, "zone_row"));
  at_each_size (ui, editor, "event-editor", check_editor, editor);
  gtk_window_destroy (GTK_WINDOW (editor));
}

/* Preferences: the time rows and the calendar and address book rows. */
static void
check_preferences (TestUi *ui, Report *report, gpointer prefs)
{
  const char *rows[] = { "zone_row", "weekday_row", "calendar_row", "address_book_row" };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkWidget *row = test_ui_get_id (prefs, rows[i]);

      if (!gtk_widget_get_mapped (row))
        {
          /* The sync rows are on the second page. */
          GtkWidget *page = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_PAGE);

          adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs), ADW_PREFERENCES_PAGE (page));
          test_ui_wait_mapped (row);
        }
      scroll_to (row);
      check_labels_under (report, rows[i], row);
    }
  adw_preferences_window_set_visible_page (
      ADW_PREFERENCES_WINDOW (prefs),
      ADW_PREFERENCES_PAGE (gtk_widget_get_ancestor (test_ui_get_id (prefs, "zone_row"), ADW_TYPE_PREFERENCES_PAGE)));
}

static void
test_preferences (void)
{
  g_autoptr (TestUi) ui = test_ui_new (NULL);
  g_autoptr (GSettings) settings = g_settings_new ("org.chinaaseanenv.Liaison");
  GtkWidget *prefs;

  g_settings_set_string (settings, "time-zone", "Asia/Yangon");
  prefs = liaison_preferences_window_new (ui->context);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), GTK_WINDOW (ui->window));
  gtk_window_present (GTK_WINDOW (prefs));
  test_ui_wait_mapped (prefs);
  at_each_size (ui, prefs, "preferences", check_preferences, prefs);
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_settings_reset (settings, "time-zone");
}

int
main (int argc, char **argv)
{
  test_ui_init (&argc, &argv);
  g_test_add_func ("/liaison/clipping/registrations", test_registrations);
  g_test_add_func ("/liaison/clipping/nobody-registered", test_nobody);
  g_test_add_func ("/liaison/clipping/events", test_events);
  g_test_add_func ("/liaison/clipping/participants", test_participants);
  g_test_add_func ("/liaison/clipping/translation", test_translation);
  g_test_add_func ("/liaison/clipping/event-editor", test_editor);
  g_test_add_func ("/liaison/clipping/preferences", test_preferences);
  return g_test_run ();
}
