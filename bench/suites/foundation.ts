/** Foundation benchmarks: password hashing, event append and chain verification. */
import { hashPassword, verifyPassword } from '../../src/server/modules/auth/passwords.ts';
import { appendEvent, verifyChain } from '../../src/server/modules/events/index.ts';
import { type Measurement, type Suite, time, withDatabase } from '../harness.ts';

async function eventsBench(kind: 'pglite' | 'postgresql'): Promise<Measurement[]> {
  const out: Measurement[] = [];
  await withDatabase(kind, async (database) => {
    const n = 3000;
    const at = new Date();
    const append = await time(async () => {
      for (let i = 0; i < n; i++) {
        await database.db.transaction((tx) =>
          appendEvent({
            db: tx,
            at,
            actor: null,
            subject: { type: 'bench', id: String(i) },
            kind: 'bench.appended',
            payload: { i, note: '网格呼叫 部门报到' },
          }),
        );
      }
    });
    out.push({
      name: `events.append.${kind}`,
      unit: 'events/s',
      value: Math.round((n / append.ms) * 1000),
      detail: { events: n, ms: Math.round(append.ms), oneTransactionEach: true },
    });
    const verify = await time(() => verifyChain({ db: database.db }));
    if (!verify.result.ok) throw new Error('bench chain broken');
    out.push({
      name: `events.verify.${kind}`,
      unit: 'events/s',
      value: Math.round((verify.result.checked / verify.ms) * 1000),
      detail: { events: verify.result.checked, ms: Math.round(verify.ms) },
    });
  });
  return out;
}

async function passwordBench(): Promise<Measurement[]> {
  const hash = await hashPassword('Bench#2026pass');
  const rounds = 20;
  const verify = await time(async () => {
    for (let i = 0; i < rounds; i++) await verifyPassword(hash, 'Bench#2026pass');
  });
  return [
    { name: 'auth.argon2id.verify', unit: 'ms/login', value: Math.round((verify.ms / rounds) * 10) / 10 },
  ];
}

export const foundation: Suite = {
  name: 'foundation',
  run: async () => [
    ...(await passwordBench()),
    ...(await eventsBench('pglite')),
    ...(await eventsBench('postgresql')),
  ],
};
