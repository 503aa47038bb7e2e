import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { localizedMessage, roleLabel } from '../../i18n/translate.ts';
import { api, asApiError } from '../../lib/api.ts';
import type { Account } from '../../lib/api-types.ts';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { can, useMe } from '../../session/session.tsx';
import { CreateAccountModal } from './CreateAccountModal.tsx';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';

export function AccountsPage() {
  const { locale, t } = useI18n();
  const me = useMe();
  const { message } = App.useApp();
  useDocumentTitle(t('nav.accounts'));
  const load = useCallback(() => api.accounts().then((page) => page.items), []);
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
