import type { FastifyInstance } from 'fastify';

/** The first bytes of a JPEG (SOI + JFIF APP0): enough for the byte check of uploads. */
export const TINY_JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
  0x00, 0x00, 0xff, 0xd9,
]);

/** Uploads a photo as `cookie`'s account and returns its id. */
export async function uploadPhoto(app: FastifyInstance, cookie: string, query = ''): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: `/api/files${query}`,
    headers: { cookie, 'content-type': 'image/jpeg' },
    payload: TINY_JPEG,
  });
  if (response.statusCode !== 201) throw new Error(`upload failed: ${response.statusCode} ${response.body}`);
  return response.json().id as string;
}
