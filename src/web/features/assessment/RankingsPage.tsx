import { ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { bannerError, serverFieldProps } from '../../components/form-errors.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, asApiError } from '../../lib/api.ts';
import type { OrgUnit } from '../../lib/api-types.ts';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { can, useMe } from '../../session/session.tsx';
import { PlainTable } from '../org/PlainTable.tsx';
import { AreaPage } from './AreaPage.tsx';
import { AreaSelect } from './AreaSelect.tsx';
import { assessmentApi } from './assessment-api.ts';
import { periodKindLabel, periodText, subjectLabel } from './assessment-labels.ts';
import {
  defaultPeriod,
  defaultSubject,
  groupVersions,
  lastDay,
  levelOf,
  PUBLISH_PERIODS,
  publishes,
  type RankingVersions,
  rateFigures,
  shanghaiDay,
} from './assessment-model.ts';
import {
  PERIOD_KINDS,
  type PeriodKind,
  type RankingAsk,
  SUBJECTS,
  type Subject,
} from './assessment-types.ts';
import { RankingTable } from './RankingTable.tsx';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ASK_FIELDS = ['area', 'subject', 'period', 'date'] as const;

/**
 * 考核排名 (A1, A2): pick the area (the reader's scope unit by default), the subject, the
 * period and a day in it; the ranking is computed live. Publishing (assessment.manage)
 * freezes it at the area's cadence — a township weekly, a district monthly, a city
 * monthly or quarterly — and the published versions are listed with their reasons.
 */
export function RankingsPage() {
  const { t } = useI18n();
  return (
    <AreaPage title={t('nav.assessmentRankings')} intro={t('assessment.rankingsIntro')}>
      {(area, areas, onArea) => <AreaRankings area={area} areas={areas} onArea={onArea} />}
    </AreaPage>
  );
}

function AreaRankings({
  area,
  areas,
  onArea,
}: {
  area: OrgUnit;
  areas: readonly OrgUnit[];
  onArea(id: string): void;
}) {
  const { locale, t } = useI18n();
  const me = useMe();
  const { message, modal } = useFeedback();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const subject = (SUBJECTS as readonly string[]).includes(params.get('subject') ?? '')
    ? (params.get('subject') as Subject)
    : defaultSubject(area.kind);
  const period = (PERIOD_KINDS as readonly string[]).includes(params.get('period') ?? '')
    ? (params.get('period') as PeriodKind)
    : defaultPeriod(area.kind);
  const [today] = useState(() => shanghaiDay(Date.now()));
  const date = params.get('date') ?? today;
  const [publishError, setPublishError] = useState<ApiError | null>(null);
  const mayPublish = can(me, 'assessment.manage');
  const level = levelOf(area.kind);

  const setParam = (name: string, value: string) => {
    // From the address as it is now, not as this render saw it: two quick changes (the
    // subject, then the date) must both stay.
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('area', area.id);
        next.set(name, value);
        return next;
      },
      { replace: true },
    );
    setPublishError(null);
  };

  const ask: RankingAsk = { area: area.id, subject, period, date };
  const askKey = `${area.id}|${subject}|${period}|${date}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `askKey` stands for `ask`.
  const loadPreview = useCallback(
    () => (DAY.test(date) ? assessmentApi.preview(ask) : Promise.resolve(undefined)),
    [askKey],
  );
  const preview = useApi(loadPreview);
  const spanFrom = preview.data?.period.from;
  const spanTo = preview.data?.period.to;
  const loadFigures = useCallback(
    () =>
      spanFrom && spanTo
        ? assessmentApi.indicators({ unit: area.id, from: spanFrom, to: spanTo }).then(rateFigures)
        : Promise.resolve(undefined),
    [area.id, spanFrom, spanTo],
  );
  // The figures behind the rates are a nicety: if they fail the table shows the rates alone.
  const figures = useApi(loadFigures);
  const loadVersions = useCallback(
    () => assessmentApi.rankings({ area: area.id }).then(groupVersions),
    [area.id],
  );
  const versions = useApi<RankingVersions[]>(loadVersions);

  const publish = () => {
    setPublishError(null);
    modal.confirm({
      title: t('assessment.publishConfirm'),
      content: t('assessment.publishBody'),
      okText: t('assessment.publish'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          const published = await assessmentApi.publish(ask);
          message.success(t('assessment.published'));
          navigate(`/assessment/rankings/${encodeURIComponent(published.id)}`);
        } catch (caught) {
          setPublishError(asApiError(caught));
        }
      },
    });
  };

  const cadence = PUBLISH_PERIODS[level].map((k) => periodKindLabel(t, k)).join(t('assessment.or'));
  const fieldHelp = (name: string, hint?: string) => {
    const server = serverFieldProps(publishError, name, locale);
    return server.help ? server : { help: hint };
  };

  return (
    <>
      <Form layout="vertical" component="div" style={{ marginBottom: 8 }}>
        <Space wrap align="start" size={16}>
          <Form.Item label={t('assessment.area')} htmlFor="assessment-area" {...fieldHelp('area')}>
            <AreaSelect id="assessment-area" areas={areas} value={area.id} onChange={onArea} />
          </Form.Item>
          <Form.Item label={t('assessment.subject')} htmlFor="assessment-subject" {...fieldHelp('subject')}>
            <Select
              id="assessment-subject"
              value={subject}
              onChange={(value) => setParam('subject', value)}
              options={SUBJECTS.map((value) => ({ value, label: subjectLabel(t, value) }))}
              style={{ width: 180 }}
            />
          </Form.Item>
          <Form.Item
            label={t('assessment.period')}
            htmlFor="assessment-period"
            {...fieldHelp(
              'period',
              level === 'other' ? t('assessment.noCadence') : t('assessment.cadence', { periods: cadence }),
            )}
          >
            <Select
              id="assessment-period"
              value={period}
              onChange={(value) => setParam('period', value)}
              options={PERIOD_KINDS.map((value) => ({ value, label: periodKindLabel(t, value) }))}
              style={{ width: 140 }}
            />
          </Form.Item>
          <Form.Item
            label={t('assessment.date')}
            htmlFor="assessment-date"
            {...fieldHelp('date', t('assessment.dateHint'))}
          >
            <Input
              id="assessment-date"
              type="date"
              value={date}
              onChange={(event) => {
                if (DAY.test(event.target.value)) setParam('date', event.target.value);
              }}
              style={{ width: 170 }}
            />
          </Form.Item>
        </Space>
      </Form>

      <Card
        size="small"
        title={t('assessment.preview')}
        style={{ marginBottom: 16 }}
        extra={
          <Space wrap size={4}>
            {mayPublish && (
              <Button
                type="primary"
                icon={<SendOutlined aria-hidden />}
                onClick={publish}
                disabled={!preview.data}
              >
                {t('assessment.publish')}
              </Button>
            )}
            <Button
              icon={<ReloadOutlined aria-hidden />}
              onClick={() => {
                preview.reload();
                figures.reload();
                versions.reload();
              }}
              loading={preview.loading}
              aria-label={t('common.refresh')}
            />
          </Space>
        }
      >
        <ApiErrorAlert error={bannerError(publishError, ASK_FIELDS)} />
        <ApiErrorAlert error={preview.error} onRetry={preview.reload} />
        {mayPublish && !publishes(area.kind, period) && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              level === 'other'
                ? t('assessment.previewOnlyOther')
                : t('assessment.previewOnly', { periods: cadence })
            }
          />
        )}
        {preview.loading && !preview.data && <Typography.Paragraph>{t('app.loading')}</Typography.Paragraph>}
        {preview.data && (
          <>
            <Typography.Paragraph>
              <span data-testid="preview-period">
                {periodText(t, preview.data.period, lastDay(preview.data.period.to))}
              </span>
              {' · '}
              {t('assessment.asOf', { time: formatShanghai(preview.data.asOf) })}
              {' · '}
              {t('assessment.settingsUsed', {
                signIn: preview.data.settings.weights.signIn,
                onTime: preview.data.settings.weights.onTime,
                firstTime: preview.data.settings.weights.firstTime,
                satisfaction: preview.data.settings.weights.satisfaction,
                minimum: preview.data.settings.minimumCases,
              })}
            </Typography.Paragraph>
            <RankingTable
              ranked={preview.data.rows}
              apart={preview.data.apart}
              minimumCases={preview.data.settings.minimumCases}
              figures={figures.data}
            />
          </>
        )}
      </Card>

      <Card size="small" title={t('assessment.versions')}>
        <ApiErrorAlert error={versions.error} onRetry={versions.reload} />
        <PlainTable<RankingVersions>
          caption={t('assessment.versions')}
          rows={versions.data ?? []}
          rowKey={(group) => group.key}
          loading={versions.loading && !versions.data}
          empty={t('assessment.noVersions')}
          columns={[
            {
              key: 'period',
              title: t('assessment.period'),
              nowrap: true,
              render: (group) => periodText(t, group.period, lastDay(group.period.to)),
            },
            {
              key: 'subject',
              title: t('assessment.subject'),
              nowrap: true,
              render: (group) => subjectLabel(t, group.subject),
            },
            {
              key: 'versions',
              title: t('assessment.versionList'),
              render: (group) => (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {group.versions.map((v, i) => (
                    <li key={v.id}>
                      <Link to={`/assessment/rankings/${encodeURIComponent(v.id)}`}>
                        {t('assessment.version', { version: v.version })}
                      </Link>{' '}
                      {i === 0 && <Tag color="green">{t('assessment.current')}</Tag>}
                      {t('assessment.publishedAt', { time: formatShanghai(v.publishedAt) })}
                      {v.reason && ` · ${t('assessment.correctionReason', { reason: v.reason })}`}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
