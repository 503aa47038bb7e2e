import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { toIsoShanghai } from '../../core/time.ts';
import type { Db } from '../../db/client.ts';
import type { OfficialDocument } from '../../lib/official-docx.ts';
import { ledgerItems, ledgerReports } from '../ledger/ledger.tables.ts';
import type { OrgUnitRow } from '../org/index.ts';
import { itemsOfSession, type SessionRow } from './consultation.repository.ts';
import { consultationItems, consultationSessions } from './consultation.tables.ts';
import { unitsOfIds } from './units.repository.ts';

const PRINCIPLE_ZH = { statutory: '法定', negotiated: '商定', designated: '指定' } as const;
const NUMERALS = '一二三四五六七八九十';
const numeral = (n: number) => (n <= 10 ? (NUMERALS[n - 1] as string) : String(n));

/**
 * R6, R7: the minutes of a session in the order of the meeting — the basic facts and
 * attendance, last session's items as their ledger shows them (R6 step 1), the laggards'
 * explanations, each item and its determination (R1), the convenors' requirements.
 */
export async function minutesDocument(
  db: Db,
  session: SessionRow,
  area: OrgUnitRow,
  issuer: string,
): Promise<OfficialDocument> {
  const items = await itemsOfSession(db, session.id);
  const unitIds = [
    ...(session.attendance ?? []).map((a) => a.unitId),
    ...(session.laggards ?? []).map((l) => l.unitId),
    ...items.flatMap((i) => [
      ...i.involvedUnitIds,
      ...(i.leadUnitId ? [i.leadUnitId] : []),
      ...(i.cooperatingUnitIds ?? []),
    ]),
  ];
  const units = await unitsOfIds(db, unitIds);
  const name = (id: string) => units.get(id)?.name ?? id;
  const when = session.meetingAt ? toIsoShanghai(session.meetingAt) : '';
  const date = when
    ? `${Number(when.slice(0, 4))}年${Number(when.slice(5, 7))}月${Number(when.slice(8, 10))}日`
    : '';
  const decided = items.filter((i) => i.state === 'decided');
  const sections: OfficialDocument['sections'] = [
    {
      paragraphs: [
        `${date}，${area.name}在${session.location ?? ''}召开职责不清问题会商研判会议。${(
          session.attendance ?? []
        )
          .map((a) => `${name(a.unitId)}${a.people ? `（${a.people}）` : ''}`)
          .join(
            '、',
          )}参加会议。会议听取了上次会商事项落实情况汇报，研究了${items.length}个职责不清问题。现将会议议定事项纪要如下：`,
      ],
    },
    { heading: '一、上次会商事项落实情况', paragraphs: await lastSessionReport(db, session) },
  ];
  const laggards = session.laggards ?? [];
  sections.push({
    heading: '二、进展滞后单位说明',
    paragraphs: laggards.length ? laggards.map((l) => `${name(l.unitId)}：${l.explanation}`) : ['无。'],
  });
  sections.push({
    heading: '三、会议研究确定的事项',
    paragraphs: decided.length
      ? decided.map((i, n) => {
          const coop = (i.cooperatingUnitIds ?? []).map(name).join('、');
          const principle = i.principle ? PRINCIPLE_ZH[i.principle] : '';
          return `（${numeral(n + 1)}）${i.title}。经会商研判，依据${i.basis ?? ''}，按照${principle}原则，确定由${i.leadUnitId ? name(i.leadUnitId) : ''}牵头负责${coop ? `，${coop}配合` : ''}。${i.reasoning ?? ''}`;
        })
      : ['本次会议无议定事项。'],
  });
  const undecided = items.filter((i) => i.state === 'to_leaders');
  if (undecided.length)
    sections.push({
      heading: '四、提请区领导研究的事项',
      paragraphs: undecided.map((i, n) => `（${numeral(n + 1)}）${i.title}，另行专题报告。`),
    });
  sections.push({
    heading: `${undecided.length ? '五' : '四'}、有关要求`,
    paragraphs: [
      session.requirements ?? '',
      '各牵头单位要按照“一个问题、一个方案、一套措施”的要求抓好落实，于每月15日前书面报告上月落实情况，未完成的须书面说明原因。',
    ].filter(Boolean),
  });
  return {
    issuer,
    reference: session.month ? `${session.month.replace('-', '年')}月` : undefined,
    title: `${session.title}纪要`,
    sections,
    signature: issuer,
    date: session.heldAt ?? new Date(),
  };
}

/** R6 step 1: last session's decided items and what their ledger shows now. */
async function lastSessionReport(db: Db, session: SessionRow): Promise<string[]> {
  const [previous] = await db
    .select()
    .from(consultationSessions)
    .where(
      and(
        eq(consultationSessions.areaUnitId, session.areaUnitId),
        lt(consultationSessions.createdAt, session.createdAt),
        inArray(consultationSessions.state, ['held', 'minutes_issued']),
      ),
    )
    .orderBy(desc(consultationSessions.createdAt))
    .limit(1);
  if (!previous) return ['本次为首次会商，无上次会商事项。'];
  const items = await db
    .select({ title: consultationItems.title, ledgerId: consultationItems.ledgerItemId })
    .from(consultationItems)
    .where(and(eq(consultationItems.sessionId, previous.id), eq(consultationItems.state, 'decided')));
  if (items.length === 0) return ['上次会商无议定事项。'];
  const lines: string[] = [];
  for (const [n, item] of items.entries()) {
    const [ledger] = item.ledgerId
      ? await db.select().from(ledgerItems).where(eq(ledgerItems.id, item.ledgerId))
      : [];
    const [report] = item.ledgerId
      ? await db
          .select()
          .from(ledgerReports)
          .where(eq(ledgerReports.itemId, item.ledgerId))
          .orderBy(desc(ledgerReports.submittedAt))
          .limit(1)
      : [];
    const status =
      ledger?.state === 'crossed_off'
        ? '已销号'
        : report
          ? report.done
            ? '已完成，待销号'
            : `未完成：${report.explanation ?? ''}`
          : '未报送落实情况';
    lines.push(
      `（${numeral(n + 1)}）${item.title}：${status}${report?.progress ? `。${report.progress}` : ''}`,
    );
  }
  return lines;
}

/** R7: the special report of the undecided items for the district leaders. */
export async function specialReportDocument(
  db: Db,
  session: SessionRow,
  area: OrgUnitRow,
  issuer: string,
): Promise<OfficialDocument> {
  const items = (await itemsOfSession(db, session.id)).filter((i) => i.state === 'to_leaders');
  const units = await unitsOfIds(
    db,
    items.flatMap((i) => i.involvedUnitIds),
  );
  return {
    issuer,
    title: `关于${session.title}未议定问题的专题报告`,
    addressees: `${area.name}人民政府领导`,
    sections: [
      {
        paragraphs: [
          `${session.title}研究的问题中，有${items.length}个问题经会商未能确定责任主体，现报告如下，请领导研究决定。`,
        ],
      },
      ...items.map((i, n) => ({
        heading: `${numeral(n + 1)}、${i.title}`,
        paragraphs: [
          i.description,
          `涉及单位：${i.involvedUnitIds.map((u) => units.get(u)?.name ?? u).join('、') || '无'}。`,
          `会商意见：${i.reasoning ?? '各方意见不一，未能议定。'}`,
        ],
      })),
    ],
    signature: issuer,
    date: session.heldAt ?? new Date(),
  };
}
