import { Button, theme } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { can, useMe } from '../../session/session.tsx';
import { formatPosition } from './call-form.ts';
import type { PositionState } from './use-position.ts';

/**
 * What the position button found: the coordinates and, for those who may locate
 * (grid.locate), the grid they fall in; or why there is none, with the way on (type
 * the address). Read out as it changes.
 */
export function PositionNote({ state, onClear }: { state: PositionState; onClear(): void }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const me = useMe();
  const [grid, setGrid] = useState<{ name: string } | 'outside' | null>(null);
  const position = state.status === 'found' ? state.position : null;
  const mayLocate = can(me, 'grid.locate');

  useEffect(() => {
    setGrid(null);
    if (!position || !mayLocate) return;
    let current = true;
    api.locateGrid({ lat: position.lat, lng: position.lng }).then(
      (found) => {
        if (current) setGrid({ name: found.grid.name });
      },
      (error: unknown) => {
        // 404: no grid there. Anything else: no hint; the server places the call itself.
        if (current && error instanceof ApiError && error.status === 404) setGrid('outside');
      },
    );
    return () => {
      current = false;
    };
  }, [position, mayLocate]);

  if (state.status === 'failed') {
    const text =
      state.reason === 'denied'
        ? t('call.positionDenied')
        : state.reason === 'unsupported'
          ? t('call.positionUnsupported')
          : t('call.positionUnavailable');
    return (
      <div role="alert" style={{ color: token.colorWarningText, marginTop: 8 }}>
        {text}
      </div>
    );
  }
  return (
    <div role="status" style={{ marginTop: position ? 8 : 0 }}>
      {position && (
        <>
          {t('call.positionTaken', { position: formatPosition(position) })}
          {position.accuracy !== undefined &&
            t('call.positionAccuracy', { metres: Math.round(position.accuracy) })}
          {grid && (
            <div style={{ color: grid === 'outside' ? token.colorWarningText : token.colorTextSecondary }}>
              {grid === 'outside' ? t('call.positionOutside') : t('call.positionInGrid', { grid: grid.name })}
            </div>
          )}
          <Button type="link" size="small" onClick={onClear} style={{ paddingInline: 0 }}>
            {t('call.clearPosition')}
          </Button>
        </>
      )}
    </div>
  );
}
