import { CheckCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { Alert, type FormRule, Typography } from 'antd';
import { useT } from '../i18n/i18n.tsx';
import { checkPassword, PASSWORD_MIN_CLASSES } from '../lib/password-policy.ts';

function Rule({ met, text }: { met: boolean; text: string }) {
  return (
    <li style={{ listStyle: 'none', display: 'flex', gap: 8, alignItems: 'baseline' }}>
      {met ? (
        <CheckCircleFilled style={{ color: '#52c41a' }} aria-hidden />
      ) : (
        <MinusCircleOutlined style={{ color: '#8c8c8c' }} aria-hidden />
      )}
      <Typography.Text type={met ? undefined : 'secondary'}>{text}</Typography.Text>
    </li>
  );
}

/** States the policy and ticks each rule as the user types. */
export function PasswordPolicy({ password }: { password: string }) {
  const t = useT();
  const check = checkPassword(password);
  return (
    <Alert
      type="info"
      style={{ marginBottom: 16 }}
      title={t('password.policyTitle')}
      description={
        <ul style={{ margin: 0, padding: 0 }}>
          <Rule met={check.longEnough} text={t('password.policyLength')} />
          <Rule met={check.classes >= PASSWORD_MIN_CLASSES} text={t('password.policyClasses')} />
        </ul>
      }
    />
  );
}

/** The rules of a new password's field: required, and the policy (checked as the server checks it). */
export function newPasswordRules(requiredMessage: string, weakMessage: string): FormRule[] {
  return [
    { required: true, message: requiredMessage },
    {
      validator: (_rule, value: string | undefined) =>
        !value || checkPassword(value).ok ? Promise.resolve() : Promise.reject(new Error(weakMessage)),
    },
  ];
}
