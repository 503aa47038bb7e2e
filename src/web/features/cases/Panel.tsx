import { theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/**
 * A bordered box with an optional title line, for the call page in place of antd's Card:
 * Card brings antd's Tabs along (its tab list), ~14 KB of gzipped JavaScript the phone
 * page does not need (issue 8: ≤ 300 KB for the grid worker's page).
 */
export function Panel({
  title,
  titleId,
  extra,
  borderColor,
  style,
  children,
}: {
  title?: ReactNode;
  titleId?: string;
  extra?: ReactNode;
  borderColor?: string;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const { token } = theme.useToken();
  return (
    <section
      aria-labelledby={title ? titleId : undefined}
      style={{
        background: token.colorBgContainer,
        border: `1px solid ${borderColor ?? token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        ...style,
      }}
    >
      {title && (
        <div
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            minHeight: 38,
            padding: '0 12px',
            borderBottom: `1px solid ${borderColor ?? token.colorBorderSecondary}`,
          }}
        >
          <span id={titleId} style={{ flex: 1, fontWeight: 600 }}>
            {title}
          </span>
          {extra}
        </div>
      )}
      <div style={{ padding: 12 }}>{children}</div>
    </section>
  );
}
