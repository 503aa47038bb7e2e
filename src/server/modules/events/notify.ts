import type { Db } from '../../db/client.ts';
import { notifications } from './notifications.tables.ts';

export interface NotifyOptions {
  /** The transaction of the change the notification reports. */
  db: Db;
  at: Date;
  /** A person, a unit, or both (two rows). */
  to: { accountId?: string | null; unitId?: string | null };
  kind: string;
  subject: { type: string; id: string };
  title: { zh: string; en: string };
  data?: Record<string, unknown>;
}

/**
 * Puts a notification in the inbox of a person and/or a unit, inside the caller's
 * transaction. Open pages learn of it through the stream (notifications.routes.ts).
 */
export async function notify(options: NotifyOptions): Promise<void> {
  const base = {
    kind: options.kind,
    subjectType: options.subject.type,
    subjectId: options.subject.id,
    title: options.title.zh,
    titleEn: options.title.en,
    data: options.data ?? {},
    createdAt: options.at,
  };
  const rows = [
    ...(options.to.accountId ? [{ ...base, accountId: options.to.accountId, unitId: null }] : []),
    ...(options.to.unitId ? [{ ...base, accountId: null, unitId: options.to.unitId }] : []),
  ];
  if (rows.length > 0) await options.db.insert(notifications).values(rows);
}
