import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { bannerError, serverFieldProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, api, asApiError } from '../../lib/api.ts';
import type { OrgUnit } from '../../lib/api-types.ts';
import { shanghaiToday } from '../calendar/calendar-model.ts';
import { PersonSelect } from './RemoteSelect.tsx';

interface Values {
  personId: string;
  on: string;
}

/**
 * Hands a grid over to a new grid head (person.manage): the current head's post ends the
 * day before, the new one starts on the day, in one step, so the grid is never without a head.
 */
export function HandOverModal({
  grid,
  currentHead,
  open,
  onClose,
  onDone,
}: {
  grid: Pick<OrgUnit, 'id' | 'name'>;
  currentHead: { name: string; startsOn: string } | null;
  open: boolean;
  onClose(): void;
  onDone(): void;
}) {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const onFinish = async (values: Values) => {
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      await api.handOverGrid(grid.id, values);
      form.resetFields();
      onDone();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('org.handOverTitle', { name: grid.name })}
      onCancel={onClose}
      okText={t('org.handOver')}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: submitting }}
      destroyOnHidden
      styles={{ header: { marginBottom: 16 } }}
      afterClose={() => setError(null)}
      modalRender={(dom) => (
        <Form<Values>
          name="handOver"
          form={form}
          layout="vertical"
          requiredMark={false}
          clearOnDestroy
          initialValues={{ on: shanghaiToday() }}
          onFinish={onFinish}
          onValuesChange={() => error && setError(null)}
        >
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph type="secondary">
        {currentHead
          ? t('org.handOverFrom', { name: currentHead.name, since: currentHead.startsOn })
          : t('org.handOverNoHead')}
      </Typography.Paragraph>
      <ApiErrorAlert error={bannerError(error, ['personId', 'on'])} />
      <Form.Item
        name="personId"
        label={t('org.newGridHead')}
        rules={[{ required: true, message: t('org.personRequired') }]}
        {...serverFieldProps(error, 'personId', locale)}
      >
        <PersonSelect placeholder={t('org.searchPerson')} />
      </Form.Item>
      <Form.Item
        name="on"
        label={t('org.handOverOn')}
        extra={t('org.handOverOnHint')}
        rules={[{ required: true, message: t('org.dateRequired') }]}
        {...serverFieldProps(error, 'on', locale)}
      >
        <Input type="date" />
      </Form.Item>
    </Modal>
  );
}
