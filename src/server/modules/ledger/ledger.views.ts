import { z } from 'zod';
import { toIsoOrNull, toIsoShanghai } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import { accountNames } from '../auth/index.ts';
import { type LedgerItemRow, type LedgerReportRow, unitsById } from './ledger.repository.ts';
import { clocksOf, type ItemClocks } from './ledger-clocks.repository.ts';
import { LEDGER_STATES } from './ledger-flow.ts';
import { LEDGER_KIND_NAMES } from './ledger-kinds.ts';

export const unitRef = z.object({ id: z.uuid(), name: z.string(), code: z.string() });
const personRef = z.object({ id: z.uuid(), name: z.string() });

export const ledgerItemView = z.object({
  id: z.uuid(),
  kind: z.enum(LEDGER_KIND_NAMES),
  source: z.object({ type: z.string(), id: z.uuid() }).nullable(),
  title: z.string(),
  content: z.string(),
  lead: unitRef,
  cooperating: z.array(unitRef),
  dueAt: z.string().nullable(),
  reportRule: z.string().nullable(),
  state: z.enum(['open', 'crossed_off']),
  stateType: z.enum(['open', 'closed']),
  reopened: z.number().int(),
  createdAt: z.string(),
  createdBy: personRef.nullable(),
  crossedOffAt: z.string().nullable(),
  crossedOffBy: personRef.nullable(),
  clocks: z.object({
    overdueReports: z.number().int(),
    lateReports: z.number().int(),
    nextReportDueAt: z.string().nullable(),
    completionOverdue: z.boolean(),
  }),
});

export const ledgerReportView = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  unit: unitRef,
  period: z.string(),
  done: z.boolean(),
  progress: z.string(),
  explanation: z.string().nullable(),
  submittedBy: personRef,
  submittedAt: z.string(),
  review: z.enum(['accepted', 'returned']).nullable(),
  reviewNote: z.string().nullable(),
  reviewedBy: personRef.nullable(),
  reviewedAt: z.string().nullable(),
});

type ItemView = z.infer<typeof ledgerItemView>;
type ReportView = z.infer<typeof ledgerReportView>;

/** Names of the units and accounts the rows mention, in two queries. */
async function lookups(db: Db, unitIds: string[], accountIds: (string | null)[]) {
  const units = await unitsById(db, unitIds);
  const names = await accountNames(db, [...new Set(accountIds.filter((id): id is string => !!id))]);
  const unit = (id: string) => {
    const u = units.get(id);
    return { id, name: u?.name ?? '', code: u?.code ?? '' };
  };
  const person = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);
  return { unit, person };
}

const NO_CLOCKS: ItemClocks = {
  overdueReports: 0,
  lateReports: 0,
  nextReportDueAt: null,
  completionOverdue: false,
};

export async function presentItems(db: Db, rows: LedgerItemRow[]): Promise<ItemView[]> {
  const { unit, person } = await lookups(
    db,
    rows.flatMap((r) => [r.leadUnitId, ...r.cooperatingUnitIds]),
    rows.flatMap((r) => [r.createdBy, r.crossedOffBy]),
  );
  const clocks = await clocksOf(db, rows);
  return rows.map((r) => {
    const c = clocks.get(r.id) ?? NO_CLOCKS;
    return {
      id: r.id,
      kind: r.kind as ItemView['kind'],
      source: r.sourceType && r.sourceId ? { type: r.sourceType, id: r.sourceId } : null,
      title: r.title,
      content: r.content,
      lead: unit(r.leadUnitId),
      cooperating: r.cooperatingUnitIds.map(unit),
      dueAt: toIsoOrNull(r.dueAt),
      reportRule: r.reportRule,
      state: r.state,
      stateType: LEDGER_STATES[r.state],
      reopened: r.reopened,
      createdAt: toIsoShanghai(r.createdAt),
      createdBy: person(r.createdBy),
      crossedOffAt: toIsoOrNull(r.crossedOffAt),
      crossedOffBy: person(r.crossedOffBy),
      clocks: { ...c, nextReportDueAt: toIsoOrNull(c.nextReportDueAt) },
    };
  });
}

export async function presentItem(db: Db, row: LedgerItemRow): Promise<ItemView> {
  const [view] = await presentItems(db, [row]);
  if (!view) throw new Error('presenting an item gave nothing');
  return view;
}

export async function presentReports(db: Db, rows: LedgerReportRow[]): Promise<ReportView[]> {
  const { unit, person } = await lookups(
    db,
    rows.map((r) => r.unitId),
    rows.flatMap((r) => [r.submittedBy, r.reviewedBy]),
  );
  return rows.map((r) => ({
    id: r.id,
    itemId: r.itemId,
    unit: unit(r.unitId),
    period: r.period,
    done: r.done,
    progress: r.progress,
    explanation: r.explanation,
    submittedBy: person(r.submittedBy) ?? { id: r.submittedBy, name: '' },
    submittedAt: toIsoShanghai(r.submittedAt),
    review: r.review,
    reviewNote: r.reviewNote,
    reviewedBy: person(r.reviewedBy),
    reviewedAt: toIsoOrNull(r.reviewedAt),
  }));
}
