/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LIAISON_TYPE_ZONE_STRIP (liaison_zone_strip_get_type ())

G_DECLARE_FINAL_TYPE (LiaisonZoneStrip, liaison_zone_strip, LIAISON, ZONE_STRIP, GtkWidget)

GtkWidget *liaison_zone_strip_new (void);
void       liaison_zone_strip_set_slot (LiaisonZoneStrip *self,
                                        GDateTime        *start,
                                        GDateTime        *end);
/* What a cell says for a zone, for tests: “10:30”, “+1 day”, etc. */
char *liaison_zone_strip_describe (LiaisonZoneStrip *self,
                                   const char       *zone_id);

G_END_DECLS
