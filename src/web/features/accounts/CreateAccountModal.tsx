import { Form, Input, Modal, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { bannerError, serverFieldProps } from '../../components/form-errors.ts';
import { PasswordPolicy } from '../../components/PasswordPolicy.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, api, asApiError } from '../../lib/api.ts';
import type { NewAccount } from '../../lib/api-types.ts';
import { checkPassword } from '../../lib/password-policy.ts';
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
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const units = useOrgUnits();
  const treeData = useMemo(() => toTreeSelectData(units.tree), [units.tree]);

  const onFinish = async (values: NewAccount) => {
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      await api.createAccount({
        ...values,
        username: values.username.trim(),
        displayName: values.displayName.trim(),
      });
      form.resetFields();
      onCreated();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('accounts.create')}
      onCancel={onClose}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: submitting }}
      destroyOnHidden
      styles={{ header: { marginBottom: 16 } }}
      afterClose={() => setError(null)}
      modalRender={(dom) => (
        <Form<NewAccount>
          form={form}
          layout="vertical"
          requiredMark={false}
          clearOnDestroy
          onFinish={onFinish}
          onValuesChange={() => error && setError(null)}
        >
          {dom}
        </Form>
      )}
    >
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
        rules={[
          { required: true, message: t('accounts.passwordRequired') },
          {
            validator: (_rule, value: string | undefined) =>
              !value || checkPassword(value).ok
                ? Promise.resolve()
                : Promise.reject(new Error(t('accounts.passwordWeak'))),
          },
        ]}
        {...serverFieldProps(error, 'initialPassword', locale)}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </Modal>
  );
}
