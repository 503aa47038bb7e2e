import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/db.ts';
import { appendEvent } from './append-event.ts';
import { verifyChain } from './verify-chain.ts';

let database: TestDatabase;
const at = new Date('2026-09-18T01:00:00Z');

async function append(n: number, stream = 'global') {
  for (let i = 0; i < n; i++) {
    await database.db.transaction((tx) =>
      appendEvent({
        db: tx,
        at,
        actor: null,
        subject: { type: 'test', id: String(i) },
        kind: 'test.happened',
        payload: { i, nested: { b: 'x', a: [1, 2] } },
        stream,
      }),
    );
  }
}

/** What a DBA with superuser rights could do behind the application's back. */
async function tamper(sql: string, params: unknown[] = []) {
  await database.query('ALTER TABLE events DISABLE TRIGGER events_no_update_delete');
  try {
    await database.query(sql, params);
  } finally {
    await database.query('ALTER TABLE events ENABLE TRIGGER events_no_update_delete');
  }
}

async function idOf(stream: string, seq: number): Promise<string> {
  const [row] = await database.query<{ id: string }>(
    'SELECT id::text AS id FROM events WHERE stream = $1 AND seq = $2',
    [stream, seq],
  );
  if (!row) throw new Error('no such event');
  return row.id;
}

/** Runs a tamper scenario on its own database, so scenarios do not mask each other. */
async function fresh(run: () => Promise<void>) {
  const shared = database;
  database = await createTestDatabase();
  try {
    await run();
  } finally {
    await database.destroy();
    database = shared;
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.destroy();
});

describe('event log and audit chain', () => {
  it('chains events per stream and verifies an intact log', async () => {
    await append(5, 'a');
    await append(3, 'b');
    const report = await verifyChain({ db: database.db, batchSize: 2 });
    expect(report).toEqual({ ok: true, streams: 2, checked: 8, problem: null });
    const rows = await database.query<{ seq: string; prev_hash: string; hash: string }>(
      "SELECT seq, prev_hash, hash FROM events WHERE stream = 'a' ORDER BY seq",
    );
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
  });

  it('keeps one unbroken chain under concurrent appends', async () => {
    await fresh(async () => {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          database.db.transaction((tx) =>
            appendEvent({
              db: tx,
              at,
              actor: null,
              subject: { type: 'test', id: String(i) },
              kind: 'test.raced',
            }),
          ),
        ),
      );
      const report = await verifyChain({ db: database.db });
      expect(report).toMatchObject({ ok: true, checked: 20 });
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of events from the application', async () => {
    await expect(database.query("UPDATE events SET kind = 'x'")).rejects.toThrow(/append-only/);
    await expect(database.query('DELETE FROM events')).rejects.toThrow(/append-only/);
    await expect(database.query('TRUNCATE events')).rejects.toThrow(/append-only/);
    expect((await verifyChain({ db: database.db })).ok).toBe(true);
  });

  it('names the first altered row', async () => {
    const id = await idOf('a', 3);
    await tamper(`UPDATE events SET payload = '{"i": 99}' WHERE id = $1`, [id]);
    const report = await verifyChain({ db: database.db });
    expect(report.ok).toBe(false);
    expect(report.problem).toMatchObject({ stream: 'a', seq: 3, eventId: id, kind: 'altered' });
    expect(report.problem?.message).toContain(`编号 ${id}`);
  });

  it('names a removed row in the middle of a stream', async () => {
    await fresh(async () => {
      await append(4, 'c');
      await tamper("DELETE FROM events WHERE stream = 'c' AND seq = 2");
      const report = await verifyChain({ db: database.db });
      expect(report.problem).toMatchObject({ stream: 'c', seq: 2, eventId: null, kind: 'removed' });
    });
  });

  it('names rows removed from the end of a stream', async () => {
    await fresh(async () => {
      await append(4, 'd');
      await tamper("DELETE FROM events WHERE stream = 'd' AND seq >= 3");
      const report = await verifyChain({ db: database.db });
      expect(report.problem).toMatchObject({ stream: 'd', seq: 3, kind: 'removed' });
      expect(report.problem?.message_en).toContain('rows 3 to 4 were removed');
    });
  });

  it('detects a row whose stored hash was replaced', async () => {
    await fresh(async () => {
      await append(3, 'e');
      await tamper("UPDATE events SET hash = repeat('a', 64) WHERE stream = 'e' AND seq = 1");
      const report = await verifyChain({ db: database.db });
      expect(report.problem).toMatchObject({ stream: 'e', seq: 1, kind: 'altered' });
    });
  });
});
