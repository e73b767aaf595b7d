import { asc, eq, ilike, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { Skill } from './get-taxonomy.ts';
import { skillCategories, skills } from './tables.ts';

export interface SkillMatch extends Skill {
  categorySlug: string;
  categoryName: string;
}

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/**
 * Autocomplete: skills whose name contains `q`, best first: names starting with it, then names
 * with a word starting with it ("ads" -> "Google Ads"), then any other match; ties by name.
 */
export async function searchSkills(executor: Executor, input: { q: string; limit: number }): Promise<SkillMatch[]> {
  const q = escapeLike(input.q.trim());
  const rank = sql<number>`case
    when ${skills.name} ilike ${`${q}%`} then 0
    when ${skills.name} ilike ${`% ${q}%`} then 1
    else 2 end`;
  return executor
    .select({
      id: skills.id,
      slug: skills.slug,
      name: skills.name,
      categorySlug: skillCategories.slug,
      categoryName: skillCategories.name,
    })
    .from(skills)
    .innerJoin(skillCategories, eq(skillCategories.id, skills.categoryId))
    .where(ilike(skills.name, `%${q}%`))
    .orderBy(rank, asc(skills.name))
    .limit(input.limit);
}
