/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Content lines of iCalendar (RFC 5545) and vCard (RFC 6350), kept with the
 * bytes they had, so Liaison can patch its own properties into a resource
 * another client wrote and leave everything else exactly as it was. */

typedef struct
{
  char      *raw;    /* the line as it came, folds and line break included */
  char      *name;   /* upper case, group prefix removed */
  char      *group;  /* vCard "item1." prefix, or NULL */
  GPtrArray *params; /* name (upper case), value, name, value… unquoted */
  char      *value;  /* still escaped */
} LiaisonContentLine;

void liaison_content_line_free (LiaisonContentLine *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonContentLine, liaison_content_line_free)

gboolean    liaison_content_check_text (const char *text, GError **error);
GPtrArray  *liaison_content_parse (const char *text,
                                   GError    **error);
const char *liaison_content_line_param (LiaisonContentLine *line,
                                        const char         *name);

char  *liaison_content_escape_text (const char *text);
char  *liaison_content_unescape_text (const char *text);
char **liaison_content_split_value (const char *value,
                                    char        separator);
char  *liaison_content_render (const char        *name,
                               const char *const *params,
                               const char        *value);

/* A property group Liaison owns in a resource, as it renders it: key names
 * the group (a property name, or "ATTENDEE:" and a participant), lines are
 * complete rendered content lines. when_changed: when the server's copy
 * lacks the group, it is added only if it renders differently from the
 * last sync's fields (a STATUS another client's event never had stays
 * absent until the status changes here). */
typedef struct
{
  char      *key;
  GPtrArray *lines;
  gboolean   when_changed;
} LiaisonContentGroup;

LiaisonContentGroup *liaison_content_group_new (const char *key);
void                 liaison_content_group_free (LiaisonContentGroup *group);
void                 liaison_content_group_add (LiaisonContentGroup *group,
                                                char                *line);

typedef char *(*LiaisonContentGroupFunc) (LiaisonContentLine *line,
                                          gpointer            user_data);

char *liaison_content_splice (const char             *base,
                              const char             *component,
                              const char             *uid,
                              GPtrArray              *old_groups,
                              GPtrArray              *new_groups,
                              LiaisonContentGroupFunc group_of,
                              gpointer                user_data,
                              const char *const      *theirs_params,
                              const char             *insert_before_component,
                              const char             *prepend);

G_END_DECLS
