/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gunixfdlist.h>
#include <string.h>
#include <unistd.h>

#include "liaison-event-page.h"
#include "liaison-export-dialog.h"
#include "liaison-invite-dialog.h"
#include "liaison-participants-page.h"
#include "liaison-print-preview.h"
#include "test-ui.h"

/* Files out from the window, as an organiser uses them: the event page's
 * Export and Print menu, the export dialog with a template, the print
 * preview and its print operation, invitations saved and handed to a
 * mail program (a portal of the test's own on the session bus), and the
 * Participants view's export of its list. */

typedef struct
{
  const char *family, *given, *family_latin, *given_latin, *country, *email;
} Person;

static const Person people[] = {
  { "李", "霞", "Li", "Xia", "CN", "li.xia@mee.gov.cn" },
  { "Nguyễn", "Thị Minh Khai", "Nguyen", "Thi Minh Khai", "VN", "khai@monre.gov.vn" },
  { "ใจดี", "สมชาย", "Jaidee", "Somchai", "TH", "somchai@onep.go.th" },
  { "ចាន់", "សុខា", "Chan", "Sokha", "KH", NULL },
  { "ພົມມະຈັນ", "ສົມພອນ", "Phommachanh", "Somphone", "LA", "somphone@monre.gov.la" },
  { NULL, "အောင်ကျော်မိုး", NULL, "Aung Kyaw Moe", "MM", "akm@ecd.gov.mm" },
};

typedef struct
{
  TestUi    *ui;
  char      *event;
  GPtrArray *registrations;
  char      *dir;
} Fixture;

static void
fixture_set_up (Fixture *f)
{
  g_autoptr (LiaisonEvent) event = liaison_event_new (NULL);
  g_autoptr (GError) error = NULL;
  LiaisonStore *store;

  f->ui = test_ui_new (NULL);
  f->dir = test_make_dir ();
  store = f->ui->store;
  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_ZH, "2025年中国-东盟环境合作论坛");
  liaison_bilingual_set_text (liaison_event_get_title (event), LIAISON_LANGUAGE_EN, "China-ASEAN Environmental Cooperation Forum 2025");
  liaison_bilingual_set_text (liaison_event_get_city (event), LIAISON_LANGUAGE_ZH, "仰光");
  liaison_bilingual_set_text (liaison_event_get_city (event), LIAISON_LANGUAGE_EN, "Yangon");
  g_assert_true (liaison_event_set_when (event, "2025-11-04T09:30", "2025-11-05T17:00", "Asia/Yangon", &error));
  liaison_event_set_kind (event, LIAISON_EVENT_KIND_FORUM);
  liaison_event_set_country (event, "MM");
  g_assert_true (liaison_store_save_event (store, event, LIAISON_ORIGIN_LOCAL, &error));
  f->event = g_strdup (liaison_event_get_id (event));
  f->registrations = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
      g_autoptr (LiaisonRegistration) r = NULL;
      const char *emails[] = { people[i].email, NULL };

      liaison_participant_set_native_name (p, people[i].family, people[i].given);
      liaison_participant_set_latin_name (p, people[i].family_latin, people[i].given_latin);
      liaison_participant_set_name_order (p, people[i].family == NULL ? LIAISON_NAME_ORDER_MONONYM : LIAISON_NAME_ORDER_FAMILY_FIRST);
      liaison_participant_set_country (p, people[i].country);
      liaison_participant_set_emails (p, people[i].email != NULL ? emails : NULL);
      g_assert_true (liaison_store_save_participant (store, p, LIAISON_ORIGIN_LOCAL, &error));
      r = liaison_store_register (store, f->event, liaison_participant_get_id (p), i == 0 ? LIAISON_ROLE_SPEAKER : LIAISON_ROLE_DELEGATE,
                                  i < 4 ? LIAISON_REGISTRATION_REGISTERED : LIAISON_REGISTRATION_INVITED, LIAISON_ORIGIN_LOCAL, &error);
      g_assert_no_error (error);
      g_ptr_array_add (f->registrations, g_strdup (liaison_registration_get_id (r)));
    }
}

static void
fixture_tear_down (Fixture *f)
{
  test_ui_free (f->ui);
  test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->event);
  g_ptr_array_unref (f->registrations);
}

static gboolean
event_loaded (gpointer data)
{
  return liaison_event_page_get_event (data) != NULL;
}

static GtkWidget *
show_event (Fixture *f)
{
  GtkWidget *page;

  test_ui_activate (f->ui, "win.show-event", g_variant_new_string (f->event));
  page = test_ui_find (test_ui_page (f->ui, "events"), LIAISON_TYPE_EVENT_PAGE, NULL);
  g_assert_true (test_ui_wait_for (event_loaded, page, 10));
  test_ui_wait_loaded (GTK_WIDGET (f->ui->window));
  return page;
}

static const char *
shot (const char *name)
{
  static char buffer[128];

  g_snprintf (buffer, sizeof buffer, "%s-%s.png", name, test_ui_chinese () ? "zh_CN" : "en");
  return buffer;
}

static char *
read_back (const char *kind, const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "export-read.py", NULL);
  const char      *argv[] = { "/usr/bin/python3", script, kind, path, NULL };
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int   status;

  g_spawn_sync (NULL, (char **) argv, NULL, 0, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static const char *
toast_title (TestUi *ui)
{
  return adw_toast_get_title (liaison_window_get_last_toast (ui->window));
}

/* ------------------------------------------------------------------------ */

static void
test_export_registrations (void)
{
  Fixture              f = { 0 };
  GtkWidget           *page;
  GtkWidget           *button;
  LiaisonExportDialog *dialog;
  g_autofree char     *path = NULL;
  g_autofree char     *read = NULL;
  g_autoptr (AdwToast) before = NULL;

  fixture_set_up (&f);
  page = show_event (&f);

  /* The menu offers each of them. (Its popover is not opened here: GTK 4.8
   * places it on a monitor Xvfb's window does not report.) */
  button = test_ui_get_id (page, "export_button");
  {
    GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (button));
    const char *want[] = { "event.export", "event.export-calendar", "event.invite", "event.print", "event.print", "event.print" };
    guint       n = 0;

    for (int s = 0; s < g_menu_model_get_n_items (menu); s++)
      {
        g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, s, G_MENU_LINK_SECTION);

        for (int i = 0; i < g_menu_model_get_n_items (section); i++, n++)
          {
            g_autofree char *action = NULL;

            g_assert_true (g_menu_model_get_item_attribute (section, i, G_MENU_ATTRIBUTE_ACTION, "s", &action));
            g_assert_cmpstr (action, ==, want[n]);
          }
      }
    g_assert_cmpuint (n, ==, G_N_ELEMENTS (want));
  }
  test_ui_screenshot (f.ui, shot ("event-export"));

  g_assert_true (gtk_widget_activate_action (page, "event.export", NULL));
  dialog = LIAISON_EXPORT_DIALOG (test_ui_dialog (f.ui, LIAISON_TYPE_EXPORT_DIALOG));
  test_ui_screenshot_widget (GTK_WIDGET (dialog), shot ("export-dialog"));

  /* Only the code and the name, headers in both languages, as a template. */
  {
    g_auto (GStrv) defaults = liaison_export_dialog_dup_columns (dialog);
    GtkWidget *group = test_ui_get_id (GTK_WIDGET (dialog), "columns_group");

    for (guint i = 0; defaults[i] != NULL; i++)
      if (!g_str_equal (defaults[i], "code"))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (test_ui_find (test_ui_find (group, ADW_TYPE_ACTION_ROW, defaults[i]), GTK_TYPE_CHECK_BUTTON, NULL)), FALSE);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (test_ui_find (test_ui_find (group, ADW_TYPE_ACTION_ROW, "name_latin"), GTK_TYPE_CHECK_BUTTON, NULL)), TRUE);
  }
  {
    g_auto (GStrv) columns = liaison_export_dialog_dup_columns (dialog);
    const char *want[] = { "code", "name_latin", NULL };

    g_assert_cmpstrv (columns, want);
  }
  gtk_switch_set_active (GTK_SWITCH (test_ui_get_id (GTK_WIDGET (dialog), "both_switch")), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_ui_get_id (GTK_WIDGET (dialog), "format_row")), 1);
  test_ui_set_text (GTK_WIDGET (dialog), "template_name_row", "Door list");
  g_signal_emit_by_name (test_ui_get_id (GTK_WIDGET (dialog), "template_name_row"), "apply");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (test_ui_get_id (GTK_WIDGET (dialog), "template_row"))), ==, 1);

  path = g_build_filename (f.dir, "door.csv", NULL);
  before = test_ui_last_toast (f.ui);
  liaison_export_dialog_export_to (dialog, path);
  test_ui_wait_closed (LIAISON_TYPE_EXPORT_DIALOG);
  test_ui_wait_toast (f.ui, before);
  {
    /* Translators' words, as the window says them. */
    g_autofree char *said = g_strdup_printf (g_dngettext (NULL, "Exported %1$u row to %2$s", "Exported %1$u rows to %2$s", 6), 6, "door.csv");
    g_assert_cmpstr (toast_title (f.ui), ==, said);
  }
  read = read_back ("csv", path);
  g_assert_nonnull (strstr (read, "[\"报名码 Registration code\", \"姓名（拉丁字母） Name (Latin)\"]"));
  g_assert_nonnull (strstr (read, "\"Aung Kyaw Moe\""));
  g_assert_nonnull (strstr (read, liaison_uuid_short (g_ptr_array_index (f.registrations, 0))));

  /* Next time, the template gives the same columns. */
  g_assert_true (gtk_widget_activate_action (page, "event.export", NULL));
  dialog = LIAISON_EXPORT_DIALOG (test_ui_dialog (f.ui, LIAISON_TYPE_EXPORT_DIALOG));
  adw_combo_row_set_selected (ADW_COMBO_ROW (test_ui_get_id (GTK_WIDGET (dialog), "template_row")), 1);
  {
    g_auto (GStrv) columns = liaison_export_dialog_dup_columns (dialog);
    const char *want[] = { "code", "name_latin", NULL };

    g_assert_cmpstrv (columns, want);
    g_assert_true (gtk_switch_get_active (GTK_SWITCH (test_ui_get_id (GTK_WIDGET (dialog), "both_switch"))));
  }
  gtk_window_close (GTK_WINDOW (dialog));
  test_ui_wait_closed (LIAISON_TYPE_EXPORT_DIALOG);

  /* The event as a calendar file. */
  {
    g_autofree char *ics = g_build_filename (f.dir, "forum.ics", NULL);
    g_autofree char *text = NULL;

    g_clear_object (&before);
    before = test_ui_last_toast (f.ui);
    liaison_export_calendar_to (page, f.ui->context, f.event, ics);
    g_assert_true (test_ui_wait_for (file_exists, ics, 10));
    test_ui_wait_toast (f.ui, before);
    g_assert_true (g_file_get_contents (ics, &text, NULL, NULL));
    g_assert_nonnull (strstr (text, f.event));
  }
  fixture_tear_down (&f);
}

/* ------------------------------------------------------------------------ */

static gboolean
preview_ready (gpointer preview)
{
  return liaison_print_preview_get_document (preview) != NULL;
}

static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  char       *out = NULL;
  int         status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, NULL));
  return out;
}

static LiaisonPrintPreview *
open_preview (Fixture *f, GtkWidget *page, const char *what)
{
  LiaisonPrintPreview *preview;

  g_assert_true (gtk_widget_activate_action (page, "event.print", "s", what));
  preview = LIAISON_PRINT_PREVIEW (test_ui_dialog (f->ui, LIAISON_TYPE_PRINT_PREVIEW));
  g_assert_true (test_ui_wait_for (preview_ready, preview, 20));
  return preview;
}

static void
test_print (void)
{
  Fixture              f = { 0 };
  GtkWidget           *page;
  LiaisonPrintPreview *preview;
  g_autofree char     *gtk_pdf = NULL;
  g_autofree char     *pdf = NULL;
  g_autoptr (GError) error = NULL;

  if (g_find_program_in_path ("pdftotext") == NULL)
    {
      g_test_skip ("pdftotext is not installed (tools/setup test installs it)");
      return;
    }
  fixture_set_up (&f);
  page = show_event (&f);

  /* The sign-in sheet: on screen, then through GTK's print operation. */
  preview = open_preview (&f, page, "signin");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (test_ui_get_id (GTK_WIDGET (preview), "stack"))), ==, "pages");
  test_ui_screenshot_widget (GTK_WIDGET (preview), shot ("print-signin"));
  gtk_pdf = g_build_filename (f.dir, "through-gtk.pdf", NULL);
  g_assert_true (liaison_print_preview_export (preview, gtk_pdf, &error));
  g_assert_no_error (error);
  {
    g_autofree char *text = pdf_text (gtk_pdf);

    g_assert_nonnull (strstr (text, "李霞"));
    g_assert_nonnull (strstr (text, "Somchai"));
    g_assert_nonnull (strstr (text, "签到表"));
  }
  pdf = g_build_filename (f.dir, "signin.pdf", NULL);
  liaison_print_preview_save_pdf_to (preview, pdf);
  g_assert_true (test_ui_wait_for (file_exists, pdf, 20));
  gtk_window_close (GTK_WINDOW (preview));
  test_ui_wait_closed (LIAISON_TYPE_PRINT_PREVIEW);

  /* Badges of everyone with a place: one sheet. */
  preview = open_preview (&f, page, "badges");
  g_assert_cmpuint (liaison_print_document_get_n_people (liaison_print_preview_get_document (preview)), ==, 4);
  test_ui_screenshot_widget (GTK_WIDGET (preview), shot ("print-badges"));
  gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL);
  g_assert_cmpuint (liaison_print_preview_get_page (preview), ==, 0);
  gtk_window_close (GTK_WINDOW (preview));
  test_ui_wait_closed (LIAISON_TYPE_PRINT_PREVIEW);

  /* No one has attended: the preview says so. */
  preview = open_preview (&f, page, "certificates");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (test_ui_get_id (GTK_WIDGET (preview), "stack"))), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (test_ui_get_id (GTK_WIDGET (preview), "empty_page"))), ==,
                   _ ("No one has attended this event yet: there is no certificate to print"));
  gtk_window_close (GTK_WINDOW (preview));
  test_ui_wait_closed (LIAISON_TYPE_PRINT_PREVIEW);

  /* Two attended: a certificate each, turned page by page. */
  for (guint i = 0; i < 2; i++)
    g_assert_nonnull (liaison_store_check_in (f.ui->store, g_ptr_array_index (f.registrations, i), LIAISON_ORIGIN_LOCAL, NULL));
  preview = open_preview (&f, page, "certificates");
  g_assert_cmpuint (liaison_print_document_get_n_pages (liaison_print_preview_get_document (preview)), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next-page", NULL));
  g_assert_cmpuint (liaison_print_preview_get_page (preview), ==, 1);
  test_ui_screenshot_widget (GTK_WIDGET (preview), shot ("print-certificate"));
  gtk_window_close (GTK_WINDOW (preview));
  test_ui_wait_closed (LIAISON_TYPE_PRINT_PREVIEW);
  fixture_tear_down (&f);
}

/* A name with a character no font has: the preview says which. */
static void
test_missing_glyph (void)
{
  Fixture f = { 0 };
  g_autoptr (LiaisonParticipant) p = liaison_participant_new (NULL);
  GtkWidget           *page;
  LiaisonPrintPreview *preview;
  GtkWidget           *warning;

  fixture_set_up (&f);
  liaison_participant_set_native_name (p, "陳", "\xee\x80\x80明");
  liaison_participant_set_latin_name (p, "Chan", "Ming");
  g_assert_true (liaison_store_save_participant (f.ui->store, p, LIAISON_ORIGIN_LOCAL, NULL));
  g_object_unref (liaison_store_register (f.ui->store, f.event, liaison_participant_get_id (p), LIAISON_ROLE_DELEGATE,
                                          LIAISON_REGISTRATION_REGISTERED, LIAISON_ORIGIN_LOCAL, NULL));
  page = show_event (&f);
  preview = open_preview (&f, page, "badges");
  warning = test_ui_get_id (GTK_WIDGET (preview), "warning_revealer");
  test_ui_wait_revealed (warning);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (test_ui_get_id (GTK_WIDGET (preview), "warning_label"))), "陳 \xee\x80\x80明"));
  gtk_window_close (GTK_WINDOW (preview));
  test_ui_wait_closed (LIAISON_TYPE_PRINT_PREVIEW);
  fixture_tear_down (&f);
}

/* ------------------------------------------------------------------------ */
/* A mail portal of the test's own                                          */

typedef struct
{
  guint    owner;
  guint    object;
  GStrv    addresses;
  char    *subject;
  char    *attachment;
  gboolean called;
} Portal;

static void
on_portal_call (GDBusConnection *connection, const char *sender, const char *path, const char *interface, const char *method, GVariant *parameters, GDBusMethodInvocation *invocation, gpointer user_data)
{
  Portal      *portal = user_data;
  GVariant    *options = g_variant_get_child_value (parameters, 1);
  GUnixFDList *fds = g_dbus_message_get_unix_fd_list (g_dbus_method_invocation_get_message (invocation));
  g_autoptr (GVariant) handles = g_variant_lookup_value (options, "attachment_fds", G_VARIANT_TYPE ("ah"));

  g_variant_lookup (options, "addresses", "^as", &portal->addresses);
  g_variant_lookup (options, "subject", "s", &portal->subject);
  if (handles != NULL && g_variant_n_children (handles) == 1 && fds != NULL)
    {
      gint32 index;
      int    fd;
      char   buffer[16384];
      gssize n;

      g_variant_get_child (handles, 0, "h", &index);
      fd = g_unix_fd_list_get (fds, index, NULL);
      n = read (fd, buffer, sizeof buffer - 1);
      close (fd);
      buffer[MAX (n, 0)] = '\0';
      /* Unfolded: long content lines are folded at 75 octets. */
      {
        g_auto (GStrv) parts = g_strsplit (buffer, "\r\n ", -1);
        portal->attachment = g_strjoinv ("", parts);
      }
    }
  g_variant_unref (options);
  portal->called = TRUE;
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", "/org/freedesktop/portal/desktop/request/1_1/t"));
}

static const char portal_xml[] = "<node><interface name='org.freedesktop.portal.Email'>"
                                 "<method name='ComposeEmail'><arg type='s' direction='in'/><arg type='a{sv}' direction='in'/>"
                                 "<arg type='o' direction='out'/></method></interface></node>";

static gboolean
portal_owned (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_name_acquired (GDBusConnection *connection, const char *name, gpointer data)
{
  *(gboolean *) data = TRUE;
}

static void
test_invitations (void)
{
  Fixture              f = { 0 };
  GtkWidget           *page;
  LiaisonInviteDialog *dialog;
  g_autoptr (AdwToast) before = NULL;
  g_autofree char *folder = NULL;
  g_autoptr (GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (portal_xml, NULL);
  g_autoptr (GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  Portal                     portal = { 0 };
  gboolean                   owned = FALSE;
  const GDBusInterfaceVTable vtable = { on_portal_call, NULL, NULL, { 0 } };

  fixture_set_up (&f);
  page = show_event (&f);

  /* Nobody selected: those still invited (Laos and Myanmar). */
  g_assert_true (gtk_widget_activate_action (page, "event.invite", NULL));
  dialog = LIAISON_INVITE_DIALOG (test_ui_dialog (f.ui, LIAISON_TYPE_INVITE_DIALOG));
  test_ui_wait_loaded (GTK_WIDGET (dialog));
  test_ui_wait_shown (GTK_WIDGET (dialog), "somphone@monre.gov.la");
  g_assert_cmpuint (liaison_invite_dialog_get_n_people (dialog), ==, 2);
  test_ui_set_text (GTK_WIDGET (dialog), "organizer_email_row", "forum@chinaaseanenv.org");
  test_ui_set_text (GTK_WIDGET (dialog), "organizer_name_row", "China-ASEAN Environmental Cooperation Center");
  test_ui_screenshot_widget (GTK_WIDGET (dialog), shot ("invitations"));

  /* Handed to the mail program through the portal, the file attached. */
  g_assert_nonnull (bus);
  portal.object = g_dbus_connection_register_object (bus, "/org/freedesktop/portal/desktop", info->interfaces[0], &vtable,
                                                     &portal, NULL, NULL);
  portal.owner = g_bus_own_name_on_connection (bus, "org.freedesktop.portal.Desktop", G_BUS_NAME_OWNER_FLAGS_NONE,
                                               on_name_acquired, NULL, &owned, NULL);
  g_assert_true (test_ui_wait_for (portal_owned, &owned, 10));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "invite.mail", "s", g_ptr_array_index (f.registrations, 4)));
  g_assert_true (test_ui_wait_for (portal_owned, &portal.called, 10));
  g_assert_cmpstr (portal.addresses[0], ==, "somphone@monre.gov.la");
  g_assert_nonnull (strstr (portal.subject, "China-ASEAN Environmental Cooperation Forum 2025"));
  g_assert_nonnull (strstr (portal.attachment, "METHOD:REQUEST"));
  g_assert_nonnull (strstr (portal.attachment, "mailto:somphone@monre.gov.la"));
  g_assert_nonnull (strstr (portal.attachment, "ORGANIZER;CN=China-ASEAN Environmental Cooperation Center:mailto:forum@chinaaseanenv.org"));
  g_bus_unown_name (portal.owner);
  g_dbus_connection_unregister_object (bus, portal.object);

  /* Saved to a folder: one file each, and the window says where. */
  folder = g_build_filename (f.dir, "invitations", NULL);
  before = test_ui_last_toast (f.ui);
  liaison_invite_dialog_save_to (dialog, folder);
  test_ui_wait_closed (LIAISON_TYPE_INVITE_DIALOG);
  test_ui_wait_toast (f.ui, before);
  {
    g_autoptr (GDir) dir = g_dir_open (folder, 0, NULL);
    guint n = 0;

    while (g_dir_read_name (dir) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 2);
  }
  g_strfreev (portal.addresses);
  g_free (portal.subject);
  g_free (portal.attachment);
  fixture_tear_down (&f);
}

/* ------------------------------------------------------------------------ */

static void
test_participants_export (void)
{
  Fixture              f = { 0 };
  GtkWidget           *page;
  LiaisonExportDialog *dialog;
  g_autofree char     *path = NULL;
  g_autofree char     *read = NULL;
  g_autoptr (AdwToast) before = NULL;

  fixture_set_up (&f);
  test_ui_show_page (f.ui, "participants");
  page = test_ui_page (f.ui, "participants");
  test_ui_wait_loaded (page);
  test_ui_set_text (page, "search_entry", "somchai");
  g_assert_true (gtk_widget_activate_action (page, "page.export", NULL));
  dialog = LIAISON_EXPORT_DIALOG (test_ui_dialog (f.ui, LIAISON_TYPE_EXPORT_DIALOG));
  g_assert_true (test_ui_shows_text (GTK_WIDGET (dialog), "somchai"));
  path = g_build_filename (f.dir, "people.xlsx", NULL);
  before = test_ui_last_toast (f.ui);
  liaison_export_dialog_export_to (dialog, path);
  test_ui_wait_closed (LIAISON_TYPE_EXPORT_DIALOG);
  test_ui_wait_toast (f.ui, before);
  read = read_back ("xlsx", path);
  g_assert_nonnull (strstr (read, "\"freeze_panes\": \"A2\""));
  g_assert_nonnull (strstr (read, "สมชาย"));
  g_assert_null (strstr (read, "李"));
  fixture_tear_down (&f);
}

int
main (int argc, char **argv)
{
  test_ui_init (&argc, &argv);

  g_test_add_func ("/liaison/export-window/registrations", test_export_registrations);
  g_test_add_func ("/liaison/export-window/print", test_print);
  g_test_add_func ("/liaison/export-window/missing-glyph", test_missing_glyph);
  g_test_add_func ("/liaison/export-window/invitations", test_invitations);
  g_test_add_func ("/liaison/export-window/participants", test_participants_export);

  return g_test_run ();
}
