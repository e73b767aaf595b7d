import type { Executor } from '../../db/client.ts';
import { getTaxonomy, type Skill } from '../profiles/get-taxonomy.ts';

export interface CategoryRef {
  id: string;
  slug: string;
  name: string;
}

export interface TaxonomyIndex {
  categories: Map<string, CategoryRef>;
  skills: Map<string, Skill>;
  categoryOfSkill: Map<string, string>;
}

let loading: Promise<TaxonomyIndex> | null = null;

/**
 * The skills taxonomy by id, loaded once per process: it is reference data seeded from code at
 * migration time (ids are derived from slugs, the same in every database), so it cannot change
 * while this process runs, and every job page, search result and feed needs it.
 */
export function taxonomyIndex(executor: Executor): Promise<TaxonomyIndex> {
  loading ??= getTaxonomy(executor).then(
    (categories) => {
      const index: TaxonomyIndex = { categories: new Map(), skills: new Map(), categoryOfSkill: new Map() };
      for (const { skills, ...category } of categories) {
        index.categories.set(category.id, category);
        for (const skill of skills) {
          index.skills.set(skill.id, skill);
          index.categoryOfSkill.set(skill.id, category.id);
        }
      }
      // An empty taxonomy means a database that is not migrated yet: do not keep that.
      if (index.skills.size === 0) loading = null;
      return index;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

export const unknownCategory = (id: string): CategoryRef => ({ id, slug: 'unknown', name: 'Other' });
