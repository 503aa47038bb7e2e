import { theme } from 'antd';
import { useEffect } from 'react';
import { useFeedback } from '../../components/feedback.tsx';
import { useT } from '../../i18n/i18n.tsx';
import { requestJson } from '../../lib/api.ts';
import { casesApi } from './cases-api.ts';
import { offlineSender } from './offline-sender.ts';
import { useOfflineCalls } from './use-offline-calls.ts';

/**
 * Runs the sender of saved calls (C1) whenever the app is open for someone who may raise
 * calls: at load, when the network returns, every 30 s while calls wait; says what went.
 * Renders nothing.
 */
export function OfflineCallsRunner({ accountId }: { accountId: string }) {
  const t = useT();
  const { message } = useFeedback();

  useEffect(() => offlineSender().start(accountId), [accountId]);

  // The worker keeps the last answers it passes on; ask once it is in charge, so the call
  // page has who is signed in and the categories offline even after a first visit.
  useEffect(() => {
    const workers = navigator.serviceWorker;
    if (!workers) return;
    const warm = () => {
      if (!workers.controller) return;
      void requestJson('GET', '/api/auth/me', { handle401: false }).catch(() => {});
      void casesApi.categories().catch(() => {});
    };
    warm();
    workers.addEventListener('controllerchange', warm);
    return () => workers.removeEventListener('controllerchange', warm);
  }, []);

  useEffect(
    () =>
      offlineSender().onFlushed((result) => {
        const [first] = result.sent;
        if (result.sent.length === 1 && first) {
          message.success(t('offline.sentOne', { number: first.result.number }));
        } else if (result.sent.length > 1) {
          message.success(t('offline.sentMany', { count: result.sent.length }));
        }
        if (result.rejected.length > 0)
          message.warning(t('offline.refusedSome', { count: result.rejected.length }));
      }),
    [message, t],
  );
  return null;
}

/** The number of saved calls beside 发起呼叫 in the menu; nothing when there are none. */
export function WaitingCallsBadge() {
  const t = useT();
  const { token } = theme.useToken();
  const { calls } = useOfflineCalls();
  if (calls.length === 0) return null;
  return (
    <span
      role="status"
      aria-label={t('offline.badge', { count: calls.length })}
      style={{
        marginInlineStart: 8,
        padding: '0 6px',
        borderRadius: 10,
        fontSize: 12,
        lineHeight: '18px',
        display: 'inline-block',
        color: token.colorWhite,
        background: token.colorWarning,
      }}
    >
      {calls.length}
    </span>
  );
}
