import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import { EXPORT_ROW_LIMIT, takeRows, writeListSheet } from '../../lib/list-sheet.ts';
import { type Actor, scopeOf } from '../auth/index.ts';
import { presentPerson } from './org.views.ts';
import { listPeople } from './people.repository.ts';
import { type PeopleFilters, sortPeople } from './people-list-query.ts';

export interface ExportPeopleOptions {
  db: Db;
  clock: Clock;
  actor: Actor;
  filters: PeopleFilters;
  /** The unit the list is narrowed to (checked against the caller's scope by the route). */
  under?: { path: string; name: string } | undefined;
  /** A person's page: `https://host/org/people/<id>`. */
  link(id: string): string;
}

/**
 * 人员信息 as an .xlsx workbook (sheet 人员信息): the people `GET /api/people` lists for the
 * caller — the same `person.read` scope and filters, and personal numbers masked exactly as
 * the list masks them for this reader (`presentPerson`: phones unless person.contact on the
 * person's unit, ID numbers unless person.manage) — at most EXPORT_ROW_LIMIT, the cut stated.
 */
export async function exportPeople(options: ExportPeopleOptions): Promise<Buffer> {
  const { db, actor, filters } = options;
  const found = await listPeople(db, {
    scope: scopeOf(actor, 'person.read'),
    underPath: options.under?.path,
    q: filters.q,
    limit: EXPORT_ROW_LIMIT + 1,
  });
  const { rows, capped } = takeRows(found);
  const people = sortPeople(
    rows.map((r) => presentPerson(actor, r.person, r.unitPath, r.unitName)),
    filters.sort ?? 'name',
  );
  return writeListSheet({
    sheet: '人员信息',
    columns: [
      { header: '姓名', width: 12, value: (p) => ({ text: p.name, hyperlink: options.link(p.id) }) },
      { header: '所属单位', width: 28, value: (p) => p.unitName },
      { header: '手机号码', width: 15, value: (p) => p.phone },
      { header: '身份证号码', width: 21, value: (p) => p.idNumber },
      { header: '系统账号', width: 10, value: (p) => (p.hasAccount ? '有' : '无') },
    ],
    rows: people,
    capped,
    filters: [
      ['单位', options.under?.name ?? '我的权限范围'],
      ['姓名', filters.q ?? '不限'],
      ['排序', filters.sort === 'unit' ? '按单位' : '按姓名'],
    ],
    exportedAt: options.clock.now(),
    exportedBy: actor.displayName,
  });
}
