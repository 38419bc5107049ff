/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "liaison-core"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-labels.h"

#define LABEL(table, value) \
  (((guint) (value) < G_N_ELEMENTS (table)) ? g_dpgettext2 (GETTEXT_PACKAGE, table##_context, table[value]) : "")

static const char  event_kinds_context[] = "event kind";
static const char *event_kinds[] = {
  NC_ ("event kind", "Liaison officers' meeting"),
  NC_ ("event kind", "Forum"),
  NC_ ("event kind", "Ministerial dialogue"),
  NC_ ("event kind", "Workshop"),
  NC_ ("event kind", "Training course"),
  NC_ ("event kind", "Seminar"),
  NC_ ("event kind", "Roundtable"),
  NC_ ("event kind", "Youth forum"),
  NC_ ("event kind", "Capacity building"),
  NC_ ("event kind", "Field visit"),
  NC_ ("event kind", "Exhibition"),
  NC_ ("event kind", "Working group"),
  NC_ ("event kind", "Other"),
};

static const char  event_statuses_context[] = "event status";
static const char *event_statuses[] = {
  NC_ ("event status", "Planned"),
  NC_ ("event status", "Confirmed"),
  NC_ ("event status", "Held"),
  NC_ ("event status", "Postponed"),
  NC_ ("event status", "Cancelled"),
};

static const char  event_modes_context[] = "event mode";
static const char *event_modes[] = {
  NC_ ("event mode", "In person"),
  NC_ ("event mode", "Online"),
  NC_ ("event mode", "Hybrid"),
};

static const char  funding_context[] = "funding source";
static const char *funding[] = {
  NC_ ("funding source", "China-ASEAN Cooperation Fund"),
  NC_ ("funding source", "Other funds of the Chinese government"),
  NC_ ("funding source", "Contributions of China and ASEAN member states"),
  NC_ ("funding source", "International partners or third parties"),
  NC_ ("funding source", "Private sector"),
  NC_ ("funding source", "Other"),
};

static const char  roles_context[] = "registration role";
static const char *roles[] = {
  NC_ ("registration role", "Delegate"),
  NC_ ("registration role", "Speaker"),
  NC_ ("registration role", "Moderator"),
  NC_ ("registration role", "Organiser"),
  NC_ ("registration role", "Interpreter"),
  NC_ ("registration role", "Observer"),
  NC_ ("registration role", "VIP"),
  NC_ ("registration role", "Staff"),
  NC_ ("registration role", "Mentor"),
};

static const char  registration_statuses_context[] = "registration status";
static const char *registration_statuses[] = {
  NC_ ("registration status", "Invited"),
  NC_ ("registration status", "Registered"),
  NC_ ("registration status", "Waitlisted"),
  NC_ ("registration status", "Confirmed"),
  NC_ ("registration status", "Attended"),
  NC_ ("registration status", "No-show"),
  NC_ ("registration status", "Declined"),
  NC_ ("registration status", "Cancelled"),
  /* Translators: put forward by a country's liaison officer, not yet approved */
  NC_ ("registration status", "Nominated"),
};

static const char  sectors_context[] = "sector";
static const char *sectors[] = {
  NC_ ("sector", "Government"),
  NC_ ("sector", "Academia"),
  NC_ ("sector", "Youth"),
  NC_ ("sector", "NGO"),
  NC_ ("sector", "International organisation"),
  NC_ ("sector", "Private sector"),
  NC_ ("sector", "Media"),
  NC_ ("sector", "Other"),
};

static const char  genders_context[] = "gender";
static const char *genders[] = {
  NC_ ("gender", "Not specified"),
  NC_ ("gender", "Female"),
  NC_ ("gender", "Male"),
  NC_ ("gender", "Other"),
};

static const char  translation_states_context[] = "translation state";
static const char *translation_states[] = {
  NC_ ("translation state", "Missing"),
  NC_ ("translation state", "Draft"),
  NC_ ("translation state", "Translated"),
  NC_ ("translation state", "Reviewed"),
  /* Translators: a translation whose source text changed after it was translated */
  NC_ ("translation state", "Stale"),
};

const char *
liaison_event_kind_label (LiaisonEventKind kind)
{
  return LABEL (event_kinds, kind);
}

const char *
liaison_event_status_label (LiaisonEventStatus status)
{
  return LABEL (event_statuses, status);
}

const char *
liaison_event_mode_label (LiaisonEventMode mode)
{
  return LABEL (event_modes, mode);
}

const char *
liaison_funding_source_label (LiaisonFundingSource source)
{
  return LABEL (funding, source);
}

const char *
liaison_role_label (LiaisonRole role)
{
  return LABEL (roles, role);
}

const char *
liaison_registration_status_label (LiaisonRegistrationStatus status)
{
  return LABEL (registration_statuses, status);
}

const char *
liaison_sector_label (LiaisonSector sector)
{
  return LABEL (sectors, sector);
}

const char *
liaison_gender_label (LiaisonGender gender)
{
  return LABEL (genders, gender);
}

const char *
liaison_translation_state_label (LiaisonTranslationState state)
{
  return LABEL (translation_states, state);
}
