import { eventActor } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import type { OrgUnitRow } from '../org/index.ts';
import { type IntakeSourceRow, updateSource } from './intake.repository.ts';
import { type ChangeIntakeSourceOptions, lockEnabledSource } from './intake-sources.ts';

/**
 * Disables a source system (C5): its key stops working at once; its cases stay. The
 * change and its event share one transaction.
 */
export async function disableIntakeSource(
  options: ChangeIntakeSourceOptions,
): Promise<{ source: IntakeSourceRow; area: OrgUnitRow }> {
  const now = options.clock.now();
  return options.db.transaction(async (tx) => {
    const { source, area } = await lockEnabledSource(tx, options);
    const updated = await updateSource(tx, source.id, { disabledAt: now });
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(options.actor),
      subject: { type: 'intake_source', id: source.id },
      kind: 'intake.source_disabled',
      payload: { code: source.code },
    });
    return { source: updated, area };
  });
}
