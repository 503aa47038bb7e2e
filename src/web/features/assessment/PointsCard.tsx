import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space, Tag, Typography } from 'antd';
import { lazy, Suspense, useCallback, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import type { OrgUnit } from '../../lib/api-types.ts';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { can, useMe } from '../../session/session.tsx';
import { PlainTable } from '../org/PlainTable.tsx';
import { assessmentApi } from './assessment-api.ts';
import { shanghaiDay } from './assessment-model.ts';
import type { PointEntry } from './assessment-types.ts';

// The form (unit and approver pickers) loads only for assessment.manage.
const PointForm = lazy(() => import('./PointForm.tsx').then((m) => ({ default: m.PointForm })));

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

/**
 * A2: the manual plus/minus points of the units under an area in a month — never edited;
 * a correction is a new entry naming the one it corrects — and, for assessment.manage,
 * a new entry or a correction of one.
 */
export function PointsCard({ area }: { area: OrgUnit }) {
  const { t } = useI18n();
  const me = useMe();
  const mayManage = can(me, 'assessment.manage');
  const [month, setMonth] = useState(() => shanghaiDay(Date.now()).slice(0, 7));
  const [editing, setEditing] = useState<{ correcting?: PointEntry } | null>(null);
  const load = useCallback(
    () =>
      MONTH.test(month)
        ? assessmentApi.points({ area: area.id, month }).then((page) => page.items)
        : Promise.resolve([]),
    [area.id, month],
  );
  const points = useApi<PointEntry[]>(load);
  const byId = new Map((points.data ?? []).map((p) => [p.id, p]));

  return (
    <Card
      size="small"
      title={t('assessment.pointsTitle')}
      extra={
        mayManage && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing({})}>
            {t('assessment.addPoint')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t('assessment.pointsHint')}</Typography.Paragraph>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="points-month">{t('assessment.month')}</label>
        <Input
          id="points-month"
          type="month"
          value={month}
          onChange={(event) => {
            if (MONTH.test(event.target.value)) setMonth(event.target.value);
          }}
          style={{ width: 170 }}
        />
      </Space>
      <ApiErrorAlert error={points.error} onRetry={points.reload} />
      {editing && (
        <Suspense fallback={<Typography.Paragraph>{t('app.loading')}</Typography.Paragraph>}>
          <PointForm
            key={editing.correcting?.id ?? 'new'}
            correcting={editing.correcting}
            onCancel={() => setEditing(null)}
            onSaved={(occurredMonth) => {
              setEditing(null);
              if (occurredMonth !== month) setMonth(occurredMonth);
              else points.reload();
            }}
          />
        </Suspense>
      )}
      <PlainTable<PointEntry>
        caption={t('assessment.pointsTitle')}
        rows={points.data ?? []}
        rowKey={(p) => p.id}
        loading={points.loading && !points.data}
        empty={t('assessment.noPoints')}
        columns={[
          {
            key: 'occurred',
            title: t('assessment.occurredAt'),
            nowrap: true,
            render: (p) => formatShanghai(p.occurredAt),
          },
          { key: 'unit', title: t('assessment.unit'), render: (p) => p.unitName },
          {
            key: 'points',
            title: t('assessment.pointValue'),
            nowrap: true,
            render: (p) => <strong>{signed(p.points)}</strong>,
          },
          { key: 'rule', title: t('assessment.ruleId'), nowrap: true, render: (p) => p.ruleId },
          {
            key: 'reason',
            title: t('assessment.pointReason'),
            render: (p) => (
              <>
                <span style={{ overflowWrap: 'anywhere' }}>{p.reason}</span>
                {p.corrects && (
                  <div>
                    <Tag color="blue">
                      {t('assessment.corrects', {
                        entry: byId.get(p.corrects)
                          ? `${byId.get(p.corrects)?.unitName} ${signed(byId.get(p.corrects)?.points ?? 0)}`
                          : p.corrects.slice(0, 8),
                      })}
                    </Tag>
                  </div>
                )}
                {p.correctedBy.length > 0 && (
                  <div>
                    <Tag color="orange">
                      {t('assessment.correctedTimes', { count: p.correctedBy.length })}
                    </Tag>
                  </div>
                )}
              </>
            ),
          },
          {
            key: 'approver',
            title: t('assessment.approver'),
            nowrap: true,
            render: (p) => p.approverName ?? '—',
          },
          {
            key: 'by',
            title: t('assessment.enteredBy'),
            nowrap: true,
            render: (p) => p.createdByName ?? '—',
          },
          ...(mayManage
            ? [
                {
                  key: 'actions',
                  title: t('assessment.actions'),
                  nowrap: true,
                  render: (p: PointEntry) => (
                    <Button size="small" onClick={() => setEditing({ correcting: p })}>
                      {t('assessment.correctPoint')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
