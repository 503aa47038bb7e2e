import { Form, Input, Modal, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { type ApiError, asApiError } from '../lib/api.ts';
import { ApiErrorAlert } from './ApiErrorAlert.tsx';
import { bannerError, serverFieldProps } from './form-errors.ts';

/**
 * A dialog that asks for one required text (a reason, a note) and sends it: the server's
 * error shows under the field it names (or above), and what was typed stays on an error.
 * `field` is the name the server gives the text in its errors.
 */
export function ReasonModal<T>({
  title,
  hint,
  field,
  label,
  requiredMessage,
  maxLength,
  okText,
  formName,
  submit,
  onDone,
  onClose,
}: {
  title: ReactNode;
  hint?: ReactNode;
  field: string;
  label: string;
  requiredMessage: string;
  maxLength: number;
  okText: string;
  formName: string;
  submit(text: string): Promise<T>;
  onDone(result: T): void;
  onClose(): void;
}) {
  const { locale, t } = useI18n();
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: Record<string, string | undefined>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onDone(await submit(values[field]?.trim() ?? ''));
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
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: busy }}
      destroyOnHidden
      modalRender={(dom) => (
        <Form
          form={form}
          name={formName}
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
      {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
      <ApiErrorAlert error={bannerError(error, [field])} />
      <Form.Item
        name={field}
        label={label}
        rules={[{ required: true, whitespace: true, message: requiredMessage }]}
        {...serverFieldProps(error, field, locale)}
      >
        <Input.TextArea rows={3} maxLength={maxLength} />
      </Form.Item>
    </Modal>
  );
}
