import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { hashApiKey } from './api-key.ts';
import { findSourceByKeyHash, type IntakeSourceRow } from './intake.repository.ts';

export const badApiKey = () =>
  new AppError({
    status: 401,
    code: 'BAD_API_KEY',
    zh: 'API 密钥无效或来源系统已停用',
    en: 'The API key is missing, wrong, or its source system is disabled',
  });

/**
 * C5: the source system holding `key`. A missing, unknown or rotated key and a disabled
 * source all give the same 401, so a caller learns nothing about which it was.
 */
export async function authenticateSource(db: Db, key: string | null | undefined): Promise<IntakeSourceRow> {
  // Keys are ASCII of fixed shape; anything far longer is not one (and is not hashed).
  if (!key || key.length > 200) throw badApiKey();
  const source = await findSourceByKeyHash(db, hashApiKey(key));
  if (!source) throw badApiKey();
  return source;
}
