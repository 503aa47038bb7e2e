import { Tag, Typography, theme } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatShanghai } from '../../lib/time.ts';
import { useNow } from '../../lib/use-now.ts';
import type { Obligation } from './case-types.ts';
import { CLOCK_COLOURS, clockOf, clockText, deadlineLabel, ruleLabel, sortDuties } from './clocks.ts';

/**
 * Every duty of the case and of its cooperating tasks (C4, C7–C11): what is owed, by
 * whom, the time allowed, the due time, and whether it was met, breached or is running
 * (with the time left). Running ones first, soonest due first.
 */
export function ClocksList({
  duties,
  unitName,
}: {
  duties: readonly Obligation[];
  unitName(unitId: string): string;
}) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const now = useNow();
  if (duties.length === 0) return <Typography.Text type="secondary">{t('case.clocksEmpty')}</Typography.Text>;
  return (
    <ul aria-label={t('case.clocksCaption')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {sortDuties(duties, now).map((duty) => {
        const view = clockOf(duty, now);
        return (
          <li
            key={duty.id}
            data-rule={duty.ruleId}
            data-status={view.status}
            style={{ padding: '8px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
          >
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'baseline' }}>
              <strong>{ruleLabel(t, duty.ruleId)}</strong>
              <span style={{ color: token.colorTextSecondary }}>{deadlineLabel(t, duty.deadline)}</span>
              {duty.subject.type === 'case_task' && <Tag>{t('case.clockTask')}</Tag>}
              <Tag color={CLOCK_COLOURS[view.status]} style={{ marginInlineStart: 'auto' }}>
                {clockText(t, view)}
              </Tag>
            </div>
            <div style={{ color: token.colorTextSecondary, fontSize: 13, overflowWrap: 'anywhere' }}>
              {unitName(duty.unitId)} · {t('case.clockDue')} {formatShanghai(duty.dueAt)}
              {duty.extendedDueAt && ` · ${t('case.clockExtended')}`}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
