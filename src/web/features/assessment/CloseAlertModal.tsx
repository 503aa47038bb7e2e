import { useFeedback } from '../../components/feedback.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { assessmentApi } from './assessment-api.ts';
import { alertKindLabel } from './assessment-labels.ts';
import type { Alert } from './assessment-types.ts';

/** A3–A6: closes an alert once, with a note on what was done (约谈已进行, 已移交纪委…). */
export function CloseAlertModal({
  alert,
  unitName,
  onClose,
  onClosed,
}: {
  alert: Alert;
  unitName: string;
  onClose(): void;
  onClosed(): void;
}) {
  const { t } = useI18n();
  const { message } = useFeedback();
  return (
    <ReasonModal
      title={t('alerts.closeTitle', { kind: alertKindLabel(t, alert.kind), unit: unitName })}
      hint={alert.reason}
      field="note"
      label={t('alerts.note')}
      requiredMessage={t('alerts.noteRequired')}
      maxLength={1000}
      okText={t('alerts.close')}
      formName="closeAlert"
      submit={(note) => assessmentApi.closeAlert(alert.id, { note })}
      onDone={() => {
        message.success(t('alerts.closed'));
        onClosed();
      }}
      onClose={onClose}
    />
  );
}
