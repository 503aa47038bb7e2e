import { createHash, randomBytes } from 'node:crypto';

/** Keys read `lsk_` + 43 base64url characters (256 random bits). */
const KEY_PREFIX = 'lsk_';
/** How much of a key a list shows, to tell keys apart without revealing them. */
const SHOWN = 12;

/** A new API key for a source system, its SHA-256 (all that is stored) and its shown prefix. */
export function newApiKey(): { key: string; hash: string; prefix: string } {
  const key = `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, SHOWN) };
}

/** SHA-256 hex of a key: a random 256-bit key needs no slow hash, and lookups stay one index probe. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** The key of `Authorization: Bearer <key>` or `X-Api-Key: <key>`, when either is given. */
export function apiKeyFromHeaders(headers: Record<string, string | string[] | undefined>): string | null {
  const authorization = headers.authorization;
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (match?.[1]) return match[1];
  }
  const key = headers['x-api-key'];
  return typeof key === 'string' && key.trim() ? key.trim() : null;
}
