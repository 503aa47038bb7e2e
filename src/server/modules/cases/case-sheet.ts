import type { SheetColumn } from '../../lib/list-sheet.ts';
import type { OrgUnitRow } from '../org/index.ts';
import type { CategoryRow } from '../routing/index.ts';
import type { CaseState } from './case-flow.ts';
import type { CaseListItem } from './case-view.ts';
import type { CaseChannel, CaseLevel, SlaClass } from './cases.tables.ts';

/** The page's words (web i18n `caseState.*`, checked by case-exports.db.test.ts). */
export const STATE_LABELS: Record<CaseState, string> = {
  awaiting_grid_head: '待网格长审核',
  awaiting_secretary: '待社区书记审核',
  awaiting_township_leader: '待镇街领导审核',
  triage: '待研判分流',
  dispatched: '待签收',
  signed: '已签收待到场',
  on_site: '已到场办理中',
  extension_requested: '延期申请中',
  returned: '已退回中心',
  finished: '已办结待核查',
  in_consultation: '会商研判中',
  closed: '已结案',
  closed_at_grid: '网格内办结',
  refused: '不予受理',
  merged: '已合并',
};

export const CHANNEL_LABELS: Record<CaseChannel, string> = {
  grid_app: '网格通',
  phone: '电话',
  hotline: '12345 热线',
  petition: '信访',
  public_opinion: '网络舆情',
  leader: '领导交办',
  patrol: '巡查发现',
  open311: 'Open311',
};

export const LEVEL_LABELS: Record<CaseLevel, string> = {
  township: '乡镇（街道）',
  district: '县（市、区）',
  city: '市',
};

export const SLA_LABELS: Record<SlaClass, string> = {
  livelihood: '民生类',
  simple: '简易类',
  general: '一般类',
  complex: '复杂类',
};

const RATING_LABELS = { satisfied: '满意', unsatisfied: '不满意' } as const;

/** What a sheet row needs beside the case as the list shows it. */
export interface CaseSheetLookups {
  categories: ReadonlyMap<string, CategoryRow>;
  units: ReadonlyMap<string, OrgUnitRow>;
  /** The case page's address: `https://host/cases/<id>`. */
  link(id: string): string;
}

const at = (iso: string | null) => (iso ? new Date(iso) : null);

/**
 * The columns of 案件列表: what the list carries (`CaseListItem`, personal numbers in the
 * text already masked by `presentCase`), with codes turned into the page's words and unit
 * ids into names, and a link to each case's page.
 */
export function caseColumns(lookups: CaseSheetLookups): SheetColumn<CaseListItem>[] {
  const unit = (id: string | null) => (id ? (lookups.units.get(id)?.name ?? '') : '');
  const category = (code: string) => lookups.categories.get(code);
  const group = (code: string) => {
    const parent = category(code)?.parentCode;
    return parent ? category(parent)?.nameZh : undefined;
  };
  return [
    {
      header: '案件编号',
      width: 24,
      value: (c) => ({ text: c.number, hyperlink: lookups.link(c.id) }),
    },
    { header: '事项大类', width: 12, value: (c) => group(c.category) ?? '' },
    { header: '事项类别', width: 14, value: (c) => category(c.category)?.nameZh ?? c.category },
    { header: '状态', width: 14, value: (c) => STATE_LABELS[c.state as CaseState] ?? c.state },
    // The list's clock: when the duty owed first falls due (empty when none runs).
    { header: '下一时限', width: 17, type: 'time', value: (c) => at(c.nextDuty?.dueAt ?? null) },
    { header: '办理轮次', width: 10, type: 'number', value: (c) => c.rounds },
    { header: '来源渠道', width: 10, value: (c) => CHANNEL_LABELS[c.channel] },
    { header: '受理层级', width: 12, value: (c) => LEVEL_LABELS[c.level] },
    { header: '发生时间', width: 17, type: 'time', value: (c) => at(c.occurredAt) },
    { header: '地址', width: 30, value: (c) => c.address },
    { header: '经度', width: 12, type: 'number', value: (c) => c.lng },
    { header: '纬度', width: 12, type: 'number', value: (c) => c.lat },
    { header: '所在网格', width: 18, value: (c) => unit(c.gridId) },
    { header: '乡镇（街道）', width: 14, value: (c) => unit(c.townshipId) },
    { header: '当事人', width: 16, value: (c) => c.party },
    { header: '具体情形', width: 40, value: (c) => c.situation },
    { header: '需求诉求', width: 30, value: (c) => c.demand },
    { header: '牵头承办单位', width: 22, value: (c) => unit(c.leadUnitId) },
    { header: '时限类别', width: 10, value: (c) => (c.slaClass ? SLA_LABELS[c.slaClass] : '') },
    { header: '反馈', width: 30, value: (c) => c.feedback },
    { header: '反馈时间', width: 17, type: 'time', value: (c) => at(c.feedbackAt) },
    { header: '核查评价', width: 10, value: (c) => (c.rating ? RATING_LABELS[c.rating] : '') },
    { header: '发起时间', width: 17, type: 'time', value: (c) => at(c.createdAt) },
    { header: '更新时间', width: 17, type: 'time', value: (c) => at(c.updatedAt) },
  ];
}
