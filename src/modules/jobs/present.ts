import type { z } from 'zod';
import type { ClientCard } from './client-card.ts';
import type { JobEditView } from './get-job-history.ts';
import type { JobPage } from './get-job-page.ts';
import type { JobDetails } from './job-details.ts';
import type { JobRow } from './job-rows.ts';
import {
  type CloseReason,
  type ExperienceLevel,
  type JobDuration,
  type JobState,
  type JobType,
  proposalRangeOf,
  type Visibility,
} from './limits.ts';
import type { InvitationView } from './list-invitations.ts';
import type {
  ClientCardResponse,
  InvitationResponse,
  JobCountersResponse,
  JobHistoryResponse,
  JobPageResponse,
  JobResponse,
  JobTermsResponse,
  MyJobResponse,
} from './schemas.ts';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

export type TermsColumns = Pick<
  JobRow,
  | 'type'
  | 'currency'
  | 'budgetCents'
  | 'hourlyMinCents'
  | 'hourlyMaxCents'
  | 'hoursPerWeek'
  | 'duration'
  | 'experienceLevel'
>;

export function presentTerms(row: TermsColumns): z.input<typeof JobTermsResponse> {
  return {
    type: row.type as JobType,
    currency: row.currency,
    budgetCents: row.budgetCents,
    hourlyMinCents: row.hourlyMinCents,
    hourlyMaxCents: row.hourlyMaxCents,
    hoursPerWeek: row.hoursPerWeek,
    duration: row.duration as JobDuration | null,
    experienceLevel: row.experienceLevel as ExperienceLevel,
  };
}

export function presentCounters(row: JobRow): z.input<typeof JobCountersResponse> {
  return {
    proposals: row.proposalsCount,
    interviewing: row.interviewingCount,
    invitesSent: row.invitesSentCount,
    hires: row.hiresCount,
  };
}

export function presentJob({ row, category, attachments }: JobDetails): z.input<typeof JobResponse> {
  return {
    id: row.id,
    clientId: row.clientId,
    state: row.state as JobState,
    title: row.title,
    description: row.description,
    deliverables: row.deliverables,
    category,
    skills: row.skills,
    terms: presentTerms(row),
    visibility: row.visibility as Visibility,
    screeningQuestions: row.screeningQuestions,
    attachments,
    closeReason: row.closeReason as CloseReason | null,
    closeNote: row.closeNote,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: iso(row.publishedAt),
    closedAt: iso(row.closedAt),
  };
}

export function presentClientCard(card: ClientCard): z.input<typeof ClientCardResponse> {
  return { ...card, memberSince: card.memberSince.toISOString(), lastActiveAt: iso(card.lastActiveAt) };
}

export function presentJobPage(page: JobPage): z.input<typeof JobPageResponse> {
  const row = page.job.row;
  const range = proposalRangeOf(row.proposalsCount);
  return {
    job: presentJob(page.job),
    client: presentClientCard(page.client),
    activity: {
      proposals: range.label,
      proposalsRange: range.key,
      interviewing: row.interviewingCount,
      invitesSent: row.invitesSentCount,
      postedAt: iso(row.publishedAt),
    },
    viewer: page.viewer,
    counters: page.viewer.isOwner ? presentCounters(row) : null,
  };
}

export function presentMyJob(row: JobRow): z.input<typeof MyJobResponse> {
  return {
    id: row.id,
    title: row.title,
    state: row.state as JobState,
    visibility: row.visibility as Visibility,
    terms: presentTerms(row),
    counters: presentCounters(row),
    closeReason: row.closeReason as CloseReason | null,
    createdAt: row.createdAt.toISOString(),
    publishedAt: iso(row.publishedAt),
    closedAt: iso(row.closedAt),
  };
}

export function presentInvitation(view: InvitationView): z.input<typeof InvitationResponse> {
  return {
    id: view.id,
    job: { id: view.job.id, title: view.job.title, state: view.job.state as JobState, terms: presentTerms(view.job) },
    freelancerId: view.freelancerId,
    client: view.client,
    message: view.message,
    createdAt: view.createdAt.toISOString(),
  };
}

export function presentJobEdit(edit: JobEditView): z.input<typeof JobHistoryResponse>['items'][number] {
  return { ...edit, editedAt: edit.editedAt.toISOString() };
}
