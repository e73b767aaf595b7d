import type { Job, NewJob } from '../../api/hiring-queries.ts';
import type { Attachment } from '../../components/hiring/attachments.tsx';
import type { Duration, Experience } from '../../components/hiring/labels.ts';
import { amountToCents, centsToAmount } from '../../lib/format.ts';

export interface JobFormValues {
  title: string;
  scopeIn: string;
  scopeOut: string;
  deliverables: { title: string; acceptanceCriteria: string }[];
  categoryId: string | null;
  skillIds: string[];
  type: 'fixed' | 'hourly';
  budget: number | string;
  hourlyMin: number | string;
  hourlyMax: number | string;
  hoursPerWeek: number | string;
  duration: Duration | null;
  experienceLevel: Experience;
  visibility: 'public' | 'invite_only';
  screeningQuestions: string[];
  attachments: Attachment[];
}

/** The API keeps one scope text; the form asks for what is in and what is out separately. */
const OUT_OF_SCOPE = '\n\nOut of scope:\n';

/** The scope text split back into what is in and what is out (as the form wrote it). */
export function splitScope(description: string): { scopeIn: string; scopeOut: string } {
  const [scopeIn = '', scopeOut = ''] = description.split(OUT_OF_SCOPE);
  return { scopeIn, scopeOut };
}

export const emptyJobForm: JobFormValues = {
  title: '',
  scopeIn: '',
  scopeOut: '',
  deliverables: [{ title: '', acceptanceCriteria: '' }],
  categoryId: null,
  skillIds: [],
  type: 'fixed',
  budget: '',
  hourlyMin: '',
  hourlyMax: '',
  hoursPerWeek: '',
  duration: null,
  experienceLevel: 'intermediate',
  visibility: 'public',
  screeningQuestions: [],
  attachments: [],
};

/** API field names shown under the form field that edits them. */
export const jobFieldAliases: Record<string, string> = {
  description: 'scopeIn',
  budgetCents: 'budget',
  hourlyMinCents: 'hourlyMin',
  hourlyMaxCents: 'hourlyMax',
  attachmentIds: 'attachments',
};

const cents = (value: number | string): number | null =>
  value === '' || !Number.isFinite(Number(value)) ? null : amountToCents(Number(value));

export function toJobRequest(values: JobFormValues): Omit<NewJob, 'publish'> {
  const scopeOut = values.scopeOut.trim();
  const hourly = values.type === 'hourly';
  return {
    title: values.title,
    description: scopeOut ? `${values.scopeIn.trim()}${OUT_OF_SCOPE}${scopeOut}` : values.scopeIn,
    deliverables: values.deliverables,
    categoryId: values.categoryId ?? '',
    skillIds: values.skillIds,
    type: values.type,
    currency: 'USD',
    budgetCents: hourly ? null : cents(values.budget),
    hourlyMinCents: hourly ? cents(values.hourlyMin) : null,
    hourlyMaxCents: hourly ? cents(values.hourlyMax) : null,
    hoursPerWeek: hourly && values.hoursPerWeek !== '' ? Number(values.hoursPerWeek) : null,
    duration: hourly ? values.duration : null,
    experienceLevel: values.experienceLevel,
    visibility: values.visibility,
    screeningQuestions: values.screeningQuestions.filter((question) => question.trim()),
    attachmentIds: values.attachments.map((file) => file.id),
  };
}

export function toJobFormValues(job: Job): JobFormValues {
  const { scopeIn, scopeOut } = splitScope(job.description);
  const amount = (value: number | null) => (value === null ? '' : centsToAmount(value));
  return {
    title: job.title,
    scopeIn,
    scopeOut,
    deliverables: job.deliverables.length ? job.deliverables : emptyJobForm.deliverables,
    categoryId: job.category.id,
    skillIds: job.skills.map((skill) => skill.id),
    type: job.terms.type,
    budget: amount(job.terms.budgetCents),
    hourlyMin: amount(job.terms.hourlyMinCents),
    hourlyMax: amount(job.terms.hourlyMaxCents),
    hoursPerWeek: job.terms.hoursPerWeek ?? '',
    duration: job.terms.duration,
    experienceLevel: job.terms.experienceLevel,
    visibility: job.visibility,
    screeningQuestions: job.screeningQuestions,
    attachments: job.attachments,
  };
}
