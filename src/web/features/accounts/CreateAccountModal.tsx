import { Form, Input, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FormModal } from '../../components/FormModal.tsx';
import { bannerError, serverFieldProps } from '../../components/form-errors.ts';
import { newPasswordRules, PasswordPolicy } from '../../components/PasswordPolicy.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import type { NewAccount } from '../../lib/api-types.ts';
import { toTreeSelectData } from '../org/org-tree.ts';
import { useOrgUnits } from '../org/use-org-units.ts';

const FIELDS = ['username', 'displayName', 'orgUnitId', 'initialPassword'] as const;

export function CreateAccountModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(): void;
}) {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<NewAccount>();
  const password = Form.useWatch('initialPassword', form) ?? '';
  const units = useOrgUnits();
  const treeData = useMemo(() => toTreeSelectData(units.tree), [units.tree]);

  return (
    <FormModal<NewAccount>
      open={open}
      title={t('accounts.create')}
      okText={t('common.ok')}
      headerGap
      form={form}
      clearOnDestroy
      fields={null}
      submit={async (values) => {
        await api.createAccount({
          ...values,
          username: values.username.trim(),
          displayName: values.displayName.trim(),
        });
        form.resetFields();
        onCreated();
      }}
      onClose={onClose}
    >
      {(error) => (
        <>
          <ApiErrorAlert error={bannerError(error, FIELDS) ?? units.error} />
          <Form.Item
            name="username"
            label={t('accounts.username')}
            rules={[{ required: true, whitespace: true, message: t('accounts.usernameRequired') }]}
            {...serverFieldProps(error, 'username', locale)}
          >
            <Input autoComplete="off" autoFocus />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('accounts.displayName')}
            rules={[{ required: true, whitespace: true, message: t('accounts.displayNameRequired') }]}
            {...serverFieldProps(error, 'displayName', locale)}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="orgUnitId"
            label={t('accounts.orgUnit')}
            rules={[{ required: true, message: t('accounts.orgUnitRequired') }]}
            {...serverFieldProps(error, 'orgUnitId', locale)}
          >
            <TreeSelect
              treeData={treeData}
              loading={units.loading}
              placeholder={t('accounts.selectOrgUnit')}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll={(units.data?.length ?? 0) <= 30}
            />
          </Form.Item>
          <PasswordPolicy password={password} />
          <Form.Item
            name="initialPassword"
            label={t('accounts.initialPassword')}
            rules={newPasswordRules(t('accounts.passwordRequired'), t('accounts.passwordWeak'))}
            {...serverFieldProps(error, 'initialPassword', locale)}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
