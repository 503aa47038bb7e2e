import { Form, Input, Typography } from 'antd';
import { FormModal } from '../../components/FormModal.tsx';
import { serverFieldProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
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

  return (
    <FormModal<Values>
      open={open}
      title={t('org.handOverTitle', { name: grid.name })}
      okText={t('org.handOver')}
      headerGap
      form={form}
      formName="handOver"
      clearOnDestroy
      initialValues={{ on: shanghaiToday() }}
      fields={['personId', 'on']}
      submit={async (values) => {
        await api.handOverGrid(grid.id, values);
        form.resetFields();
        onDone();
      }}
      onClose={onClose}
    >
      {(error) => (
        <>
          <Typography.Paragraph type="secondary">
            {currentHead
              ? t('org.handOverFrom', { name: currentHead.name, since: currentHead.startsOn })
              : t('org.handOverNoHead')}
          </Typography.Paragraph>
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
        </>
      )}
    </FormModal>
  );
}
