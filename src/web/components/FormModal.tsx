import { Form, type FormInstance, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { type ApiError, asApiError } from '../lib/api.ts';
import { ApiErrorAlert } from './ApiErrorAlert.tsx';
import { bannerError } from './form-errors.ts';

/**
 * A dialog holding one form that is sent to the server: the OK button submits it (Enter
 * too), shows that it is busy and does not send twice; the server's refusal is kept for
 * the fields (`children` gets it for serverFieldProps) and shown above them for what no
 * field of `fields` names; typing again clears it. What was typed stays on an error.
 * `submit` does the request and whatever follows success; a throw is the refusal.
 */
export function FormModal<V extends object>({
  open = true,
  title,
  okText,
  danger = false,
  width,
  form,
  formName,
  formKey,
  initialValues,
  clearOnDestroy = false,
  headerGap = false,
  fields,
  submit,
  onValuesChange,
  afterClose,
  onClose,
  children,
}: {
  /** For dialogs kept mounted and opened by a value (default: open while rendered). */
  open?: boolean;
  title: ReactNode;
  okText: string;
  danger?: boolean;
  width?: number;
  form: FormInstance<V>;
  formName?: string;
  /** A new key starts a new form (another record opened in the same dialog). */
  formKey?: string;
  initialValues?: Partial<V>;
  clearOnDestroy?: boolean;
  /** A gap under the title, for forms that start with a field rather than a paragraph. */
  headerGap?: boolean;
  /** The fields that show their own server errors; `null`: the caller shows the banner itself. */
  fields: readonly string[] | null;
  submit(values: V): Promise<void>;
  /** Hears every change the reader makes (the error clears by itself). */
  onValuesChange?: (changed: Partial<V>) => void;
  /** After the closing animation (reset what lives outside the form). */
  afterClose?: () => void;
  onClose(): void;
  children(error: ApiError | null, busy: boolean): ReactNode;
}) {
  const { t } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (values: V) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await submit(values);
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      width={width}
      onCancel={onClose}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ htmlType: 'submit', loading: busy, danger }}
      destroyOnHidden
      styles={headerGap ? { header: { marginBottom: 16 } } : undefined}
      afterClose={() => {
        setError(null);
        afterClose?.();
      }}
      modalRender={(dom) => (
        <Form<V>
          key={formKey}
          form={form}
          name={formName}
          layout="vertical"
          requiredMark={false}
          clearOnDestroy={clearOnDestroy}
          initialValues={initialValues}
          onFinish={(values) => void onFinish(values)}
          onValuesChange={(changed: Partial<V>) => {
            onValuesChange?.(changed);
            if (error) setError(null);
          }}
        >
          {dom}
        </Form>
      )}
    >
      {fields && <ApiErrorAlert error={bannerError(error, fields)} />}
      {children(error, busy)}
    </Modal>
  );
}
