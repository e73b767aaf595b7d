import { z } from 'zod';
import { clientHiringRecordFields } from '../jobs/client-hiring-record-schema.ts';
import { availabilities, limits, proficiencies } from './limits.ts';
import { canonicalTimeZone, isCountryCode, isCurrencyWithCents } from './places.ts';
import { cleanLine, cleanText } from './text.ts';

// ---- reusable input fields -------------------------------------------------------------------

/** A one-line text field: cleaned, then required to be non-blank. */
const line = (max: number) =>
  z
    .string()
    .max(max, `Use at most ${max} characters.`)
    .transform(cleanLine)
    .refine((value) => value.length > 0, 'This field is required.');

/** An optional one-line field; blank becomes null. */
const optionalLine = (max: number) =>
  z
    .string()
    .max(max, `Use at most ${max} characters.`)
    .nullish()
    .transform((value) => (value ? cleanLine(value) : '') || null);

/** Multi-line text (overviews, descriptions): newlines kept, may be empty. */
const paragraphs = (max: number) => z.string().max(max, `Use at most ${max} characters.`).transform(cleanText);

const country = z
  .string()
  .length(2, 'Use a two-letter ISO 3166 country code, e.g. DE.')
  .transform((value) => value.toUpperCase())
  .refine(isCountryCode, 'Unknown country code; use ISO 3166 alpha-2, e.g. DE.')
  .describe('ISO 3166-1 alpha-2 country code');

const timeZone = z
  .string()
  .max(64)
  .transform((value, ctx) => {
    const canonical = canonicalTimeZone(value);
    if (canonical) return canonical;
    ctx.addIssue({ code: 'custom', message: 'Unknown time zone; use an IANA name such as Europe/Berlin.' });
    return z.NEVER;
  })
  .describe('IANA time zone, e.g. America/New_York');

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A web link; only http(s), so a `javascript:` link can never reach a page. Blank means none. */
const httpUrl = z
  .string()
  .max(limits.urlMax)
  .transform((value) => value.trim())
  .refine((value) => value === '' || isHttpUrl(value), 'Enter a link starting with http:// or https://.')
  .transform((value) => value || null);

// ---- requests --------------------------------------------------------------------------------

export const UserIdParams = z.object({ userId: z.uuid() });
export const PortfolioItemParams = z.object({ id: z.uuid() });

export const SkillSearchQuery = z.object({
  q: z.string().max(50).default('').describe('Matches the start of a word in the skill name first, then anywhere'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const LanguageSchema = z
  .object({
    language: line(limits.languageNameMax).describe('Language name, e.g. "English"'),
    proficiency: z.enum(proficiencies),
  })
  .meta({ id: 'Language' });

export const SaveFreelancerProfileRequest = z
  .object({
    name: line(limits.nameMax),
    title: line(limits.titleMax).describe('A one-line headline, e.g. "Senior React developer"'),
    overview: paragraphs(limits.overviewMax),
    hourlyRateCents: z
      .number()
      .int('Use whole cents.')
      .min(limits.hourlyRateMinCents, 'The hourly rate must be at least 3.00.')
      .max(limits.hourlyRateMaxCents, 'The hourly rate must be at most 999.00.')
      .describe('Hourly rate in cents (minor units) of `currency`'),
    currency: z
      .string()
      .length(3, 'Use a three-letter ISO 4217 currency code, e.g. USD.')
      .transform((value) => value.toUpperCase())
      .refine(isCurrencyWithCents, 'Unknown currency, or one without cents; use e.g. USD or EUR.')
      .default('USD'),
    country,
    city: optionalLine(limits.cityMax),
    timeZone,
    availability: z.enum(availabilities),
    languages: z
      .array(LanguageSchema)
      .max(limits.languagesMax, `List at most ${limits.languagesMax} languages.`)
      .default([])
      .refine(
        (list) => new Set(list.map((entry) => entry.language.toLowerCase())).size === list.length,
        'Each language may be listed once.',
      ),
    skillIds: z
      .array(z.uuid())
      .min(limits.skillsMin, 'Choose at least one skill.')
      .max(limits.skillsMax, `Choose at most ${limits.skillsMax} skills.`)
      .refine((ids) => new Set(ids).size === ids.length, 'Each skill may be chosen once.')
      .describe('In display order'),
  })
  .meta({ id: 'SaveFreelancerProfileRequest' });
export type SaveFreelancerProfileInput = z.output<typeof SaveFreelancerProfileRequest>;

export const AddPortfolioItemRequest = z
  .object({
    title: line(limits.portfolioTitleMax),
    description: paragraphs(limits.portfolioDescriptionMax).default(''),
    url: httpUrl.nullish().transform((value) => value ?? null),
    fileId: z.uuid().nullish().describe('A file you uploaded with purpose "portfolio"'),
  })
  .meta({ id: 'AddPortfolioItemRequest' });
export type AddPortfolioItemInput = z.output<typeof AddPortfolioItemRequest>;

export const UpdatePortfolioItemRequest = z
  .object({
    title: line(limits.portfolioTitleMax).optional(),
    description: paragraphs(limits.portfolioDescriptionMax).optional(),
    url: httpUrl.nullable().optional().describe('null or "" removes the link'),
    fileId: z.uuid().nullable().optional().describe('null removes the file'),
  })
  .meta({ id: 'UpdatePortfolioItemRequest' });
export type UpdatePortfolioItemInput = z.output<typeof UpdatePortfolioItemRequest>;

export const SaveClientProfileRequest = z
  .object({
    name: line(limits.nameMax),
    company: optionalLine(limits.companyMax),
    description: paragraphs(limits.clientDescriptionMax).default(''),
    country,
    city: optionalLine(limits.cityMax),
    timeZone,
  })
  .meta({ id: 'SaveClientProfileRequest' });
export type SaveClientProfileInput = z.output<typeof SaveClientProfileRequest>;

// ---- responses -------------------------------------------------------------------------------

export const SkillResponse = z.object({ id: z.uuid(), slug: z.string(), name: z.string() }).meta({ id: 'Skill' });

export const TaxonomyResponse = z
  .object({
    categories: z.array(
      z
        .object({ id: z.uuid(), slug: z.string(), name: z.string(), skills: z.array(SkillResponse) })
        .meta({ id: 'SkillCategory' }),
    ),
  })
  .meta({ id: 'Taxonomy' });

export const SkillSearchResponse = z
  .object({
    skills: z.array(
      SkillResponse.extend({ categorySlug: z.string(), categoryName: z.string() }).meta({ id: 'SkillMatch' }),
    ),
  })
  .meta({ id: 'SkillSearchResult' });

const LanguageResponse = z.object({ language: z.string(), proficiency: z.enum(proficiencies) });

export const PortfolioItemResponse = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    url: z.string().nullable(),
    file: z
      .object({ id: z.uuid(), url: z.string(), contentType: z.string(), name: z.string() })
      .nullable()
      .describe('The uploaded file, downloadable by anyone'),
  })
  .meta({ id: 'PortfolioItem' });

const LocationResponse = z
  .object({ country: z.string().nullable(), city: z.string().nullable() })
  .meta({ id: 'Location' });

export const FreelancerProfileResponse = z
  .object({
    userId: z.uuid(),
    saved: z.boolean().describe('False until the freelancer first saves the profile'),
    name: z.string(),
    title: z.string(),
    overview: z.string(),
    hourlyRateCents: z.number().int().nullable(),
    currency: z.string(),
    country: z.string().nullable(),
    city: z.string().nullable(),
    timeZone: z.string(),
    availability: z.enum(availabilities),
    languages: z.array(LanguageResponse),
    skills: z.array(SkillResponse),
    portfolio: z.array(PortfolioItemResponse),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'FreelancerProfile' });

export const PublicFreelancerProfileResponse = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    title: z.string(),
    overview: z.string(),
    hourlyRateCents: z.number().int().nullable(),
    currency: z.string(),
    location: LocationResponse,
    timeZone: z.string(),
    availability: z.enum(availabilities),
    languages: z.array(LanguageResponse),
    skills: z.array(SkillResponse),
    portfolio: z.array(PortfolioItemResponse),
    memberSince: z.iso.datetime(),
    lastActiveAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PublicFreelancerProfile' });

export const ClientProfileResponse = z
  .object({
    userId: z.uuid(),
    saved: z.boolean(),
    name: z.string(),
    company: z.string().nullable(),
    description: z.string(),
    country: z.string().nullable(),
    city: z.string().nullable(),
    timeZone: z.string(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ClientProfile' });

export const PublicClientCardResponse = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    company: z.string().nullable(),
    description: z.string(),
    location: LocationResponse,
    timeZone: z.string(),
    memberSince: z.iso.datetime(),
    lastActiveAt: z.iso.datetime().nullable(),
    ...clientHiringRecordFields,
  })
  .meta({ id: 'PublicClientCard' });
