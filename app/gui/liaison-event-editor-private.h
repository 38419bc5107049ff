/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-event-editor.h"
#include "liaison-zone-strip.h"

G_BEGIN_DECLS

/* What the event editor's files share: the object (liaison-event-editor.c)
 * and its form's checks, messages and calendars (liaison-event-editor-form.c). */

struct _LiaisonEventEditor
{
  AdwWindow parent_instance;

  LiaisonContext *context;
  char           *event_id;
  LiaisonEvent   *original;
  GPtrArray      *zone_ids;
  GPtrArray      *country_codes;
  GPtrArray      *tracks; /* LiaisonTrackInfo: the programme's, added ones too */
  GPtrArray      *activity_checks;
  gboolean        zone_chosen;
  gboolean        loading;
  gboolean        changed; /* anything typed or chosen since it opened */
  gboolean        tried;   /* Save was pressed: every message shows */
  gboolean        yearly_touched;
  guint           booked;   /* places taken at the event now */
  GHashTable     *touched;  /* fields changed by the person */
  GHashTable     *messages; /* field → the GtkLabel under it */
  guint           clash_source;
  GCancellable   *clash_cancellable;

  GtkScrolledWindow *scroller;
  AdwWindowTitle    *window_title;
  GtkWidget         *save_button;
  GtkLabel          *error_label;
  GtkWidget         *warnings_box;
  GtkLabel          *warnings_label;
  AdwEntryRow       *title_zh;
  AdwEntryRow       *title_en;
  AdwEntryRow       *theme_zh;
  AdwEntryRow       *theme_en;
  AdwEntryRow       *city_zh;
  AdwEntryRow       *city_en;
  GtkTextView       *description_zh;
  GtkTextView       *description_en;
  GtkLabel          *description_zh_message;
  GtkLabel          *description_en_message;
  AdwComboRow       *kind_row;
  AdwComboRow       *status_row;
  AdwComboRow       *mode_row;
  AdwEntryRow       *online_url;
  AdwEntryRow       *venue;
  AdwComboRow       *country_row;
  GtkSwitch         *all_day;
  AdwEntryRow       *start_date;
  AdwEntryRow       *start_time;
  AdwEntryRow       *end_date;
  AdwEntryRow       *end_time;
  AdwComboRow       *zone_row;
  LiaisonZoneStrip  *zone_strip;
  GtkSwitch         *yearly;
  AdwActionRow      *yearly_row;
  AdwExpanderRow    *activities_row;
  AdwComboRow       *track_row;
  AdwEntryRow       *capacity;
  AdwEntryRow       *deadline;
  GtkSpinButton     *budget;
  AdwEntryRow       *currency;
  AdwComboRow       *funding_row;
  AdwEntryRow       *organisers;
  AdwEntryRow       *partners;
};

/* Something to correct: the field and what to say under it. */
typedef struct
{
  GtkWidget *field;
  char      *message;
} LiaisonEditorProblem;

const char *liaison_event_editor_text_of (AdwEntryRow *row);
char       *liaison_event_editor_text_view_text (GtkTextView *view);
char       *liaison_event_editor_local_time (const char *date,
                                             const char *time,
                                             gboolean    all_day);
guint       liaison_event_editor_capacity (LiaisonEventEditor *self);
GPtrArray  *liaison_event_editor_find_problems (LiaisonEventEditor *self);
GPtrArray  *liaison_event_editor_show_problems (LiaisonEventEditor *self);
void        liaison_event_editor_add_date_picker (AdwEntryRow *row);

G_END_DECLS
