import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { type Caller, eventActor, requireAccess } from '../auth/index.ts';
import { appendEvent } from '../events/index.ts';
import { findOrgUnit, findOrgUnitByCode, type OrgUnitRow } from './org.repository.ts';
import { type GridType, ORG_KINDS, type OrgKind, orgUnits } from './org.tables.ts';
import { CODE_PATTERNS, PARENT_KINDS } from './unit-rules.ts';

export interface CreateOrgUnitOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  /** Parent unit; null creates a root (the city). */
  parentId: string | null;
  code: string;
  name: string;
  kind: OrgKind;
  fullName?: string | null | undefined;
  gridType?: GridType | null | undefined;
  /** For an agency: the department that stations it (G7). */
  departmentId?: string | null | undefined;
}

/** Adds a unit under its parent; its path is the parent's path plus its own id. */
export async function createOrgUnit(options: CreateOrgUnitOptions): Promise<OrgUnitRow> {
  const { db, caller } = options;
  if (!(ORG_KINDS as readonly string[]).includes(options.kind)) {
    throw badRequest('BAD_ORG_KIND', '组织类型无效', 'Unknown org unit kind', 'kind');
  }
  // G1/G2: division codes have the digits of their level.
  const pattern = CODE_PATTERNS[options.kind];
  if (pattern && !pattern.test(options.code)) {
    throw badRequest(
      'BAD_ORG_CODE',
      `编码 ${options.code} 不符合该级区划代码位数`,
      `Code ${options.code} has the wrong shape for a ${options.kind}`,
      'code',
    );
  }
  return db.transaction(async (tx) => {
    if (await findOrgUnitByCode(tx, options.code)) {
      throw conflict(
        'ORG_CODE_TAKEN',
        `编码 ${options.code} 已被使用`,
        `Code ${options.code} is taken`,
        'code',
      );
    }
    const parent = options.parentId ? await findOrgUnit(tx, options.parentId) : undefined;
    if (options.parentId && !parent) {
      throw badRequest('PARENT_NOT_FOUND', '上级组织不存在', 'Parent unit not found', 'parentId');
    }
    requireAccess(caller, 'org.manage', parent?.path ?? '/');
    // G1/G2/G7: a unit sits only under the kinds its level allows.
    if (!PARENT_KINDS[options.kind].includes(parent?.kind ?? null)) {
      throw badRequest(
        'BAD_PARENT_KIND',
        `该类组织（${options.kind}）不能设在 ${parent?.kind ?? '顶层'} 之下`,
        `A ${options.kind} cannot sit under ${parent?.kind ?? 'the top'}`,
        'parentId',
      );
    }
    if (options.kind === 'agency') {
      const department = options.departmentId ? await findOrgUnit(tx, options.departmentId) : undefined;
      if (department?.kind !== 'department') {
        throw badRequest(
          'AGENCY_DEPARTMENT',
          '派驻机构须指明派出它的职能部门',
          'An agency needs the department that stations it',
          'departmentId',
        );
      }
    }
    const id = randomUUID();
    const now = options.clock.now();
    const [unit] = await tx
      .insert(orgUnits)
      .values({
        id,
        parentId: parent?.id ?? null,
        code: options.code,
        name: options.name,
        kind: options.kind,
        fullName: options.fullName ?? null,
        gridType: options.kind === 'grid' ? (options.gridType ?? 'block') : null,
        departmentId: options.kind === 'agency' ? (options.departmentId ?? null) : null,
        level: parent ? parent.level + 1 : 0,
        path: `${parent?.path ?? '/'}${id}/`,
        createdAt: now,
      })
      .returning();
    if (!unit) throw new Error('org unit insert returned nothing');
    await appendEvent({
      db: tx,
      at: now,
      actor: eventActor(caller),
      subject: { type: 'org_unit', id },
      kind: 'org.unit_created',
      payload: { code: unit.code, name: unit.name, kind: unit.kind, parentId: unit.parentId },
    });
    return unit;
  });
}
