import { Form, Input, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { FormModal } from './FormModal.tsx';
import { serverFieldProps } from './form-errors.ts';

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
  const { locale } = useI18n();
  const [form] = Form.useForm<Record<string, string | undefined>>();

  return (
    <FormModal<Record<string, string | undefined>>
      title={title}
      okText={okText}
      form={form}
      formName={formName}
      fields={[field]}
      submit={async (values) => onDone(await submit(values[field]?.trim() ?? ''))}
      onClose={onClose}
    >
      {(error) => (
        <>
          {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
          <Form.Item
            name={field}
            label={label}
            rules={[{ required: true, whitespace: true, message: requiredMessage }]}
            {...serverFieldProps(error, field, locale)}
          >
            <Input.TextArea rows={3} maxLength={maxLength} />
          </Form.Item>
        </>
      )}
    </FormModal>
  );
}
