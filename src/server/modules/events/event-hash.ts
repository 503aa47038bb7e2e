import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.ts';

/** prev_hash of the first row of every stream. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields a hash covers: every column of the row except `hash` itself. */
export interface HashedEventFields {
  id: bigint;
  stream: string;
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  actorOrgId: string | null;
  subjectType: string;
  subjectId: string;
  kind: string;
  payload: Record<string, unknown>;
  prevHash: string;
}

/**
 * SHA-256 over the previous hash and the canonical row (sorted keys, fixed number
 * format), so the same row always hashes the same way whichever
 * database stored it — jsonb reorders keys, canonical JSON does not care.
 */
export function hashEvent(row: HashedEventFields): string {
  const canonical = canonicalJson({
    id: row.id.toString(),
    stream: row.stream,
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    actorOrgId: row.actorOrgId,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    kind: row.kind,
    payload: row.payload,
  });
  return createHash('sha256').update(row.prevHash).update('\n').update(canonical).digest('hex');
}
