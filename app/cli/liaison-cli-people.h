/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-store.h"

G_BEGIN_DECLS

/* People across the years: the Green Envoys Programme, delegations, the
 * liaison officers and their work plan, a person's consent and data. */
int liaison_cli_programme (LiaisonStore *store, int argc, char **argv);
int liaison_cli_programme_person (LiaisonStore *store, int argc, char **argv);
int liaison_cli_programme_note (LiaisonStore *store, int argc, char **argv);
int liaison_cli_programme_tracks (LiaisonStore *store, int argc, char **argv);
int liaison_cli_programme_add_track (LiaisonStore *store, int argc, char **argv);
int liaison_cli_delegations (LiaisonStore *store, int argc, char **argv);
int liaison_cli_delegations_quota (LiaisonStore *store, int argc, char **argv);
int liaison_cli_delegations_attach (LiaisonStore *store, int argc, char **argv);
int liaison_cli_delegations_letter (LiaisonStore *store, int argc, char **argv);
int liaison_cli_nominate (LiaisonStore *store, int argc, char **argv);
int liaison_cli_approve (LiaisonStore *store, int argc, char **argv);
int liaison_cli_officers (LiaisonStore *store, int argc, char **argv);
int liaison_cli_officers_add (LiaisonStore *store, int argc, char **argv);
int liaison_cli_officers_end (LiaisonStore *store, int argc, char **argv);
int liaison_cli_officers_remove (LiaisonStore *store, int argc, char **argv);
int liaison_cli_work_plan (LiaisonStore *store, int argc, char **argv);
int liaison_cli_work_plan_issue (LiaisonStore *store, int argc, char **argv);
int liaison_cli_work_plan_send (LiaisonStore *store, int argc, char **argv);
int liaison_cli_work_plan_feedback (LiaisonStore *store, int argc, char **argv);
int liaison_cli_work_plan_approve (LiaisonStore *store, int argc, char **argv);
int liaison_cli_work_plan_review (LiaisonStore *store, int argc, char **argv);
int liaison_cli_participants_consent (LiaisonStore *store, int argc, char **argv);
int liaison_cli_participants_export_data (LiaisonStore *store, int argc, char **argv);
int liaison_cli_participants_anonymise (LiaisonStore *store, int argc, char **argv);

G_END_DECLS
