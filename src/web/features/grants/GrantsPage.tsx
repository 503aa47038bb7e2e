import {
  Button,
  Card,
  Empty,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  TreeSelect,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { bannerError, serverFieldProps } from '../../components/form-errors.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { localizedMessage, ROLE_CODES, roleLabel } from '../../i18n/translate.ts';
import { type ApiError, api, asApiError } from '../../lib/api.ts';
import type { Grant, Items } from '../../lib/api-types.ts';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { can, useMe } from '../../session/session.tsx';
import { toTreeSelectData } from '../org/org-tree.ts';
import { useOrgUnits } from '../org/use-org-units.ts';

interface GrantValues {
  role: string;
  orgUnitId: string;
}

const NO_GRANTS: Items<Grant> = { items: [] };

export function GrantsPage() {
  const { locale, t } = useI18n();
  const { message } = useFeedback();
  useDocumentTitle(t('nav.grants'));
  const [searchParams, setSearchParams] = useSearchParams();
  const accountId = searchParams.get('accountId');

  const me = useMe();
  // System and security administrators may list accounts (account.read); anyone else
  // reaching this page would type the account ID instead.
  const canList = can(me, 'account.read');
  const loadAccounts = useCallback(
    () => (canList ? api.accounts().then((page) => page.items) : Promise.resolve([])),
    [canList],
  );
  const accounts = useApi(loadAccounts);
  const loadGrants = useCallback(
    () => (accountId ? api.grants(accountId) : Promise.resolve(NO_GRANTS)),
    [accountId],
  );
  const grants = useApi(loadGrants);
  const units = useOrgUnits();
  const treeData = useMemo(() => toTreeSelectData(units.tree), [units.tree]);

  const [form] = Form.useForm<GrantValues>();
  const [granting, setGranting] = useState(false);
  const [grantError, setGrantError] = useState<ApiError | null>(null);
  const [revoking, setRevoking] = useState<string | null>(null);

  const accountOptions = useMemo(
    () =>
      (accounts.data ?? []).map((account) => ({
        value: account.id,
        label: `${account.displayName}（${account.username}）`,
      })),
    [accounts.data],
  );
  const roleOptions = useMemo(
    () => ROLE_CODES.map((role) => ({ value: role, label: roleLabel(t, role) })),
    [t],
  );

  const openAccount = (id: string) => {
    if (!id) return;
    setGrantError(null);
    setSearchParams({ accountId: id });
  };

  const grant = async (values: GrantValues) => {
    if (!accountId || granting) return;
    setGranting(true);
    setGrantError(null);
    try {
      await api.createGrant({ accountId, role: values.role, orgUnitId: values.orgUnitId });
      message.success(t('grants.granted'));
      form.resetFields();
      grants.reload();
    } catch (caught) {
      setGrantError(asApiError(caught));
    } finally {
      setGranting(false);
    }
  };

  const revoke = async (grantId: string) => {
    setRevoking(grantId);
    try {
      await api.revokeGrant(grantId);
      message.success(t('grants.revoked'));
      grants.reload();
    } catch (caught) {
      message.error(localizedMessage(locale, asApiError(caught)));
    } finally {
      setRevoking(null);
    }
  };

  const columns: TableColumnsType<Grant> = [
    {
      key: 'role',
      title: t('grants.role'),
      render: (_, row) => <Tag color="blue">{roleLabel(t, row.role)}</Tag>,
    },
    { key: 'orgUnit', title: t('grants.orgUnit'), dataIndex: 'orgUnitName' },
    { key: 'grantedAt', title: t('grants.grantedAt'), render: (_, row) => formatShanghai(row.grantedAt) },
    {
      key: 'actions',
      title: t('grants.actions'),
      render: (_, row) =>
        can(me, 'role.revoke') && (
          <Popconfirm
            title={t('grants.revokeConfirm')}
            okText={t('grants.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke(row.id)}
          >
            <Button type="link" size="small" danger loading={revoking === row.id}>
              {t('grants.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <div>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('nav.grants')}
      </Typography.Title>
      <ApiErrorAlert error={accounts.error} onRetry={accounts.reload} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <label htmlFor="grants-account" style={{ display: 'block', marginBottom: 8 }}>
            {canList ? t('grants.account') : t('grants.accountId')}
          </label>
          {canList ? (
            <Select
              id="grants-account"
              style={{ width: '100%', maxWidth: 420 }}
              placeholder={t('grants.selectAccount')}
              options={accountOptions}
              loading={accounts.loading}
              value={accountId ?? undefined}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(value: string) => openAccount(value)}
            />
          ) : (
            <>
              <Input.Search
                id="grants-account"
                style={{ maxWidth: 420 }}
                defaultValue={accountId ?? ''}
                enterButton={t('grants.open')}
                autoComplete="off"
                onSearch={(value) => openAccount(value.trim())}
              />
              <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                {t('grants.accountIdHint')}
              </Typography.Paragraph>
            </>
          )}
        </Card>

        {!accountId ? (
          <Empty description={t('grants.chooseAccountHint')} />
        ) : (
          <>
            {can(me, 'role.grant') && (
              <Card title={t('grants.new')}>
                <ApiErrorAlert error={bannerError(grantError, ['role', 'orgUnitId']) ?? units.error} />
                <Form<GrantValues>
                  form={form}
                  layout="inline"
                  requiredMark={false}
                  onFinish={grant}
                  onValuesChange={() => grantError && setGrantError(null)}
                  style={{ rowGap: 12 }}
                >
                  <Form.Item
                    name="role"
                    label={t('grants.role')}
                    rules={[{ required: true, message: t('grants.roleRequired') }]}
                    {...serverFieldProps(grantError, 'role', locale)}
                  >
                    <Select
                      style={{ width: 200 }}
                      options={roleOptions}
                      showSearch={{ optionFilterProp: 'label' }}
                    />
                  </Form.Item>
                  <Form.Item
                    name="orgUnitId"
                    label={t('grants.orgUnit')}
                    rules={[{ required: true, message: t('grants.orgUnitRequired') }]}
                    {...serverFieldProps(grantError, 'orgUnitId', locale)}
                  >
                    <TreeSelect
                      style={{ width: 260 }}
                      treeData={treeData}
                      loading={units.loading}
                      showSearch={{ treeNodeFilterProp: 'title' }}
                      treeDefaultExpandAll={(units.data?.length ?? 0) <= 30}
                    />
                  </Form.Item>
                  <Form.Item>
                    <Button type="primary" htmlType="submit" loading={granting}>
                      {t('grants.grant')}
                    </Button>
                  </Form.Item>
                </Form>
              </Card>
            )}
            <ApiErrorAlert error={grants.error} onRetry={grants.reload} />
            <Table<Grant>
              rowKey="id"
              columns={columns}
              dataSource={grants.data?.items ?? []}
              loading={grants.loading}
              pagination={false}
              locale={{ emptyText: t('grants.empty') }}
              scroll={{ x: 'max-content' }}
            />
          </>
        )}
      </Space>
    </div>
  );
}
