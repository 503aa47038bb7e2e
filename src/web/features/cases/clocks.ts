import { isMessageKey, type Translate } from '../../i18n/translate.ts';
import type { Obligation } from './case-types.ts';

/**
 * How a duty stands, as a reader needs it: still running (with time left), close to its
 * end (warned), past due before the scanner marked it (overdue), breached, met on time,
 * met late, paused, or no longer owed.
 */
export type ClockStatus =
  | 'running'
  | 'warned'
  | 'overdue'
  | 'paused'
  | 'met'
  | 'metLate'
  | 'breached'
  | 'cancelled'
  | 'waived';

export interface ClockView {
  status: ClockStatus;
  /**
   * Milliseconds left (running, warned) or late (overdue, breached: by now; metLate: when
   * met); null where no time is worth showing.
   */
  ms: number | null;
}

const ms = (iso: string | null): number => (iso ? Date.parse(iso) : Number.NaN);

/** The status of one duty at `now` (epoch ms). */
export function clockOf(
  duty: Pick<Obligation, 'state' | 'dueAt' | 'metAt' | 'warnedAt' | 'warnAt'>,
  now: number,
): ClockView {
  const due = ms(duty.dueAt);
  switch (duty.state) {
    case 'met':
      return { status: 'met', ms: null };
    case 'breached':
      // A breach stays a breach when the duty is met late; both count.
      return duty.metAt
        ? { status: 'metLate', ms: ms(duty.metAt) - due }
        : { status: 'breached', ms: now - due };
    case 'paused':
      return { status: 'paused', ms: null };
    case 'cancelled':
    case 'waived':
      return { status: duty.state, ms: null };
    case 'running': {
      // The scanner marks breaches every few seconds; between two passes the page knows already.
      if (now >= due) return { status: 'overdue', ms: now - due };
      const warned = duty.warnedAt !== null || now >= ms(duty.warnAt);
      return { status: warned ? 'warned' : 'running', ms: due - now };
    }
  }
}

/** Antd tag colours per status: green done, blue running, gold near the end, red late, grey not owed. */
export const CLOCK_COLOURS: Record<ClockStatus, string> = {
  running: 'processing',
  warned: 'warning',
  overdue: 'error',
  paused: 'default',
  met: 'success',
  metLate: 'orange',
  breached: 'error',
  cancelled: 'default',
  waived: 'default',
};

/** Whether the duty still runs (shown first, with its time left). */
export function isLive(view: ClockView): boolean {
  return view.status === 'running' || view.status === 'warned' || view.status === 'overdue';
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A length of time in the two largest units: 1天3小时, 2小时5分钟, 45分钟 (1 d 3 h, 2 h 5 min, 45 min). */
export function formatDuration(t: Translate, length: number): string {
  const total = Math.max(0, Math.floor(Math.abs(length) / MINUTE)) * MINUTE;
  if (total < MINUTE) return t('duration.underMinute');
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  const parts: string[] = [];
  if (days > 0) parts.push(t('duration.days', { n: days }));
  if (hours > 0 && parts.length < 2) parts.push(t('duration.hours', { n: hours }));
  if (minutes > 0 && days === 0 && parts.length < 2) parts.push(t('duration.minutes', { n: minutes }));
  return parts.join(t('duration.separator'));
}

/** The rule text of a duty in words: 2h → 2小时, 2wh → 2个工作小时, 3wd → 3个工作日, 20d → 20天. */
export function deadlineLabel(t: Translate, deadline: string): string {
  const match = /^(\d+(?:\.\d+)?)(wh|wd|h|d)(?:@(\d{1,2}:\d{2}))?$/.exec(deadline.trim());
  if (!match) return deadline;
  const n = match[1] ?? '';
  const unit = match[2];
  const key =
    unit === 'h'
      ? 'deadline.hours'
      : unit === 'wh'
        ? 'deadline.workHours'
        : unit === 'wd'
          ? 'deadline.workDays'
          : 'deadline.days';
  const text = t(key, { n });
  return match[3] ? t('deadline.at', { text, time: match[3] }) : text;
}

/** The duty's name: C8 签收, C9 到场…; a rule this release does not know shows its id. */
export function ruleLabel(t: Translate, ruleId: string): string {
  const key = `clockRule.${ruleId}`;
  return isMessageKey(key) ? `${ruleId} ${t(key)}` : ruleId;
}

/** The status in words, with the time left or late where it matters. */
export function clockText(t: Translate, view: ClockView): string {
  const time = view.ms === null ? '' : formatDuration(t, view.ms);
  switch (view.status) {
    case 'running':
      return t('clock.running', { time });
    case 'warned':
      return t('clock.warned', { time });
    case 'overdue':
      return t('clock.overdue', { time });
    case 'breached':
      return t('clock.breached', { time });
    case 'metLate':
      return t('clock.metLate', { time });
    case 'met':
      return t('clock.met');
    case 'paused':
      return t('clock.paused');
    case 'cancelled':
      return t('clock.cancelled');
    case 'waived':
      return t('clock.waived');
  }
}

/** Running duties first (soonest due first), then the rest in the order they started. */
export function sortDuties(duties: readonly Obligation[], now: number): Obligation[] {
  return [...duties].sort((a, b) => {
    const liveA = isLive(clockOf(a, now));
    const liveB = isLive(clockOf(b, now));
    if (liveA !== liveB) return liveA ? -1 : 1;
    if (liveA) return ms(a.dueAt) - ms(b.dueAt);
    return ms(a.startedAt) - ms(b.startedAt);
  });
}
