/* gen-plan.c: writes a large, realistic .socplan file for benchmarks and round-trip tests
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   gen-plan --goals N --items N --stakeholders N --seed S -o FILE
 *
 * The output is in the canonical form of data/FORMAT.md (the form the writer
 * produces), so a load followed by a save gives back the same bytes. Only
 * GLib is used; nothing depends on the time, the locale or the environment:
 * the same seed gives the same bytes everywhere.
 *
 * The canonical form, as FORMAT.md and app/core/soc-writer.c have it:
 *  - attributes in the order of the format's tables, which is the order of
 *    the field tables in app/core (for goals: unit, baseline, baseline-date,
 *    target, target-date, current, current-date), id first;
 *  - enumerations and whole numbers are always written, also at their default
 *    (status="planned", kind="activity", progress="0", stance="neutral"),
 *    except recurrence and gate, which are written only when not "none";
 *    dates, numbers, references, token lists and text only when set;
 *  - numbers are whole or end in .5 (below 10000), written as "12" or "12.5";
 *  - & < > and line feeds are escaped everywhere, " and tab only in
 *    attributes. Generated text holds &, < and line feeds, never " or '.
 */

#include <glib.h>
#include <stdio.h>
#include <string.h>

#define MAX_OBJECTS      1000000   /* FORMAT.md, Limits */
#define HORIZON_YEAR     2026
#define HORIZON_DAYS     1096      /* 2026-01-01 .. 2028-12-31 */
#define DAY_BASE         365       /* index of 2026-01-01 in the date table, which starts 2025-01-01 */
#define N_DATES          (DAY_BASE + HORIZON_DAYS)
#define STATUS_DAY       272       /* 2026-09-30: the day progress and current values are judged on */
#define ITEMS_PER_LANE   2000      /* one extra lane of kind "other" per this many items */
#define N_BASE_LANES     6

#define N_ELEMENTS(a) G_N_ELEMENTS (a)

/* Vocabularies, in the order of app/core/soc-enums.h. */
enum { GOAL_VISION, GOAL_BUSINESS, GOAL_SOCIAL, GOAL_INITIATIVE, GOAL_METRIC, N_GOAL_KINDS };
static const char *const goal_kind_nick[] = {
  "vision", "business-objective", "social-objective", "initiative", "metric",
};
enum { STATUS_PLANNED, STATUS_ON_TRACK, STATUS_AT_RISK, STATUS_OFF_TRACK, STATUS_ACHIEVED, STATUS_DROPPED, N_STATUSES };
static const char *const status_nick[] = {
  "planned", "on-track", "at-risk", "off-track", "achieved", "dropped",
};
enum { LANE_CULTURE, LANE_GUIDELINES, LANE_ADVOCACY, LANE_LISTENING, LANE_MEASUREMENT, LANE_TECHNOLOGY, LANE_OTHER };
static const char *const lane_kind_nick[] = {
  "culture-education", "guidelines-governance", "advocacy", "listening-engagement",
  "measurement", "technology", "other",
};
enum { REC_NONE, REC_WEEKLY, REC_MONTHLY, REC_QUARTERLY, REC_YEARLY };
static const char *const recurrence_nick[] = { "none", "weekly", "monthly", "quarterly", "yearly" };
enum { PROF_LEADERSHIP, PROF_MANAGEMENT, PROF_PRACTITIONERS, PROF_INFRASTRUCTURE, PROF_OBSERVERS,
       PROF_PARTNERS, PROF_CUSTOMERS, N_PROFILES };
static const char *const profile_nick[] = {
  "leadership", "management", "practitioners", "infrastructure", "observers", "partners", "customers",
};
enum { STANCE_CHAMPION, STANCE_SUPPORTER, STANCE_NEUTRAL, STANCE_SCEPTIC, STANCE_BLOCKER, N_STANCES };
static const char *const stance_nick[] = { "champion", "supporter", "neutral", "sceptic", "blocker" };
enum { ROLE_SPONSOR = 1 << 0, ROLE_ADVOCATE = 1 << 1, ROLE_EVANGELIST = 1 << 2, ROLE_OWNER = 1 << 3 };
static const char *const role_nick[] = { "executive-sponsor", "advocate", "evangelist", "owner" };
#define N_TOPICS 10
static const char *const topic_nick[N_TOPICS] = {
  "business-case", "goals", "culture", "guidelines", "roles", "presence", "measurement",
  "information-flow", "tools", "feedback",
};
enum { TOPIC_BUSINESS_CASE = 1 << 0, TOPIC_GOALS = 1 << 1, TOPIC_CULTURE = 1 << 2, TOPIC_GUIDELINES = 1 << 3,
       TOPIC_ROLES = 1 << 4, TOPIC_PRESENCE = 1 << 5, TOPIC_MEASUREMENT = 1 << 6,
       TOPIC_INFORMATION_FLOW = 1 << 7, TOPIC_TOOLS = 1 << 8, TOPIC_FEEDBACK = 1 << 9 };
enum { REL_REPORTS_TO, REL_INFLUENCES, REL_MENTORS };
static const char *const relation_nick[] = { "reports-to", "influences", "mentors" };

/* Word tables. No entry holds ", ' or >. */
typedef struct { const char *name; const char *short_name; } Organisation;
static const Organisation organisations[] = {
  { "Northwind Components", "Northwind" },
  { "Harbor & Lane Logistics", "Harbor & Lane" },
  { "Fjordline Energy", "Fjordline" },
  { "Meridian Health Services", "Meridian" },
  { "Brightwater Insurance", "Brightwater" },
  { "Kestrel Machine Works", "Kestrel" },
  { "Alder & Finch Retail", "Alder & Finch" },
  { "Solvik Pharma", "Solvik" },
};
static const char *const plan_title_prefixes[] = {
  "Connected", "Open", "Social", "Working out loud at", "One",
};
static const char *const plan_visions[] = {
  "Every employee can find the knowledge and the people they need within a day.",
  "Customers get answers in public, from the people who know best, in the channel they chose.",
  "We learn in the open: what one site finds out, every site can use the same week.",
  "Every team shares its work where others can build on it, and leaders listen before they decide.",
};
static const char *const vision_titles[] = {
  "A company that learns in the open",
  "One connected company across all sites",
  "Every customer question answered by the right expert",
  "Knowledge that travels faster than problems",
};
static const char *const units[] = {
  "Logistics", "Sales", "Customer Service", "Research & Development", "Finance", "Human Resources",
  "Manufacturing", "Marketing", "IT Operations", "Legal", "Procurement", "Field Service",
  "Product Management", "Corporate Communications", "Quality", "Supply Chain", "Engineering",
  "the Training Academy",
};
static const char *const regions[] = {
  "Nordics", "DACH", "Benelux", "Iberia", "UK and Ireland", "North America", "Latin America",
  "Asia Pacific", "Middle East", "Central Europe",
};
static const char *const business_objectives[] = {
  "Cut time-to-competence of new hires by a third",
  "Raise customer retention",
  "Shorten the product feedback loop",
  "Grow qualified leads from social channels",
  "Lower the cost per support case",
  "Speed up decisions across sites",
  "Keep top talent longer",
  "Bring new products to market faster",
  "Win more repeat business",
  "Improve first-contact resolution",
  "Make the company a preferred employer for engineers",
  "Reduce duplicated project work",
  "Raise the share of ideas that reach production",
  "Strengthen the brand with technical buyers",
};
static const char *const social_objectives[] = {
  "Build an active community of practice",
  "Make expertise findable in minutes",
  "Turn employees into trusted voices",
  "Answer customer questions in public",
  "Share field knowledge across sites",
  "Listen to customers where they talk",
  "Move project talk out of e-mail",
  "Give every new hire a network on day one",
  "Let managers recognise good work in the open",
  "Bring partners into the product conversation",
  "Collect ideas from the shop floor",
  "Keep alumni and retirees connected",
};
static const char *const talents[] = {
  "Build coaching skills in first-line managers",
  "Grow the digital skills of field staff",
  "Attract graduates through visible expertise",
  "Develop presenters and writers among engineers",
  "Shorten the path from apprentice to specialist",
  "Prepare successors for retiring experts",
};
static const char *const goal_descriptions[] = {
  "Reviewed at every steering meeting.",
  "Agreed with the business owners in the annual planning round.",
  "Builds on the pilot run last year.\nScope widens once the guidelines are in force.",
  "Depends on the platform being available to all sites.",
  "Measured by the analytics team; figures are published monthly.",
  "Shared goal with HR & Learning.\nBudget comes from both sides.",
};

typedef struct {
  const char *title;
  const char *unit;
  int lo, hi;          /* baseline range */
  int dir;             /* +1: up is better, -1: down is better */
  int dlo, dhi;        /* size of the planned change */
  int max;             /* values never exceed this (0: no cap) */
} MetricTemplate;
static const MetricTemplate metric_templates[] = {
  { "Share of employees active in the community", "%", 5, 30, +1, 15, 40, 100 },
  { "Days until a new hire works unaided", "days", 60, 120, -1, 15, 45, 0 },
  { "Posts per week from advocates", "posts per week", 10, 80, +1, 20, 150, 0 },
  { "Questions answered in < 24 hours", "%", 30, 70, +1, 10, 28, 100 },
  { "Net promoter score of community members", "points", 5, 30, +1, 5, 25, 100 },
  { "Hours spent searching for information", "hours per week", 4, 9, -1, 1, 3, 0 },
  { "Trained advocates", "people", 0, 20, +1, 30, 200, 0 },
  { "Leads sourced from social channels", "leads per month", 20, 200, +1, 20, 300, 0 },
  { "Customer mentions with a positive tone", "%", 40, 70, +1, 5, 20, 100 },
  { "Ideas from the community taken into the roadmap", "ideas per quarter", 0, 10, +1, 5, 25, 0 },
  { "Employee retention after the first year", "%", 70, 88, +1, 3, 8, 100 },
  { "Average time to first answer in the support forum", "hours", 12, 48, -1, 6, 10, 0 },
};

/* Per lane: events (which may recur) and artefacts, each with their own verbs. */
typedef struct {
  const char *kind_title;
  const char *colour;
  const char *event_verbs[4];
  const char *events[7];
  const char *artefact_verbs[4];
  const char *artefacts[7];
  const char *milestones[4];
} LaneWords;
static const LaneWords lane_words[] = {
  [LANE_CULTURE] = { "Culture and education", "#3584e4",
    { "Run", "Host", "Hold", "Deliver" },
    { "leadership briefing", "lunch-and-learn", "reverse mentoring round", "working-out-loud circle",
      "onboarding workshop", "manager coaching session", "town hall on the business case" },
    { "Produce", "Publish", "Refresh", "Translate" },
    { "how-to video series", "e-learning module on the guidelines", "curriculum for new managers",
      "onboarding handbook", "case-study collection", "glossary of community terms", "quick-start guide" },
    { "Curriculum approved", "First cohort of managers trained", "Onboarding course live",
      "Every leader briefed on the business case" } },
  [LANE_GUIDELINES] = { "Guidelines and governance", "#9141ac",
    { "Run", "Hold", "Facilitate", "Host" },
    { "policy review workshop", "steering committee meeting", "risk review with Legal & Compliance",
      "guideline Q&A session", "governance board meeting", "moderator calibration session",
      "works council consultation" },
    { "Draft", "Publish", "Update", "Agree" },
    { "engagement guidelines", "social media policy", "escalation playbook", "moderation rules",
      "disclosure guidance", "crisis response plan", "records-retention rules" },
    { "Engagement guidelines published", "Policy signed off by Legal", "Escalation playbook in force",
      "Governance board constituted" } },
  [LANE_ADVOCACY] = { "Advocacy", "#e66100",
    { "Run", "Host", "Hold", "Organise" },
    { "advocate clinic", "advocate onboarding day", "evangelist meet-up", "recognition ceremony",
      "content sprint", "cross-department sharing session", "advocate retrospective" },
    { "Launch", "Build", "Refresh", "Publish" },
    { "advocate toolkit", "content calendar", "recognition programme", "advocate cohort",
      "shareable content library", "advocate handbook", "evangelist network" },
    { "First 50 advocates recruited", "Advocate programme launched",
      "Evangelist network active in every region", "Advocate toolkit released" } },
  [LANE_LISTENING] = { "Listening and engagement", "#2190a4",
    { "Run", "Host", "Staff", "Review" },
    { "customer Q&A hour", "community office hours", "partner forum", "listening review",
      "ask-me-anything with product leads", "customer round table", "feedback triage" },
    { "Set up", "Expand", "Tune", "Launch" },
    { "listening dashboard", "social customer care desk", "feedback loop into product teams",
      "keyword watchlist", "community welcome programme", "public support forum", "idea board" },
    { "Listening dashboard live", "Social care desk staffed", "Public support forum opened",
      "First product change from community feedback" } },
  [LANE_MEASUREMENT] = { "Measurement", "#26a269",
    { "Hold", "Run", "Present", "Review" },
    { "metrics review", "benchmark workshop", "pulse survey", "KPI check-in with owners",
      "board report", "data quality review", "adoption review" },
    { "Define", "Baseline", "Publish", "Automate" },
    { "KPI scorecard", "adoption dashboard", "benchmark report", "baseline survey", "ROI model",
      "metric definitions", "data collection plan" },
    { "Baseline measured", "First KPI review held", "Annual benchmark published",
      "Scorecard adopted by the board" } },
  [LANE_TECHNOLOGY] = { "Technology", "#77767b",
    { "Run", "Hold", "Host", "Review" },
    { "platform demo day", "vendor review", "admin training", "security review",
      "service review with IT", "release planning session", "accessibility check" },
    { "Select", "Pilot", "Integrate", "Roll out" },
    { "enterprise social network", "listening platform", "community platform", "intranet search",
      "single sign-on for the community", "analytics connector", "mobile app" },
    { "Community platform live", "Platform selected", "Single sign-on enabled",
      "Legacy forum retired" } },
  [LANE_OTHER] = { "Other", "#865e3c",
    { "Run", "Hold", "Coordinate", "Host" },
    { "rollout kick-off", "site visit", "change network meeting", "steering review",
      "local champion call", "lessons-learned session", "all-hands update" },
    { "Plan", "Prepare", "Localise", "Hand over" },
    { "rollout plan", "local champion network", "translated guidelines", "regional content calendar",
      "site readiness checklist", "local communication plan", "support rota" },
    { "Region kick-off held", "Steering review passed", "All sites onboarded",
      "Local champions in place" } },
};
static const char *const extra_lane_colours[] = {
  "#c061cb", "#1c71d8", "#2ec27e", "#f5c211", "#e01b24", "#986a44", "#5e5c64", "#ff7800",
};
static const char *const phase_titles[] = {
  "Foundation", "Pilot", "Rollout", "Scale", "Embed", "Review and renew",
};

typedef struct { const char *word; int recurrence; } Cadence;
static const Cadence cadences[] = {
  { "Weekly", REC_WEEKLY }, { "Monthly", REC_MONTHLY }, { "Quarterly", REC_QUARTERLY }, { "Annual", REC_YEARLY },
};
static const char *const education_formats[] = {
  "briefing", "workshop", "webinar", "lunch-and-learn", "clinic", "learning circle",
};
static const char *const topic_labels[N_TOPICS] = {
  "the business case", "our goals", "our culture", "the guidelines", "roles and responsibilities",
  "where we engage", "measurement", "information flow and escalation", "systems and tools",
  "feedback loops",
};
static const char *const audience_labels[N_PROFILES] = {
  "leaders", "managers", "practitioners", "IT and security", "all employees", "partners", "customers",
};
static const char *const item_notes[] = {
  "Depends on budget approval in the next planning round.",
  "Agreed with the business owners.\nReview at the next steering meeting.",
  "Materials are shared in the community space & on the intranet.",
  "Slides and recording go to the how-to library afterwards.",
  "Needs a room for 40 people and a remote link.\nInvite the local champions first.",
  "Owner changes after the pilot.",
};
static const char *const first_names[] = {
  "Maria", "Jonas", "Aisha", "Lars", "Sofia", "Mateo", "Ingrid", "Kwame", "Elena", "Tomás",
  "Priya", "Henrik", "Chloé", "Yusuf", "Anna", "Björn", "Mei", "Oliver", "Fatima", "Lukas",
  "Nora", "Diego", "Sanna", "Rahul", "Julia", "Emeka", "Zofia", "Kenji", "Amélie", "Pekka",
  "Hannah", "Samir", "Greta", "Marco", "Leila", "Tobias", "Ines", "Arjun", "Freya", "Niklas",
};
static const char *const last_names[] = {
  "Lindqvist", "Okafor", "Müller", "Rossi", "Nakamura", "García", "Jensen", "Novak", "Haddad",
  "Kowalski", "Andersson", "Silva", "Dubois", "Patel", "Virtanen", "Schmidt", "Costa", "Yilmaz",
  "Berg", "Kim", "Fischer", "Moreau", "Larsen", "Mensah", "Horvat", "Santos", "Wagner", "Eriksen",
  "Ivanova", "Byrne", "Tanaka", "Weber", "Nieminen", "Ferreira", "Hoffmann", "Dahl", "Popescu",
  "Laurent", "Svensson", "Osei",
};
static const char *const group_names[N_PROFILES][4] = {
  [PROF_LEADERSHIP] = { "Executive board", "Regional leadership team", "Division heads", "Steering committee" },
  [PROF_MANAGEMENT] = { "Team leads", "Site managers", "Department heads", "Project managers" },
  [PROF_PRACTITIONERS] = { "Community managers", "Social media team", "Support agents", "Content editors" },
  [PROF_INFRASTRUCTURE] = { "IT security team", "Platform operations", "Data protection office", "Service desk" },
  [PROF_OBSERVERS] = { "All employees", "Works council", "New hires", "Alumni network" },
  [PROF_PARTNERS] = { "Reseller network", "Agency partners", "Implementation partners", "Supplier council" },
  [PROF_CUSTOMERS] = { "Key accounts", "Customer advisory board", "User group", "Forum regulars" },
};
static const char *const external_departments[] = {
  "Brightline Consulting", "Kessler & Hart Agency", "Polaris Systems", "Tidewater Distribution",
  "Ostrander Retail Group", "Vantage Engineering",
};
static const char *const engagement_by_quadrant[4][3] = {
  /* manage closely, keep satisfied, keep informed, monitor */
  { "Monthly one-to-one with the strategist.",
    "Invite to the steering meeting; preview every major decision.",
    "Co-present the business case at the leadership offsite.\nAsk for a sponsor quote for the launch." },
  { "Quarterly summary of results and risks.",
    "Short briefing before each phase starts.",
    "Send the scorecard; ask for one decision at a time." },
  { "Add to the advocates mailing list.",
    "Invite to the working sessions on the guidelines.",
    "Weekly digest from the community.\nAsk for feedback after every clinic." },
  { "Newsletter only.",
    "Check stance again at the next phase review.",
    "Watch the public channels; no direct contact planned." },
};
static const char *const override_states[] = { "met", "partly", "not-met" };
static const char *const override_notes[] = {
  "Owners are named for every initiative; two of them carry too much until the new hires start.",
  "The advocate programme is staffed in three regions out of five.\nRevisit after the next phase review.",
};

typedef struct {
  GRand    *rng;
  GString  *out;
  GString  *tmp;
  guint     n_goals, n_items, n_stakeholders, n_lanes;
  char      dates[N_DATES][11];

  const Organisation *org;

  /* stakeholders, generated first: owners and relationships need them */
  guint8   *sh_kind;       /* 0 person, 1 group */
  guint8   *sh_profile;
  GArray   *persons_internal;   /* people who can own work */
  GArray   *persons_senior;     /* leadership and management people */

  /* goals, by generation index */
  guint8   *goal_kind;
  gint32   *goal_parent;
  guint32  *goal_first_child, *goal_last_child, *goal_next_sibling;
  guint32  *goal_id;       /* the number in the id: position in the written order, from 1 */
  guint32  *goal_order;    /* generation indices in written order */
  guint     n_ordered;
  guint     kind_start[N_GOAL_KINDS], kind_count[N_GOAL_KINDS];

  /* roadmap */
  guint32  *lane_cumulative;
  guint32   lane_total;
  int       gate_day;
  gint16   *item_start, *item_finish;   /* day offsets; finish is start for a milestone */
} Gen;

#define NONE G_MAXUINT32

/* ---- randomness: only g_rand_int, mapped to ranges here ---- */

static guint32
rnd_below (Gen *g, guint32 n)
{
  return (guint32) (((guint64) g_rand_int (g->rng) * n) >> 32);
}

static int
rnd_range (Gen *g, int lo, int hi)  /* inclusive */
{
  return lo + (int) rnd_below (g, (guint32) (hi - lo + 1));
}

static gboolean
chance (Gen *g, guint percent)
{
  return rnd_below (g, 100) < percent;
}

static guint
pick_weighted (Gen *g, const guint *weights, guint n)
{
  guint total = 0, r;

  for (guint i = 0; i < n; i++)
    total += weights[i];
  r = rnd_below (g, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }
  return n - 1;
}

#define PICK(g, table) ((table)[rnd_below ((g), N_ELEMENTS (table))])

/* ---- output ---- */

static void
append_uint (GString *s, guint32 v)
{
  char buf[16];
  int i = (int) sizeof buf;

  do
    {
      buf[--i] = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v != 0);
  g_string_append_len (s, buf + i, (gssize) sizeof buf - i);
}

static void
append_escaped (GString *s, const char *text, gboolean attribute)
{
  const char *run = text;

  for (const char *p = text; ; p++)
    {
      const char *rep;

      switch (*p)
        {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = attribute ? "&quot;" : NULL; break;
        case '\n': rep = "&#10;"; break;
        case '\r': rep = "&#13;"; break;
        case '\t': rep = attribute ? "&#9;" : NULL; break;
        case '\0': rep = NULL; break;
        default: continue;
        }
      if (rep == NULL && *p != '\0')
        continue;
      g_string_append_len (s, run, p - run);
      if (rep == NULL)
        return;
      g_string_append (s, rep);
      run = p + 1;
    }
}

static void
open_tag (GString *s, int indent, const char *name)
{
  for (int i = 0; i < indent; i++)
    g_string_append_c (s, ' ');
  g_string_append_c (s, '<');
  g_string_append (s, name);
}

static void
attr_text (GString *s, const char *name, const char *value)
{
  g_string_append_c (s, ' ');
  g_string_append (s, name);
  g_string_append (s, "=\"");
  append_escaped (s, value, TRUE);
  g_string_append_c (s, '"');
}

static void
attr_ref (GString *s, const char *name, char prefix, guint32 number)
{
  g_string_append_c (s, ' ');
  g_string_append (s, name);
  g_string_append (s, "=\"");
  g_string_append_c (s, prefix);
  append_uint (s, number);
  g_string_append_c (s, '"');
}

static void
attr_int (GString *s, const char *name, guint32 value)
{
  g_string_append_c (s, ' ');
  g_string_append (s, name);
  g_string_append (s, "=\"");
  append_uint (s, value);
  g_string_append_c (s, '"');
}

/* An enumeration: always written, also at its default. */
static void
attr_enum (Gen *g, const char *name, const char *const *nicks, int value)
{
  attr_text (g->out, name, nicks[value]);
}

/* recurrence and gate: written only when not "none" (value 0). */
static void
attr_enum_unless_none (Gen *g, const char *name, const char *const *nicks, int value)
{
  if (value != 0)
    attr_text (g->out, name, nicks[value]);
}

/* A token list from bit flags, in bit order; nothing when empty. */
static void
attr_flags (GString *s, const char *name, const char *const *nicks, guint n, guint bits)
{
  gboolean first = TRUE;

  if (bits == 0)
    return;
  g_string_append_c (s, ' ');
  g_string_append (s, name);
  g_string_append (s, "=\"");
  for (guint i = 0; i < n; i++)
    if (bits & (1u << i))
      {
        if (!first)
          g_string_append_c (s, ' ');
        g_string_append (s, nicks[i]);
        first = FALSE;
      }
  g_string_append_c (s, '"');
}

static void
attr_date (Gen *g, const char *name, int day)
{
  GString *s = g->out;

  g_assert (day >= -DAY_BASE && day < HORIZON_DAYS);
  g_string_append_c (s, ' ');
  g_string_append (s, name);
  g_string_append (s, "=\"");
  g_string_append_len (s, g->dates[DAY_BASE + day], 10);
  g_string_append_c (s, '"');
}

/* A number kept as a count of halves: "12" or "12.5". */
static void
attr_halves (GString *s, const char *name, int halves)
{
  g_assert (halves >= 0 && halves < 20000);
  g_string_append_c (s, ' ');
  g_string_append (s, name);
  g_string_append (s, "=\"");
  append_uint (s, (guint32) halves / 2);
  if (halves % 2)
    g_string_append (s, ".5");
  g_string_append_c (s, '"');
}

static void
text_element (GString *s, int indent, const char *name, const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  open_tag (s, indent, name);
  g_string_append_c (s, '>');
  append_escaped (s, text, FALSE);
  g_string_append (s, "</");
  g_string_append (s, name);
  g_string_append (s, ">\n");
}

static void
end_open_tag (GString *s)
{
  g_string_append (s, ">\n");
}

static void
close_tag (GString *s, int indent, const char *name)
{
  for (int i = 0; i < indent; i++)
    g_string_append_c (s, ' ');
  g_string_append (s, "</");
  g_string_append (s, name);
  g_string_append (s, ">\n");
}

/* ---- setup ---- */

static void
fill_dates (Gen *g)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, HORIZON_YEAR - 1);
  for (int i = 0; i < N_DATES; i++)
    {
      g_snprintf (g->dates[i], sizeof g->dates[i], "%04u-%02u-%02u",
                  (guint) g_date_get_year (&date), (guint) g_date_get_month (&date),
                  (guint) g_date_get_day (&date));
      g_date_add_days (&date, 1);
    }
  g_assert (strcmp (g->dates[DAY_BASE], "2026-01-01") == 0);
  g_assert (strcmp (g->dates[N_DATES - 1], "2028-12-31") == 0);
}

static gint32
pick_from (Gen *g, GArray *pool)
{
  if (pool->len == 0)
    return g->n_stakeholders > 0 ? (gint32) rnd_below (g, g->n_stakeholders) : -1;
  return (gint32) g_array_index (pool, guint32, rnd_below (g, pool->len));
}

static void
generate_stakeholder_skeleton (Gen *g)
{
  static const guint profile_weights[N_PROFILES] = { 5, 20, 35, 10, 15, 8, 7 };
  static const guint group_percent[N_PROFILES] = { 0, 5, 12, 12, 45, 40, 50 };

  g->sh_kind = g_new0 (guint8, g->n_stakeholders + 1);
  g->sh_profile = g_new0 (guint8, g->n_stakeholders + 1);
  g->persons_internal = g_array_new (FALSE, FALSE, sizeof (guint32));
  g->persons_senior = g_array_new (FALSE, FALSE, sizeof (guint32));

  for (guint32 k = 0; k < g->n_stakeholders; k++)
    {
      /* The first seven cover every profile; s1 is the leader who sponsors the plan. */
      guint profile = k < N_PROFILES ? k : pick_weighted (g, profile_weights, N_PROFILES);
      gboolean group = k > 0 && chance (g, group_percent[profile]);

      g->sh_profile[k] = (guint8) profile;
      g->sh_kind[k] = group ? 1 : 0;
      if (group)
        continue;
      if (profile <= PROF_INFRASTRUCTURE)
        g_array_append_val (g->persons_internal, k);
      if (profile <= PROF_MANAGEMENT)
        g_array_append_val (g->persons_senior, k);
    }
}

/* ---- plan ---- */

static void
emit_plan (Gen *g)
{
  GString *s = g->out;
  static const guint alignment[] = { 70, 75, 80, 85, 90 };
  static const guint benchmark[] = { 34, 40, 50 };
  static const guint tech_share[] = { 15, 20, 25 };
  static const guint owner_load[] = { 4, 5, 6, 8 };
  guint advocates = MAX (3, g->n_stakeholders / 25);

  open_tag (s, 2, "plan");
  attr_date (g, "horizon-start", 0);
  attr_date (g, "horizon-end", HORIZON_DAYS - 1);
  attr_int (s, "alignment-target", PICK (g, alignment));
  attr_int (s, "metrics-benchmark", PICK (g, benchmark));
  attr_int (s, "horizon-years", 3);
  attr_int (s, "technology-share", PICK (g, tech_share));
  attr_int (s, "owner-load", PICK (g, owner_load));
  attr_int (s, "advocates", advocates);
  end_open_tag (s);

  g_string_assign (g->tmp, PICK (g, plan_title_prefixes));
  g_string_append_c (g->tmp, ' ');
  g_string_append (g->tmp, g->org->short_name);
  text_element (s, 4, "title", g->tmp->str);
  text_element (s, 4, "organisation", g->org->name);
  text_element (s, 4, "author", "Social business strategy office");
  text_element (s, 4, "vision", PICK (g, plan_visions));
  text_element (s, 4, "notes",
                "Generated plan for benchmarks.\nFigures are illustrative & not real.");
  close_tag (s, 2, "plan");
}

/* ---- goals ---- */

static void
goal_add_child (Gen *g, guint32 parent, guint32 child)
{
  g->goal_parent[child] = (gint32) parent;
  if (g->goal_first_child[parent] == NONE)
    g->goal_first_child[parent] = child;
  else
    g->goal_next_sibling[g->goal_last_child[parent]] = child;
  g->goal_last_child[parent] = child;
}

static guint32
random_of_kind (Gen *g, int kind)
{
  return g->kind_start[kind] + rnd_below (g, g->kind_count[kind]);
}

static void
order_goals (Gen *g, guint32 node)
{
  g->goal_id[node] = ++g->n_ordered;
  g->goal_order[g->n_ordered - 1] = node;
  for (guint32 c = g->goal_first_child[node]; c != NONE; c = g->goal_next_sibling[c])
    order_goals (g, c);
}

static void
generate_goal_tree (Gen *g)
{
  guint n = g->n_goals, rest, n_business, n_metric, n_social, n_initiative;
  guint32 i = 0;

  if (n == 0)
    return;
  n_business = n >= 2 ? MIN (n - 1, MAX (2, n / 20)) : 0;
  rest = n - 1 - n_business;
  n_metric = MIN (rest, (n * 2 + 2) / 5);
  rest -= n_metric;
  n_social = (rest + 2) / 3;
  n_initiative = rest - n_social;

  g->kind_count[GOAL_VISION] = 1;
  g->kind_count[GOAL_BUSINESS] = n_business;
  g->kind_count[GOAL_SOCIAL] = n_social;
  g->kind_count[GOAL_INITIATIVE] = n_initiative;
  g->kind_count[GOAL_METRIC] = n_metric;
  for (int k = 0; k < N_GOAL_KINDS; k++)
    {
      g->kind_start[k] = i;
      i += g->kind_count[k];
    }

  g->goal_kind = g_new (guint8, n);
  g->goal_parent = g_new (gint32, n);
  g->goal_first_child = g_new (guint32, n);
  g->goal_last_child = g_new (guint32, n);
  g->goal_next_sibling = g_new (guint32, n);
  g->goal_id = g_new (guint32, n);
  g->goal_order = g_new (guint32, n);
  for (guint32 k = 0; k < n; k++)
    {
      g->goal_first_child[k] = g->goal_last_child[k] = g->goal_next_sibling[k] = NONE;
      g->goal_parent[k] = -1;
    }
  for (int k = 0; k < N_GOAL_KINDS; k++)
    for (guint32 j = 0; j < g->kind_count[k]; j++)
      g->goal_kind[g->kind_start[k] + j] = (guint8) k;

  /* Each level fills its parents round-robin first, so none is left bare, then at random. */
  for (guint32 j = 0; j < n_business; j++)
    goal_add_child (g, 0, g->kind_start[GOAL_BUSINESS] + j);
  for (guint32 j = 0; j < n_social; j++)
    goal_add_child (g, j < n_business ? g->kind_start[GOAL_BUSINESS] + j : random_of_kind (g, GOAL_BUSINESS),
                    g->kind_start[GOAL_SOCIAL] + j);
  for (guint32 j = 0; j < n_initiative; j++)
    goal_add_child (g, j < n_social ? g->kind_start[GOAL_SOCIAL] + j : random_of_kind (g, GOAL_SOCIAL),
                    g->kind_start[GOAL_INITIATIVE] + j);
  for (guint32 j = 0; j < n_metric; j++)
    {
      guint32 parent;

      if (n_initiative > 0 && (n_social == 0 || chance (g, 60)))
        parent = random_of_kind (g, GOAL_INITIATIVE);
      else if (n_social > 0)
        parent = random_of_kind (g, GOAL_SOCIAL);
      else if (n_business > 0)
        parent = random_of_kind (g, GOAL_BUSINESS);
      else
        parent = 0;
      goal_add_child (g, parent, g->kind_start[GOAL_METRIC] + j);
    }

  order_goals (g, 0);
  g_assert (g->n_ordered == n);
}

static void
initiative_title (Gen *g, GString *t, int lane)
{
  const LaneWords *w = &lane_words[lane];

  g_string_truncate (t, 0);
  if (chance (g, 50))
    {
      g_string_append (t, w->event_verbs[rnd_below (g, 4)]);
      g_string_append_c (t, ' ');
      if (chance (g, 50))
        {
          const char *c = cadences[1 + rnd_below (g, 3)].word;
          g_string_append_c (t, g_ascii_tolower (c[0]));
          g_string_append (t, c + 1);
          g_string_append_c (t, ' ');
        }
      g_string_append (t, w->events[rnd_below (g, 7)]);
    }
  else
    {
      g_string_append (t, w->artefact_verbs[rnd_below (g, 4)]);
      g_string_append_c (t, ' ');
      g_string_append (t, w->artefacts[rnd_below (g, 7)]);
    }
  g_string_append (t, " for ");
  g_string_append (t, PICK (g, units));
}

static void
emit_goal (Gen *g, guint32 node)
{
  static const guint status_weights[N_GOAL_KINDS][N_STATUSES] = {
    [GOAL_VISION] = { 0, 1, 0, 0, 0, 0 },
    [GOAL_BUSINESS] = { 20, 55, 15, 5, 5, 0 },
    [GOAL_SOCIAL] = { 25, 45, 15, 5, 7, 3 },
    [GOAL_INITIATIVE] = { 30, 35, 15, 6, 10, 4 },
    [GOAL_METRIC] = { 15, 45, 20, 8, 8, 4 },
  };
  GString *s = g->out, *t = g->tmp;
  int kind = g->goal_kind[node];
  gint32 owner = -1;
  const MetricTemplate *m = &metric_templates[0];

  open_tag (s, 4, "goal");
  attr_ref (s, "id", 'g', g->goal_id[node]);
  attr_text (s, "kind", goal_kind_nick[kind]);   /* required: always written */
  attr_enum (g, "status", status_nick, (int) pick_weighted (g, status_weights[kind], N_STATUSES));
  if (g->goal_parent[node] >= 0)
    attr_ref (s, "parent", 'g', g->goal_id[g->goal_parent[node]]);

  if (g->n_stakeholders > 0)
    switch (kind)
      {
      case GOAL_VISION: owner = 0; break;
      case GOAL_BUSINESS: owner = pick_from (g, g->persons_senior); break;
      case GOAL_METRIC: owner = chance (g, 60) ? pick_from (g, g->persons_internal) : -1; break;
      default: owner = chance (g, 85) ? pick_from (g, g->persons_internal) : -1; break;
      }
  if (owner >= 0)
    attr_ref (s, "owner", 's', (guint32) owner + 1);

  if (kind == GOAL_METRIC)
    {
      int base, target, current, cap;

      m = &metric_templates[rnd_below (g, N_ELEMENTS (metric_templates))];
      cap = m->max > 0 ? m->max * 2 : 19998;
      base = rnd_range (g, m->lo, m->hi) * 2 + (chance (g, 25) ? 1 : 0);
      target = base + m->dir * rnd_range (g, m->dlo, m->dhi) * 2;
      target = CLAMP (target, 0, cap);
      if (target == base)
        target = m->dir > 0 ? MIN (base + 2, cap) : MAX (base - 2, 0);
      /* Somewhere between a small step back and 80% of the way. */
      current = base + (target - base) * rnd_range (g, -10, 80) / 100;
      current = CLAMP (current, 0, cap);

      attr_text (s, "unit", m->unit);
      attr_halves (s, "baseline", base);
      attr_date (g, "baseline-date", rnd_range (g, -60, 60));
      attr_halves (s, "target", target);
      attr_date (g, "target-date", rnd_range (g, 540, HORIZON_DAYS - 1));
      if (chance (g, 90))
        {
          attr_halves (s, "current", current);
          attr_date (g, "current-date", rnd_range (g, 181, STATUS_DAY));
        }
    }
  end_open_tag (s);

  g_string_truncate (t, 0);
  switch (kind)
    {
    case GOAL_VISION:
      g_string_append (t, PICK (g, vision_titles));
      break;
    case GOAL_BUSINESS:
      g_string_append (t, PICK (g, business_objectives));
      switch (rnd_below (g, 4))
        {
        case 0: case 1: g_string_append (t, " in "); g_string_append (t, PICK (g, units)); break;
        case 2: g_string_append (t, chance (g, 50) ? " by 2027" : " by 2028"); break;
        default: break;
        }
      break;
    case GOAL_SOCIAL:
      g_string_append (t, PICK (g, social_objectives));
      if (chance (g, 50))
        {
          g_string_append (t, " in ");
          if (chance (g, 70))
            g_string_append (t, PICK (g, units));
          else
            g_string_append (t, PICK (g, regions));
        }
      break;
    case GOAL_INITIATIVE:
      initiative_title (g, t, (int) rnd_below (g, N_BASE_LANES));
      break;
    case GOAL_METRIC:
      g_string_append (t, m->title);
      if (chance (g, 50))
        {
          g_string_append (t, " in ");
          g_string_append (t, PICK (g, units));
        }
      break;
    default:
      g_assert_not_reached ();
    }
  text_element (s, 6, "title", t->str);
  if (kind != GOAL_METRIC && chance (g, 20))
    text_element (s, 6, "description", PICK (g, goal_descriptions));
  if ((kind == GOAL_SOCIAL || kind == GOAL_INITIATIVE) && chance (g, 15))
    text_element (s, 6, "talent", PICK (g, talents));
  close_tag (s, 4, "goal");
}

static void
emit_goals (Gen *g)
{
  if (g->n_goals == 0)
    return;
  g_string_append (g->out, "  <goals>\n");
  for (guint32 k = 0; k < g->n_ordered; k++)
    emit_goal (g, g->goal_order[k]);
  g_string_append (g->out, "  </goals>\n");
}

/* ---- roadmap ---- */

static void
emit_lanes_and_phases (Gen *g)
{
  GString *s = g->out;
  static const guint base_weights[N_BASE_LANES] = { 22, 12, 16, 16, 14, 10 };

  g->lane_cumulative = g_new (guint32, g->n_lanes);
  for (guint32 l = 0; l < g->n_lanes; l++)
    {
      int kind = l < N_BASE_LANES ? (int) l : LANE_OTHER;

      g->lane_total += l < N_BASE_LANES ? base_weights[l] : 15;
      g->lane_cumulative[l] = g->lane_total;

      open_tag (s, 4, "lane");
      attr_ref (s, "id", 'l', l + 1);
      attr_enum (g, "kind", lane_kind_nick, kind);
      if (l < N_BASE_LANES)
        attr_text (s, "colour", lane_words[l].colour);
      else
        attr_text (s, "colour", extra_lane_colours[(l - N_BASE_LANES) % N_ELEMENTS (extra_lane_colours)]);
      end_open_tag (s);
      if (l < N_BASE_LANES)
        text_element (s, 6, "title", lane_words[l].kind_title);
      else
        {
          guint32 x = l - N_BASE_LANES;
          guint32 combos = N_ELEMENTS (units) * N_ELEMENTS (regions);

          g_string_assign (g->tmp, "Rollout: ");
          g_string_append (g->tmp, units[x % N_ELEMENTS (units)]);
          g_string_append (g->tmp, ", ");
          g_string_append (g->tmp, regions[(x / N_ELEMENTS (units)) % N_ELEMENTS (regions)]);
          if (x >= combos)
            {
              g_string_append (g->tmp, ", wave ");
              append_uint (g->tmp, x / combos + 1);
            }
          text_element (s, 6, "title", g->tmp->str);
        }
      close_tag (s, 4, "lane");
    }

  for (int p = 0; p < 6; p++)
    {
      int year = HORIZON_YEAR + p / 2;
      char date[16];

      open_tag (s, 4, "phase");
      attr_ref (s, "id", 'p', (guint32) p + 1);
      g_snprintf (date, sizeof date, p % 2 ? "%04d-07-01" : "%04d-01-01", year);
      attr_text (s, "start", date);
      g_snprintf (date, sizeof date, p % 2 ? "%04d-12-31" : "%04d-06-30", year);
      attr_text (s, "end", date);
      end_open_tag (s);
      g_string_assign (g->tmp, phase_titles[p]);
      g_string_append_printf (g->tmp, " (H%d %d)", p % 2 + 1, year);
      text_element (s, 6, "title", g->tmp->str);
      close_tag (s, 4, "phase");
    }
}

static guint32
pick_lane (Gen *g)
{
  guint32 r = rnd_below (g, g->lane_total), lo = 0, hi = g->n_lanes - 1;

  while (lo < hi)
    {
      guint32 mid = (lo + hi) / 2;
      if (r < g->lane_cumulative[mid])
        hi = mid;
      else
        lo = mid + 1;
    }
  return lo;
}

static guint
random_bits (Gen *g, guint n, guint percent)
{
  guint bits = 0;

  for (guint i = 0; i < n; i++)
    if (chance (g, percent))
      bits |= 1u << i;
  return bits;
}

static int
lowest_bit (guint bits)
{
  for (int i = 0; i < 32; i++)
    if (bits & (1u << i))
      return i;
  return -1;
}

static void
append_audience_label (GString *t, guint audience)
{
  int first = lowest_bit (audience);
  int second = lowest_bit (audience & ~(1u << first));

  g_string_append (t, audience_labels[first]);
  if (second >= 0)
    {
      g_string_append (t, " and ");
      g_string_append (t, audience_labels[second]);
    }
}

static guint32
goal_to_serve (Gen *g)
{
  static const guint weights[N_GOAL_KINDS] = { 0, 10, 20, 60, 10 };
  guint kind;

  do
    kind = pick_weighted (g, weights, N_GOAL_KINDS);
  while (g->kind_count[kind] == 0 && g->n_goals > 1);
  if (g->kind_count[kind] == 0)
    return g->goal_id[0];
  return g->goal_id[random_of_kind (g, (int) kind)];
}

static void
emit_item (Gen *g, guint32 k)
{
  static const guint serves_weights[] = { 15, 45, 28, 12 };
  static const guint depends_weights[] = { 55, 33, 12 };
  static const guint recurrence_weights[] = { 0, 10, 35, 40, 15 };
  GString *s = g->out, *t = g->tmp;
  gboolean gate = k == 0;
  gboolean milestone = gate || chance (g, 10);
  guint32 lane = gate ? LANE_GUIDELINES : pick_lane (g);
  int kind = lane < N_BASE_LANES ? (int) lane : LANE_OTHER;
  const LaneWords *w = &lane_words[kind];
  int earliest = kind == LANE_TECHNOLOGY && g->n_items > 0 ? g->gate_day + 1 : 0;
  int start, end = -1, progress = 0, recurrence = REC_NONE;
  guint audience = 0, topics = 0;
  guint32 serves[3], depends[2];
  guint n_serves = 0, n_depends = 0, want;
  gint32 owner = -1;

  g_string_truncate (t, 0);
  if (gate)
    {
      start = g->gate_day;
      progress = start <= STATUS_DAY ? 100 : 0;
      g_string_append (t, "Strategy and goals approved by the steering board");
    }
  else if (milestone)
    {
      start = rnd_range (g, earliest, HORIZON_DAYS - 1);
      progress = start <= STATUS_DAY ? 100 : 0;
      g_string_append (t, w->milestones[rnd_below (g, 4)]);
      if (chance (g, 50))
        {
          g_string_append (t, " in ");
          g_string_append (t, PICK (g, units));
        }
    }
  else
    {
      int duration;

      if (kind == LANE_CULTURE && chance (g, 35))
        {
          /* A recurring education item: who it is for and what it covers. */
          recurrence = (int) pick_weighted (g, recurrence_weights, N_ELEMENTS (recurrence_weights));
          duration = rnd_range (g, 180, 900);
          do
            audience = random_bits (g, N_PROFILES, 20);
          while (audience == 0);
          do
            topics = random_bits (g, N_TOPICS, 20);
          while (topics == 0);
          g_string_append (t, cadences[recurrence - 1].word);
          g_string_append_c (t, ' ');
          g_string_append (t, PICK (g, education_formats));
          g_string_append (t, " on ");
          g_string_append (t, topic_labels[lowest_bit (topics)]);
          g_string_append (t, " for ");
          append_audience_label (t, audience);
        }
      else if (chance (g, 50))
        {
          /* Who each culture-and-education event is for; -1: anyone. */
          static const int culture_audience[7] = {
            PROF_LEADERSHIP, -1, PROF_LEADERSHIP, PROF_PRACTITIONERS, PROF_OBSERVERS,
            PROF_MANAGEMENT, PROF_OBSERVERS,
          };
          guint event = rnd_below (g, 7);

          g_string_append (t, w->event_verbs[rnd_below (g, 4)]);
          g_string_append_c (t, ' ');
          if (chance (g, 40))
            {
              const Cadence *c = &cadences[rnd_below (g, N_ELEMENTS (cadences))];
              recurrence = c->recurrence;
              g_string_append_c (t, g_ascii_tolower (c->word[0]));
              g_string_append (t, c->word + 1);
              g_string_append_c (t, ' ');
              duration = rnd_range (g, 120, 720);
            }
          else
            duration = rnd_range (g, 0, 14);
          g_string_append (t, w->events[event]);
          if (kind == LANE_CULTURE && chance (g, 50))
            {
              int who = culture_audience[event];
              audience = 1u << (who >= 0 ? (guint) who : rnd_below (g, N_PROFILES));
              topics = random_bits (g, N_TOPICS, 15);
            }
          g_string_append (t, " for ");
          g_string_append (t, PICK (g, units));
        }
      else
        {
          static const guint bucket_weights[] = { 30, 40, 30 };

          switch (pick_weighted (g, bucket_weights, 3))
            {
            case 0: duration = rnd_range (g, 5, 20); break;
            case 1: duration = rnd_range (g, 21, 90); break;
            default: duration = rnd_range (g, 91, 270); break;
            }
          g_string_append (t, w->artefact_verbs[rnd_below (g, 4)]);
          g_string_append_c (t, ' ');
          g_string_append (t, w->artefacts[rnd_below (g, 7)]);
          g_string_append (t, " for ");
          g_string_append (t, PICK (g, units));
        }

      duration = MIN (duration, HORIZON_DAYS - 1 - earliest);
      start = rnd_range (g, earliest, HORIZON_DAYS - 1 - duration);
      end = start + duration;
      if (end < STATUS_DAY)
        progress = chance (g, 85) ? 100 : rnd_range (g, 12, 19) * 5;
      else if (start > STATUS_DAY)
        progress = 0;
      else
        {
          progress = (STATUS_DAY - start) * 100 / (duration + 1) + rnd_range (g, -20, 15);
          progress = CLAMP (progress, 0, 100) / 5 * 5;
        }
    }

  g->item_start[k] = (gint16) start;
  g->item_finish[k] = (gint16) (end >= 0 ? end : start);

  if (g->n_stakeholders > 0 && (gate || chance (g, 90)))
    owner = gate ? 0 : pick_from (g, g->persons_internal);

  /* Goals served: distinct. */
  want = g->n_goals > 0 ? pick_weighted (g, serves_weights, 4) : 0;
  for (guint tries = 0; n_serves < want && tries < 8; tries++)
    {
      guint32 goal = gate ? g->goal_id[0] : goal_to_serve (g);
      gboolean dup = FALSE;

      for (guint j = 0; j < n_serves; j++)
        dup |= serves[j] == goal;
      if (!dup)
        serves[n_serves++] = goal;
    }

  /* Dependencies: distinct earlier items, nearly always ones that finish before this
   * starts (the rare exception gives the roadmap check something to find). */
  want = k > 0 ? pick_weighted (g, depends_weights, 3) : 0;
  if (kind == LANE_TECHNOLOGY && k > 0 && chance (g, 35))
    depends[n_depends++] = 0;
  for (guint tries = 0; n_depends < want && tries < 6; tries++)
    {
      guint32 window = MIN (k, 300);
      guint32 j = k - 1 - rnd_below (g, window);
      gboolean dup = FALSE;

      for (guint x = 0; x < n_depends; x++)
        dup |= depends[x] == j;
      if (!dup && (g->item_finish[j] < start || chance (g, 1)))
        depends[n_depends++] = j;
    }

  open_tag (s, 4, "item");
  attr_ref (s, "id", 'i', k + 1);
  attr_enum (g, "kind", (const char *const[]) { "activity", "milestone" }, milestone ? 1 : 0);
  attr_ref (s, "lane", 'l', lane + 1);
  attr_date (g, "start", start);
  if (end >= 0)
    attr_date (g, "end", end);
  attr_int (s, "progress", (guint32) progress);
  if (owner >= 0)
    attr_ref (s, "owner", 's', (guint32) owner + 1);
  attr_enum_unless_none (g, "recurrence", recurrence_nick, recurrence);
  attr_flags (s, "audience", profile_nick, N_PROFILES, audience);
  attr_flags (s, "topics", topic_nick, N_TOPICS, topics);
  attr_enum_unless_none (g, "gate", (const char *const[]) { "none", "strategy" }, gate ? 1 : 0);
  end_open_tag (s);
  text_element (s, 6, "title", t->str);
  if (chance (g, 8))
    text_element (s, 6, "notes", PICK (g, item_notes));
  for (guint j = 0; j < n_serves; j++)
    {
      open_tag (s, 6, "serves");
      attr_ref (s, "goal", 'g', serves[j]);
      g_string_append (s, "/>\n");
    }
  for (guint j = 0; j < n_depends; j++)
    {
      open_tag (s, 6, "depends-on");
      attr_ref (s, "item", 'i', depends[j] + 1);
      g_string_append (s, "/>\n");
    }
  close_tag (s, 4, "item");
}

static void
emit_roadmap (Gen *g)
{
  g->n_lanes = N_BASE_LANES + g->n_items / ITEMS_PER_LANE;
  g->gate_day = rnd_range (g, 59, 119);   /* March or April 2026 */
  g->item_start = g_new (gint16, g->n_items + 1);
  g->item_finish = g_new (gint16, g->n_items + 1);

  g_string_append (g->out, "  <roadmap>\n");
  emit_lanes_and_phases (g);
  for (guint32 k = 0; k < g->n_items; k++)
    emit_item (g, k);
  g_string_append (g->out, "  </roadmap>\n");
}

/* ---- stakeholders ---- */

static void
emit_stakeholder (Gen *g, guint32 k)
{
  static const guint influence_range[N_PROFILES][2] = {
    { 70, 100 }, { 50, 80 }, { 20, 60 }, { 40, 70 }, { 0, 35 }, { 20, 60 }, { 30, 70 },
  };
  static const guint topic_affinity[N_PROFILES] = {
    [PROF_LEADERSHIP] = TOPIC_BUSINESS_CASE | TOPIC_GOALS | TOPIC_MEASUREMENT,
    [PROF_MANAGEMENT] = TOPIC_GOALS | TOPIC_ROLES | TOPIC_MEASUREMENT | TOPIC_INFORMATION_FLOW,
    [PROF_PRACTITIONERS] = TOPIC_GUIDELINES | TOPIC_ROLES | TOPIC_PRESENCE | TOPIC_TOOLS | TOPIC_FEEDBACK,
    [PROF_INFRASTRUCTURE] = TOPIC_GUIDELINES | TOPIC_INFORMATION_FLOW | TOPIC_TOOLS,
    [PROF_OBSERVERS] = TOPIC_BUSINESS_CASE | TOPIC_CULTURE | TOPIC_PRESENCE,
    [PROF_PARTNERS] = TOPIC_GUIDELINES | TOPIC_PRESENCE,
    [PROF_CUSTOMERS] = TOPIC_PRESENCE | TOPIC_FEEDBACK,
  };
  static const guint stance_weights[N_STANCES] = { 10, 30, 35, 18, 7 };
  GString *s = g->out, *t = g->tmp;
  int profile = g->sh_profile[k];
  gboolean group = g->sh_kind[k] == 1;
  int influence, interest, stance, desired, quadrant;
  guint roles = 0, topics;

  influence = rnd_range (g, (int) influence_range[profile][0], (int) influence_range[profile][1]);
  interest = rnd_range (g, 10, 100);
  if (k == 0)
    {
      stance = desired = STANCE_CHAMPION;
      roles = ROLE_SPONSOR;
      influence = rnd_range (g, 85, 100);
      interest = rnd_range (g, 60, 90);
      topics = TOPIC_BUSINESS_CASE | TOPIC_MEASUREMENT;
    }
  else
    {
      stance = (int) pick_weighted (g, stance_weights, N_STANCES);
      desired = stance - rnd_range (g, 0, 2);   /* the same or up to two steps warmer */
      desired = MAX (desired, STANCE_CHAMPION);
      if (!group)
        {
          if (profile == PROF_LEADERSHIP && chance (g, 20))
            roles |= ROLE_SPONSOR;
          if (profile == PROF_PRACTITIONERS || profile == PROF_MANAGEMENT)
            {
              if (chance (g, 15))
                roles |= ROLE_ADVOCATE;
              if (chance (g, 5))
                roles |= ROLE_EVANGELIST;
            }
          if (profile == PROF_MANAGEMENT && chance (g, 20))
            roles |= ROLE_OWNER;
        }
      topics = random_bits (g, N_TOPICS, 60) & topic_affinity[profile];
    }

  open_tag (s, 4, "stakeholder");
  attr_ref (s, "id", 's', k + 1);
  attr_enum (g, "kind", (const char *const[]) { "person", "group" }, group ? 1 : 0);
  attr_enum (g, "profile", profile_nick, profile);
  attr_int (s, "influence", (guint32) influence);
  attr_int (s, "interest", (guint32) interest);
  attr_enum (g, "stance", stance_nick, stance);
  attr_enum (g, "desired-stance", stance_nick, desired);
  attr_flags (s, "roles", role_nick, 4, roles);
  attr_flags (s, "topics", topic_nick, N_TOPICS, topics);
  end_open_tag (s);

  g_string_truncate (t, 0);
  if (group)
    {
      g_string_append (t, group_names[profile][rnd_below (g, 4)]);
      if (chance (g, 60))
        {
          g_string_append (t, profile >= PROF_PARTNERS ? ", " : " in ");
          if (profile >= PROF_PARTNERS)
            g_string_append (t, PICK (g, regions));
          else
            g_string_append (t, PICK (g, units));
        }
    }
  else
    {
      g_string_append (t, PICK (g, first_names));
      g_string_append_c (t, ' ');
      g_string_append (t, PICK (g, last_names));
    }
  text_element (s, 6, "name", t->str);

  if (k == 0)
    text_element (s, 6, "department", "Executive board");
  else if (profile >= PROF_PARTNERS)
    {
      if (!group && chance (g, 80))
        text_element (s, 6, "department", PICK (g, external_departments));
    }
  else if (!group && chance (g, 90))
    text_element (s, 6, "department", PICK (g, units));

  quadrant = (influence >= 50 ? 0 : 2) + (interest >= 50 ? 0 : 1);
  if (k == 0 || chance (g, 30))
    text_element (s, 6, "engagement", engagement_by_quadrant[quadrant][rnd_below (g, 3)]);
  close_tag (s, 4, "stakeholder");
}

static void
emit_relationship (Gen *g, guint32 *next_id, int kind, guint32 from, guint32 to)
{
  GString *s = g->out;

  g_assert (from != to);
  open_tag (s, 4, "relationship");
  attr_ref (s, "id", 'r', ++*next_id);
  attr_enum (g, "kind", relation_nick, kind);
  attr_ref (s, "from", 's', from + 1);
  attr_ref (s, "to", 's', to + 1);
  g_string_append (s, "/>\n");
}

static gboolean
pair_is_new (GHashTable *seen, int kind, guint32 from, guint32 to)
{
  guint64 key = ((guint64) kind << 42) | ((guint64) from << 21) | to;
  gint64 *stored;

  if (g_hash_table_contains (seen, &key))
    return FALSE;
  stored = g_new (gint64, 1);
  *stored = (gint64) key;
  g_hash_table_add (seen, stored);
  return TRUE;
}

static void
emit_stakeholders (Gen *g)
{
  GHashTable *seen;
  GArray *leaders, *seniors;
  guint32 next_id = 0;

  if (g->n_stakeholders == 0)
    return;
  g_string_append (g->out, "  <stakeholders>\n");
  for (guint32 k = 0; k < g->n_stakeholders; k++)
    emit_stakeholder (g, k);

  /* Reports-to only points at an earlier person, so the lines form a forest;
   * influences and mentors are any two different stakeholders, no pair twice. */
  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  leaders = g_array_new (FALSE, FALSE, sizeof (guint32));
  seniors = g_array_new (FALSE, FALSE, sizeof (guint32));
  for (guint32 k = 0; k < g->n_stakeholders; k++)
    {
      int profile = g->sh_profile[k];
      gboolean person = g->sh_kind[k] == 0;

      if (person && k > 0 && profile <= PROF_OBSERVERS &&
          chance (g, profile == PROF_OBSERVERS ? 40 : 85))
        {
          GArray *pool = profile == PROF_LEADERSHIP || seniors->len == 0 ? leaders : seniors;

          if (profile == PROF_LEADERSHIP)
            emit_relationship (g, &next_id, REL_REPORTS_TO, k, 0);
          else if (pool->len > 0)
            emit_relationship (g, &next_id, REL_REPORTS_TO, k,
                               g_array_index (pool, guint32, rnd_below (g, pool->len)));
        }
      if (g->n_stakeholders > 1 && chance (g, 30))
        {
          guint32 to = rnd_below (g, g->n_stakeholders - 1);
          to += to >= k;
          if (pair_is_new (seen, REL_INFLUENCES, k, to))
            emit_relationship (g, &next_id, REL_INFLUENCES, k, to);
        }
      if (person && g->n_stakeholders > 1 && chance (g, 15))
        {
          /* Mentoring runs between people, in both directions (reverse mentoring too). */
          guint32 from = rnd_below (g, g->n_stakeholders - 1);
          from += from >= k;
          if (g->sh_kind[from] == 0 && pair_is_new (seen, REL_MENTORS, from, k))
            emit_relationship (g, &next_id, REL_MENTORS, from, k);
        }
      if (person && profile == PROF_LEADERSHIP)
        g_array_append_val (leaders, k);
      if (person && profile <= PROF_MANAGEMENT)
        g_array_append_val (seniors, k);
    }
  g_array_unref (leaders);
  g_array_unref (seniors);
  g_hash_table_destroy (seen);
  g_string_append (g->out, "  </stakeholders>\n");
}

/* ---- checklist ---- */

static void
emit_checklist (Gen *g)
{
  GString *s = g->out;

  g_string_append (s, "  <checklist>\n");
  open_tag (s, 4, "override");
  attr_text (s, "factor", "staffing");
  attr_text (s, "state", PICK (g, override_states));
  end_open_tag (s);
  text_element (s, 6, "note", PICK (g, override_notes));
  close_tag (s, 4, "override");
  g_string_append (s, "  </checklist>\n");
}

/* ---- main ---- */

static int
usage_error (GOptionContext *context, const char *message)
{
  g_printerr ("gen-plan: %s\nTry 'gen-plan --help' for more information.\n", message);
  g_option_context_free (context);
  return 2;
}

static gboolean
write_all (const char *path, const GString *s, GError **error)
{
  FILE *f;
  gboolean to_stdout = path == NULL || strcmp (path, "-") == 0;

  f = to_stdout ? stdout : fopen (path, "wb");
  if (f == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "cannot open %s for writing", path);
      return FALSE;
    }
  if (fwrite (s->str, 1, s->len, f) != s->len || fflush (f) != 0 ||
      (!to_stdout && fclose (f) != 0))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "cannot write %s",
                   to_stdout ? "to standard output" : path);
      if (!to_stdout)
        fclose (f);
      return FALSE;
    }
  return TRUE;
}

int
main (int argc, char **argv)
{
  gint n_goals = 300, n_items = 500, n_stakeholders = 200;
  gint64 seed = 1;
  char *output = NULL;
  GOptionEntry entries[] = {
    { "goals", 'g', 0, G_OPTION_ARG_INT, &n_goals, "Number of goals (default 300)", "N" },
    { "items", 'i', 0, G_OPTION_ARG_INT, &n_items, "Number of roadmap items (default 500)", "N" },
    { "stakeholders", 's', 0, G_OPTION_ARG_INT, &n_stakeholders,
      "Number of stakeholders (default 200); 0 writes no owners", "N" },
    { "seed", 'S', 0, G_OPTION_ARG_INT64, &seed, "Random seed, 0 to 4294967295 (default 1)", "S" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Write to FILE; - or none for standard output", "FILE" },
    { NULL, 0, 0, 0, NULL, NULL, NULL },
  };
  GOptionContext *context;
  GError *error = NULL;
  Gen gen = { 0 }, *g = &gen;
  int status = 0;

  /* GRand honours G_RANDOM_VERSION; the output must not depend on the environment. */
  g_unsetenv ("G_RANDOM_VERSION");

  context = g_option_context_new ("- write a realistic .socplan plan");
  g_option_context_set_summary (context,
    "Writes a valid plan in canonical form: a goal tree (a vision, business and social\n"
    "objectives, initiatives and metrics), a three-year roadmap and a stakeholder map.\n"
    "The same arguments always give the same bytes.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      char *message = g_strdup (error->message);
      g_error_free (error);
      status = usage_error (context, message);
      g_free (message);
      return status;
    }
  if (argc > 1)
    {
      char *message = g_strdup_printf ("unexpected argument '%s'", argv[1]);
      status = usage_error (context, message);
      g_free (message);
      g_free (output);
      return status;
    }
  if (n_goals < 0 || n_goals > MAX_OBJECTS)
    return usage_error (context, "--goals must be between 0 and 1000000");
  if (n_items < 0 || n_items > MAX_OBJECTS)
    return usage_error (context, "--items must be between 0 and 1000000");
  if (n_stakeholders < 0 || n_stakeholders > MAX_OBJECTS)
    return usage_error (context, "--stakeholders must be between 0 and 1000000");
  if (seed < 0 || seed > G_MAXUINT32)
    return usage_error (context, "--seed must be between 0 and 4294967295");
  if (output != NULL && *output == '\0')
    return usage_error (context, "--output needs a file name");
  g_option_context_free (context);

  g->rng = g_rand_new_with_seed ((guint32) seed);
  g->n_goals = (guint) n_goals;
  g->n_items = (guint) n_items;
  g->n_stakeholders = (guint) n_stakeholders;
  g->out = g_string_sized_new (256 + (gsize) n_goals * 220 + (gsize) n_items * 330 +
                               (gsize) n_stakeholders * 330);
  g->tmp = g_string_sized_new (256);
  fill_dates (g);
  g->org = &organisations[rnd_below (g, N_ELEMENTS (organisations))];

  generate_stakeholder_skeleton (g);
  generate_goal_tree (g);

  g_string_append (g->out,
                   "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                   "<socplan xmlns=\"https://socplan.github.io/ns/socplan\" version=\"1.0\">\n");
  emit_plan (g);
  emit_goals (g);
  emit_roadmap (g);
  emit_stakeholders (g);
  emit_checklist (g);
  g_string_append (g->out, "</socplan>\n");

  if (!write_all (output, g->out, &error))
    {
      g_printerr ("gen-plan: %s\n", error->message);
      g_error_free (error);
      status = 1;
    }

  g_string_free (g->out, TRUE);
  g_string_free (g->tmp, TRUE);
  g_free (g->sh_kind);
  g_free (g->sh_profile);
  g_array_unref (g->persons_internal);
  g_array_unref (g->persons_senior);
  g_free (g->goal_kind);
  g_free (g->goal_parent);
  g_free (g->goal_first_child);
  g_free (g->goal_last_child);
  g_free (g->goal_next_sibling);
  g_free (g->goal_id);
  g_free (g->goal_order);
  g_free (g->lane_cumulative);
  g_free (g->item_start);
  g_free (g->item_finish);
  g_rand_free (g->rng);
  g_free (output);
  return status;
}
