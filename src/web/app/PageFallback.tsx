import { theme } from 'antd';
import { useT } from '../i18n/i18n.tsx';

/**
 * Shown while a page's code or the session loads. Plain text on purpose: antd's Spin would
 * add its code to the first download for a sight most users see for a split second.
 */
export function PageFallback() {
  const t = useT();
  const { token } = theme.useToken();
  return (
    <div
      role="status"
      style={{
        display: 'flex',
        justifyContent: 'center',
        alignItems: 'center',
        minHeight: 240,
        color: token.colorTextSecondary,
      }}
    >
      {t('app.loading')}
    </div>
  );
}
