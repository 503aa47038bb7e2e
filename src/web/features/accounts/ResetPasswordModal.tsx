import { Form, Input } from 'antd';
import { FormModal } from '../../components/FormModal.tsx';
import { serverFieldProps } from '../../components/form-errors.ts';
import { newPasswordRules, PasswordPolicy } from '../../components/PasswordPolicy.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import type { Account } from '../../lib/api-types.ts';

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

  return (
    <FormModal<ResetValues>
      open={account !== null}
      title={account ? t('accounts.resetTitle', { name: account.displayName }) : ''}
      okText={t('common.ok')}
      headerGap
      form={form}
      clearOnDestroy
      fields={['newPassword']}
      submit={async (values) => {
        if (!account) return;
        await api.resetPassword(account.id, { newPassword: values.newPassword });
        onDone();
      }}
      onClose={onClose}
    >
      {(error) => (
        <>
          <PasswordPolicy password={password} />
          <Form.Item
            name="newPassword"
            label={t('accounts.newPassword')}
            rules={newPasswordRules(t('accounts.passwordRequired'), t('accounts.passwordWeak'))}
            {...serverFieldProps(error, 'newPassword', locale)}
          >
            <Input.Password autoComplete="new-password" autoFocus />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
