import { Form, Input, Typography } from 'antd';
import { FormModal } from '../../components/FormModal.tsx';
import { serverFieldProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { roleLabel } from '../../i18n/translate.ts';
import { api } from '../../lib/api.ts';
import { shanghaiToday } from '../calendar/calendar-model.ts';

export interface EndingPost {
  id: string;
  role: string;
  personName: string;
  unitName: string;
  startsOn: string;
}

/** Ends a post on a given day (person.manage); open while `post` is set. A grid head is handed over instead. */
export function EndPostModal({
  post,
  onClose,
  onEnded,
}: {
  post: EndingPost | null;
  onClose(): void;
  onEnded(): void;
}) {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<{ endsOn: string }>();

  return (
    <FormModal<{ endsOn: string }>
      open={post !== null}
      title={post ? t('org.endPostTitle', { name: post.personName, role: roleLabel(t, post.role) }) : ''}
      okText={t('org.endPost')}
      danger
      headerGap
      form={form}
      formName="endPost"
      formKey={post?.id}
      clearOnDestroy
      initialValues={{ endsOn: shanghaiToday() }}
      fields={['endsOn']}
      submit={async (values) => {
        if (!post) return;
        await api.endPost(post.id, { endsOn: values.endsOn });
        onEnded();
      }}
      onClose={onClose}
    >
      {(error) => (
        <>
          {post && (
            <Typography.Paragraph type="secondary">
              {t('org.endPostBody', { unit: post.unitName, since: post.startsOn })}
            </Typography.Paragraph>
          )}
          <Form.Item
            name="endsOn"
            label={t('org.endsOn')}
            rules={[{ required: true, message: t('org.dateRequired') }]}
            {...serverFieldProps(error, 'endsOn', locale)}
          >
            <Input type="date" min={post?.startsOn} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
