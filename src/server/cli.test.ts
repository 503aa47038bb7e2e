import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let dataDir: string;

/** Runs the real `luoshi` command against a PGlite directory of its own. */
async function luoshi(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/luoshi.mjs', ...args], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'luoshi-cli-'));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('luoshi command', () => {
  it('migrates, seeds the demo city once, and verifies an intact audit chain', async () => {
    expect((await luoshi(['migrate'])).code).toBe(0);
    expect((await luoshi(['seed', 'demo', '--no-history'])).stdout).toContain('demo city seeded');
    expect((await luoshi(['seed', 'demo', '--no-history'])).stdout).toContain('nothing seeded');
    const verify = await luoshi(['audit', 'verify']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/audit chain intact: \d+ events in 1 stream/);
    // Four CLI processes, each starting Node and PGlite, and the whole demo city: a slow or
    // busy machine needs more than the default 30 s.
  }, 180_000);

  it('adds an account with a role and resets its password', async () => {
    const add = await luoshi([
      'user',
      'add',
      '--username',
      'ops',
      '--name',
      '运维',
      '--password',
      'Yunwei#2026',
      '--org',
      '370782',
      '--role',
      'system_admin',
    ]);
    expect(add.stdout).toContain('account ops created at 诸城市 as system_admin');
    const weak = await luoshi(['user', 'reset-password', '--username', 'ops', '--password', 'weak']);
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('密码至少 8 位');
    const reset = await luoshi(['user', 'reset-password', '--username', 'ops', '--password', 'Yunwei#2027']);
    expect(reset.stdout).toContain('password of ops reset');
  });

  it('names the first altered row and exits 1', async () => {
    const db = new PGlite(join(dataDir, 'pglite'));
    await db.exec('ALTER TABLE events DISABLE TRIGGER events_no_update_delete');
    const [row] = (await db.query<{ id: string }>('SELECT id::text AS id FROM events WHERE seq = 5')).rows;
    await db.query(`UPDATE events SET kind = 'auth.nothing_happened' WHERE seq = 5`);
    await db.close();
    const verify = await luoshi(['audit', 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain(`stream global: row 5 (id ${row?.id}) was altered`);
  });

  it('G1: imports the divisions of a county, idempotently, and names an unknown one', async () => {
    // The demo city holds 诸城市 already: a re-import finds every division unchanged.
    const again = await luoshi(['import', 'divisions', '--county', '370782']);
    expect(again.stdout).toContain(
      'county 370782: created 0 (0 townships, 0 communities), renamed 0, unchanged 275',
    );
    const unknown = await luoshi(['import', 'divisions', '--county', '110101', '--from', 'bundled']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('县级区划 110101');
  });

  it('stops with a message naming a wrong config key', async () => {
    const result = await luoshi(['serve'], { PORT: 'eighty' });
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('PORT: PORT must be a whole number (got "eighty")');
  });
});
