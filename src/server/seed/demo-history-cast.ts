import { randomBytes } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Clock } from '../core/clock.ts';
import type { Db } from '../db/client.ts';
import {
  type Actor,
  type AuthSettings,
  accounts,
  createAccount,
  grantRole,
  loadGrants,
  type Role,
} from '../modules/auth/index.ts';
import { type OrgUnitRow, orgUnits, people, posts } from '../modules/org/index.ts';
import { AGENCIES, DEMO_ACCOUNTS } from './demo-data.ts';
import type { Random } from './demo-history-random.ts';

/** A unit that leads or cooperates on cases, the person acting for it, and how well it works (0–1). */
export interface HandlingUnit {
  unit: OrgUnitRow;
  actor: Actor;
  quality: number;
}

/** A grid that calls in the history, with the people who call, approve and rate there. */
export interface CallingGrid {
  unit: OrgUnitRow;
  township: TownshipCast;
  /** The grid's bounding box [west, south, east, north]. */
  box: [number, number, number, number];
  worker: Actor;
  head: Actor;
  /** The community secretary who approves the grid head's own calls (C4), where one acts. */
  secretary: Actor | null;
}

export interface TownshipCast {
  unit: OrgUnitRow;
  /** Position among the townships by code (the first ones are the busy urban streets). */
  index: number;
  dispatcher: Actor;
  leader: Actor;
  grids: CallingGrid[];
  /** Stationed agencies by their demo key (SCJG, ZF, SF, PCS). */
  agencies: Map<string, HandlingUnit>;
}

/** Everyone who acts in the demo history. */
export interface Cast {
  district: OrgUnitRow;
  districtDispatcher: Actor;
  /** Who publishes rankings and derives alerts (assessment.manage over the district). */
  assessor: Actor;
  townships: TownshipCast[];
  /** Departments, enterprises and agencies by unit id. */
  handlers: Map<string, HandlingUnit>;
  byCode: Map<string, OrgUnitRow>;
  /** Accounts created for the history's staff. */
  created: number;
}

export interface CastOptions {
  db: Db;
  clock: Clock;
  settings: AuthSettings;
  random: Random;
}

const COUNTY = '370782';

/** The last part of a simulated colleague's user name. */
const SHORT: Partial<Record<Role, string>> = {
  grid_worker: 'worker',
  grid_head: 'head',
  centre_dispatcher: 'dispatcher',
  township_leader: 'leader',
  dept_handler: 'handler',
  agency_head: 'head',
};

/** Calling grids per township: more in the urban streets. */
const gridsPerTownship = (index: number) => (index === 0 ? 4 : index === 1 ? 3 : 2);

interface Post {
  role: Role;
  /** The unit the account belongs to. */
  unit: OrgUnitRow;
  /** The unit the role covers. */
  at: OrgUnitRow;
}

/**
 * Finds or creates an account for every post that acts in the history: the demo
 * accounts where they hold the post, otherwise an account `sim.<unit code>.<role>` named
 * after the person the demo seed put in that post, with a random password nobody knows
 * (these colleagues are simulated; an administrator can reset one to log in as them).
 */
export async function castDemoHistory(options: CastOptions): Promise<Cast> {
  const { db, random } = options;
  const all = await db.select().from(orgUnits);
  const byCode = new Map(all.map((u) => [u.code, u]));
  const unit = (code: string) => {
    const found = byCode.get(code);
    if (!found) throw new Error(`demo history: no unit ${code}`);
    return found;
  };
  const district = unit(COUNTY);
  const townshipUnits = all.filter((u) => u.kind === 'township').sort((a, b) => a.code.localeCompare(b.code));
  const names = await postHolders(db);
  let created = 0;
  const actorFor = async (post: Post): Promise<Actor> => {
    const demo = DEMO_ACCOUNTS.find((a) => a.role === post.role && a.at === post.at.code);
    if (demo) return loadActor(db, demo.username);
    const username = `sim.${post.unit.code.toLowerCase()}.${SHORT[post.role] ?? post.role}`;
    const displayName = names.get(`${post.unit.id}:${post.role}`) ?? `${post.unit.name}${post.role}`;
    const account = await createAccount({
      db,
      clock: options.clock,
      caller: 'system',
      settings: { ...options.settings, demoMode: true },
      username,
      displayName,
      orgUnitId: post.unit.id,
      initialPassword: `${randomBytes(12).toString('base64url')}aA1!`,
    });
    await grantRole({
      db,
      clock: options.clock,
      caller: 'system',
      accountId: account.id,
      role: post.role,
      orgUnitId: post.at.id,
    });
    created += 1;
    return {
      id: account.id,
      username,
      displayName,
      orgUnitId: post.unit.id,
      mustChangePassword: false,
      sessionTokenHash: '',
      grants: [{ role: post.role, orgUnitId: post.at.id, orgPath: post.at.path }],
    };
  };
  // Hashing a password takes tens of milliseconds off the event loop: a few at a time.
  const actors = async (list: Post[]) => {
    const out: Actor[] = [];
    for (let i = 0; i < list.length; i += 4)
      out.push(...(await Promise.all(list.slice(i, i + 4).map(actorFor))));
    return out;
  };

  const handlerUnits = [
    ...all.filter((u) => u.kind === 'department' || u.kind === 'enterprise'),
    ...all.filter((u) => u.kind === 'agency'),
  ].sort((a, b) => a.code.localeCompare(b.code));
  const handlerActors = await actors(
    handlerUnits.map((u) => ({ role: u.kind === 'agency' ? 'agency_head' : 'dept_handler', unit: u, at: u })),
  );
  const handlers = new Map<string, HandlingUnit>();
  // Quality spreads evenly over each kind (so every ranking has good and bad units), in an order the seed shuffles.
  for (const group of [['department', 'enterprise'], ['agency']]) {
    const members = handlerUnits.flatMap((u, i) => (group.includes(u.kind) ? [i] : []));
    random.shuffle(members).forEach((i, rank) => {
      handlers.set((handlerUnits[i] as OrgUnitRow).id, {
        unit: handlerUnits[i] as OrgUnitRow,
        actor: handlerActors[i] as Actor,
        quality: 0.3 + (0.68 * rank) / Math.max(1, members.length - 1),
      });
    });
  }

  const townships: TownshipCast[] = [];
  for (const [index, township] of townshipUnits.entries()) {
    const [dispatcher, leader] = await actors([
      { role: 'centre_dispatcher', unit: unit(`C${township.code}`), at: township },
      { role: 'township_leader', unit: township, at: township },
    ]);
    const agencies = new Map(
      AGENCIES.map(([key]) => [key, handlers.get(unit(`A${township.code}-${key}`).id) as HandlingUnit]),
    );
    const cast: TownshipCast = {
      unit: township,
      index,
      dispatcher: dispatcher as Actor,
      leader: leader as Actor,
      grids: [],
      agencies,
    };
    const communities = all
      .filter((u) => u.parentId === township.id && u.kind === 'community')
      .sort((a, b) => a.code.localeCompare(b.code));
    const count = Math.min(gridsPerTownship(index), communities.length);
    for (let k = 0; k < count; k++) {
      const community = communities[Math.floor((k * communities.length) / count)] as OrgUnitRow;
      const grid = unit(`${community.code}001`);
      const [worker, head] = await actors([
        { role: 'grid_worker', unit: grid, at: grid },
        { role: 'grid_head', unit: grid, at: grid },
      ]);
      const secretaryDemo = DEMO_ACCOUNTS.find(
        (a) => a.role === 'community_secretary' && a.at === community.code,
      );
      cast.grids.push({
        unit: grid,
        township: cast,
        box: boxOf(grid),
        worker: worker as Actor,
        head: head as Actor,
        secretary: secretaryDemo ? await loadActor(db, secretaryDemo.username) : null,
      });
    }
    townships.push(cast);
  }
  const [districtDispatcher] = await actors([
    { role: 'centre_dispatcher', unit: unit(`C${COUNTY}`), at: district },
  ]);
  const assessorDemo = DEMO_ACCOUNTS.find((a) => a.role === 'supervision_officer');
  if (!assessorDemo) throw new Error('demo history: no supervision officer among the demo accounts');
  return {
    district,
    districtDispatcher: districtDispatcher as Actor,
    assessor: await loadActor(db, assessorDemo.username),
    townships,
    handlers,
    byCode,
    created,
  };
}

/** The holder's name of every post, by `unit id:role`. */
async function postHolders(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .select({ unitId: posts.unitId, role: posts.role, name: people.name })
    .from(posts)
    .innerJoin(people, eq(people.id, posts.personId))
    .where(
      inArray(posts.role, [
        'centre_dispatcher',
        'township_leader',
        'dept_handler',
        'agency_head',
        'grid_worker',
        'grid_head',
      ]),
    );
  return new Map(rows.map((r) => [`${r.unitId}:${r.role}`, r.name]));
}

/** An existing account as the actor its session would give. */
async function loadActor(db: Db, username: string): Promise<Actor> {
  const [account] = await db.select().from(accounts).where(eq(accounts.username, username));
  if (!account) throw new Error(`demo history: no account ${username}`);
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    orgUnitId: account.orgUnitId,
    mustChangePassword: false,
    sessionTokenHash: '',
    grants: (await loadGrants(db, account.id)).map((g) => ({
      role: g.role,
      orgUnitId: g.orgUnitId,
      orgPath: g.orgPath,
    })),
  };
}

function boxOf(grid: OrgUnitRow): [number, number, number, number] {
  const ring = (grid.boundary as { coordinates?: number[][][] } | null)?.coordinates?.[0] ?? [];
  if (ring.length === 0) throw new Error(`demo history: grid ${grid.code} has no boundary`);
  const xs = ring.map((p) => p[0] as number);
  const ys = ring.map((p) => p[1] as number);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
