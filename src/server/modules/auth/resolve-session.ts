import { eq } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import { loadGrants } from './accounts.repository.ts';
import { accounts, sessions } from './accounts.tables.ts';
import type { AuthSettings } from './auth-settings.ts';
import type { Actor } from './policy.ts';
import { hashSessionToken } from './session-token.ts';

export interface ResolveSessionOptions {
  db: Db;
  clock: Clock;
  settings: AuthSettings;
  token: string;
}

/** Writing last_seen on every request would make every read a write; a minute is precise enough. */
const TOUCH_AFTER_MS = 60_000;

/**
 * Turns a session cookie into an actor. An unknown token gives 'unknown'; a session
 * past its idle or absolute limit is deleted and gives 'expired', so the client can
 * say "your session has expired" rather than "please log in".
 */
export async function resolveSession(options: ResolveSessionOptions): Promise<Actor | 'unknown' | 'expired'> {
  const { db, clock, settings } = options;
  const now = clock.now();
  const tokenHash = hashSessionToken(options.token);
  const [row] = await db
    .select({ session: sessions, account: accounts })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return 'unknown';
  const { session, account } = row;
  const idleLimit = session.lastSeenAt.getTime() + settings.sessionIdleMinutes * 60_000;
  if (now >= session.expiresAt || now.getTime() >= idleLimit || account.disabledAt) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return 'expired';
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  const grants = await loadGrants(db, account.id);
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    orgUnitId: account.orgUnitId,
    mustChangePassword: account.mustChangePassword,
    sessionTokenHash: tokenHash,
    grants: grants.map(({ role, orgUnitId, orgPath }) => ({ role, orgUnitId, orgPath })),
  };
}
