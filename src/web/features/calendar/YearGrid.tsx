import { theme } from 'antd';
import { type CSSProperties, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { VISUALLY_HIDDEN } from '../../components/visually-hidden.ts';
import { useT } from '../../i18n/i18n.tsx';
import type { CalendarDay } from '../../lib/api-types.ts';
import {
  addDays,
  addMonths,
  type DayKind,
  dayKind,
  isAdHocAdjustment,
  isoDate,
  monthWeeks,
  parseIsoDate,
  WEEK_COLUMNS,
  weekdayOf,
} from './calendar-model.ts';
import { dayDescription, KIND_LABELS, MONTH_NAMES, WEEKDAY_LONG, WEEKDAY_SHORT } from './day-labels.ts';

export { VISUALLY_HIDDEN };

const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

type Token = ReturnType<typeof theme.useToken>['token'];

/**
 * Text and badge colours dark enough to read (WCAG AA, 4.5:1) on the pale backgrounds:
 * antd's palette red-7 and gold-8 (the warning token itself is about 2:1 on its background).
 */
const HOLIDAY_INK = '#cf1322';
const MAKEUP_INK = '#ad6800';

interface KindStyle {
  background: string;
  color: string;
  /** The corner mark, so the kind does not rest on colour alone: 休 / 班. */
  badge: 'rest' | 'work' | null;
  badgeColor: string;
}

function kindStyle(kind: DayKind, token: Token): KindStyle {
  switch (kind) {
    case 'holiday':
      return {
        background: token.colorErrorBg,
        color: HOLIDAY_INK,
        badge: 'rest',
        badgeColor: HOLIDAY_INK,
      };
    case 'makeup':
      return {
        background: token.colorWarningBg,
        color: MAKEUP_INK,
        badge: 'work',
        badgeColor: MAKEUP_INK,
      };
    case 'rest':
      return {
        background: token.colorFillSecondary,
        color: token.colorTextSecondary,
        badge: null,
        badgeColor: token.colorTextSecondary,
      };
    default:
      return { background: 'transparent', color: token.colorText, badge: null, badgeColor: token.colorText };
  }
}

function Badge({ kind, color }: { kind: 'rest' | 'work'; color: string }) {
  const t = useT();
  return (
    <span
      aria-hidden
      style={{
        position: 'absolute',
        top: 1,
        insetInlineEnd: 1,
        minWidth: 14,
        height: 14,
        lineHeight: '14px',
        fontSize: 10,
        borderRadius: 3,
        padding: '0 2px',
        color: '#fff',
        background: color,
      }}
    >
      {kind === 'rest' ? t('calendar.badge.rest') : t('calendar.badge.work')}
    </span>
  );
}

/** The visible content of a day cell; the accessible name is given by the caller. */
function DayFace({ day, dayNumber }: { day: CalendarDay | undefined; dayNumber: number }) {
  const t = useT();
  const { token } = theme.useToken();
  const kind = day ? dayKind(day) : 'workday';
  const style = kindStyle(kind, token);
  const note = !day ? '' : kind === 'makeup' ? t('calendar.makeupShort') : (day.holiday ?? '');
  const adjusted = day ? isAdHocAdjustment(day) : false;
  return (
    <span
      aria-hidden
      style={{
        position: 'relative',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        height: 40,
        borderRadius: 4,
        background: style.background,
        color: style.color,
        outline: adjusted ? `1px dashed ${token.colorPrimary}` : undefined,
        outlineOffset: -2,
        overflow: 'hidden',
      }}
    >
      {style.badge && <Badge kind={style.badge} color={style.badgeColor} />}
      <span style={{ fontSize: 13, lineHeight: '16px', fontWeight: kind === 'holiday' ? 600 : 400 }}>
        {dayNumber}
      </span>
      <span
        style={{
          fontSize: 10,
          lineHeight: '12px',
          maxWidth: '100%',
          padding: '0 2px',
          whiteSpace: 'nowrap',
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          minHeight: 12,
        }}
      >
        {note}
      </span>
    </span>
  );
}

interface YearGridProps {
  year: number;
  /** The year's days by date; days not yet loaded show as plain dates. */
  days: ReadonlyMap<string, CalendarDay>;
  /** YYYY-MM-DD in Asia/Shanghai, outlined when it is in this year. */
  today: string;
  loading: boolean;
  /** Set (calendar.manage): every day is a button that opens the day form. */
  onPick?: (day: CalendarDay) => void;
}

/**
 * Twelve month tables, as many side by side as fit (one per row on a phone). With
 * `onPick`, the days are buttons and one of them is in the tab order: the arrow keys
 * move by day and week, Page Up/Down by month, Home/End to the week's ends.
 */
export function YearGrid({ year, days, today, loading, onPick }: YearGridProps) {
  const t = useT();
  const { token } = theme.useToken();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const initialFocus = today.startsWith(`${year}-`) ? today : isoDate(year, 1, 1);
  const [focusDate, setFocusDate] = useState(initialFocus);

  useEffect(() => {
    setFocusDate(initialFocus);
  }, [initialFocus]);

  const move = (from: string, event: KeyboardEvent) => {
    const weekday = weekdayOf(...dateParts(from));
    const offsetInWeek = (weekday + 6) % 7; // Monday 0 … Sunday 6
    let next: string | null = null;
    if (event.key === 'ArrowLeft') next = addDays(from, -1);
    else if (event.key === 'ArrowRight') next = addDays(from, 1);
    else if (event.key === 'ArrowUp') next = addDays(from, -7);
    else if (event.key === 'ArrowDown') next = addDays(from, 7);
    else if (event.key === 'PageUp') next = addMonths(from, -1);
    else if (event.key === 'PageDown') next = addMonths(from, 1);
    else if (event.key === 'Home') next = addDays(from, -offsetInWeek);
    else if (event.key === 'End') next = addDays(from, 6 - offsetInWeek);
    if (next === null) return;
    event.preventDefault();
    if (!next.startsWith(`${year}-`)) return;
    setFocusDate(next);
    buttons.current.get(next)?.focus();
  };

  return (
    <div
      aria-busy={loading}
      style={{
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))',
        gap: 16,
        opacity: loading ? 0.6 : 1,
        transition: 'opacity 0.2s',
      }}
    >
      {MONTHS.map((month) => (
        <table
          key={month}
          style={{ width: '100%', tableLayout: 'fixed', borderCollapse: 'separate', borderSpacing: 2 }}
        >
          <caption
            style={{
              captionSide: 'top',
              textAlign: 'start',
              fontWeight: 600,
              padding: '0 2px 4px',
              color: token.colorText,
            }}
          >
            {t('calendar.monthCaption', {
              year,
              month,
              monthName: t(MONTH_NAMES[month - 1] ?? 'calendar.month.1'),
            })}
          </caption>
          <thead>
            <tr>
              {WEEK_COLUMNS.map((weekday) => (
                <th
                  key={weekday}
                  scope="col"
                  abbr={t(WEEKDAY_LONG[weekday] ?? 'calendar.weekday.0')}
                  style={{
                    fontWeight: 400,
                    fontSize: 12,
                    padding: '2px 0',
                    color:
                      weekday === 0 || weekday === 6 ? token.colorTextTertiary : token.colorTextSecondary,
                  }}
                >
                  {t(WEEKDAY_SHORT[weekday] ?? 'calendar.weekdayShort.0')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {monthWeeks(year, month).map((week) => (
              <tr key={week.find((date) => date !== null) ?? 'empty'}>
                {week.map((date, column) => {
                  if (date === null) return <td key={`blank-${WEEK_COLUMNS[column]}`} />;
                  const day = days.get(date);
                  const dayNumber = Number(date.slice(8));
                  const description = day ? dayDescription(t, day) : date;
                  const isToday = date === today;
                  const todayRing = isToday ? `inset 0 0 0 2px ${token.colorPrimary}` : undefined;
                  return (
                    <td key={date} style={{ padding: 0 }}>
                      {onPick && day ? (
                        <button
                          type="button"
                          ref={(element) => {
                            if (element) buttons.current.set(date, element);
                            else buttons.current.delete(date);
                          }}
                          data-date={date}
                          aria-label={description}
                          aria-current={isToday ? 'date' : undefined}
                          title={description}
                          tabIndex={date === focusDate ? 0 : -1}
                          onFocus={() => setFocusDate(date)}
                          onKeyDown={(event) => move(date, event)}
                          onClick={() => onPick(day)}
                          style={{
                            display: 'block',
                            width: '100%',
                            padding: 0,
                            border: 'none',
                            borderRadius: 4,
                            background: 'none',
                            font: 'inherit',
                            cursor: 'pointer',
                            boxShadow: todayRing,
                          }}
                        >
                          <DayFace day={day} dayNumber={dayNumber} />
                        </button>
                      ) : (
                        <div
                          data-date={date}
                          title={description}
                          style={{ position: 'relative', borderRadius: 4, boxShadow: todayRing }}
                        >
                          <span style={VISUALLY_HIDDEN}>{description}</span>
                          <DayFace day={day} dayNumber={dayNumber} />
                        </div>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}

function dateParts(date: string): [number, number, number] {
  const parts = parseIsoDate(date);
  return parts ? [parts.year, parts.month, parts.day] : [1970, 1, 1];
}

/** The key to the colours and marks of the grid. */
export function CalendarLegend() {
  const t = useT();
  const { token } = theme.useToken();
  const kinds: DayKind[] = ['workday', 'rest', 'holiday', 'makeup'];
  const swatch = (style: CSSProperties, badge: KindStyle['badge'], badgeColor: string) => (
    <span
      aria-hidden
      style={{
        position: 'relative',
        display: 'inline-block',
        width: 28,
        height: 20,
        borderRadius: 4,
        border: `1px solid ${token.colorBorderSecondary}`,
        verticalAlign: 'middle',
        ...style,
      }}
    >
      {badge && (
        <span
          style={{
            position: 'absolute',
            top: 1,
            insetInlineEnd: 1,
            fontSize: 9,
            lineHeight: '12px',
            padding: '0 2px',
            borderRadius: 2,
            color: '#fff',
            background: badgeColor,
          }}
        >
          {badge === 'rest' ? t('calendar.badge.rest') : t('calendar.badge.work')}
        </span>
      )}
    </span>
  );
  return (
    <ul
      aria-label={t('calendar.legend')}
      style={{
        listStyle: 'none',
        margin: '0 0 16px',
        padding: 0,
        display: 'flex',
        flexWrap: 'wrap',
        gap: '8px 20px',
        fontSize: 13,
      }}
    >
      {kinds.map((kind) => {
        const style = kindStyle(kind, token);
        return (
          <li key={kind} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
            {swatch({ background: style.background }, style.badge, style.badgeColor)}
            <span>{t(KIND_LABELS[kind])}</span>
          </li>
        );
      })}
      <li style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        {swatch({ outline: `1px dashed ${token.colorPrimary}`, outlineOffset: -3 }, null, '')}
        <span>{t('calendar.kind.adjusted')}</span>
      </li>
      <li style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
        {swatch({ boxShadow: `inset 0 0 0 2px ${token.colorPrimary}` }, null, '')}
        <span>{t('calendar.today')}</span>
      </li>
    </ul>
  );
}
