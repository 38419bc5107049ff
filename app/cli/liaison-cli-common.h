/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "liaison-store.h"

G_BEGIN_DECLS

/* What every command uses: output that is safe for a terminal and for
 * another program, messages with an exit status, option parsing. */

char *liaison_cli_printable (const char *text,
                             gboolean    keep_line_breaks);
void  liaison_cli_out (const char *text);
void  liaison_cli_outf (const char *format,
                        ...) G_GNUC_PRINTF (1, 2);
void  liaison_cli_outln (const char *format,
                         ...) G_GNUC_PRINTF (1, 2);
int   liaison_cli_fail (int         status,
                        const char *format,
                        ...) G_GNUC_PRINTF (2, 3);
int   liaison_cli_vfail (int         status,
                         const char *format,
                         va_list     args) G_GNUC_PRINTF (2, 0);
int   liaison_cli_fail_error (const GError *error);
char *liaison_cli_json_text (JsonNode *node);
void  liaison_cli_print_json (JsonNode *node);

GOptionContext *liaison_cli_new_context (const char *parameter,
                                         const char *summary);
gboolean        liaison_cli_parse (GOptionContext *context,
                                   int            *argc,
                                   char         ***argv,
                                   int            *status);
gboolean        liaison_cli_parse_enum (GType       type,
                                        const char *text,
                                        int        *value,
                                        int        *status);
gboolean        liaison_cli_parse_country (const char            *text,
                                           const LiaisonCountry **country,
                                           int                   *status);
gboolean        liaison_cli_parse_track (const char *text,
                                         int        *status);
gboolean        liaison_cli_parse_year (int  year,
                                        int *status);

GSettings *liaison_cli_open_settings (void);
char      *liaison_cli_own_zone (const char *chosen,
                                 int        *status);

guint liaison_cli_width (const char *text);
char *liaison_cli_pad (const char *text,
                       guint       columns);

/* An int option's value when the option was not given. */
#define LIAISON_CLI_UNSET G_MININT

G_END_DECLS
