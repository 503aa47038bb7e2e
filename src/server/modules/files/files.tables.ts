import { doublePrecision, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from '../auth/accounts.tables.ts';

/**
 * Stored files (photos of calls, arrivals and results). The bytes live in the file
 * store (a directory by default) under `storageKey`; the row holds what was checked:
 * the sniffed content type, the size and the SHA-256. `subjectType/Id` are set when
 * the file is attached (a case step), so an unattached upload can be cleaned up.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uploadedBy: uuid('uploaded_by').references(() => accounts.id),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    fileName: text('file_name'),
    subjectType: text('subject_type'),
    subjectId: uuid('subject_id'),
    /** What the file shows: call, arrival, progress, finish. */
    purpose: text('purpose'),
    /** Where a photo was taken (C9 arrival), when the phone told us. */
    lat: doublePrecision('lat'),
    lng: doublePrecision('lng'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    attachedAt: timestamp('attached_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('files_subject_idx').on(t.subjectType, t.subjectId)],
);
