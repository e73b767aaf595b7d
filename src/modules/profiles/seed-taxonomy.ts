import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { skillCategories, skills } from './tables.ts';
import { type SkillEntry, taxonomy } from './taxonomy-data.ts';

// Fixed namespace so the same slug yields the same id in every database (demo, tests, production):
// ids in saved URLs, fixtures and API scripts keep working across installs.
const TAXONOMY_NAMESPACE = 'workroom-taxonomy-v1';

/** A name-based (version 5 style) UUID for a taxonomy slug. */
export function taxonomyId(kind: 'category' | 'skill', slug: string): string {
  const bytes = createHash('sha1').update(`${TAXONOMY_NAMESPACE}:${kind}:${slug}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] as number) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] as number) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function skillNameAndSlug(entry: SkillEntry): { name: string; slug: string } {
  return typeof entry === 'string' ? { name: entry, slug: slugify(entry) } : { name: entry[0], slug: entry[1] };
}

/**
 * Inserts or updates every category and skill of the taxonomy, keyed by slug. Idempotent, and
 * never deletes: a skill dropped from the data file stays because saved profiles may point at it.
 * Runs after every migration, so each database (including each test database) has the taxonomy.
 */
export async function seedTaxonomy(executor: Executor): Promise<{ categories: number; skills: number }> {
  const categoryRows = taxonomy.map((category, position) => ({
    id: taxonomyId('category', category.slug),
    slug: category.slug,
    name: category.name,
    position,
  }));
  const savedCategories = await executor
    .insert(skillCategories)
    .values(categoryRows)
    .onConflictDoUpdate({
      target: skillCategories.slug,
      set: { name: sql`excluded.name`, position: sql`excluded.position` },
    })
    .returning({ id: skillCategories.id, slug: skillCategories.slug });
  // An existing row keeps its id even if it was made some other way; link skills to the real one.
  const categoryIdBySlug = new Map(savedCategories.map((row) => [row.slug, row.id]));

  const seen = new Set<string>();
  const skillRows = taxonomy.flatMap((category) =>
    category.skills.map((entry) => {
      const { name, slug } = skillNameAndSlug(entry);
      if (seen.has(slug)) throw new Error(`Taxonomy: duplicate skill slug "${slug}"`);
      seen.add(slug);
      const categoryId = categoryIdBySlug.get(category.slug);
      if (!categoryId) throw new Error(`Taxonomy: category "${category.slug}" was not saved`);
      return { id: taxonomyId('skill', slug), slug, name, categoryId };
    }),
  );
  await executor
    .insert(skills)
    .values(skillRows)
    .onConflictDoUpdate({
      target: skills.slug,
      set: { name: sql`excluded.name`, categoryId: sql`excluded.category_id` },
    });
  return { categories: categoryRows.length, skills: skillRows.length };
}
