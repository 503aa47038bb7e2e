import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { localizedMessage } from '../../i18n/translate.ts';
import { type ApiError, api, asApiError } from '../../lib/api.ts';
import type { VerifyResult } from '../../lib/api-types.ts';

function Outcome({ result }: { result: VerifyResult }) {
  const { locale, t } = useI18n();
  if (result.ok || !result.problem) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('audit.verifyOk')}
        description={t('audit.verifyOkDetail', { streams: result.streams, checked: result.checked })}
      />
    );
  }
  const { problem } = result;
  const where = [
    t('audit.problemAt', { stream: problem.stream, seq: problem.seq }),
    problem.eventId ? t('audit.problemEvent', { id: problem.eventId }) : null,
    t(`audit.problem.${problem.kind}`),
  ]
    .filter((part) => part !== null)
    .join(' · ');
  return (
    <Alert
      type="error"
      showIcon
      title={t('audit.verifyFailed')}
      description={
        <>
          <div>{localizedMessage(locale, problem)}</div>
          <div>{where}</div>
        </>
      }
    />
  );
}

/** Runs the server's chain verification and shows the outcome: ok, or the first problem found. */
export function VerifyChain() {
  const { t } = useI18n();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const verify = async () => {
    setRunning(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.verifyAudit());
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Button
        icon={<SafetyCertificateOutlined aria-hidden />}
        onClick={() => void verify()}
        loading={running}
      >
        {t('audit.verify')}
      </Button>
      <div aria-live="polite" style={{ marginTop: result || error ? 12 : 0 }}>
        {result && <Outcome result={result} />}
        <ApiErrorAlert error={error} />
      </div>
    </Card>
  );
}
