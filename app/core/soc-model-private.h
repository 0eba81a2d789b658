/* soc-model-private.h: the instance structs of the plan's objects
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For app/core only: the reader, writer, commands and checklist rules read
 * these directly. Everything outside core goes through properties and
 * getters. Fields are changed only through SocField (and so through
 * commands), never by assignment outside the reader.
 */

#pragma once

#include "soc-enums.h"
#include "soc-object-private.h"
#include "soc-object-list.h"
#include "soc-plan.h"
#include "soc-goal.h"
#include "soc-lane.h"
#include "soc-phase.h"
#include "soc-item.h"
#include "soc-stakeholder.h"
#include "soc-relationship.h"
#include "soc-override.h"

G_BEGIN_DECLS

struct _SocPlan
{
  SocObject parent_instance;

  char  *uid;
  char  *title;
  char  *organisation;
  char  *author;
  char  *vision;
  char  *notes;
  guint  horizon_start;
  guint  horizon_end;
  int    alignment_target;
  int    metrics_benchmark;
  int    horizon_years;
  int    technology_share;
  int    owner_load;
  int    advocates;
};

struct _SocGoal
{
  SocObject parent_instance;

  int             kind;      /* SocGoalKind */
  int             status;    /* SocGoalStatus */
  SocGoal        *parent;    /* not owned */
  SocStakeholder *owner;     /* not owned */
  char           *unit;
  double          baseline;
  guint           baseline_date;
  double          target;
  guint           target_date;
  double          current;
  guint           current_date;
  char           *title;
  char           *description;
  char           *talent;

  SocObjectList  *children;  /* owned */
};

struct _SocLane
{
  SocObject parent_instance;

  int   kind;                /* SocLaneKind */
  char *colour;
  char *title;
};

struct _SocPhase
{
  SocObject parent_instance;

  guint start;
  guint end;
  char *title;
};

struct _SocItem
{
  SocObject parent_instance;

  int             kind;        /* SocItemKind */
  SocLane        *lane;        /* not owned */
  guint           start;
  guint           end;
  int             progress;
  SocStakeholder *owner;       /* not owned */
  int             recurrence;  /* SocRecurrence */
  guint           audience;    /* SocProfiles */
  guint           topics;      /* SocTopics */
  int             gate;        /* SocGate */
  char           *title;
  char           *notes;
  GPtrArray      *serves;      /* SocGoal *, not owned */
  GPtrArray      *depends;     /* SocItem *, not owned */
};

struct _SocStakeholder
{
  SocObject parent_instance;

  int   kind;                  /* SocStakeholderKind */
  int   profile;               /* SocProfile */
  int   influence;
  int   interest;
  int   stance;                /* SocStance */
  int   desired_stance;        /* SocStance */
  guint roles;                 /* SocRoles */
  guint topics;                /* SocTopics */
  char *name;
  char *department;
  char *engagement;
};

struct _SocRelationship
{
  SocObject parent_instance;

  int             kind;        /* SocRelationKind */
  SocStakeholder *from;        /* not owned */
  SocStakeholder *to;          /* not owned */
};

struct _SocOverride
{
  SocObject parent_instance;

  int   factor;                /* SocFactor */
  int   state;                 /* SocFactorState */
  char *note;
};

/* Helpers to write field tables. */
#define SOC_F(st, member, fname, fkind, ftype, fmin, fmax, fdef, fflags, fref, fundo, flabel) \
  { fname, fkind, G_STRUCT_OFFSET (st, member), ftype, fmin, fmax, fdef, fflags, fref, fundo, flabel }

G_END_DECLS
