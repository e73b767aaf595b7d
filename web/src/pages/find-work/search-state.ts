import { amountToCents, centsToAmount } from '../../lib/format.ts';

/** The filters as the form holds them: amounts in dollars, empty meaning "any". */
export interface SearchForm {
  q: string;
  category: string | null;
  skills: string[];
  type: '' | 'fixed' | 'hourly';
  budgetMin: number | string;
  budgetMax: number | string;
  hourlyMin: number | string;
  hourlyMax: number | string;
  experience: string[];
  paymentVerified: boolean;
  clientHasHires: boolean;
  proposals: string[];
  postedWithin: '' | '24h' | '3d' | '7d' | '30d';
  sort: '' | 'relevance' | 'newest';
}

export const emptySearch: SearchForm = {
  q: '',
  category: null,
  skills: [],
  type: '',
  budgetMin: '',
  budgetMax: '',
  hourlyMin: '',
  hourlyMax: '',
  experience: [],
  paymentVerified: false,
  clientHasHires: false,
  proposals: [],
  postedWithin: '',
  sort: '',
};

/** The API's search parameters (GET /api/jobs/search, and a saved search's query). */
export interface SearchQuery {
  q?: string;
  category?: string;
  skills?: string[];
  type?: 'fixed' | 'hourly';
  budgetMinCents?: number;
  budgetMaxCents?: number;
  hourlyMinCents?: number;
  hourlyMaxCents?: number;
  experience?: string[];
  paymentVerified?: boolean;
  clientHasHires?: boolean;
  proposals?: string[];
  postedWithin?: '24h' | '3d' | '7d' | '30d';
  sort?: 'relevance' | 'newest';
}

const cents = (value: number | string) =>
  value === '' || !Number.isFinite(Number(value)) ? undefined : amountToCents(Number(value));

export function toQuery(form: SearchForm): SearchQuery {
  const query: SearchQuery = {
    q: form.q.trim() || undefined,
    category: form.category ?? undefined,
    skills: form.skills.length ? form.skills : undefined,
    type: form.type || undefined,
    budgetMinCents: form.type !== 'hourly' ? cents(form.budgetMin) : undefined,
    budgetMaxCents: form.type !== 'hourly' ? cents(form.budgetMax) : undefined,
    hourlyMinCents: form.type !== 'fixed' ? cents(form.hourlyMin) : undefined,
    hourlyMaxCents: form.type !== 'fixed' ? cents(form.hourlyMax) : undefined,
    experience: form.experience.length ? form.experience : undefined,
    paymentVerified: form.paymentVerified || undefined,
    clientHasHires: form.clientHasHires || undefined,
    proposals: form.proposals.length ? form.proposals : undefined,
    postedWithin: form.postedWithin || undefined,
    sort: form.sort || undefined,
  };
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as SearchQuery;
}

const amount = (value: unknown) => (typeof value === 'number' ? centsToAmount(value) : '');
const list = (value: unknown) =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' && value ? value.split(',') : [];
const pick = <T extends string>(value: unknown, allowed: readonly T[]): T | '' =>
  allowed.includes(value as T) ? (value as T) : '';

export function toForm(query: Record<string, unknown>): SearchForm {
  return {
    q: typeof query.q === 'string' ? query.q : '',
    category: typeof query.category === 'string' ? query.category : null,
    skills: list(query.skills),
    type: pick(query.type, ['fixed', 'hourly'] as const),
    budgetMin: amount(query.budgetMinCents),
    budgetMax: amount(query.budgetMaxCents),
    hourlyMin: amount(query.hourlyMinCents),
    hourlyMax: amount(query.hourlyMaxCents),
    experience: list(query.experience),
    paymentVerified: query.paymentVerified === true || query.paymentVerified === 'true',
    clientHasHires: query.clientHasHires === true || query.clientHasHires === 'true',
    proposals: list(query.proposals),
    postedWithin: pick(query.postedWithin, ['24h', '3d', '7d', '30d'] as const),
    sort: pick(query.sort, ['relevance', 'newest'] as const),
  };
}

/** The query in the address bar, so a search can be shared, reloaded and gone back to. */
export function toUrlParams(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    params.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  return params;
}

export function fromUrlParams(params: URLSearchParams): SearchQuery {
  const raw: Record<string, unknown> = {};
  for (const [key, value] of params) {
    raw[key] = key.endsWith('Cents') ? Number(value) : value;
  }
  return toQuery(toForm(raw));
}
