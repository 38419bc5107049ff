/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* A message dialog that asks for a few values: a boxed list of rows (an
 * entry, a choice) under its text, each row found again by its name.
 * What the people views ask with: a quota, a nomination, a note, an
 * officer, feedback on the work plan, consent. */
AdwMessageDialog *liaison_form_dialog_new (GtkWidget  *parent,
                                           const char *heading,
                                           const char *body,
                                           const char *list_label);
void              liaison_form_dialog_prepend (AdwMessageDialog *dialog,
                                               GtkWidget        *child);
GtkWidget        *liaison_form_dialog_add_entry (AdwMessageDialog *dialog,
                                                 const char       *name,
                                                 const char       *title,
                                                 const char       *text);
GtkWidget        *liaison_form_dialog_add_choice (AdwMessageDialog  *dialog,
                                                  const char        *name,
                                                  const char        *title,
                                                  const char *const *choices,
                                                  guint              selected);
GtkWidget        *liaison_form_dialog_add_check (AdwMessageDialog *dialog,
                                                 const char       *name,
                                                 const char       *title,
                                                 const char       *subtitle,
                                                 gboolean          active);
GtkWidget        *liaison_form_dialog_get_row (AdwMessageDialog *dialog,
                                               const char       *name);
char             *liaison_form_dialog_dup_text (AdwMessageDialog *dialog,
                                                const char       *name);
guint             liaison_form_dialog_get_choice (AdwMessageDialog *dialog,
                                                  const char       *name);
gboolean          liaison_form_dialog_get_check (AdwMessageDialog *dialog,
                                                 const char       *name);
void              liaison_form_dialog_set_responses (AdwMessageDialog     *dialog,
                                                     const char           *id,
                                                     const char           *label,
                                                     AdwResponseAppearance appearance);
GPtrArray        *liaison_form_dialog_member_codes (void);
char            **liaison_form_dialog_member_names (GPtrArray *codes);
char             *liaison_form_dialog_today (void);

G_END_DECLS
