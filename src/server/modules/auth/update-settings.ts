import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import { appendEvent } from '../events/index.ts';
import { accounts } from './accounts.tables.ts';
import type { Actor } from './policy.ts';

export interface UpdateSettingsOptions {
  db: Db;
  clock: Clock;
  actor: Actor;
  /** UI language: Chinese first, English switchable. */
  locale: 'zh-CN' | 'en';
}

export async function updateSettings(options: UpdateSettingsOptions): Promise<void> {
  const { db, actor } = options;
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ locale: options.locale }).where(eq(accounts.id, actor.id));
    await appendEvent({
      db: tx,
      at: options.clock.now(),
      actor: { id: actor.id, orgUnitId: actor.orgUnitId },
      subject: { type: 'account', id: actor.id },
      kind: 'auth.settings_changed',
      payload: { locale: options.locale },
    });
  });
}
