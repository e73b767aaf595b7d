import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';
import { storedFiles } from '../files/tables.ts';

export const skillCategories = pgTable(
  'skill_categories',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    position: integer('position').notNull(),
  },
  (table) => [uniqueIndex('skill_categories_slug_key').on(table.slug)],
);

export const skills = pgTable(
  'skills',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    categoryId: uuid('category_id')
      .notNull()
      .references(() => skillCategories.id),
  },
  (table) => [uniqueIndex('skills_slug_key').on(table.slug), index('skills_category_idx').on(table.categoryId)],
);

export interface LanguageEntry {
  language: string;
  proficiency: 'basic' | 'conversational' | 'fluent' | 'native';
}

export const freelancerProfiles = pgTable('freelancer_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  title: text('title').notNull().default(''),
  overview: text('overview').notNull().default(''),
  hourlyRateCents: bigint('hourly_rate_cents', { mode: 'number' }),
  currency: text('currency').notNull().default('USD'),
  country: text('country'),
  city: text('city'),
  timeZone: text('time_zone').notNull().default('UTC'),
  /** full_time (30+ h/week), part_time (<30 h/week), as_needed, unavailable. */
  availability: text('availability').notNull().default('as_needed'),
  languages: jsonb('languages').$type<LanguageEntry[]>().notNull().default(sql`'[]'::jsonb`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const freelancerSkills = pgTable(
  'freelancer_skills',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => freelancerProfiles.userId, { onDelete: 'cascade' }),
    skillId: uuid('skill_id')
      .notNull()
      .references(() => skills.id),
    position: integer('position').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.skillId] }),
    index('freelancer_skills_skill_idx').on(table.skillId),
  ],
);

export const portfolioItems = pgTable(
  'portfolio_items',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => freelancerProfiles.userId, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    url: text('url'),
    fileId: uuid('file_id').references(() => storedFiles.id),
    position: integer('position').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('portfolio_items_user_idx').on(table.userId)],
);

export const clientProfiles = pgTable('client_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  company: text('company'),
  description: text('description').notNull().default(''),
  country: text('country'),
  city: text('city'),
  timeZone: text('time_zone').notNull().default('UTC'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
