import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Tag, Typography, theme } from 'antd';
import { lazy, type ReactNode, Suspense, useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import type { TimelineEntry } from '../cases/case-types.ts';
import { Facts } from '../cases/Facts.tsx';
import { DutyList } from './DutyList.tsx';
import { dutyDeadlineLabel } from './duty-labels.ts';
import type { LedgerStep } from './LedgerActionModal.tsx';
import { ledgerApi } from './ledger-api.ts';
import { ledgerEventLabel, ledgerKindLabel, ledgerSourceLabel, ledgerStateLabel } from './ledger-labels.ts';
import { isOverdue, orderedActions, unreviewed } from './ledger-model.ts';
import type { LedgerReport, LedgerItemPage as Page } from './ledger-types.ts';

// The step forms load when one is opened.
const LedgerActionModal = lazy(() =>
  import('./LedgerActionModal.tsx').then((m) => ({ default: m.LedgerActionModal })),
);

/**
 * One ledger item: what it is (kind, source, content, lead and cooperating units, due
 * time, report rule, state), its written reports with their review, its clocks and its
 * timeline; and the steps the server lists for the reader — 提交报告 for its units,
 * review, 销号 and 重新打开 for the ledger's owner.
 */
export function LedgerItemPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { token } = theme.useToken();
  const load = useCallback(() => ledgerApi.item(id), [id]);
  const { data, error, loading, reload } = useApi<Page>(load);
  const [step, setStep] = useState<LedgerStep | null>(null);
  useDocumentTitle(data?.item.title ?? t('nav.ledger'));

  if (!data) {
    return (
      <div>
        <BackLink />
        <ApiErrorAlert error={error} onRetry={reload} />
        {loading && <Typography.Paragraph>{t('app.loading')}</Typography.Paragraph>}
      </div>
    );
  }

  const { item, reports } = data;
  const actions = orderedActions(data.actions).filter((action) => action !== 'review');
  const mayReview = data.actions.includes('review');
  const waitingReview = mayReview && unreviewed(reports).length > 0;
  const facts: [string, ReactNode][] = [
    [t('ledger.kind'), ledgerKindLabel(t, item.kind)],
    ...(item.source
      ? [[t('ledgerItem.source'), ledgerSourceLabel(t, item.source.type)] as [string, ReactNode]]
      : []),
    [
      t('ledgerItem.content'),
      <span key="c" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {item.content}
      </span>,
    ],
    [t('ledger.lead'), <strong key="l">{item.lead.name}</strong>],
    [t('ledgerItem.cooperating'), item.cooperating.map((unit) => unit.name).join('、') || '—'],
    [t('ledgerItem.dueAt'), item.dueAt ? formatShanghai(item.dueAt) : t('ledgerItem.noDue')],
    [t('ledgerItem.reportRule'), item.reportRule ? dutyDeadlineLabel(t, item.reportRule) : '—'],
    [t('ledger.nextReport'), item.clocks.nextReportDueAt ? formatShanghai(item.clocks.nextReportDueAt) : '—'],
    [
      t('ledgerItem.createdAt'),
      `${formatShanghai(item.createdAt)}${item.createdBy ? ` · ${item.createdBy.name}` : ''}`,
    ],
  ];
  if (item.reopened > 0)
    facts.push([t('ledgerItem.reopened'), t('ledgerItem.reopenedTimes', { n: item.reopened })]);
  if (item.crossedOffAt)
    facts.push([
      t('ledgerItem.crossedOffAt'),
      `${formatShanghai(item.crossedOffAt)}${item.crossedOffBy ? ` · ${item.crossedOffBy.name}` : ''}`,
    ]);

  return (
    <div style={{ maxWidth: 1200 }}>
      <BackLink />
      <Space wrap align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={2} style={{ margin: 0, overflowWrap: 'anywhere' }}>
          {item.title}
        </Typography.Title>
        <Tag
          color={item.state === 'open' ? 'blue' : 'default'}
          data-ledger-state={item.state}
          style={{ fontSize: 14 }}
        >
          {ledgerStateLabel(t, item.state)}
        </Tag>
        {isOverdue(item) && <Tag color="error">{t('ledger.overdue')}</Tag>}
        <Button icon={<ReloadOutlined aria-hidden />} onClick={reload} loading={loading}>
          {t('common.refresh')}
        </Button>
      </Space>
      <ApiErrorAlert error={error} onRetry={reload} />

      <Card size="small" title={t('ledgerItem.actions')} style={{ marginBottom: 16 }}>
        {actions.length === 0 && !waitingReview ? (
          <Typography.Text type="secondary">{t('ledgerItem.noActions')}</Typography.Text>
        ) : (
          <Space wrap>
            {actions.map((action) => (
              <Button
                key={action}
                type={action === 'report' ? 'primary' : 'default'}
                danger={action === 'cross_off'}
                onClick={() => setStep({ kind: action } as LedgerStep)}
              >
                {t(`ledgerStep.${action}`)}
              </Button>
            ))}
            {waitingReview && (
              <Typography.Text type="secondary">{t('ledgerItem.reviewBelow')}</Typography.Text>
            )}
          </Space>
        )}
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ledgerItem.facts')}>
            <Facts items={facts} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('ledgerItem.clocks')}>
            <DutyList
              duties={data.obligations}
              caption={t('ledgerItem.clocksCaption')}
              unitName={(duty) => duty.unitName ?? '—'}
              empty={t('ledgerItem.noClocks')}
            />
          </Card>
        </Col>
      </Row>

      <Card size="small" title={t('ledgerItem.reports', { count: reports.length })} style={{ marginTop: 16 }}>
        {reports.length === 0 ? (
          <Typography.Text type="secondary">{t('ledgerItem.noReports')}</Typography.Text>
        ) : (
          <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {reports.map((report) => (
              <li
                key={report.id}
                style={{ padding: '10px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
              >
                <ReportView
                  report={report}
                  review={
                    mayReview && report.review === null ? (
                      <Space wrap>
                        <Button
                          size="small"
                          type="primary"
                          onClick={() => setStep({ kind: 'review', report, review: 'accepted' })}
                        >
                          {t('ledgerReview.accept')}
                        </Button>
                        <Button
                          size="small"
                          onClick={() => setStep({ kind: 'review', report, review: 'returned' })}
                        >
                          {t('ledgerReview.return')}
                        </Button>
                      </Space>
                    ) : null
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </Card>

      <Card size="small" title={t('ledgerItem.timeline')} style={{ marginTop: 16 }}>
        <LedgerTimeline entries={data.timeline} />
      </Card>

      {step && (
        <Suspense fallback={null}>
          <LedgerActionModal
            step={step}
            item={item}
            onClose={() => setStep(null)}
            onDone={() => {
              setStep(null);
              reload();
            }}
            onStale={reload}
          />
        </Suspense>
      )}
    </div>
  );
}

function BackLink() {
  const { t } = useI18n();
  return (
    <Link to="/ledger" style={{ display: 'block', width: 'fit-content', marginBottom: 8 }}>
      <ArrowLeftOutlined aria-hidden /> {t('ledgerItem.back')}
    </Link>
  );
}

function ReportView({ report, review }: { report: LedgerReport; review: ReactNode }) {
  const { t } = useI18n();
  return (
    <div data-report-period={report.period}>
      <Space wrap>
        <strong>{t('ledgerItem.period', { period: report.period })}</strong>
        <span>{report.unit.name}</span>
        <Tag color={report.done ? 'green' : 'gold'}>
          {report.done ? t('ledgerItem.reportDone') : t('ledgerItem.reportNotDone')}
        </Tag>
        {report.review && (
          <Tag color={report.review === 'accepted' ? 'success' : 'error'}>
            {t(`ledgerReview.${report.review}`)}
          </Tag>
        )}
        {!report.review && <Tag>{t('ledgerReview.pending')}</Tag>}
      </Space>
      <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', marginTop: 4 }}>{report.progress}</div>
      {report.explanation && (
        <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {t('ledgerItem.explanation')}
          {t('case.colon')}
          {report.explanation}
        </div>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('ledgerItem.submitted', {
          name: report.submittedBy.name,
          time: formatShanghai(report.submittedAt),
        })}
        {report.reviewedAt &&
          ` · ${t('ledgerItem.reviewed', { name: report.reviewedBy?.name ?? '', time: formatShanghai(report.reviewedAt) })}`}
      </Typography.Text>
      {report.reviewNote && (
        <div>
          {t('ledgerForm.note')}
          {t('case.colon')}
          {report.reviewNote}
        </div>
      )}
      {review && <div style={{ marginTop: 6 }}>{review}</div>}
    </div>
  );
}

/** The item's events in order, each with what it carried (period, review, reason). */
function LedgerTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  if (entries.length === 0)
    return <Typography.Text type="secondary">{t('ledgerItem.noEvents')}</Typography.Text>;
  const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
  return (
    <ol aria-label={t('ledgerItem.timeline')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {entries.map((entry) => {
        const p = entry.payload;
        const details = [
          text(p.period) && t('ledgerItem.period', { period: text(p.period) as string }),
          text(p.review) && t(`ledgerReview.${text(p.review) === 'returned' ? 'returned' : 'accepted'}`),
          text(p.note),
          text(p.reason),
        ].filter(Boolean);
        return (
          <li
            key={entry.id}
            style={{ padding: '6px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
          >
            <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
              {formatShanghai(entry.at)}
            </Typography.Text>
            <strong>{ledgerEventLabel(t, entry.kind)}</strong>
            {details.length > 0 && <span> · {details.join(' · ')}</span>}
          </li>
        );
      })}
    </ol>
  );
}
