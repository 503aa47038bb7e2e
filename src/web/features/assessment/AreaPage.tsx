import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useDocumentTitle, useT } from '../../i18n/i18n.tsx';
import type { OrgUnit } from '../../lib/api-types.ts';
import { useAssessmentAreas } from './use-assessment-areas.ts';

/**
 * The frame of an assessment page over one area (考核排名, 预警问责): the title and intro,
 * the areas the reader may assess (their scope unit first), and the page's body for the
 * chosen area — remounted when the area changes, so nothing of the last area lingers.
 */
export function AreaPage({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children(area: OrgUnit, areas: readonly OrgUnit[], onArea: (id: string) => void): ReactNode;
}) {
  const t = useT();
  useDocumentTitle(title);
  const { areas, area, setArea } = useAssessmentAreas();
  return (
    <div style={{ maxWidth: 1280 }}>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      <ApiErrorAlert error={areas.error} onRetry={areas.reload} />
      {areas.loading && !areas.data && <Typography.Paragraph>{t('app.loading')}</Typography.Paragraph>}
      {areas.data && !area && <Alert type="info" showIcon title={t('assessment.noArea')} />}
      {area && areas.data && <div key={area.id}>{children(area, areas.data, setArea)}</div>}
    </div>
  );
}
