import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/tables.ts';

/**
 * An uploaded file. Content lives on disk under the data dir addressed by its SHA-256, so the
 * same bytes uploaded twice are stored once; each upload still gets its own row and owner.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey(),
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    contentType: text('content_type').notNull(),
    originalName: text('original_name').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    /** What the file belongs to (e.g. "portfolio", "message"); decides who may download it. */
    ownerKind: text('owner_kind').notNull(),
    ownerId: uuid('owner_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    index('stored_files_owner_idx').on(table.ownerKind, table.ownerId),
    index('stored_files_sha_idx').on(table.sha256),
  ],
);
