/* soc-rules.h: each rule of the .socplan format, and each default, once
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/FORMAT.md says what a plan may hold; this unit says it in C, once.
 * The reader, soc_edit_*(), the writer, the inspector and the code that
 * makes new objects all ask here, so a rule cannot hold in one place and
 * not in another:
 *
 *  - values as written in a file (whole numbers, numbers, dates, colours)
 *    and as a person types them (soc-rules-values.c);
 *  - a field's value whoever sets it, and the dates of an item, a phase and
 *    the horizon as a pair (soc-rules.c);
 *  - links: relationships, served goals, dependencies, the goal tree, and
 *    the cycles and depth a file may not have (soc-rules-links.c);
 *  - what a new goal, item, lane, phase or stakeholder starts as
 *    (soc-rules-new.c).
 *
 * Messages in the SOC_RULES_ERROR domain are clauses in the voice of the
 * command line ("an activity has both a start and an end date, or
 * neither"); soc_edit_*() hands them to the window as sentences.
 */

#pragma once

#include "soc-document.h"
#include "soc-object-list.h"

G_BEGIN_DECLS

/* The limits a .socplan file must stay within (FORMAT.md, Limits). */
#define SOC_MAX_FILE_SIZE    ((gsize) 256 * 1024 * 1024)
#define SOC_MAX_DEPTH        32        /* element nesting */
#define SOC_MAX_ATTRIBUTES   128
#define SOC_MAX_VALUE_LENGTH (1024 * 1024)
#define SOC_MAX_OBJECTS      1000000
#define SOC_MAX_REFERENCES   10000     /* serves plus depends-on of one item */
#define SOC_MAX_GOAL_DEPTH   1000      /* levels of the goal tree, a root is level 1 */

#define SOC_RULES_ERROR (soc_rules_error_quark ())

typedef enum {
  SOC_RULES_ERROR_INVALID,    /* a value, or a pair of values, breaks a rule */
  SOC_RULES_ERROR_CYCLE,      /* it would make a cycle */
  SOC_RULES_ERROR_DUPLICATE,  /* the same link twice */
  SOC_RULES_ERROR_LIMIT,      /* over a limit of the format */
} SocRulesError;

GQuark soc_rules_error_quark (void);

/* ------------------------------------------------------------------------ */
/* Values as written in a file: exactly, with no white space around.        */

typedef enum {
  SOC_VALUE_OK,
  SOC_VALUE_MALFORMED,     /* not of the form the format asks for */
  SOC_VALUE_OUT_OF_RANGE,  /* of the right form, outside the range */
  SOC_VALUE_NO_SUCH_DAY,   /* a date of the right form naming no day, such as 2027-02-30 */
} SocValueStatus;

SocValueStatus soc_rules_parse_whole     (const char *text,
                                          gsize       len,
                                          int         min,
                                          int         max,
                                          int        *value);
SocValueStatus soc_rules_parse_number    (const char *text,
                                          gsize       len,
                                          double     *value);
SocValueStatus soc_rules_parse_date      (const char *text,
                                          gsize       len,
                                          guint      *date);
gboolean       soc_rules_colour_is_valid (const char *text,
                                          gsize       len);
gboolean       soc_rules_date_is_valid   (guint       date);

/* As a person types them: white space around is ignored; an empty text is
 * "not set" (0, NAN); the messages say what to write instead. */
gboolean       soc_rules_parse_typed_date   (const char  *text,
                                             guint       *date,
                                             GError     **error);
gboolean       soc_rules_parse_typed_number (const char  *text,
                                             double      *value,
                                             GError     **error);

/* ------------------------------------------------------------------------ */
/* Fields and dates                                                         */

gboolean soc_rules_check_value  (SocObject      *object,
                                 const SocField *field,
                                 const GValue   *value,
                                 GError        **error);
gboolean soc_rules_check_dates  (SocObject      *object,
                                 int             item_kind,
                                 guint           start,
                                 guint           end,
                                 GError        **error);
void     soc_rules_dates_for_kind (int           item_kind,
                                   guint        *start,
                                   guint        *end);
gboolean soc_rules_field_applies (SocObject      *object,
                                  const SocField *field);

/* ------------------------------------------------------------------------ */
/* Links, the goal tree and cycles                                          */

gboolean soc_rules_check_relationship (SocDocument      *document,
                                       SocRelationship  *relationship,
                                       int               kind,
                                       SocStakeholder   *from,
                                       SocStakeholder   *to,
                                       GError          **error);
gboolean soc_rules_check_links        (SocItem          *item,
                                       const SocField   *field,
                                       GPtrArray        *targets,
                                       GError          **error);
gboolean soc_rules_is_ancestor        (SocGoal          *ancestor,
                                       SocGoal          *goal);
guint    soc_rules_goal_level         (SocGoal          *goal);
guint    soc_rules_subtree_height     (SocGoal          *goal);
gboolean soc_rules_check_goal_parent  (SocGoal          *goal,
                                       SocGoal          *parent,
                                       GError          **error);

/* Whole-plan checks for the reader: each calls FUNC for every problem, at
 * OBJECT's link to TARGET (its parent, its dependency), in linear time,
 * until FUNC returns FALSE (it has heard enough). */
typedef gboolean (*SocRulesReportFunc) (SocObject  *object,
                                        SocObject  *target,
                                        const char *message,
                                        gpointer    user_data);

void     soc_rules_find_goal_cycles       (GPtrArray          *goals,
                                           SocRulesReportFunc  func,
                                           gpointer            user_data);
void     soc_rules_find_deep_goals        (GPtrArray          *goals,
                                           SocRulesReportFunc  func,
                                           gpointer            user_data);
void     soc_rules_find_dependency_cycles (SocObjectList      *items,
                                           SocRulesReportFunc  func,
                                           gpointer            user_data);

/* ------------------------------------------------------------------------ */
/* New objects: what each starts as                                         */

SocGoalKind      soc_rules_child_goal_kind  (SocGoal      *parent);
SocGoal         *soc_rules_new_goal         (SocGoal      *parent,
                                             SocGoal      *sibling);
SocItem         *soc_rules_new_item         (SocDocument  *document,
                                             SocItemKind   kind,
                                             SocLane      *lane,
                                             SocItem      *after);
SocLane         *soc_rules_new_lane         (SocLaneKind   kind);
SocPhase        *soc_rules_new_phase        (SocDocument  *document);
SocStakeholder  *soc_rules_new_stakeholder  (void);

G_END_DECLS
