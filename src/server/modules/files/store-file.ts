import { createHash, randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Actor, eventActor } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import type { FileStore } from './file-store.ts';
import { files } from './files.tables.ts';
import { sniffImageType } from './image-type.ts';

export const FILE_PURPOSES = ['call', 'arrival', 'progress', 'finish'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

export type FileRow = typeof files.$inferSelect;

/**
 * Stores an uploaded photo: the bytes must be an image by their magic number (a text
 * or PDF body named image/jpeg is refused) and no larger than `maxBytes`. The bytes are
 * written before the row, so a row never points at missing bytes.
 */
export async function storeFile(options: {
  db: Db;
  store: FileStore;
  clock: Clock;
  actor: Actor;
  bytes: Uint8Array;
  maxBytes: number;
  purpose?: FilePurpose | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
}): Promise<FileRow> {
  const { bytes } = options;
  if (bytes.byteLength > options.maxBytes) {
    throw new AppError({
      status: 413,
      code: 'FILE_TOO_LARGE',
      zh: `照片不能超过 ${Math.floor(options.maxBytes / 1024 / 1024)} MB`,
      en: `A photo may not exceed ${Math.floor(options.maxBytes / 1024 / 1024)} MB`,
      field: 'file',
    });
  }
  const contentType = sniffImageType(bytes);
  if (!contentType) {
    throw new AppError({
      status: 415,
      code: 'NOT_AN_IMAGE',
      zh: '只能上传照片（JPEG、PNG、WebP 或 HEIC）',
      en: 'Only photos (JPEG, PNG, WebP or HEIC) can be uploaded',
      field: 'file',
    });
  }
  if ((options.lat === undefined) !== (options.lng === undefined)) {
    throw new AppError({
      status: 400,
      code: 'BAD_COORDINATES',
      zh: '经纬度须同时给出',
      en: 'Give both lat and lng',
      field: options.lat === undefined ? 'lat' : 'lng',
    });
  }
  const id = randomUUID();
  const storageKey = `${id.slice(0, 2)}/${id}`;
  await options.store.put(storageKey, bytes);
  return options.db.transaction(async (tx) => {
    const now = options.clock.now();
    const [row] = await tx
      .insert(files)
      .values({
        id,
        uploadedBy: options.actor.id,
        contentType,
        size: bytes.byteLength,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        storageKey,
        purpose: options.purpose ?? null,
        lat: options.lat ?? null,
        lng: options.lng ?? null,
        createdAt: now,
      })
      .returning();
    if (!row) throw new Error('file insert returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(options.actor),
      subject: { type: 'file', id },
      kind: 'file.uploaded',
      payload: { contentType, size: row.size, sha256: row.sha256, purpose: row.purpose },
    });
    return row;
  });
}
