/* chamber-demo-followup.h — the demo's work between sessions (issue 9), seeded after the sample
 * session and its recorded sitting (chamber-demo-seed.c): voters' petitions from several voters'
 * meetings in every status, a few raised again; a sample supervision draw over the resolved ones,
 * assigned to a committee and a delegate group, with findings; the follow-up of the sitting's
 * commitments; committee memberships and the sitting days' attendance, so that "My Activity"
 * has numbers. Everything goes through the core's own functions (chamber-petitions.h,
 * chamber-supervision.h, chamber-followup.h, chamber-activity-report.h), never raw SQL. */
#pragma once

#include "chamber-blob-store.h"
#include "chamber-store.h"

G_BEGIN_DECLS

typedef struct {
  ChamberStore     *store;
  ChamberBlobStore *blobs;
  gint64            session_id;
  gint64            petitions_item_id;  /* the agenda item reporting on voters' petitions */
  gint64            questions_item_id;  /* the questioning the sitting recorded */
  const char       *first_day;          /* the session's first day, "YYYY-MM-DD" */
  int               n_days;             /* and how many days it sits */
} ChamberDemoFollowup;

/* The seed of the supervision draw, so that anyone can draw the demo's sample again. */
#define CHAMBER_DEMO_DRAW_SEED G_GUINT64_CONSTANT (20261209)
/* The size of that draw. */
#define CHAMBER_DEMO_DRAW_SIZE 6

/* The id of the demo person called @name among @people (ChamberPerson); the demo's names are
 * fixed, so a missing one is a bug of the seed. */
gint64 chamber_demo_person_id (GPtrArray *people, const char *name);

/* Seeds the above into @followup->store, within the caller's transaction. The sitting's
 * commitments must be recorded already (their follow-up is by their order in the register). */
gboolean chamber_demo_seed_followup (const ChamberDemoFollowup *followup, GError **error);

G_END_DECLS
