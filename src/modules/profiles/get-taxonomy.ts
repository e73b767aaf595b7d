import { asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { skillCategories, skills } from './tables.ts';

export interface Skill {
  id: string;
  slug: string;
  name: string;
}

export interface SkillCategory extends Skill {
  skills: Skill[];
}

/** Every category in display order, each with its skills by name. */
export async function getTaxonomy(executor: Executor): Promise<SkillCategory[]> {
  const rows = await executor
    .select({
      categoryId: skillCategories.id,
      categorySlug: skillCategories.slug,
      categoryName: skillCategories.name,
      id: skills.id,
      slug: skills.slug,
      name: skills.name,
    })
    .from(skillCategories)
    .innerJoin(skills, eq(skills.categoryId, skillCategories.id))
    .orderBy(asc(skillCategories.position), asc(skills.name));
  const categories = new Map<string, SkillCategory>();
  for (const row of rows) {
    let category = categories.get(row.categoryId);
    if (!category) {
      category = { id: row.categoryId, slug: row.categorySlug, name: row.categoryName, skills: [] };
      categories.set(row.categoryId, category);
    }
    category.skills.push({ id: row.id, slug: row.slug, name: row.name });
  }
  return [...categories.values()];
}

/** The skills among `ids` that exist, keyed by id. */
export async function getSkillsById(executor: Executor, ids: string[]): Promise<Map<string, Skill>> {
  if (ids.length === 0) return new Map();
  const rows = await executor
    .select({ id: skills.id, slug: skills.slug, name: skills.name })
    .from(skills)
    .where(inArray(skills.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.id, row]));
}
