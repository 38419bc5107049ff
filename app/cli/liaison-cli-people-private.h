/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "liaison-cli-common.h"
#include "liaison-cli-people.h"
#include "liaison-store-people.h"

G_BEGIN_DECLS

/* What the people commands share (liaison-cli-people.c): output as UTF-8
 * whatever the locale, errors with the exit status, option parsing. */
void            liaison_cli_people_out (const char *text);
void            liaison_cli_people_outf (const char *format, ...) G_GNUC_PRINTF (1, 2);
int             liaison_cli_people_fail (int status, const char *format, ...) G_GNUC_PRINTF (2, 3);
void            liaison_cli_people_print_json (JsonNode *node);
GOptionContext *liaison_cli_people_context (const char *parameter, const char *summary, const GOptionEntry *entries);
gboolean        liaison_cli_people_parse (GOptionContext *context, int *argc, char ***argv, int *rc);
const char     *liaison_cli_people_country_name (const char *code);
char           *liaison_cli_people_today (void);

#define out liaison_cli_people_out
#define outf liaison_cli_people_outf
#define fail liaison_cli_people_fail

G_END_DECLS
