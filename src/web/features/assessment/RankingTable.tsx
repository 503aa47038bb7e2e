import { Tooltip, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { type PlainColumn, PlainTable } from '../org/PlainTable.tsx';
import { apartReason, type RateFigures } from './assessment-model.ts';
import { RATE_KEYS, type RankingRow, type RateKey } from './assessment-types.ts';

const percent = (value: number | null) => (value === null ? '—' : `${value.toFixed(2)}%`);
const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/**
 * A1, A2: a ranking's table — rank, unit, the four rates (the numerator and denominator
 * on hover where known), points, score and cases — and, apart, the units not ranked with
 * why (too few cases, or no rate to score by). Used live (preview) and frozen.
 */
export function RankingTable({
  ranked,
  apart,
  minimumCases,
  figures,
}: {
  ranked: readonly RankingRow[];
  apart: readonly RankingRow[];
  minimumCases: number;
  /** Live previews only: the figures behind each unit's rates. */
  figures?: Map<string, Record<RateKey, RateFigures>> | undefined;
}) {
  const { t } = useI18n();
  const rate = (key: RateKey) => ({
    key,
    title: t(`assessmentRate.${key}` as const),
    nowrap: true,
    render: (row: RankingRow) => {
      const shown = percent(row.rates[key]);
      const f = figures?.get(row.unitId)?.[key];
      if (!f) return shown;
      return (
        <Tooltip title={t('assessment.rateFigures', { numerator: f.numerator, denominator: f.denominator })}>
          <span data-rate={key} style={{ borderBottom: '1px dotted currentColor', cursor: 'help' }}>
            {shown}
          </span>
        </Tooltip>
      );
    },
  });
  const points: PlainColumn<RankingRow> = {
    key: 'points',
    title: t('assessment.points'),
    nowrap: true,
    render: (row) => (
      <Tooltip
        title={t('assessment.pointsDetail', {
          automatic: signed(row.points.automatic),
          breaches: row.breaches,
          consultationBreaches: row.consultationBreaches,
          manual: signed(row.points.manual),
        })}
      >
        <span style={{ borderBottom: '1px dotted currentColor', cursor: 'help' }}>
          {signed(row.points.total)}
        </span>
      </Tooltip>
    ),
  };
  const unit: PlainColumn<RankingRow> = {
    key: 'unit',
    title: t('assessment.unit'),
    render: (row) => row.name,
  };
  const cases: PlainColumn<RankingRow> = {
    key: 'cases',
    title: t('assessment.cases'),
    nowrap: true,
    render: (row) => row.cases,
  };
  return (
    <div style={{ display: 'grid', gap: 16 }}>
      <PlainTable<RankingRow>
        caption={t('assessment.rankedTable')}
        rows={ranked}
        rowKey={(row) => row.unitId}
        empty={t('assessment.noneRanked')}
        columns={[
          { key: 'rank', title: t('assessment.rank'), nowrap: true, render: (row) => row.rank },
          unit,
          ...RATE_KEYS.map(rate),
          points,
          {
            key: 'score',
            title: t('assessment.score'),
            nowrap: true,
            render: (row) => <strong>{row.score === null ? '—' : row.score.toFixed(2)}</strong>,
          },
          cases,
        ]}
      />
      {apart.length > 0 && (
        <div>
          <PlainTable<RankingRow>
            caption={t('assessment.apartTable')}
            captionVisible
            rows={apart}
            rowKey={(row) => row.unitId}
            empty={null}
            columns={[
              unit,
              cases,
              ...RATE_KEYS.map(rate),
              points,
              {
                key: 'why',
                title: t('assessment.apartWhy'),
                render: (row) =>
                  apartReason(row, minimumCases) === 'fewCases'
                    ? t('assessment.apartFewCases', { cases: row.cases, minimum: minimumCases })
                    : t('assessment.apartNoScore'),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('assessment.apartHint', { minimum: minimumCases })}
          </Typography.Paragraph>
        </div>
      )}
    </div>
  );
}
