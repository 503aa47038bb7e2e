import { DownloadOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { localizedMessage, ROLE_CODES, roleLabel } from '../../i18n/translate.ts';
import { api, asApiError, withQuery } from '../../lib/api.ts';
import type { Account } from '../../lib/api-types.ts';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { can, useMe } from '../../session/session.tsx';
import { CreateAccountModal } from './CreateAccountModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';

const STATUSES = ['active', 'locked', 'disabled', 'must_change'] as const;
const SORTS = ['username', 'name', 'unit'] as const;

/** The filters of the address the server knows (?q=&role=&status=&sort=); others are dropped. */
function accountQuery(params: URLSearchParams): Record<string, string | undefined> {
  const pick = (name: string, allowed?: readonly string[]) => {
    const value = params.get(name)?.trim() ?? '';
    return value && (!allowed || allowed.includes(value)) ? value : undefined;
  };
  return {
    q: pick('q')?.slice(0, 64),
    role: pick('role', ROLE_CODES),
    status: pick('status', STATUSES),
    sort: pick('sort', SORTS.slice(1)),
  };
}

/**
 * 账号: the accounts of the administrator's scope, searched by user or display name and
 * filtered by role and state, sorted by user name, name or unit — all in the address
 * (?q=&role=&status=&sort=), so a view can be shared — with 导出 Excel for the same list
 * (GET /api/accounts.xlsx).
 */
const STATUS_LABELS = {
  active: 'accounts.statusActive',
  locked: 'accountsList.locked',
  disabled: 'accounts.statusDisabled',
  must_change: 'accounts.statusMustChange',
} as const;

const SORT_LABELS = {
  username: 'accounts.username',
  name: 'accounts.displayName',
  unit: 'accounts.orgUnit',
} as const;

function field(id: string, label: string, control: ReactNode) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <label htmlFor={id}>{label}</label>
      {control}
    </span>
  );
}

export function AccountsPage() {
  const { locale, t } = useI18n();
  const me = useMe();
  const { message } = useFeedback();
  useDocumentTitle(t('nav.accounts'));
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => accountQuery(params), [params]);
  const [search, setSearch] = useState(query.q ?? '');
  useEffect(() => setSearch(query.q ?? ''), [query.q]);
  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const load = useCallback(() => api.accounts(query).then((page) => page.items), [query]);
  const { data, error, loading, reload } = useApi(load);
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<Account | null>(null);
  const [unlocking, setUnlocking] = useState<string | null>(null);

  const unlock = async (account: Account) => {
    setUnlocking(account.id);
    try {
      await api.unlockAccount(account.id);
      message.success(t('accounts.unlocked'));
      reload();
    } catch (caught) {
      message.error(localizedMessage(locale, asApiError(caught)));
    } finally {
      setUnlocking(null);
    }
  };

  const columns: TableColumnsType<Account> = [
    {
      key: 'username',
      title: t('accounts.username'),
      // The copy button copies the account ID, which the security administrator needs to grant roles.
      render: (_, account) => (
        <Typography.Text
          copyable={{ text: account.id, tooltips: [t('accounts.copyId'), t('accounts.idCopied')] }}
        >
          {account.username}
        </Typography.Text>
      ),
    },
    { key: 'displayName', title: t('accounts.displayName'), dataIndex: 'displayName' },
    { key: 'orgUnit', title: t('accounts.orgUnit'), render: (_, account) => account.orgUnit?.name ?? '—' },
    {
      key: 'roles',
      title: t('accounts.roles'),
      render: (_, account) =>
        account.roles.length === 0 ? (
          '—'
        ) : (
          <Space size={[4, 4]} wrap>
            {account.roles.map((grant) => (
              <Tag key={grant.id} title={grant.orgUnitName}>
                {roleLabel(t, grant.role)} · {grant.orgUnitName}
              </Tag>
            ))}
          </Space>
        ),
    },
    {
      key: 'status',
      title: t('accounts.status'),
      render: (_, account) => {
        const tags = [];
        if (account.disabled) tags.push(<Tag key="disabled">{t('accounts.statusDisabled')}</Tag>);
        if (account.lockedUntil) {
          tags.push(
            <Tag key="locked" color="red">
              {t('accounts.statusLocked', { time: formatShanghai(account.lockedUntil) })}
            </Tag>,
          );
        }
        if (account.mustChangePassword) {
          tags.push(
            <Tag key="must-change" color="orange">
              {t('accounts.statusMustChange')}
            </Tag>,
          );
        }
        if (tags.length === 0) {
          tags.push(
            <Tag key="active" color="green">
              {t('accounts.statusActive')}
            </Tag>,
          );
        }
        return (
          <Space size={[4, 4]} wrap>
            {tags}
          </Space>
        );
      },
    },
    {
      key: 'actions',
      title: t('accounts.actions'),
      render: (_, account) => (
        <Space size={0} wrap>
          {can(me, 'account.reset_password') && (
            <Button type="link" size="small" onClick={() => setResetting(account)}>
              {t('accounts.resetPassword')}
            </Button>
          )}
          {account.lockedUntil && can(me, 'account.unlock') && (
            <Button
              type="link"
              size="small"
              loading={unlocking === account.id}
              onClick={() => void unlock(account)}
            >
              {t('accounts.unlock')}
            </Button>
          )}
          {can(me, 'role.read') && (
            <Link to={`/admin/grants?accountId=${encodeURIComponent(account.id)}`}>
              {t('accounts.grants')}
            </Link>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('nav.accounts')}
        </Typography.Title>
        <Space>
          <Button icon={<ReloadOutlined aria-hidden />} onClick={reload}>
            {t('common.refresh')}
          </Button>
          {can(me, 'account.create') && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {t('accounts.create')}
            </Button>
          )}
        </Space>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        {field(
          'accounts-search',
          t('accountsList.search'),
          <Input.Search
            id="accounts-search"
            allowClear
            value={search}
            maxLength={64}
            onChange={(event) => setSearch(event.target.value)}
            onSearch={(value) => setParam('q', value.trim() || null)}
            style={{ width: 200 }}
          />,
        )}
        {field(
          'accounts-role',
          t('accounts.roles'),
          <Select<string>
            id="accounts-role"
            value={query.role ?? ''}
            onChange={(value) => setParam('role', value || null)}
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { value: '', label: t('accountsList.allRoles') },
              ...ROLE_CODES.map((role) => ({ value: role, label: roleLabel(t, role) })),
            ]}
            style={{ width: 180 }}
          />,
        )}
        {field(
          'accounts-status',
          t('accounts.status'),
          <Select<string>
            id="accounts-status"
            value={query.status ?? ''}
            onChange={(value) => setParam('status', value || null)}
            options={[
              { value: '', label: t('accountsList.allStatuses') },
              ...STATUSES.map((status) => ({ value: status, label: t(STATUS_LABELS[status]) })),
            ]}
            style={{ width: 140 }}
          />,
        )}
        {field(
          'accounts-sort',
          t('list.sort'),
          <Select<string>
            id="accounts-sort"
            value={query.sort ?? 'username'}
            onChange={(value) => setParam('sort', value === 'username' ? null : value)}
            options={SORTS.map((sort) => ({ value: sort, label: t(SORT_LABELS[sort]) }))}
            style={{ width: 140 }}
          />,
        )}
        <Button
          href={withQuery('/api/accounts.xlsx', query)}
          download
          icon={<DownloadOutlined aria-hidden />}
          title={t('list.exportHint')}
        >
          {t('list.export')}
        </Button>
      </Space>
      <ApiErrorAlert error={error} onRetry={reload} />
      <Table<Account>
        rowKey="id"
        columns={columns}
        dataSource={data ?? []}
        loading={loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
      />
      <CreateAccountModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          message.success(t('accounts.created'));
          reload();
        }}
      />
      <ResetPasswordModal
        account={resetting}
        onClose={() => setResetting(null)}
        onDone={() => {
          setResetting(null);
          message.success(t('accounts.passwordReset'));
          reload();
        }}
      />
    </div>
  );
}
