/**
 * Messages shared by the list pages — filters, sorting, 导出 Excel — merged into the Chinese
 * dictionary by `zh-CN.ts`; `lists.en.ts` must have exactly these keys.
 */
export const listsZhCN = {
  'list.export': '导出 Excel',
  'list.exportHint': '按当前的筛选和排序导出为 .xlsx（最多 10000 行）',
  'list.search': '搜索',
  'list.category': '类别',
  'list.allCategories': '全部类别',
  'list.wholeGroup': '{name}（全部）',
  'list.raisedFrom': '发起日期从',
  'list.raisedTo': '至',
  'list.from': '从',
  'list.to': '至',
  'list.clearFilters': '清除筛选',
  'list.sort': '排序',
  'list.caseSearchHint': '编号或地址',
  'ledgerList.search': '标题',
  'ledgerList.overdueOnly': '只看逾期',
  'ledgerList.sortNewest': '创建时间（新→旧）',
  'ledgerList.sortOldest': '创建时间（旧→新）',
  'ledgerList.sortDue': '办结期限（近→远）',
  'ledgerList.sortNextReport': '下次报告（近→远）',
  'ledgerList.sortTitle': '标题',
  'peopleList.sortName': '按姓名',
  'peopleList.sortUnit': '按单位',
  'peopleList.oneUnit': '仅所选单位及下级',
  'accountsList.search': '用户名或姓名',
  'accountsList.allRoles': '全部角色',
  'accountsList.allStatuses': '全部状态',
  'accountsList.locked': '已锁定',
  'auditList.subjectType': '对象类型',
  'auditList.subjectId': '对象 ID',
  'auditList.apply': '筛选',
  'auditList.bySubject': '只看该对象的事件',
  'auditList.byActor': '只看该操作人的事件',
  'auditList.oneActor': '操作人：{name}',
  'alertsList.allStates': '全部状态',
  'rulesList.exportHint': '按当前的类别和适用范围导出现行及将生效的规则（可修改后导入）',
  'orgList.exportHint': '导出权限范围内的全部单位（每行一个单位及其上级）',
  'sessionsList.allKinds': '全部类别',
  'sessionsList.allStates': '全部状态',
} as const satisfies Record<string, string>;

/** The list messages in another language: exactly the Chinese keys. */
export type ListsMessages = Record<keyof typeof listsZhCN, string>;
