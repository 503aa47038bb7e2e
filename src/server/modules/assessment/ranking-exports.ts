import ExcelJS from 'exceljs';
import { officialDocx } from '../../lib/official-docx.ts';
import type { RankingRow, Subject } from './compute-ranking.ts';
import type { PublishedRanking } from './publish-ranking.ts';
import { type PeriodKind, periodLabel } from './ranking-period.ts';

const SUBJECT_LABELS: Record<Subject, string> = {
  township: '镇街',
  department: '部门（单位）',
  agency: '派驻机构',
  community: '社区',
  grid: '网格',
};

const HEADERS = [
  '名次',
  '单位编码',
  '单位名称',
  '案件数',
  '及时签收率(%)',
  '按期办结率(%)',
  '一次性完工率(%)',
  '群众满意率(%)',
  '违时次数',
  '会商违时次数',
  '自动加减分',
  '人工加减分',
  '综合得分',
  '备注',
];

const show = (v: number | null) => (v === null ? '—' : v);
const rowsOf = (r: PublishedRanking) => r.rows as unknown as RankingRow[];
const areaName = (r: PublishedRanking) =>
  String((r.settings.area as { name?: string } | undefined)?.name ?? '');

/** 关于2026年10月镇街网格呼叫部门报到工作考核排名的通报 (with 更正 for a later version). */
export function noticeTitle(r: PublishedRanking): string {
  const label = periodLabel({
    kind: r.period.kind as PeriodKind,
    fromDay: r.period.from,
    toDay: r.period.to,
  });
  const subject = SUBJECT_LABELS[r.subject as Subject] ?? r.subject;
  const correction = r.version > 1 ? `（更正第${r.version}版）` : '';
  return `关于${label}${subject}网格呼叫部门报到工作考核排名的通报${correction}`;
}

/** A1: the frozen table as an .xlsx workbook (sheet 考核排名, Chinese headers). */
export async function rankingSheet(r: PublishedRanking): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('考核排名');
  sheet.addRow([noticeTitle(r)]);
  sheet.addRow(HEADERS);
  for (const row of rowsOf(r)) {
    sheet.addRow([
      row.rank ?? '不参与排名',
      row.code,
      row.name,
      row.cases,
      show(row.rates.signIn),
      show(row.rates.onTime),
      show(row.rates.firstTime),
      show(row.rates.satisfaction),
      row.breaches,
      row.consultationBreaches,
      row.points.automatic,
      row.points.manual,
      show(row.score),
      row.rank === null ? '案件数不足，单列' : '',
    ]);
  }
  if (r.reason) sheet.addRow([`更正理由：${r.reason}`]);
  sheet.getRow(2).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const line = (row: RankingRow) =>
  `第${row.rank}名　${row.name}：综合得分${show(row.score)}分（及时签收率${show(row.rates.signIn)}%，按期办结率${show(row.rates.onTime)}%，一次性完工率${show(row.rates.firstTime)}%，群众满意率${show(row.rates.satisfaction)}%，加减分${row.points.total}分）。`;

/**
 * A1, A3: the ranking notice (通报) per GB/T 9704 — the table as paragraphs, the units
 * apart, the commendation of the top 3 and the warning of the bottom 3.
 */
export function rankingNotice(r: PublishedRanking): Promise<Buffer> {
  const rows = rowsOf(r);
  const ranked = rows.filter((row) => row.rank !== null);
  const apart = rows.filter((row) => row.rank === null);
  const top = ranked.slice(0, 3);
  const bottom = ranked.length > 3 ? ranked.slice(-3).reverse() : [];
  const issuer = `${areaName(r)}社会治理网格化服务管理中心`;
  const sections: { heading?: string; paragraphs: string[] }[] = [
    {
      paragraphs: [
        `根据网格化服务管理考核办法，现将${periodLabel({ kind: r.period.kind as PeriodKind, fromDay: r.period.from, toDay: r.period.to })}考核排名情况通报如下。`,
        ...(r.reason ? [`本通报为第${r.version}版，更正理由：${r.reason}。`] : []),
      ],
    },
    { heading: '一、考核排名', paragraphs: ranked.length ? ranked.map(line) : ['本期无参与排名的单位。'] },
  ];
  if (apart.length)
    sections.push({
      heading: '二、案件数不足单列的单位',
      paragraphs: apart.map((row) => `${row.name}：本期案件${row.cases}件，不参与排名。`),
    });
  sections.push({
    heading: apart.length ? '三、通报表扬' : '二、通报表扬',
    paragraphs: top.length
      ? [`对排名前三位的${top.map((row) => row.name).join('、')}予以通报表扬。`]
      : ['本期无表扬单位。'],
  });
  sections.push({
    heading: apart.length ? '四、预警提醒' : '三、预警提醒',
    paragraphs: bottom.length
      ? [`对排名后三位的${bottom.map((row) => row.name).join('、')}予以通报批评并预警，请限期整改。`]
      : ['本期无预警单位。'],
  });
  return officialDocx({
    issuer,
    title: noticeTitle(r),
    sections,
    signature: issuer,
    date: new Date(r.publishedAt),
  });
}
