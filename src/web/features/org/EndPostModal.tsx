import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { bannerError, serverFieldProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { roleLabel } from '../../i18n/translate.ts';
import { type ApiError, api, asApiError } from '../../lib/api.ts';
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
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const onFinish = async (values: { endsOn: string }) => {
    if (!post || submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      await api.endPost(post.id, { endsOn: values.endsOn });
      onEnded();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={post !== null}
      title={post ? t('org.endPostTitle', { name: post.personName, role: roleLabel(t, post.role) }) : ''}
      onCancel={onClose}
      okText={t('org.endPost')}
      okButtonProps={{ htmlType: 'submit', loading: submitting, danger: true }}
      cancelText={t('common.cancel')}
      destroyOnHidden
      styles={{ header: { marginBottom: 16 } }}
      afterClose={() => setError(null)}
      modalRender={(dom) => (
        <Form<{ endsOn: string }>
          key={post?.id}
          name="endPost"
          form={form}
          layout="vertical"
          requiredMark={false}
          clearOnDestroy
          initialValues={{ endsOn: shanghaiToday() }}
          onFinish={onFinish}
          onValuesChange={() => error && setError(null)}
        >
          {dom}
        </Form>
      )}
    >
      {post && (
        <Typography.Paragraph type="secondary">
          {t('org.endPostBody', { unit: post.unitName, since: post.startsOn })}
        </Typography.Paragraph>
      )}
      <ApiErrorAlert error={bannerError(error, ['endsOn'])} />
      <Form.Item
        name="endsOn"
        label={t('org.endsOn')}
        rules={[{ required: true, message: t('org.dateRequired') }]}
        {...serverFieldProps(error, 'endsOn', locale)}
      >
        <Input type="date" min={post?.startsOn} />
      </Form.Item>
    </Modal>
  );
}
