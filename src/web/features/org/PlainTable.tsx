import { theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { VISUALLY_HIDDEN } from '../../components/visually-hidden.ts';
import { useT } from '../../i18n/i18n.tsx';

export interface PlainColumn<T> {
  key: string;
  title: ReactNode;
  render(row: T): ReactNode;
  /** Keep the cell on one line (codes, dates, numbers). */
  nowrap?: boolean;
}

/**
 * A plain HTML table for the org pages' short lists (children, posts, people): no sorting
 * or paging needed, and antd's Table would more than double the JavaScript of these pages.
 * It scrolls sideways inside its box on a narrow screen.
 */
export function PlainTable<T>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  loading = false,
  captionVisible = false,
}: {
  caption: string;
  columns: readonly PlainColumn<T>[];
  rows: readonly T[];
  rowKey(row: T): string;
  empty: ReactNode;
  loading?: boolean;
  captionVisible?: boolean;
}) {
  const t = useT();
  const { token } = theme.useToken();
  const cell: CSSProperties = {
    padding: '8px',
    borderBottom: `1px solid ${token.colorBorderSecondary}`,
    textAlign: 'start',
    verticalAlign: 'top',
  };
  const head: CSSProperties = {
    ...cell,
    fontWeight: 600,
    background: token.colorFillAlter,
    whiteSpace: 'nowrap',
  };
  return (
    <div style={{ overflowX: 'auto' }}>
      <table aria-busy={loading} style={{ width: '100%', borderCollapse: 'collapse', fontSize: 14 }}>
        <caption
          style={
            captionVisible
              ? { captionSide: 'top', textAlign: 'start', fontWeight: 600, padding: '0 0 8px' }
              : VISUALLY_HIDDEN
          }
        >
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" style={head}>
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && (
            <tr>
              <td
                colSpan={columns.length}
                style={{ ...cell, textAlign: 'center', color: token.colorTextTertiary }}
              >
                {loading ? t('app.loading') : empty}
              </td>
            </tr>
          )}
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.key} style={column.nowrap ? { ...cell, whiteSpace: 'nowrap' } : cell}>
                  {column.render(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
