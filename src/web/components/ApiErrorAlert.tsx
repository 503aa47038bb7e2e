import { Alert, Button } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';
import { localizedMessage } from '../i18n/translate.ts';
import type { ApiError } from '../lib/api.ts';

/** The server's message in the reader's language; re-renders in the new language after a switch. */
export function ApiErrorAlert({ error, onRetry }: { error: ApiError | null; onRetry?: () => void }) {
  const { locale, t } = useI18n();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={localizedMessage(locale, error)}
      style={{ marginBottom: 16 }}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
