import { invalidField } from '../../platform/errors.ts';
import { type Ctx, requireActor } from '../../server/context.ts';
import { searchFreelancers } from '../profiles/search-freelancers.ts';
import { type FreelancerSummary, getFreelancerSummaries } from '../profiles/summaries.ts';
import type { TalentSearchInput } from './schemas.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function encodeCursor(position: { sortKey: number; userId: string }): string {
  return Buffer.from(JSON.stringify([position.sortKey, position.userId])).toString('base64url');
}

function decodeCursor(cursor: string): { sortKey: number; userId: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && Number.isSafeInteger(value[0]) && typeof value[1] === 'string' && UUID.test(value[1])) {
      return { sortKey: value[0] as number, userId: value[1] };
    }
  } catch {
    // Falls through to the validation error below.
  }
  throw invalidField('cursor', 'This cursor is not valid; start again from the first page.');
}

/**
 * GET /api/talent/search: freelancers for clients (and operators) to invite, by words, skills,
 * hourly rate, country and availability, best match first, one keyset page at a time.
 */
export async function searchTalent(
  ctx: Ctx,
  input: TalentSearchInput,
): Promise<{ items: FreelancerSummary[]; nextCursor: string | null }> {
  requireActor(ctx);
  if (
    input.hourlyMinCents !== undefined &&
    input.hourlyMaxCents !== undefined &&
    input.hourlyMaxCents < input.hourlyMinCents
  ) {
    throw invalidField('hourlyMaxCents', 'The highest rate must not be below the lowest.');
  }
  const hits = await searchFreelancers(ctx.db, {
    q: input.q,
    skillIds: input.skills,
    hourlyMinCents: input.hourlyMinCents,
    hourlyMaxCents: input.hourlyMaxCents,
    currency: input.currency,
    countries: input.country?.map((code) => code.toUpperCase()),
    availability: input.availability,
    after: input.cursor ? decodeCursor(input.cursor) : null,
    limit: input.limit + 1,
  });
  const page = hits.slice(0, input.limit);
  const summaries = await getFreelancerSummaries(
    ctx.db,
    page.map((hit) => hit.userId),
  );
  const last = page.at(-1);
  return {
    items: page.flatMap((hit) => summaries.get(hit.userId) ?? []),
    nextCursor: hits.length > input.limit && last ? encodeCursor(last) : null,
  };
}
