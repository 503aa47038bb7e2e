import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { GENESIS_HASH, hashEvent } from './event-hash.ts';
import { eventStreams, events } from './events.tables.ts';

export type ChainProblemKind = 'altered' | 'removed' | 'broken_link' | 'head_mismatch';

export interface ChainProblem {
  stream: string;
  /** Position in the stream of the first bad or missing row. */
  seq: number;
  /** The row's id when it still exists. */
  eventId: string | null;
  kind: ChainProblemKind;
  message: string;
  message_en: string;
}

export interface ChainReport {
  ok: boolean;
  streams: number;
  checked: number;
  problem: ChainProblem | null;
}

export interface VerifyChainOptions {
  db: Db;
  /** Rows read per query; keeps memory flat on long chains. */
  batchSize?: number;
}

/**
 * Walks every stream from its first row and names the first row that was altered
 * or removed. A row whose content no longer matches its hash was altered; a gap in
 * `seq` is a removed row; a row whose `prev_hash` differs from the hash of the row
 * before it means that link was rewritten; a head beyond the last row means rows
 * were removed from the end.
 */
export async function verifyChain(options: VerifyChainOptions): Promise<ChainReport> {
  const { db } = options;
  const batchSize = options.batchSize ?? 5000;
  const heads = await db.select().from(eventStreams).orderBy(asc(eventStreams.stream));
  const inEvents = await db.selectDistinct({ stream: events.stream }).from(events);
  const names = [...new Set([...heads.map((h) => h.stream), ...inEvents.map((e) => e.stream)])].sort();
  let checked = 0;

  for (const stream of names) {
    const head = heads.find((h) => h.stream === stream);
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    for (;;) {
      const rows = await db
        .select()
        .from(events)
        .where(and(eq(events.stream, stream), gt(events.seq, expectedSeq - 1)))
        .orderBy(asc(events.seq))
        .limit(batchSize);
      for (const row of rows) {
        const eventId = row.id.toString();
        if (row.seq !== expectedSeq) {
          return fail(checked, names.length, {
            stream,
            seq: expectedSeq,
            eventId: null,
            kind: 'removed',
            message: `事件流 ${stream} 第 ${expectedSeq} 条记录已被删除（下一条现存记录为第 ${row.seq} 条，编号 ${eventId}）`,
            message_en: `stream ${stream}: row ${expectedSeq} was removed (next surviving row is ${row.seq}, id ${eventId})`,
          });
        }
        if (hashEvent(row) !== row.hash) {
          return fail(checked, names.length, {
            stream,
            seq: row.seq,
            eventId,
            kind: 'altered',
            message: `事件流 ${stream} 第 ${row.seq} 条记录（编号 ${eventId}）内容已被篡改`,
            message_en: `stream ${stream}: row ${row.seq} (id ${eventId}) was altered`,
          });
        }
        if (row.prevHash !== prevHash) {
          return fail(checked, names.length, {
            stream,
            seq: row.seq,
            eventId,
            kind: 'broken_link',
            message: `事件流 ${stream} 第 ${row.seq} 条记录（编号 ${eventId}）与前一条记录的链接不符`,
            message_en: `stream ${stream}: row ${row.seq} (id ${eventId}) does not link to the row before it`,
          });
        }
        prevHash = row.hash;
        expectedSeq += 1;
        checked += 1;
      }
      if (rows.length < batchSize) break;
    }
    const lastSeq = expectedSeq - 1;
    if (!head || head.seq !== lastSeq || head.hash !== prevHash) {
      const headSeq = head?.seq ?? 0;
      return fail(checked, names.length, {
        stream,
        seq: lastSeq + 1,
        eventId: null,
        kind: headSeq > lastSeq ? 'removed' : 'head_mismatch',
        message:
          headSeq > lastSeq
            ? `事件流 ${stream} 末尾第 ${lastSeq + 1} 至 ${headSeq} 条记录已被删除`
            : `事件流 ${stream} 的链头与最后一条记录（第 ${lastSeq} 条）不符`,
        message_en:
          headSeq > lastSeq
            ? `stream ${stream}: rows ${lastSeq + 1} to ${headSeq} were removed from the end`
            : `stream ${stream}: the chain head does not match the last row (${lastSeq})`,
      });
    }
  }
  return { ok: true, streams: names.length, checked, problem: null };
}

function fail(checked: number, streams: number, problem: ChainProblem): ChainReport {
  return { ok: false, streams, checked, problem };
}
