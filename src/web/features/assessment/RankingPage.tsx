import { ArrowLeftOutlined, DownloadOutlined, EditOutlined, FlagOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { type ApiError, asApiError } from '../../lib/api.ts';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { can, useMe } from '../../session/session.tsx';
import { PlainTable } from '../org/PlainTable.tsx';
import { assessmentApi, rankingDocxUrl, rankingXlsxUrl } from './assessment-api.ts';
import { ALERT_KIND_COLOURS, alertKindLabel, periodText, subjectLabel } from './assessment-labels.ts';
import { lastDay, splitRows } from './assessment-model.ts';
import type { Alert as AlertRow, PublishedRanking } from './assessment-types.ts';
import { RankingTable } from './RankingTable.tsx';

const CorrectionModal = lazy(() =>
  import('./CorrectionModal.tsx').then((m) => ({ default: m.CorrectionModal })),
);

/**
 * One published ranking exactly as frozen (A1): its rows, the settings used, the .xlsx
 * table and the .docx notice (GB/T 9704); every version of the same ranking with its
 * reason; for assessment.manage a correction (version n+1) and, from the newest version,
 * the commendation and warning lists (A3).
 */
export function RankingPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const load = useCallback(() => assessmentApi.ranking(id), [id]);
  const ranking = useApi<PublishedRanking>(load);
  const r = ranking.data;
  const title = r
    ? t('assessment.rankingTitle', {
        area: r.settings.area.name,
        period: periodText(t, r.period, lastDay(r.period.to)),
        subject: subjectLabel(t, r.subject),
        version: r.version,
      })
    : t('nav.assessmentRankings');
  useDocumentTitle(title);

  return (
    <div style={{ maxWidth: 1280 }}>
      <Link to={r ? `/assessment/rankings?area=${encodeURIComponent(r.areaUnitId)}` : '/assessment/rankings'}>
        <ArrowLeftOutlined aria-hidden /> {t('assessment.back')}
      </Link>
      <Typography.Title level={2} style={{ marginTop: 8 }}>
        {title}
      </Typography.Title>
      <ApiErrorAlert error={ranking.error} onRetry={ranking.reload} />
      {ranking.loading && !r && <Typography.Paragraph>{t('app.loading')}</Typography.Paragraph>}
      {r && <Frozen key={r.id} ranking={r} />}
    </div>
  );
}

function Frozen({ ranking }: { ranking: PublishedRanking }) {
  const { t } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const mayManage = can(me, 'assessment.manage');
  const [correcting, setCorrecting] = useState(false);
  const [derived, setDerived] = useState<AlertRow[] | null>(null);
  const [deriveError, setDeriveError] = useState<ApiError | null>(null);
  const [deriving, setDeriving] = useState(false);
  const loadVersions = useCallback(
    () =>
      assessmentApi
        .rankings({
          area: ranking.areaUnitId,
          subject: ranking.subject,
          period: ranking.period.kind,
          date: ranking.period.from,
        })
        .then((list) => [...list].sort((a, b) => b.version - a.version)),
    [ranking.areaUnitId, ranking.subject, ranking.period.kind, ranking.period.from],
  );
  const versions = useApi<PublishedRanking[]>(loadVersions);
  const newest = versions.data?.[0];
  const superseded = newest !== undefined && newest.version > ranking.version;
  const { ranked, apart } = splitRows(ranking.rows);
  const s = ranking.settings;

  const derive = async () => {
    setDeriving(true);
    setDeriveError(null);
    try {
      const alerts = await assessmentApi.deriveRankingAlerts(ranking.id);
      setDerived(alerts);
      message.success(t('assessment.derivedLists', { count: alerts.length }));
    } catch (caught) {
      setDeriveError(asApiError(caught));
    } finally {
      setDeriving(false);
    }
  };

  return (
    <>
      {superseded && newest && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('assessment.superseded', { version: newest.version })}
          action={
            <Link to={`/assessment/rankings/${encodeURIComponent(newest.id)}`}>
              {t('assessment.openNewest')}
            </Link>
          }
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'area', label: t('assessment.area'), children: s.area.name },
          { key: 'subject', label: t('assessment.subject'), children: subjectLabel(t, ranking.subject) },
          {
            key: 'period',
            label: t('assessment.period'),
            children: periodText(t, ranking.period, lastDay(ranking.period.to)),
          },
          {
            key: 'version',
            label: t('assessment.versionLabel'),
            children: t('assessment.version', { version: ranking.version }),
          },
          {
            key: 'published',
            label: t('assessment.publishedAtLabel'),
            children: formatShanghai(ranking.publishedAt),
          },
          { key: 'asOf', label: t('assessment.computedAt'), children: formatShanghai(s.asOf) },
          {
            key: 'weights',
            label: t('assessment.weightsUsed'),
            children: t('assessment.weightsText', { ...s.weights, minimum: s.minimumCases }),
          },
          ...(ranking.reason
            ? [{ key: 'reason', label: t('assessment.correctReason'), children: ranking.reason }]
            : []),
        ]}
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Button icon={<DownloadOutlined aria-hidden />} href={rankingDocxUrl(ranking.id)} download>
          {t('assessment.downloadDocx')}
        </Button>
        <Button icon={<DownloadOutlined aria-hidden />} href={rankingXlsxUrl(ranking.id)} download>
          {t('assessment.downloadXlsx')}
        </Button>
        {mayManage && (
          <>
            <Button icon={<EditOutlined aria-hidden />} onClick={() => setCorrecting(true)}>
              {t('assessment.correct')}
            </Button>
            <Button
              icon={<FlagOutlined aria-hidden />}
              onClick={derive}
              loading={deriving}
              disabled={superseded}
              title={superseded ? t('assessment.deriveNewestOnly') : undefined}
            >
              {t('assessment.deriveLists')}
            </Button>
          </>
        )}
      </Space>
      <ApiErrorAlert error={deriveError} />
      {derived && (
        <Card size="small" title={t('assessment.derivedTitle')} style={{ marginBottom: 16 }}>
          <PlainTable<AlertRow>
            caption={t('assessment.derivedTitle')}
            rows={derived}
            rowKey={(a) => a.id}
            empty={t('assessment.noLists')}
            columns={[
              {
                key: 'kind',
                title: t('alerts.kind'),
                nowrap: true,
                render: (a) => <Tag color={ALERT_KIND_COLOURS[a.kind]}>{alertKindLabel(t, a.kind)}</Tag>,
              },
              {
                key: 'unit',
                title: t('assessment.unit'),
                render: (a) => String(a.details.unitName ?? '—'),
              },
              { key: 'reason', title: t('alerts.reason'), render: (a) => a.reason },
            ]}
          />
          <Link to={`/assessment/alerts?area=${encodeURIComponent(ranking.areaUnitId)}`}>
            {t('assessment.openAlerts')}
          </Link>
        </Card>
      )}

      <Card size="small" title={t('assessment.frozenRows')} style={{ marginBottom: 16 }}>
        <RankingTable ranked={ranked} apart={apart} minimumCases={s.minimumCases} />
      </Card>

      <Card size="small" title={t('assessment.allVersions')}>
        <ApiErrorAlert error={versions.error} onRetry={versions.reload} />
        <PlainTable<PublishedRanking>
          caption={t('assessment.allVersions')}
          rows={versions.data ?? []}
          rowKey={(v) => v.id}
          loading={versions.loading && !versions.data}
          empty={t('assessment.noVersions')}
          columns={[
            {
              key: 'version',
              title: t('assessment.versionLabel'),
              nowrap: true,
              render: (v) =>
                v.id === ranking.id ? (
                  <strong>{t('assessment.versionShown', { version: v.version })}</strong>
                ) : (
                  <Link to={`/assessment/rankings/${encodeURIComponent(v.id)}`}>
                    {t('assessment.version', { version: v.version })}
                  </Link>
                ),
            },
            {
              key: 'published',
              title: t('assessment.publishedAtLabel'),
              nowrap: true,
              render: (v) => formatShanghai(v.publishedAt),
            },
            {
              key: 'reason',
              title: t('assessment.correctReason'),
              render: (v) => v.reason ?? t('assessment.firstVersion'),
            },
          ]}
        />
      </Card>

      {correcting && (
        <Suspense fallback={null}>
          <CorrectionModal
            ranking={ranking}
            onClose={() => setCorrecting(false)}
            onCorrected={(next) => {
              setCorrecting(false);
              navigate(`/assessment/rankings/${encodeURIComponent(next.id)}`);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
