import { randomUUID } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Clock } from '../../core/clock.ts';
import { badRequest } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import { type CountyDivisions, shortCommunityName } from './division-source.ts';
import { type OrgKind, orgUnits } from './org.tables.ts';

export interface ImportDivisionsOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  divisions: CountyDivisions;
}

export interface DivisionsReport {
  county: string;
  created: { code: string; name: string; kind: OrgKind }[];
  renamed: { code: string; from: string; to: string }[];
  unchanged: number;
  /** Units of the county the data no longer lists: reported, never deleted (cases may point at them). */
  notInSource: { code: string; name: string }[];
}

interface Wanted {
  code: string;
  name: string;
  fullName: string | null;
  kind: OrgKind;
  parentCode: string | null;
}

/**
 * Builds or updates a county's tree (city → county → townships → communities) from
 * official division data. Idempotent: a second run creates nothing and says so. The
 * whole import is one transaction and one event listing what changed.
 */
export async function importDivisions(options: ImportDivisionsOptions): Promise<DivisionsReport> {
  const { db, caller, divisions } = options;
  // The import reaches from the city down: the caller manages the city (or, for a new
  // city, is the operator's CLI).
  const cityCode = divisions.city.code.padEnd(6, '0');
  const [city] = await db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.code, cityCode));
  requireAccess(caller, 'org.manage', city?.path ?? '/');
  const wanted: Wanted[] = [
    { code: cityCode, name: divisions.city.name, fullName: null, kind: 'city', parentCode: null },
    {
      code: divisions.county.code,
      name: divisions.county.name,
      fullName: null,
      kind: 'district',
      parentCode: cityCode,
    },
    ...divisions.townships.map((t) => ({
      code: t.code,
      name: t.name,
      fullName: null,
      kind: 'township' as const,
      parentCode: divisions.county.code,
    })),
    ...divisions.communities.map((c) => ({
      code: c.code,
      name: shortCommunityName(c.name),
      fullName: c.name === shortCommunityName(c.name) ? null : c.name,
      kind: 'community' as const,
      parentCode: c.township,
    })),
  ];
  const codes = new Set(wanted.map((w) => w.code));
  for (const w of wanted) {
    if (w.parentCode && !codes.has(w.parentCode)) {
      throw badRequest(
        'BAD_DIVISIONS',
        `区划 ${w.code} 的上级 ${w.parentCode} 不在数据中`,
        `Division ${w.code} has an unknown parent ${w.parentCode}`,
        'county',
      );
    }
  }
  const now = options.clock.now();

  return db.transaction(async (tx) => {
    const existing = new Map(
      (
        await tx
          .select()
          .from(orgUnits)
          .where(inArray(orgUnits.code, [...codes]))
      ).map((u) => [u.code, u]),
    );
    const report: DivisionsReport = {
      county: divisions.county.code,
      created: [],
      renamed: [],
      unchanged: 0,
      notInSource: [],
    };
    const byCode = new Map(existing);
    const toInsert: (typeof orgUnits.$inferInsert)[] = [];
    // Parents come before children in `wanted`, so each parent is known when its children are placed.
    for (const w of wanted) {
      const found = byCode.get(w.code);
      if (found) {
        if (found.kind !== w.kind) {
          throw badRequest(
            'ORG_CODE_TAKEN',
            `编码 ${w.code} 已被其他类型的组织使用`,
            `Code ${w.code} is used by a ${found.kind}`,
            'county',
          );
        }
        if (found.name !== w.name || found.fullName !== w.fullName) {
          await tx
            .update(orgUnits)
            .set({ name: w.name, fullName: w.fullName })
            .where(eq(orgUnits.id, found.id));
          report.renamed.push({ code: w.code, from: found.name, to: w.name });
        } else {
          report.unchanged++;
        }
        continue;
      }
      const parent = w.parentCode ? byCode.get(w.parentCode) : undefined;
      const id = randomUUID();
      const row = {
        id,
        parentId: parent?.id ?? null,
        code: w.code,
        name: w.name,
        fullName: w.fullName,
        kind: w.kind,
        gridType: null,
        departmentId: null,
        level: parent ? parent.level + 1 : 0,
        path: `${parent?.path ?? '/'}${id}/`,
        boundary: null,
        createdAt: now,
      };
      toInsert.push(row);
      byCode.set(w.code, row);
      report.created.push({ code: w.code, name: w.name, kind: w.kind });
    }
    for (let i = 0; i < toInsert.length; i += 500)
      await tx.insert(orgUnits).values(toInsert.slice(i, i + 500));

    const county = byCode.get(divisions.county.code);
    if (county) {
      const inTree = await tx
        .select({ code: orgUnits.code, name: orgUnits.name, kind: orgUnits.kind, path: orgUnits.path })
        .from(orgUnits)
        .where(inArray(orgUnits.kind, ['township', 'community']));
      report.notInSource = inTree
        .filter((u) => u.path.startsWith(county.path) && !codes.has(u.code))
        .map((u) => ({ code: u.code, name: u.name }));
    }
    if (report.created.length > 0 || report.renamed.length > 0) {
      await appendEvent({
        db: tx,
        at: now,
        actor: eventActor(caller),
        subject: { type: 'org_unit', id: county?.id ?? divisions.county.code },
        kind: 'org.divisions_imported',
        payload: {
          county: divisions.county.code,
          source: divisions.source,
          created: report.created.map((c) => c.code),
          renamed: report.renamed,
        },
      });
    }
    return report;
  });
}
