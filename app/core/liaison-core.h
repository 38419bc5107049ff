/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "liaison-bilingual.h"
#include "liaison-core-error.h"
#include "liaison-country.h"
#include "liaison-enums.h"
#include "liaison-event.h"
#include "liaison-format.h"
#include "liaison-labels.h"
#include "liaison-participant.h"
#include "liaison-plan-item.h"
#include "liaison-programme.h"
#include "liaison-registration.h"
#include "liaison-schedule.h"
#include "liaison-text.h"
#include "liaison-time-zone.h"
#include "liaison-types.h"
#include "liaison-uuid.h"
