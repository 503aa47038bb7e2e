import { Form, Input, Select, Typography } from 'antd';
import { useMemo } from 'react';
import { FormModal } from '../../components/FormModal.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { serverFieldProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { OrgUnit } from '../../lib/api-types.ts';
import { consultationApi } from './consultation-api.ts';
import { monthChoices } from './consultation-model.ts';
import type { Session } from './consultation-types.ts';

interface Values {
  month?: string;
  title?: string;
}

const FIELDS = ['month', 'title', 'kind'] as const;

/**
 * R2: a monthly session (one per district and month: collection by the 18th, agenda by
 * the 21st, the meeting in the last ten days) or an extra one (agenda in 2 workdays, held
 * in 5). The title defaults to the server's (诸城市2026年11月职责不清问题会商研判会议).
 */
export function NewSessionModal({
  area,
  kind,
  onClose,
  onCreated,
}: {
  area: OrgUnit;
  kind: 'monthly' | 'extra';
  onClose(): void;
  onCreated(session: Session): void;
}) {
  const { locale, t } = useI18n();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const months = useMemo(() => monthChoices(Date.now()), []);

  return (
    <FormModal<Values>
      title={kind === 'monthly' ? t('consultation.newMonthly') : t('consultation.newExtra')}
      okText={t('consultation.create')}
      form={form}
      formName="newSession"
      initialValues={{ month: months[0] }}
      fields={FIELDS}
      submit={async (values) => {
        const session = await consultationApi.createSession({
          areaUnitId: area.id,
          kind,
          month: kind === 'monthly' ? values.month : undefined,
          title: values.title?.trim() || undefined,
        });
        message.success(t('consultation.sessionCreated'));
        onCreated(session);
      }}
      onClose={onClose}
    >
      {(error) => (
        <>
          <Typography.Paragraph type="secondary">
            {kind === 'monthly' ? t('consultation.monthlyHint') : t('consultation.extraHint')}
          </Typography.Paragraph>
          <Typography.Paragraph>
            {t('consultation.area')}
            {t('case.colon')}
            {area.name}
          </Typography.Paragraph>
          {kind === 'monthly' && (
            <Form.Item
              name="month"
              label={t('consultation.month')}
              rules={[{ required: true, message: t('consultation.monthRequired') }]}
              {...serverFieldProps(error, 'month', locale)}
            >
              <Select options={months.map((month) => ({ value: month, label: month }))} />
            </Form.Item>
          )}
          <Form.Item
            name="title"
            label={t('consultation.sessionTitle')}
            extra={t('consultation.titleHint')}
            {...serverFieldProps(error, 'title', locale)}
          >
            <Input maxLength={200} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
