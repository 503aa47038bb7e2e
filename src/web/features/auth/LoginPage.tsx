import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, theme } from 'antd';
import { useState } from 'react';
import { useLocation } from 'react-router';
import { BarePage } from '../../components/BarePage.tsx';
import { bannerError, serverFieldProps } from '../../components/form-errors.ts';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { localizedMessage } from '../../i18n/translate.ts';
import { type ApiError, api, asApiError } from '../../lib/api.ts';
import { type LoginRedirectState, useSession } from '../../session/session.tsx';

interface LoginValues {
  username: string;
  password: string;
}

const FIELDS = ['username', 'password'] as const;

/**
 * The first page most people load, so it uses only Form, Input, Button and Alert: a
 * heading and a panel drawn with theme tokens instead of antd's Typography and Card.
 */
export function LoginPage() {
  const { locale, t } = useI18n();
  const { signIn } = useSession();
  const location = useLocation();
  const { token } = theme.useToken();
  const [form] = Form.useForm<LoginValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  useDocumentTitle();

  // A session that ended by itself (expired, logged out elsewhere) is explained until the next try.
  const reason = (location.state as LoginRedirectState | null)?.reason;
  const showReason = reason !== undefined && error === null && !submitting;

  const onFinish = async (values: LoginValues) => {
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      const { user } = await api.login({ username: values.username.trim(), password: values.password });
      // The guard around this page moves on once the session holds the user.
      await signIn(user);
    } catch (caught) {
      // The form keeps both fields as typed: correcting one character must not mean retyping all.
      const apiError = asApiError(caught);
      setError(apiError);
      setSubmitting(false);
      form.focusField(apiError.field?.endsWith('username') ? 'username' : 'password');
    }
  };

  const banner = bannerError(error, FIELDS);

  return (
    <BarePage>
      <div style={{ width: '100%', maxWidth: 400, marginTop: '6vh' }}>
        <h1
          style={{
            fontSize: 26,
            fontWeight: 600,
            textAlign: 'center',
            margin: '0 0 4px',
            color: token.colorTextHeading,
          }}
        >
          {t('app.title')}
        </h1>
        <p style={{ textAlign: 'center', margin: '0 0 24px', color: token.colorTextSecondary }}>
          {t('login.subtitle')}
        </p>
        <div
          style={{
            background: token.colorBgContainer,
            border: `1px solid ${token.colorBorderSecondary}`,
            borderRadius: token.borderRadiusLG,
            padding: 24,
          }}
        >
          {showReason && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('login.sessionEnded')} />
          )}
          {banner && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={localizedMessage(locale, banner)}
            />
          )}
          <Form<LoginValues>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            onValuesChange={() => error && setError(null)}
          >
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
              {...serverFieldProps(error, 'username', locale)}
            >
              <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus size="large" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
              {...serverFieldProps(error, 'password', locale)}
            >
              <Input.Password
                prefix={<LockOutlined aria-hidden />}
                autoComplete="current-password"
                size="large"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
              {t('login.submit')}
            </Button>
          </Form>
        </div>
      </div>
    </BarePage>
  );
}
