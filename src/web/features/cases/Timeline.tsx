import { theme } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import type { Translate } from '../../i18n/translate.ts';
import { formatShanghai } from '../../lib/time.ts';
import { roundLabel, slaLabel, timelineLabel } from './case-labels.ts';
import type { TimelineEntry } from './case-types.ts';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** What an entry's payload says, as label–value lines in the reader's language. */
export function entryDetails(
  t: Translate,
  payload: Record<string, unknown>,
  unitName: (unitId: string) => string,
): [string, ReactNode][] {
  const lines: [string, ReactNode][] = [];
  const add = (label: string, value: ReactNode | null) => {
    if (value !== null && value !== '') lines.push([label, value]);
  };
  add(t('timeline.reason'), text(payload.reason));
  add(t('timeline.result'), text(payload.result));
  add(t('timeline.feedback'), text(payload.feedback));
  add(t('timeline.pendingReason'), text(payload.pendingReason));
  add(t('timeline.decision'), text(payload.decision));
  if (typeof payload.leadUnitId === 'string') add(t('timeline.leadUnit'), unitName(payload.leadUnitId));
  if (typeof payload.slaClass === 'string') add(t('timeline.slaClass'), slaLabel(t, payload.slaClass));
  const cooperating = ids(payload.cooperatingUnitIds);
  if (cooperating.length > 0) add(t('timeline.cooperating'), cooperating.map(unitName).join('、'));
  if (payload.jointEnforcement === true) add(t('timeline.jointEnforcement'), t('common.ok'));
  if (payload.returnDecision === 'agreed') add(t('timeline.returnDecision'), t('timeline.agreed'));
  if (typeof payload.unitId === 'string') add(t('timeline.unit'), unitName(payload.unitId));
  const units = ids(payload.unitIds);
  if (units.length > 0) add(t('timeline.units'), units.map(unitName).join('、'));
  if (typeof payload.dueAt === 'string') add(t('timeline.dueAt'), formatShanghai(payload.dueAt));
  if (typeof payload.level === 'string' && ['township', 'district', 'city'].includes(payload.level))
    add(t('timeline.level'), t(`caseLevel.${payload.level as 'township' | 'district' | 'city'}`));
  if (typeof payload.rounds === 'number') add(t('timeline.rounds'), roundLabel(t, payload.rounds));
  if (typeof payload.mergeIntoId === 'string') {
    add(
      t('timeline.mergeInto'),
      <Link to={`/cases/${encodeURIComponent(payload.mergeIntoId)}`}>
        {text(payload.mergeIntoNumber) ?? payload.mergeIntoId}
      </Link>,
    );
  }
  if (typeof payload.lat === 'number' && typeof payload.lng === 'number')
    add(t('timeline.position'), `${payload.lat.toFixed(5)}, ${payload.lng.toFixed(5)}`);
  const photos = ids(payload.photoIds);
  if (photos.length > 0) add(t('action.photos'), t('timeline.photos', { count: photos.length }));
  add(t('timeline.note'), text(payload.note));
  return lines;
}

/** The case's history, oldest first: when, what happened, and what was said with it. */
export function Timeline({
  entries,
  unitName,
}: {
  entries: readonly TimelineEntry[];
  unitName: (unitId: string) => string;
}) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  if (entries.length === 0)
    return <p style={{ color: token.colorTextTertiary }}>{t('case.timelineEmpty')}</p>;
  return (
    <ol aria-label={t('case.timeline')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {entries.map((entry) => {
        const details = entryDetails(t, entry.payload, unitName);
        return (
          <li
            key={entry.id}
            data-kind={entry.kind}
            style={{
              borderInlineStart: `2px solid ${token.colorPrimaryBorder}`,
              padding: '0 0 12px 12px',
              position: 'relative',
            }}
          >
            <div style={{ display: 'flex', flexWrap: 'wrap', columnGap: 12 }}>
              <strong>{timelineLabel(t, entry.kind)}</strong>
              <time dateTime={entry.at} style={{ color: token.colorTextSecondary }}>
                {formatShanghai(entry.at)}
              </time>
            </div>
            {details.map(([label, value]) => (
              <div key={label} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
                <span style={{ color: token.colorTextSecondary }}>
                  {label}
                  {t('case.colon')}
                </span>
                {value}
              </div>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
