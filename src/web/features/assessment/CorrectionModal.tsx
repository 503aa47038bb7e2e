import { useFeedback } from '../../components/feedback.tsx';
import { ReasonModal } from '../../components/ReasonModal.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { assessmentApi } from './assessment-api.ts';
import type { PublishedRanking } from './assessment-types.ts';

/**
 * A1, A2: a correction recomputes the published ranking now and publishes it as version
 * n+1 with its reason; the earlier versions stay visible. The reason is kept on an error.
 */
export function CorrectionModal({
  ranking,
  onClose,
  onCorrected,
}: {
  ranking: PublishedRanking;
  onClose(): void;
  onCorrected(next: PublishedRanking): void;
}) {
  const { t } = useI18n();
  const { message } = useFeedback();
  return (
    <ReasonModal
      title={t('assessment.correct')}
      hint={t('assessment.correctHint')}
      field="reason"
      label={t('assessment.correctReason')}
      requiredMessage={t('assessment.reasonRequired')}
      maxLength={2000}
      okText={t('assessment.correctSubmit')}
      formName="rankingCorrection"
      submit={(reason) => assessmentApi.correct(ranking.id, { reason })}
      onDone={(next) => {
        message.success(t('assessment.corrected', { version: next.version }));
        onCorrected(next);
      }}
      onClose={onClose}
    />
  );
}
