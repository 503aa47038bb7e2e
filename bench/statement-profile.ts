/**
 * Where a PostgreSQL workload spends its database time: every statement sent through
 * node-postgres while a profile runs is timed (from send to answer, so waiting for a
 * row lock counts against the statement that waited) and grouped by verb and table.
 * For benchmarks only: it wraps pg.Client#query for the life of the profile.
 */
import pg from 'pg';

export interface StatementStats {
  statement: string;
  count: number;
  totalMs: number;
  meanMs: number;
}

/** `insert into cases`, `update event_streams`, `select sessions`, `begin`, `commit`… */
export function statementKey(text: string): string {
  const t = text.trim().toLowerCase().replaceAll('"', '');
  const write = /^(insert into|update|delete from)\s+([\w.]+)/.exec(t);
  if (write) return `${write[1]} ${write[2]}`;
  if (t.startsWith('select') || t.startsWith('with'))
    return `select ${/\bfrom\s+([\w.]+)/.exec(t)?.[1] ?? '?'}`;
  return t.split(/\s+/)[0] ?? '?';
}

type Query = (...args: unknown[]) => unknown;

/** Starts timing statements; `stop()` restores the client and returns the stats, slowest first. */
export function profileStatements(): { stop(): StatementStats[] } {
  const proto = pg.Client.prototype as unknown as { query: Query };
  const original = proto.query;
  const stats = new Map<string, { count: number; totalMs: number }>();
  proto.query = function profiled(this: unknown, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const start = performance.now();
    const result = original.apply(this, args);
    if (result instanceof Promise) {
      const record = () => {
        const key = statementKey(text);
        const entry = stats.get(key) ?? { count: 0, totalMs: 0 };
        entry.count += 1;
        entry.totalMs += performance.now() - start;
        stats.set(key, entry);
      };
      result.then(record, record);
    }
    return result;
  };
  return {
    stop: () => {
      proto.query = original;
      return [...stats.entries()]
        .map(([statement, s]) => ({
          statement,
          count: s.count,
          totalMs: Math.round(s.totalMs),
          meanMs: Math.round((s.totalMs / s.count) * 100) / 100,
        }))
        .sort((a, b) => b.totalMs - a.totalMs);
    },
  };
}
