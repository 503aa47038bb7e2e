import type { Db } from '../../db/client.ts';
import type { NotificationBus } from './notification-bus.ts';
import { presentNotification } from './notification-view.ts';
import {
  countUnread,
  findInInbox,
  type InboxCursor,
  listInboxAfter,
  newestInInbox,
} from './notifications.repository.ts';

/** Where the stream writes: the raw HTTP response, or anything shaped like it in tests. */
export interface StreamSink {
  write(chunk: string): boolean;
  end(): void;
  readonly writableEnded: boolean;
  readonly destroyed: boolean;
}

export interface NotificationStreamOptions {
  db: Db;
  bus: NotificationBus;
  /** Whose inbox is streamed. */
  accountId: string;
  /** `Last-Event-ID`: send what came after this notification first. */
  lastEventId?: string | undefined;
  sink: StreamSink;
  /** Keep-alive comment and re-read at least this often (default 25 s). */
  keepAliveMs?: number;
  /** Asked at every keep-alive; false ends the stream (logged out, expired, disabled). */
  sessionLive: () => Promise<boolean>;
  onError: (error: unknown) => void;
}

const PAGE = 200;
/**
 * Notifications are ordered by the time their transaction read from the clock, not
 * by commit, so one that took longer to commit can land just before the last one
 * sent. Each read looks this far back and skips what this stream already sent.
 */
const LOOKBACK_MS = 60_000;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * One open `text/event-stream` of a person's inbox. It carries `notification`
 * events (id = notification id, data = the list item) and `unread` events
 * (`{unreadCount}`). It reads from the database whenever the bus wakes it and at
 * every keep-alive, so notifications committed by another server process arrive
 * too, at most one keep-alive late.
 */
export class NotificationStream {
  private readonly options: NotificationStreamOptions;
  /** Nothing at or before this is sent: the client had it when it connected. */
  private floor: InboxCursor | null = null;
  /** The newest notification sent or known. */
  private after: InboxCursor | null = null;
  /** Ids sent within the look-back window, so a re-read does not send them twice. */
  private readonly recent = new Map<string, number>();
  private lastUnread: number | null = null;
  private draining: Promise<void> | null = null;
  private again = false;
  private closed = false;
  private unsubscribe: (() => void) | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly ended: Promise<void>;
  private resolveEnded: () => void = () => undefined;

  constructor(options: NotificationStreamOptions) {
    this.options = options;
    this.ended = new Promise((resolve) => {
      this.resolveEnded = resolve;
    });
  }

  /** Sends the unread count (and what came after Last-Event-ID), then follows the inbox. */
  async start(): Promise<void> {
    const { db, accountId } = this.options;
    const last = this.options.lastEventId
      ? await findInInbox(db, accountId, this.options.lastEventId)
      : undefined;
    // Without a known Last-Event-ID the page has just loaded its list; start from now.
    this.floor = last ? { createdAt: last.createdAt, id: last.id } : await newestInInbox(db, accountId);
    this.after = this.floor;
    if (this.closed) return;
    // Ask the browser to wait a little before reconnecting after a drop.
    this.send('retry: 5000\n\n');
    this.unsubscribe = this.options.bus.subscribe(() => void this.wake());
    this.timer = setInterval(() => void this.tick(), this.options.keepAliveMs ?? 25_000);
    this.timer.unref();
    this.sendUnreadCount(await countUnread(db, accountId));
    // Replays what came after Last-Event-ID, and catches anything committed since
    // the floor was read and before the bus subscription began.
    await this.wake();
  }

  /** Ends the stream and releases the bus subscription and the timer; safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    if (this.timer) clearInterval(this.timer);
    const { sink } = this.options;
    if (!sink.writableEnded && !sink.destroyed) sink.end();
    this.resolveEnded();
  }

  /** Resolves once the stream is closed, by either side. */
  get done(): Promise<void> {
    return this.ended;
  }

  /** Reads and sends what is new; wake-ups during a read cause one more read after it. */
  wake(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        let from = this.startOfRead();
        do {
          this.again = false;
          from = await this.readPage(from);
        } while (this.again && !this.closed);
      } catch (error) {
        // A broken read ends the stream; the browser reconnects with Last-Event-ID.
        this.options.onError(error);
        this.close();
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  private async tick(): Promise<void> {
    if (this.closed) return;
    this.send(': ping\n\n');
    try {
      if (!(await this.options.sessionLive())) {
        this.close();
        return;
      }
    } catch (error) {
      this.options.onError(error);
      this.close();
      return;
    }
    await this.wake();
  }

  /**
   * Reads one page after `from` and sends what this stream has not sent yet, then
   * the unread count if it changed. Rows and count come from one snapshot, so the
   * count never runs ahead of the notifications it counts. Returns where the next
   * page starts, and asks for it when this page was full.
   */
  private async readPage(from: InboxCursor | null): Promise<InboxCursor | null> {
    const { db, accountId } = this.options;
    const { rows, unreadCount } = await db.transaction(
      async (tx) => ({
        rows: await listInboxAfter(tx, accountId, from, PAGE),
        unreadCount: await countUnread(tx, accountId),
      }),
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    let cursor = from;
    let sentAny = false;
    for (const row of rows) {
      cursor = { createdAt: row.createdAt, id: row.id };
      if (this.recent.has(row.id)) continue;
      this.send(`id: ${row.id}\nevent: notification\ndata: ${JSON.stringify(presentNotification(row))}\n\n`);
      this.recent.set(row.id, row.createdAt.getTime());
      if (!this.after || compare(cursor, this.after) > 0) this.after = cursor;
      sentAny = true;
    }
    if (rows.length === PAGE) this.again = true;
    if (sentAny || unreadCount !== this.lastUnread) this.sendUnreadCount(unreadCount);
    return cursor;
  }

  /** Where a read starts; forgets sent ids that lie before it. */
  private startOfRead(): InboxCursor | null {
    const from = this.lowerBound();
    if (from) {
      const below = from.createdAt.getTime();
      for (const [id, at] of this.recent) if (at < below) this.recent.delete(id);
    }
    return from;
  }

  /** Strictly after the floor, and no further back than the look-back window. */
  private lowerBound(): InboxCursor | null {
    if (!this.after) return this.floor;
    const back = { createdAt: new Date(this.after.createdAt.getTime() - LOOKBACK_MS), id: NIL_UUID };
    return this.floor && compare(this.floor, back) > 0 ? this.floor : back;
  }

  /** The badge count. */
  private sendUnreadCount(unreadCount: number): void {
    this.lastUnread = unreadCount;
    this.send(`event: unread\ndata: ${JSON.stringify({ unreadCount })}\n\n`);
  }

  private send(text: string): void {
    const { sink } = this.options;
    if (this.closed || sink.writableEnded || sink.destroyed) return;
    sink.write(text);
  }
}

function compare(a: InboxCursor, b: InboxCursor): number {
  const byTime = a.createdAt.getTime() - b.createdAt.getTime();
  if (byTime !== 0) return byTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
