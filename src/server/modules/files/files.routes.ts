import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, notFound } from '../../core/errors.ts';
import { toIsoShanghai } from '../../core/time.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { findFile } from './files.repository.ts';
import { IMAGE_TYPES } from './image-type.ts';
import { FILE_PURPOSES, type FileRow, storeFile } from './store-file.ts';

export const fileView = z.object({
  id: z.uuid(),
  contentType: z.string(),
  size: z.number().int(),
  purpose: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  createdAt: z.string(),
  url: z.string(),
});

export function presentFile(row: FileRow, url = `/api/files/${row.id}`): z.infer<typeof fileView> {
  return {
    id: row.id,
    contentType: row.contentType,
    size: row.size,
    purpose: row.purpose,
    lat: row.lat,
    lng: row.lng,
    createdAt: toIsoShanghai(row.createdAt),
    url,
  };
}

/** Content types the upload route reads as raw bytes; the bytes decide what the file is. */
const UPLOAD_TYPES = [...IMAGE_TYPES, 'application/octet-stream'];

export function registerFileRoutes(root: FastifyInstance, ctx: AppContext): void {
  root.register(async (scope) => {
    // Only this plugin reads raw bodies; every other route keeps JSON only.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      UPLOAD_TYPES,
      { parseAs: 'buffer', bodyLimit: ctx.config.PHOTO_MAX_BYTES + 1 },
      (_request, body, done) => done(null, body),
    );
    scope.addContentTypeParser('*', (_request, _payload, done) =>
      done(
        new AppError({
          status: 415,
          code: 'NOT_AN_IMAGE',
          zh: '请以 image/jpeg、image/png、image/webp 或 image/heic 上传照片原始内容',
          en: 'Send the photo bytes as image/jpeg, image/png, image/webp or image/heic',
          field: 'file',
        }),
      ),
    );
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post('/api/files', {
      bodyLimit: ctx.config.PHOTO_MAX_BYTES + 1,
      schema: {
        tags: ['files'],
        summary: 'Upload one photo (raw bytes as the body, Content-Type image/jpeg, png, webp or heic)',
        consumes: UPLOAD_TYPES,
        querystring: z.strictObject({
          purpose: z.enum(FILE_PURPOSES).optional(),
          lat: z.coerce.number().min(-90).max(90).optional(),
          lng: z.coerce.number().min(-180).max(180).optional(),
        }),
        response: { 201: fileView },
      },
      config: { action: 'file.upload' },
      handler: async (request, reply) => {
        const body = request.body;
        const bytes = body instanceof Uint8Array ? body : new Uint8Array();
        const row = await storeFile({
          db: ctx.db,
          store: ctx.files,
          clock: ctx.clock,
          actor: actorOf(request),
          bytes,
          maxBytes: ctx.config.PHOTO_MAX_BYTES,
          purpose: request.query.purpose,
          lat: request.query.lat,
          lng: request.query.lng,
        });
        return reply.status(201).send(presentFile(row));
      },
    });
  });

  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get('/api/files/:id', {
    schema: {
      tags: ['files'],
      summary: 'A photo I uploaded (attached photos are read through their case)',
      params: z.strictObject({ id: z.uuid() }),
    },
    config: { action: 'file.upload' },
    handler: async (request, reply) => {
      const row = await findFile(ctx.db, request.params.id);
      // Someone else's upload does not exist for the caller.
      if (!row || row.uploadedBy !== actorOf(request).id) throw notFound('File', '文件');
      return sendFile(ctx, reply, row);
    },
  });
}

/** Sends a stored file's bytes with its sniffed type; never rendered as anything else. */
export async function sendFile(
  ctx: AppContext,
  reply: import('fastify').FastifyReply,
  row: FileRow,
): Promise<import('fastify').FastifyReply> {
  const bytes = await ctx.files.get(row.storageKey);
  if (!bytes) throw notFound('File', '文件');
  return reply
    .header('content-type', row.contentType)
    .header('cache-control', 'private, max-age=86400, immutable')
    .header('content-disposition', 'inline')
    .send(Buffer.from(bytes));
}
