import { and, eq, inArray, isNull } from 'drizzle-orm';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { files } from './files.tables.ts';
import type { FilePurpose, FileRow } from './store-file.ts';

/**
 * Attaches uploaded photos to a subject (a case step): each must exist, have been
 * uploaded by the same account and not be attached yet — a photo cannot be borrowed
 * from someone else's case. Runs inside the step's transaction.
 */
export async function attachFiles(options: {
  db: Db;
  fileIds: readonly string[];
  uploadedBy: string;
  subject: { type: string; id: string };
  purpose: FilePurpose;
  at: Date;
  field?: string;
}): Promise<FileRow[]> {
  const ids = [...new Set(options.fileIds)];
  if (ids.length === 0) return [];
  const field = options.field ?? 'photoIds';
  const attached = await options.db
    .update(files)
    .set({
      subjectType: options.subject.type,
      subjectId: options.subject.id,
      purpose: options.purpose,
      attachedAt: options.at,
    })
    .where(and(inArray(files.id, ids), eq(files.uploadedBy, options.uploadedBy), isNull(files.subjectId)))
    .returning();
  if (attached.length !== ids.length) {
    throw badRequest(
      'BAD_PHOTO',
      '照片不存在、不是您上传的或已用于其他事项',
      'A photo does not exist, was not uploaded by you, or is attached elsewhere already',
      field,
    );
  }
  return attached;
}

/** The files attached to a subject, oldest first. */
export async function filesOf(db: Db, subject: { type: string; id: string }): Promise<FileRow[]> {
  return db
    .select()
    .from(files)
    .where(and(eq(files.subjectType, subject.type), eq(files.subjectId, subject.id)))
    .orderBy(files.createdAt);
}
