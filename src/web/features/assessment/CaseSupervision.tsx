import { AimOutlined, FlagOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useFeedback } from '../../components/feedback.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { assessmentApi } from './assessment-api.ts';

type What = 'key_case' | 'trace';

/**
 * On a case page, for assessment.manage: flag the case as a key case for special
 * supervision (A6) or trace it bottom-up — grid, community, township, lead unit and who
 * held each head post on the day it was raised (A4). Each once; the server says so (409).
 */
export function CaseSupervision({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<What | null>(null);
  const [done, setDone] = useState<What | null>(null);
  return (
    <Card size="small" title={t('caseSupervision.title')} style={{ marginBottom: 16 }}>
      <Space wrap>
        <Button icon={<FlagOutlined aria-hidden />} onClick={() => setOpen('key_case')}>
          {t('caseSupervision.flag')}
        </Button>
        <Button icon={<AimOutlined aria-hidden />} onClick={() => setOpen('trace')}>
          {t('caseSupervision.trace')}
        </Button>
      </Space>
      {done && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={done === 'key_case' ? t('caseSupervision.flagged') : t('caseSupervision.traced')}
          action={<Link to={`/assessment/alerts?kind=${done}`}>{t('assessment.openAlerts')}</Link>}
        />
      )}
      {open && (
        <SupervisionModal
          what={open}
          caseId={caseId}
          onClose={() => setOpen(null)}
          onDone={() => {
            setDone(open);
            setOpen(null);
          }}
        />
      )}
    </Card>
  );
}

/** The reason a key-case flag (A6) or a trace (A4) is asked for, then sent. */
function SupervisionModal({
  what,
  caseId,
  onClose,
  onDone,
}: {
  what: What;
  caseId: string;
  onClose(): void;
  onDone(): void;
}) {
  const { t } = useI18n();
  const { message } = useFeedback();
  const title = what === 'key_case' ? t('caseSupervision.flag') : t('caseSupervision.trace');
  return (
    <ReasonModal
      title={title}
      hint={what === 'key_case' ? t('caseSupervision.flagHint') : t('caseSupervision.traceHint')}
      field="reason"
      label={t('caseSupervision.reason')}
      requiredMessage={t('caseSupervision.reasonRequired')}
      maxLength={500}
      okText={title}
      formName={`case-${what}`}
      submit={async (reason) => {
        const body = { caseId, reason };
        await (what === 'key_case' ? assessmentApi.flagKeyCase(body) : assessmentApi.traceCase(body));
      }}
      onDone={() => {
        message.success(what === 'key_case' ? t('caseSupervision.flagged') : t('caseSupervision.traced'));
        onDone();
      }}
      onClose={onClose}
    />
  );
}
