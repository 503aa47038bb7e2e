import { theme } from 'antd';
import type { ReactNode } from 'react';

/**
 * Label–value pairs as a description list: side by side where there is room, the value
 * under its label on a narrow phone (each row wraps on its own).
 */
export function Facts({ items }: { items: readonly (readonly [string, ReactNode])[] }) {
  const { token } = theme.useToken();
  return (
    <dl style={{ margin: 0 }}>
      {items.map(([label, value]) => (
        <div
          key={label}
          style={{
            display: 'flex',
            flexWrap: 'wrap',
            columnGap: 12,
            padding: '6px 0',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <dt style={{ flex: '0 0 7.5em', color: token.colorTextSecondary }}>{label}</dt>
          <dd style={{ flex: '1 1 14em', margin: 0, minWidth: 0, overflowWrap: 'anywhere' }}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
