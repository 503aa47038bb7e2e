import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { FeedbackProvider, useFeedback } from '../../components/feedback.tsx';
import { bannerError, serverFieldProps } from '../../components/form-errors.ts';
import { newPasswordRules, PasswordPolicy } from '../../components/PasswordPolicy.tsx';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, api, asApiError } from '../../lib/api.ts';
import { useSession } from '../../session/session.tsx';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  repeatPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

/** `forced`: the user must change the password before anything else (no menu around the page). */
export function PasswordPage({ forced }: { forced: boolean }) {
  // Its own messages: the forced change is shown outside the shell that provides them.
  return (
    <FeedbackProvider>
      <PasswordForm forced={forced} />
    </FeedbackProvider>
  );
}

function PasswordForm({ forced }: { forced: boolean }) {
  const { locale, t } = useI18n();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const [form] = Form.useForm<PasswordValues>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useDocumentTitle(t('password.title'));

  const onFinish = async (values: PasswordValues) => {
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      await api.changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    } catch (caught) {
      setError(asApiError(caught));
      setSubmitting(false);
      return;
    }
    message.success(t('password.changed'));
    // Read the user again: mustChangePassword is now false and the menu comes back.
    await refresh().catch(() => undefined);
    setSubmitting(false);
    navigate('/', { replace: true });
  };

  return (
    <div style={{ width: '100%', maxWidth: 480 }}>
      <Typography.Title level={2}>{t('password.title')}</Typography.Title>
      {forced && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('password.forced')} />}
      <Card>
        <PasswordPolicy password={newPassword} />
        <ApiErrorAlert error={bannerError(error, FIELDS)} />
        <Form<PasswordValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          onValuesChange={() => error && setError(null)}
        >
          <Form.Item
            name="currentPassword"
            label={t('password.current')}
            rules={[{ required: true, message: t('password.currentRequired') }]}
            {...serverFieldProps(error, 'currentPassword', locale)}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t('password.new')}
            rules={newPasswordRules(t('password.newRequired'), t('password.weak'))}
            {...serverFieldProps(error, 'newPassword', locale)}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="repeatPassword"
            label={t('password.repeat')}
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.repeatRequired') },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('password.mismatch'))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('password.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
