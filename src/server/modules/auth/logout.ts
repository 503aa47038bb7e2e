import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import { appendEvent } from '../events/index.ts';
import { sessions } from './accounts.tables.ts';
import type { Actor } from './policy.ts';

export interface LogoutOptions {
  db: Db;
  clock: Clock;
  actor: Actor;
  /** End every session of the account (all devices), not only this one. */
  everywhere: boolean;
}

export async function logout(options: LogoutOptions): Promise<void> {
  const { db, actor } = options;
  await db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(
        options.everywhere
          ? eq(sessions.accountId, actor.id)
          : eq(sessions.tokenHash, actor.sessionTokenHash),
      )
      .returning({ tokenHash: sessions.tokenHash });
    await appendEvent({
      db: tx,
      at: options.clock.now(),
      actor: { id: actor.id, orgUnitId: actor.orgUnitId },
      subject: { type: 'account', id: actor.id },
      kind: options.everywhere ? 'auth.logged_out_everywhere' : 'auth.logged_out',
      payload: { sessions: ended.length },
    });
  });
}
