import { type SQL, sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import { skillCategories } from '../profiles/tables.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export interface JobSkill {
  id: string;
  slug: string;
  name: string;
}

export interface Deliverable {
  title: string;
  acceptanceCriteria: string;
}

/** Numbers jobs in the order they are published (again on each re-publication). */
export const jobPublishSeq = pgSequence('job_publish_seq');

/**
 * Jobs are grouped by publication number into blocks of this many for word search: the GIN
 * index holds each job's block next to its words, so a search can look at the newest blocks
 * one by one (see search-query.ts). Changing it needs a new index.
 */
export const PUBLISH_BLOCK_ROWS = 1024;

/**
 * A job post. Counters are denormalized here (the proposals module keeps them through
 * `adjustJobCounters`) so that search can filter and show them without counting rows.
 * `client_payment_verified`, `client_has_hires` and `client_country` copy facts about the client
 * onto each of their jobs for the same reason (refreshed by `refreshClientFacts`).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => users.id),
    /** draft, open, closed (see transitions.ts). */
    state: text('state').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    deliverables: jsonb('deliverables').$type<Deliverable[]>().notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => skillCategories.id),
    /** In display order, for filtering (GIN); `skills` holds the same for display. */
    skillIds: uuid('skill_ids').array().notNull(),
    skills: jsonb('skills').$type<JobSkill[]>().notNull(),
    /** Skill names (and spelled-out variants such as "Node js") for full-text search. */
    skillsText: text('skills_text').notNull(),
    /** fixed or hourly. */
    type: text('type').notNull(),
    currency: text('currency').notNull(),
    budgetCents: bigint('budget_cents', { mode: 'number' }),
    hourlyMinCents: bigint('hourly_min_cents', { mode: 'number' }),
    hourlyMaxCents: bigint('hourly_max_cents', { mode: 'number' }),
    hoursPerWeek: integer('hours_per_week'),
    duration: text('duration'),
    experienceLevel: text('experience_level').notNull(),
    visibility: text('visibility').notNull(),
    screeningQuestions: jsonb('screening_questions').$type<string[]>().notNull(),
    attachmentIds: uuid('attachment_ids').array().notNull(),
    proposalsCount: integer('proposals_count').notNull().default(0),
    interviewingCount: integer('interviewing_count').notNull().default(0),
    invitesSentCount: integer('invites_sent_count').notNull().default(0),
    hiresCount: integer('hires_count').notNull().default(0),
    clientPaymentVerified: boolean('client_payment_verified').notNull().default(false),
    clientHasHires: boolean('client_has_hires').notNull().default(false),
    /** The client's country (ISO code) from their profile, shown in search results. */
    clientCountry: text('client_country'),
    closeReason: text('close_reason'),
    closeNote: text('close_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** When it last went from draft to open; null for a job never published. */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Publication order (job_publish_seq), set at each publication; newest first in word searches. */
    publishSeq: bigint('publish_seq', { mode: 'number' }),
    /** When it was first published (stays when a job goes back to draft and is published again). */
    firstPublishedAt: timestamp('first_published_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    // Maintained by PostgreSQL: title above skills above description ('english' stems word forms).
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        (): SQL => sql`setweight(to_tsvector('english'::regconfig, title), 'A')
          || setweight(to_tsvector('english'::regconfig, skills_text), 'B')
          || setweight(to_tsvector('english'::regconfig, description), 'C')`,
      ),
  },
  (table) => [
    index('jobs_client_idx').on(table.clientId, table.createdAt),
    // Search only ever reads open jobs, so its indexes leave drafts and closed jobs out.
    index('jobs_open_newest_idx').on(table.publishedAt.desc(), table.id.desc()).where(sql`state = 'open'`),
    // Words and publication block together (btree_gin): a search combines both inside the index.
    index('jobs_open_words_idx')
      .using('gin', table.searchVector, sql`((publish_seq / 1024)::integer)`)
      .where(sql`state = 'open'`),
    index('jobs_open_title_trgm_idx').using('gin', table.title.op('gin_trgm_ops')).where(sql`state = 'open'`),
    index('jobs_open_skills_idx').using('gin', table.skillIds).where(sql`state = 'open'`),
    check(
      'jobs_counters_not_negative',
      sql`proposals_count >= 0 and interviewing_count >= 0 and invites_sent_count >= 0 and hires_count >= 0`,
    ),
    check('jobs_state_known', sql`state in ('draft', 'open', 'closed')`),
    check(
      'jobs_closed_has_reason',
      sql`(state = 'closed') = (close_reason is not null) and close_reason in ('hired', 'cancelled')`,
    ),
    check(
      'jobs_terms_match_type',
      sql`(type = 'fixed' and budget_cents is not null and hourly_min_cents is null)
        or (type = 'hourly' and budget_cents is null and hourly_min_cents is not null
            and hourly_max_cents >= hourly_min_cents and hours_per_week is not null and duration is not null)`,
    ),
  ],
);

/** Every change to an open job: who, when, and each changed field before and after. */
export const jobEdits = pgTable(
  'job_edits',
  {
    id: uuid('id').primaryKey(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    editedBy: uuid('edited_by')
      .notNull()
      .references(() => users.id),
    editedAt: timestamp('edited_at', { withTimezone: true }).notNull(),
    changes: jsonb('changes').$type<{ field: string; before: unknown; after: unknown }[]>().notNull(),
  },
  (table) => [index('job_edits_job_idx').on(table.jobId, table.editedAt)],
);

/** A client's invitation to a freelancer; it also lets the freelancer see an invite-only job. */
export const jobInvitations = pgTable(
  'job_invitations',
  {
    id: uuid('id').primaryKey(),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    freelancerId: uuid('freelancer_id')
      .notNull()
      .references(() => users.id),
    invitedBy: uuid('invited_by')
      .notNull()
      .references(() => users.id),
    message: text('message').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('job_invitations_job_freelancer_key').on(table.jobId, table.freelancerId),
    index('job_invitations_freelancer_idx').on(table.freelancerId, table.createdAt),
  ],
);

/** A freelancer's saved job search; `query` holds the normalized search parameters. */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey(),
    freelancerId: uuid('freelancer_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('saved_searches_freelancer_idx').on(table.freelancerId, table.createdAt)],
);

/** Which published jobs a saved search was notified about: one notification per job per search. */
export const savedSearchMatches = pgTable(
  'saved_search_matches',
  {
    savedSearchId: uuid('saved_search_id')
      .notNull()
      .references(() => savedSearches.id, { onDelete: 'cascade' }),
    jobId: uuid('job_id')
      .notNull()
      .references(() => jobs.id, { onDelete: 'cascade' }),
    notifiedAt: timestamp('notified_at', { withTimezone: true }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.savedSearchId, table.jobId] })],
);

/** How far a background step of this module has processed published jobs (by publish time, id). */
export const jobWatermarks = pgTable('job_watermarks', {
  name: text('name').primaryKey(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  jobId: uuid('job_id').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
