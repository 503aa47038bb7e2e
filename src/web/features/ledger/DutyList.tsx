import { Tag, Typography, theme } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';
import { formatShanghai } from '../../lib/time.ts';
import { useNow } from '../../lib/use-now.ts';
import type { Obligation } from '../cases/case-types.ts';
import { CLOCK_COLOURS, clockOf, clockText, ruleLabel, sortDuties } from '../cases/clocks.ts';
import { dutyDeadlineLabel } from './duty-labels.ts';

/**
 * The clocks of a session or a ledger item: the rule (R4 征集, R8 书面报告…), the time
 * allowed in words (calendar rules such as 次月15日 included), the owing unit, the due time
 * and how it stands (running with the time left, due soon, overdue, met, met late,
 * breached, cancelled). Running ones first.
 */
export function DutyList({
  duties,
  caption,
  unitName,
  empty,
}: {
  duties: readonly Obligation[];
  /** The list's accessible name. */
  caption: string;
  unitName(duty: Obligation): string;
  empty: string;
}) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const now = useNow();
  if (duties.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <ul aria-label={caption} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
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
              <span style={{ color: token.colorTextSecondary }}>{dutyDeadlineLabel(t, duty.deadline)}</span>
              <Tag color={CLOCK_COLOURS[view.status]} style={{ marginInlineStart: 'auto' }}>
                {clockText(t, view)}
              </Tag>
            </div>
            <div style={{ color: token.colorTextSecondary, fontSize: 13, overflowWrap: 'anywhere' }}>
              {unitName(duty)} · {t('case.clockDue')} {formatShanghai(duty.dueAt)}
              {duty.extendedDueAt && ` · ${t('case.clockExtended')}`}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
