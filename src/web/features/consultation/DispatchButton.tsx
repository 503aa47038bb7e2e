import { SendOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, asApiError } from '../../lib/api.ts';
import { consultationApi } from './consultation-api.ts';
import { skipLabel } from './consultation-labels.ts';
import type { DispatchResult } from './consultation-types.ts';

/**
 * 一键派发待办案件 (R7, C7; centre dispatchers): every case waiting on a decided item goes
 * back to triage and to the decided lead unit, its dispatch citing the meeting's rule. The
 * answer stays on screen: how many went, and each case skipped with the reason.
 */
export function DispatchButton({
  itemId,
  label,
  onDone,
}: {
  itemId: string;
  /** The matter's name, for the button's accessible name. */
  label: string;
  onDone?(result: DispatchResult): void;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [result, setResult] = useState<DispatchResult | null>(null);

  const dispatch = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await consultationApi.dispatchCases(itemId);
      setResult(answer);
      onDone?.(answer);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div style={{ display: 'grid', gap: 8, justifyItems: 'start' }}>
      <Button
        type="primary"
        icon={<SendOutlined aria-hidden />}
        loading={busy}
        onClick={() => void dispatch()}
        aria-label={t('dispatch.buttonAria', { item: label })}
      >
        {t('dispatch.button')}
      </Button>
      <div aria-live="polite" style={{ width: '100%' }}>
        <ApiErrorAlert error={error} />
        {result && (
          <Alert
            type={result.dispatched.length > 0 ? 'success' : 'info'}
            showIcon
            title={
              result.dispatched.length === 0 && result.skipped.length === 0
                ? t('dispatch.nothing')
                : t('dispatch.result', {
                    dispatched: result.dispatched.length,
                    skipped: result.skipped.length,
                  })
            }
            description={
              result.dispatched.length + result.skipped.length > 0 ? (
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {result.dispatched.map((caseId, i) => (
                    <li key={caseId}>
                      <Link to={`/cases/${encodeURIComponent(caseId)}`}>
                        {t('dispatch.case', { n: i + 1 })}
                      </Link>
                      {t('case.colon')}
                      {t('dispatch.sent')}
                    </li>
                  ))}
                  {result.skipped.map((skip, i) => (
                    <li key={skip.caseId}>
                      <Link to={`/cases/${encodeURIComponent(skip.caseId)}`}>
                        {t('dispatch.skippedCase', { n: i + 1 })}
                      </Link>
                      {t('case.colon')}
                      {skipLabel(t, skip.code)}
                    </li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
      </div>
    </div>
  );
}
