import type { Executor } from '../../db/client.ts';
import { invalidField } from '../../platform/errors.ts';
import type { ExperienceLevel, JobDuration, JobType, Visibility } from './limits.ts';
import type { Deliverable, JobSkill } from './tables.ts';
import { taxonomyIndex } from './taxonomy-index.ts';

/** The editable content of a job as the client gives it (create, or current merged with a patch). */
export interface JobFieldValues {
  title: string;
  description: string;
  deliverables: Deliverable[];
  categoryId: string;
  skillIds: string[];
  type: JobType;
  currency: string;
  budgetCents: number | null;
  hourlyMinCents: number | null;
  hourlyMaxCents: number | null;
  hoursPerWeek: number | null;
  duration: JobDuration | null;
  experienceLevel: ExperienceLevel;
  visibility: Visibility;
  screeningQuestions: string[];
  attachmentIds: string[];
}

/** The columns a job stores for those values. */
export interface ResolvedJobFields extends JobFieldValues {
  skills: JobSkill[];
  skillsText: string;
}

/** The fields whose changes an open job's edit history records, in display order. */
export const editableFields = [
  'title',
  'description',
  'deliverables',
  'categoryId',
  'skillIds',
  'type',
  'currency',
  'budgetCents',
  'hourlyMinCents',
  'hourlyMaxCents',
  'hoursPerWeek',
  'duration',
  'experienceLevel',
  'visibility',
  'screeningQuestions',
  'attachmentIds',
] as const satisfies readonly (keyof JobFieldValues)[];

/**
 * "Node.js" is one token to the full-text parser, so a search for "node" would miss it; the
 * spelled-out variant ("Node js") is indexed next to the name.
 */
export function skillsSearchText(skills: JobSkill[]): string {
  return skills
    .map((skill) => {
      const spelled = skill.name.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
      return spelled && spelled !== skill.name ? `${skill.name} ${spelled}` : skill.name;
    })
    .join(' ; ');
}

/**
 * Checks what the request schema cannot see on its own (the taxonomy, and the terms that depend
 * on the job type) and returns the values to store: the terms of the other type are dropped.
 */
export async function resolveJobFields(executor: Executor, values: JobFieldValues): Promise<ResolvedJobFields> {
  const taxonomy = await taxonomyIndex(executor);
  if (!taxonomy.categories.has(values.categoryId)) {
    throw invalidField('categoryId', 'Unknown category; choose one from the taxonomy.');
  }
  const skills: JobSkill[] = values.skillIds.map((id, position) => {
    const skill = taxonomy.skills.get(id);
    if (!skill) throw invalidField(`skillIds.${position}`, `Unknown skill: ${id}.`);
    return { id: skill.id, slug: skill.slug, name: skill.name };
  });
  const terms = resolveTerms(values);
  return { ...values, ...terms, skills, skillsText: skillsSearchText(skills) };
}

type Terms = Pick<JobFieldValues, 'budgetCents' | 'hourlyMinCents' | 'hourlyMaxCents' | 'hoursPerWeek' | 'duration'>;

function resolveTerms(values: JobFieldValues): Terms {
  if (values.type === 'fixed') {
    if (values.budgetCents === null) {
      throw invalidField('budgetCents', 'A fixed-price job needs a budget (at least 5.00).');
    }
    return {
      budgetCents: values.budgetCents,
      hourlyMinCents: null,
      hourlyMaxCents: null,
      hoursPerWeek: null,
      duration: null,
    };
  }
  if (values.hourlyMinCents === null) throw invalidField('hourlyMinCents', 'An hourly job needs a lowest rate.');
  if (values.hourlyMaxCents === null) throw invalidField('hourlyMaxCents', 'An hourly job needs a highest rate.');
  if (values.hourlyMaxCents < values.hourlyMinCents) {
    throw invalidField('hourlyMaxCents', 'The highest rate must not be below the lowest rate.');
  }
  if (values.hoursPerWeek === null) throw invalidField('hoursPerWeek', 'Say how many hours a week you expect.');
  if (values.duration === null) throw invalidField('duration', 'Say how long you expect the work to last.');
  return {
    budgetCents: null,
    hourlyMinCents: values.hourlyMinCents,
    hourlyMaxCents: values.hourlyMaxCents,
    hoursPerWeek: values.hoursPerWeek,
    duration: values.duration,
  };
}
