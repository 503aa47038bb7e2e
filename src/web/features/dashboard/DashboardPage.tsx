import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useDocumentTitle, useI18n } from '../../i18n/i18n.tsx';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import { type ApiError, asApiError } from '../../lib/api.ts';
import { formatShanghai } from '../../lib/time.ts';
import { DensityMap } from './DensityMap.tsx';
import { dashboardApi } from './dashboard-api.ts';
import { isQuietMonth, lastDayOf, mergeGrids, percentText, REFRESH_MS, shortDay } from './dashboard-model.ts';
import type { Dashboard, DashboardRanking, RankingLine } from './dashboard-types.ts';
import { RATE_KEYS } from './dashboard-types.ts';
import { type ChartOption, EChart } from './EChart.tsx';

const RATE_COLOURS = ['#1677ff', '#52c41a', '#fa8c16', '#eb2f96'];

/**
 * 领导驾驶舱: the area's day and month, the four A1 rates with their 30-day trend, the
 * rankings, overdue now by unit, the top categories and the grid density map — all from
 * one API read, refreshed every minute (without the grid boundaries after the first).
 * Laid out in a grid that fills a large screen and stacks on a laptop or a phone.
 */
export function DashboardPage() {
  const { t, locale } = useI18n();
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef<Dashboard | null>(null);
  useDocumentTitle(t('nav.dashboard'));

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const previous = latest.current;
      const next = await dashboardApi.read(previous?.area.id, previous === null);
      const merged = { ...next, grids: mergeGrids(previous?.grids, next.grids) };
      latest.current = merged;
      setData(merged);
      setError(null);
    } catch (reason) {
      // The last figures stay on screen; the error says why they are not fresh.
      setError(asApiError(reason));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  const rateName = useCallback((key: string) => t(`dashboard.rate.${key}` as MessageKey), [t]);
  const trendOption = useMemo<ChartOption | null>(
    () =>
      data && {
        color: RATE_COLOURS,
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v) => (typeof v === 'number' ? `${v.toFixed(1)}%` : '—'),
        },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 40, bottom: 28 },
        xAxis: { type: 'category', data: data.trend.map((p) => shortDay(p.day)), boundaryGap: false },
        yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
        series: RATE_KEYS.map((key) => ({
          type: 'line' as const,
          name: rateName(key),
          connectNulls: false,
          showSymbol: false,
          data: data.trend.map((p) => (p[key] === null ? null : Math.round((p[key] as number) * 1000) / 10)),
        })),
      },
    [data, rateName],
  );
  const overdueOption = useMemo<ChartOption | null>(() => {
    if (!data || data.overdueByUnit.length === 0) return null;
    const rows = [...data.overdueByUnit].reverse();
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => r.name) },
      series: [
        {
          type: 'bar',
          name: t('dashboard.overdueCount'),
          data: rows.map((r) => r.overdue),
          color: '#cf1322',
        },
      ],
    };
  }, [data, t]);
  const categoryOption = useMemo<ChartOption | null>(() => {
    if (!data || data.topCategories.length === 0) return null;
    const rows = [...data.topCategories].reverse();
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => (locale === 'en' ? r.nameEn : r.nameZh)) },
      series: [
        { type: 'bar', name: t('dashboard.categoryCount'), data: rows.map((r) => r.count), color: '#1677ff' },
      ],
    };
  }, [data, t, locale]);

  if (!data) {
    return (
      <Flex vertical gap={16}>
        <Typography.Title level={2}>{t('nav.dashboard')}</Typography.Title>
        {error ? <ApiErrorAlert error={error} /> : <Card loading />}
      </Flex>
    );
  }

  const figure = (key: MessageKey, value: number, danger = false) => (
    <Col xs={12} sm={6} key={key}>
      <Statistic
        title={t(key)}
        value={value}
        valueStyle={danger && value > 0 ? { color: '#cf1322' } : undefined}
      />
    </Col>
  );

  return (
    <Flex vertical gap={16} data-testid="dashboard">
      <Flex wrap justify="space-between" align="baseline" gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('dashboard.title', { area: data.area.name })}
        </Typography.Title>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">
            {t('dashboard.asOf', { time: formatShanghai(data.asOf) })}
          </Typography.Text>
          <Button icon={<ReloadOutlined />} loading={loading} onClick={() => void load()}>
            {t('dashboard.refresh')}
          </Button>
        </Flex>
      </Flex>
      {error && <ApiErrorAlert error={error} />}
      {isQuietMonth(data) && <Alert type="info" showIcon message={t('dashboard.quiet')} />}

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('dashboard.today')} data-testid="dashboard-today">
            <Row gutter={[16, 16]}>
              {figure('dashboard.raised', data.today.raised)}
              {figure('dashboard.dispatched', data.today.dispatched)}
              {figure('dashboard.closed', data.today.closed)}
              {figure('dashboard.overdueNow', data.today.overdueNow, true)}
            </Row>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('dashboard.month', { from: data.month.from })} data-testid="dashboard-month">
            <Row gutter={[16, 16]}>
              {figure('dashboard.raised', data.month.raised)}
              {figure('dashboard.dispatched', data.month.dispatched)}
              {figure('dashboard.closed', data.month.closed)}
              {figure('dashboard.returned', data.month.returned)}
            </Row>
            <Typography.Text type="secondary">
              {[
                data.month.avgSignHours !== null &&
                  t('dashboard.avgSign', { hours: data.month.avgSignHours }),
                data.month.avgFinishHours !== null &&
                  t('dashboard.avgFinish', { hours: data.month.avgFinishHours }),
                `${t('dashboard.extended')} ${data.month.extended}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </Card>
        </Col>

        <Col xs={24} xxl={8}>
          <Card title={t('dashboard.rates')} data-testid="dashboard-rates" style={{ height: '100%' }}>
            <Row gutter={[16, 16]}>
              {RATE_KEYS.map((key, i) => (
                <Col xs={12} key={key}>
                  <Statistic
                    title={rateName(key)}
                    value={percentText(data.month.rates[key])}
                    valueStyle={{ color: RATE_COLOURS[i] }}
                  />
                  {data.month.rates[key] === null && (
                    <Typography.Text type="secondary">{t('dashboard.rateNone')}</Typography.Text>
                  )}
                </Col>
              ))}
            </Row>
          </Card>
        </Col>
        <Col xs={24} xxl={16}>
          <Card title={t('dashboard.trend')}>
            {trendOption && <EChart option={trendOption} height={300} label={t('dashboard.trend')} />}
          </Card>
        </Col>

        {data.rankings.map((ranking) => (
          <Col xs={24} lg={12} xxl={8} key={ranking.subject}>
            <RankingCard ranking={ranking} />
          </Col>
        ))}
        <Col xs={24} lg={12} xxl={8}>
          <Card title={t('dashboard.overdueByUnit')} data-testid="dashboard-overdue">
            {overdueOption ? (
              <EChart
                option={overdueOption}
                height={Math.max(160, data.overdueByUnit.length * 32)}
                label={t('dashboard.overdueByUnit')}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboard.overdueNone')} />
            )}
          </Card>
        </Col>

        <Col xs={24} xl={16}>
          <Card title={t('dashboard.map')} data-testid="dashboard-map">
            <DensityMap grids={data.grids} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('dashboard.topCategories')}>
            {categoryOption ? (
              <EChart
                option={categoryOption}
                height={Math.max(160, data.topCategories.length * 36)}
                label={t('dashboard.topCategories')}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

function RankingCard({ ranking }: { ranking: DashboardRanking }) {
  const { t } = useI18n();
  const title = t(`dashboard.ranking.${ranking.subject}` as MessageKey);
  return (
    <Card
      title={title}
      data-testid={`dashboard-ranking-${ranking.subject}`}
      extra={
        ranking.live ? (
          <Tag>{t('dashboard.ranking.live')}</Tag>
        ) : (
          <Link to={`/assessment/rankings/${encodeURIComponent(ranking.id ?? '')}`}>
            <Tag color="green">{t('dashboard.ranking.published', { version: ranking.version ?? 1 })}</Tag>
          </Link>
        )
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('dashboard.ranking.period', { from: ranking.period.from, to: lastDayOf(ranking.period.to) })}
        {ranking.ranked > 0 && ` · ${t('dashboard.ranking.more', { n: ranking.ranked })}`}
      </Typography.Paragraph>
      <Table<RankingLine>
        size="small"
        pagination={false}
        rowKey="unitId"
        dataSource={ranking.rows}
        locale={{ emptyText: t('dashboard.ranking.none') }}
        columns={[
          { title: t('dashboard.ranking.rank'), dataIndex: 'rank', width: 64 },
          { title: t('dashboard.ranking.unit'), dataIndex: 'name' },
          { title: t('dashboard.ranking.score'), dataIndex: 'score', width: 80 },
          { title: t('dashboard.ranking.cases'), dataIndex: 'cases', width: 64 },
        ]}
      />
    </Card>
  );
}
