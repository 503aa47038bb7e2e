import { theme } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** A page without the menu: login, the forced password change, a 404 before login. */
export function BarePage({ children, extra }: { children: ReactNode; extra?: ReactNode }) {
  const t = useT();
  const { token } = theme.useToken();
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        background: token.colorBgLayout,
      }}
    >
      <header
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          gap: 8,
          padding: '8px 16px',
        }}
      >
        <span style={{ fontWeight: 600, fontSize: 16, color: token.colorPrimary }}>{t('app.brand')}</span>
        <span style={{ display: 'flex', gap: 4 }}>
          <LanguageSwitch />
          {extra}
        </span>
      </header>
      <main style={{ flex: 1, display: 'flex', justifyContent: 'center', padding: '24px 16px 48px' }}>
        {children}
      </main>
    </div>
  );
}
