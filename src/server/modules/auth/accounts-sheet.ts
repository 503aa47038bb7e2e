import type { z } from 'zod';
import { takeRows, writeListSheet } from '../../lib/list-sheet.ts';
import { ROLE_LABELS } from '../org/index.ts';
import type { AccountFilters, AccountStatus } from './account-list-query.ts';
import { statusOf } from './account-list-query.ts';
import type { accountView } from './auth.schemas.ts';
import type { Role } from './roles.ts';

type AccountView = z.infer<typeof accountView>;

/** The page's words (web i18n `role.*`, `accounts.status*`). */
export const ALL_ROLE_LABELS: Record<Role, string> = {
  ...ROLE_LABELS,
  system_admin: '系统管理员',
  security_admin: '安全管理员',
  audit_admin: '审计管理员',
};

export const STATUS_LABELS: Record<AccountStatus, string> = {
  active: '正常',
  locked: '已锁定',
  disabled: '已停用',
  must_change: '待改密',
};

const SORT_LABELS = { username: '用户名', name: '姓名', unit: '所属单位' } as const;

/**
 * 账号 as an .xlsx workbook (sheet 账号列表): the accounts the list shows the caller, with
 * their roles and state — never a password hash, a session or an ID number (accounts carry none).
 */
export function writeAccountsSheet(options: {
  accounts: readonly AccountView[];
  filters: AccountFilters;
  exportedAt: Date;
  exportedBy: string;
}): Promise<Buffer> {
  const { filters } = options;
  const role = (r: string) => ALL_ROLE_LABELS[r as Role] ?? r;
  const { rows, capped } = takeRows(options.accounts);
  return writeListSheet({
    sheet: '账号列表',
    columns: [
      { header: '用户名', width: 18, value: (a) => a.username },
      { header: '姓名', width: 12, value: (a) => a.displayName },
      { header: '所属单位', width: 24, value: (a) => a.orgUnit?.name },
      {
        header: '角色',
        width: 40,
        value: (a) => a.roles.map((g) => `${role(g.role)}（${g.orgUnitName}）`).join('、'),
      },
      {
        header: '状态',
        width: 16,
        value: (a) =>
          statusOf(a)
            .map((s) => STATUS_LABELS[s])
            .join('、'),
      },
      {
        header: '锁定至',
        width: 17,
        type: 'time',
        value: (a) => (a.lockedUntil ? new Date(a.lockedUntil) : null),
      },
      { header: '账号 ID', width: 38, value: (a) => a.id },
    ],
    rows,
    capped,
    filters: [
      ['用户名或姓名', filters.q ?? '不限'],
      ['角色', filters.role ? role(filters.role) : '全部'],
      ['状态', filters.status ? STATUS_LABELS[filters.status] : '全部'],
      ['排序', SORT_LABELS[filters.sort ?? 'username']],
    ],
    exportedAt: options.exportedAt,
    exportedBy: options.exportedBy,
  });
}
