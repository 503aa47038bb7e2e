import { eventActor } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import type { OrgUnitRow } from '../org/index.ts';
import { newApiKey } from './api-key.ts';
import { type IntakeSourceRow, updateSource } from './intake.repository.ts';
import { type ChangeIntakeSourceOptions, lockEnabledSource } from './intake-sources.ts';

/**
 * Gives a source system a new API key and returns it, this once; the old key stops
 * working when the transaction (with its event) commits.
 */
export async function rotateIntakeSourceKey(
  options: ChangeIntakeSourceOptions,
): Promise<{ source: IntakeSourceRow; area: OrgUnitRow; key: string }> {
  const now = options.clock.now();
  return options.db.transaction(async (tx) => {
    const { source, area } = await lockEnabledSource(tx, options);
    const { key, hash, prefix } = newApiKey();
    const updated = await updateSource(tx, source.id, { keyHash: hash, keyPrefix: prefix });
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(options.actor),
      subject: { type: 'intake_source', id: source.id },
      kind: 'intake.source_key_rotated',
      // Prefixes only: the log never holds a key.
      payload: { code: source.code, keyPrefix: prefix, previousKeyPrefix: source.keyPrefix },
    });
    return { source: updated, area, key };
  });
}
