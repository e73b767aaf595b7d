import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Skill } from './get-taxonomy.ts';
import type { Availability } from './limits.ts';
import { type PortfolioFile, portfolioFiles } from './portfolio-files.ts';
import { freelancerProfiles, freelancerSkills, type LanguageEntry, portfolioItems, skills } from './tables.ts';

export interface PortfolioItem {
  id: string;
  title: string;
  description: string;
  url: string | null;
  file: PortfolioFile | null;
  position: number;
}

/** A freelancer's profile as the module hands it around; `saved` is false for the blank default. */
export interface FreelancerProfile {
  userId: string;
  saved: boolean;
  name: string;
  title: string;
  overview: string;
  hourlyRateCents: number | null;
  currency: string;
  country: string | null;
  city: string | null;
  timeZone: string;
  availability: Availability;
  languages: LanguageEntry[];
  skills: Skill[];
  portfolio: PortfolioItem[];
  updatedAt: Date | null;
}

/** What an unsaved profile shows: the account's name and neutral defaults. */
export function blankFreelancerProfile(userId: string, displayName: string): FreelancerProfile {
  return {
    userId,
    saved: false,
    name: displayName,
    title: '',
    overview: '',
    hourlyRateCents: null,
    currency: 'USD',
    country: null,
    city: null,
    timeZone: 'UTC',
    availability: 'as_needed',
    languages: [],
    skills: [],
    portfolio: [],
    updatedAt: null,
  };
}

/** The saved profile with its skills (in the freelancer's order) and portfolio, or null. */
export async function loadFreelancerProfile(executor: Executor, userId: string): Promise<FreelancerProfile | null> {
  const [row] = await executor.select().from(freelancerProfiles).where(eq(freelancerProfiles.userId, userId));
  if (!row) return null;
  const skillRows = await executor
    .select({ id: skills.id, slug: skills.slug, name: skills.name })
    .from(freelancerSkills)
    .innerJoin(skills, eq(skills.id, freelancerSkills.skillId))
    .where(eq(freelancerSkills.userId, userId))
    .orderBy(asc(freelancerSkills.position));
  return {
    userId: row.userId,
    saved: true,
    name: row.name,
    title: row.title,
    overview: row.overview,
    hourlyRateCents: row.hourlyRateCents,
    currency: row.currency,
    country: row.country,
    city: row.city,
    timeZone: row.timeZone,
    availability: row.availability as Availability,
    languages: row.languages,
    skills: skillRows,
    portfolio: await loadPortfolio(executor, userId),
    updatedAt: row.updatedAt,
  };
}

export async function loadPortfolio(executor: Executor, userId: string): Promise<PortfolioItem[]> {
  const rows = await executor
    .select()
    .from(portfolioItems)
    .where(eq(portfolioItems.userId, userId))
    .orderBy(asc(portfolioItems.position), asc(portfolioItems.createdAt));
  const files = await portfolioFiles(
    executor,
    rows.flatMap((row) => (row.fileId ? [row.fileId] : [])),
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    description: row.description,
    url: row.url,
    file: (row.fileId && files.get(row.fileId)) || null,
    position: row.position,
  }));
}
