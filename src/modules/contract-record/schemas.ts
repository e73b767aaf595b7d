import { z } from 'zod';
import { RECORD_FORMAT } from './canonical.ts';

export const RecordParams = z.object({ id: z.uuid() });

export const RecordQuery = z.object({
  after: z.coerce.number().int().min(0).optional().describe("Entries after this seq (the previous page's nextAfter)"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const Hash = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('SHA-256, hex');
const Person = z.object({ userId: z.uuid(), name: z.string() });
const Head = z.object({ seq: z.number().int(), hash: Hash }).nullable().describe('The last entry; null while empty');

export const RecordEntryResponse = z
  .object({
    seq: z.number().int().describe('1, 2, 3... per contract'),
    kind: z.string().describe('e.g. milestone.approved, message.posted (see the record kinds)'),
    actor: Person.nullable().describe('Who acted; null for the platform'),
    at: z.iso.datetime(),
    summary: z.string(),
    data: z.unknown().describe('The facts of the event (amounts, ids, files with their SHA-256)'),
    prevHash: Hash.describe("The previous entry's hash (the genesis hash for entry 1)"),
    hash: Hash.describe("SHA-256 of this entry's canonical JSON, which includes prevHash"),
  })
  .meta({ id: 'RecordEntry' });

export const RecordContractResponse = z
  .object({
    id: z.uuid(),
    title: z.string(),
    state: z.string(),
    termsVersion: z.number().int().describe('The terms version in force'),
    client: Person,
    freelancer: Person,
  })
  .meta({ id: 'RecordContract' });

export const RecordPageResponse = z
  .object({
    contract: RecordContractResponse,
    head: Head,
    items: z.array(RecordEntryResponse),
    nextAfter: z.number().int().nullable().describe('Pass as `after` for the next page; null on the last'),
  })
  .meta({ id: 'RecordPage' });

const ExportedEntry = z.object({
  seq: z.number().int(),
  kind: z.string(),
  actorId: z.uuid().nullable(),
  at: z.iso.datetime(),
  summary: z.string(),
  data: z.unknown(),
  prevHash: Hash,
  hash: Hash,
});

export const RecordExportResponse = z
  .object({
    format: z.literal(RECORD_FORMAT),
    contract: z.object({
      id: z.uuid(),
      title: z.string(),
      termsVersion: z.number().int(),
      parties: z.object({ client: Person, freelancer: Person }),
    }),
    exportedAt: z.iso.datetime(),
    head: Head,
    entries: z.array(ExportedEntry),
    files: z.array(z.object({ id: z.uuid(), name: z.string(), sha256: Hash, sizeBytes: z.number().int() })),
  })
  .meta({
    id: 'RecordExport',
    description: 'The whole record with hashes; check it offline with `npx workroom record verify FILE`',
  });

export const RecordPdf = {
  description: 'The record as a readable PDF (parties only)',
  content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
};
