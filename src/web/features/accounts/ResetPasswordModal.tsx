import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { bannerError, serverFieldProps } from '../../components/form-errors.ts';
import { PasswordPolicy } from '../../components/PasswordPolicy.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, api, asApiError } from '../../lib/api.ts';
import type { Account } from '../../lib/api-types.ts';
import { checkPassword } from '../../lib/password-policy.ts';

interface ResetValues {
  newPassword: string;
}

/** Open while `account` is set. */
export function ResetPasswordModal({
  account,
  onClose,
  onDone,
}: {
  account: Account | null;
  onClose(): void;
  onDone(): void;
}) {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<ResetValues>();
  const password = Form.useWatch('newPassword', form) ?? '';
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const onFinish = async (values: ResetValues) => {
    if (!account || submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      await api.resetPassword(account.id, { newPassword: values.newPassword });
      onDone();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={account !== null}
      title={account ? t('accounts.resetTitle', { name: account.displayName }) : ''}
      onCancel={onClose}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: submitting }}
      destroyOnHidden
      styles={{ header: { marginBottom: 16 } }}
      afterClose={() => setError(null)}
      modalRender={(dom) => (
        <Form<ResetValues>
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
      <ApiErrorAlert error={bannerError(error, ['newPassword'])} />
      <PasswordPolicy password={password} />
      <Form.Item
        name="newPassword"
        label={t('accounts.newPassword')}
        rules={[
          { required: true, message: t('accounts.passwordRequired') },
          {
            validator: (_rule, value: string | undefined) =>
              !value || checkPassword(value).ok
                ? Promise.resolve()
                : Promise.reject(new Error(t('accounts.passwordWeak'))),
          },
        ]}
        {...serverFieldProps(error, 'newPassword', locale)}
      >
        <Input.Password autoComplete="new-password" autoFocus />
      </Form.Item>
    </Modal>
  );
}
