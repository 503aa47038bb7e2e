import { AimOutlined, FlagOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { bannerError, serverFieldProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, asApiError } from '../../lib/api.ts';
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
        <ReasonModal
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

function ReasonModal({
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
  const { locale, t } = useI18n();
  const { message } = useFeedback();
  const [form] = Form.useForm<{ reason?: string }>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const title = what === 'key_case' ? t('caseSupervision.flag') : t('caseSupervision.trace');

  const onFinish = async (values: { reason?: string }) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const body = { caseId, reason: values.reason?.trim() ?? '' };
      await (what === 'key_case' ? assessmentApi.flagKeyCase(body) : assessmentApi.traceCase(body));
      message.success(what === 'key_case' ? t('caseSupervision.flagged') : t('caseSupervision.traced'));
      onDone();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      okText={title}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: busy }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form<{ reason?: string }>
          form={form}
          name={`case-${what}`}
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          onValuesChange={() => {
            if (error) setError(null);
          }}
        >
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">
        {what === 'key_case' ? t('caseSupervision.flagHint') : t('caseSupervision.traceHint')}
      </Typography.Paragraph>
      <ApiErrorAlert error={bannerError(error, ['reason'])} />
      <Form.Item
        name="reason"
        label={t('caseSupervision.reason')}
        rules={[{ required: true, whitespace: true, message: t('caseSupervision.reasonRequired') }]}
        {...serverFieldProps(error, 'reason', locale)}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </Modal>
  );
}
