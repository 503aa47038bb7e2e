import { FormOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx';
import { useFeedback } from '../../components/feedback.tsx';
import { useDocumentTitle, useT } from '../../i18n/i18n.tsx';
import { api } from '../../lib/api.ts';
import type { CalendarChangeResult, CalendarDay, CalendarYear } from '../../lib/api-types.ts';
import { formatShanghai } from '../../lib/time.ts';
import { useApi } from '../../lib/use-api.ts';
import { can, useMe } from '../../session/session.tsx';
import { ArrangementModal } from './ArrangementModal.tsx';
import { holidaysOfDays, shanghaiToday, yearChoices, yearRange } from './calendar-model.ts';
import { DayEditModal } from './DayEditModal.tsx';
import { DeadlineCalculator } from './DeadlineCalculator.tsx';
import { ImportCalendar } from './ImportCalendar.tsx';
import { OfficeHours } from './OfficeHours.tsx';
import { CalendarLegend, YearGrid } from './YearGrid.tsx';

const NO_YEARS: CalendarYear[] = [];

/**
 * The work calendar (calendar.read): a year of workdays, rest days, holidays and make-up
 * days, office hours and a deadline calculator. With calendar.manage (the system
 * administrator) days can be changed, files imported, arrangements and office hours added.
 */
export function CalendarPage() {
  const t = useT();
  const me = useMe();
  const { message } = useFeedback();
  useDocumentTitle(t('nav.calendar'));
  const canManage = can(me, 'calendar.manage');

  const today = shanghaiToday();
  const currentYear = Number(today.slice(0, 4));
  const [year, setYear] = useState(currentYear);

  const loadYears = useCallback(() => api.calendarYears().then((page) => page.items), []);
  const years = useApi(loadYears);
  const loadedYears = years.data ?? NO_YEARS;
  const loaded = loadedYears.find((item) => item.year === year);
  const choices = useMemo(
    () => yearChoices(loadedYears.map((item) => item.year).concat(year), currentYear),
    [loadedYears, year, currentYear],
  );

  const loadDays = useCallback(() => api.calendarDays(yearRange(year)), [year]);
  const days = useApi(loadDays);
  const dayMap = useMemo(() => {
    const map = new Map<string, CalendarDay>();
    if (days.data?.from.startsWith(`${year}-`)) for (const day of days.data.days) map.set(day.date, day);
    return map;
  }, [days.data, year]);

  const holidays = useMemo(() => (loaded ? holidaysOfDays([...dayMap.values()]) : []), [loaded, dayMap]);

  const [editing, setEditing] = useState<CalendarDay | null>(null);
  const [arranging, setArranging] = useState(false);

  /** After any change: show what it did, read the calendar again, and go to the year it loaded. */
  const afterChange = (result: CalendarChangeResult) => {
    years.reload();
    days.reload();
    const first = result.years.length > 0 ? Math.min(...result.years) : null;
    if (first !== null) setYear(first);
  };

  return (
    <div>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('nav.calendar')}
        </Typography.Title>
        <Space wrap>
          <label htmlFor="calendar-year">{t('calendar.year')}</label>
          <Select<number>
            id="calendar-year"
            value={year}
            onChange={setYear}
            style={{ width: 200 }}
            options={choices.map((choice) => ({
              value: choice,
              label: loadedYears.some((item) => item.year === choice)
                ? t('calendar.yearOption', { year: choice })
                : t('calendar.yearOptionMissing', { year: choice }),
            }))}
          />
          <Button
            icon={<ReloadOutlined aria-hidden />}
            onClick={() => {
              years.reload();
              days.reload();
            }}
          >
            {t('common.refresh')}
          </Button>
        </Space>
      </Space>

      <Typography.Paragraph type="secondary">
        {canManage ? t('calendar.manageHint') : t('calendar.readOnlyHint')}
      </Typography.Paragraph>

      {years.data && !loaded && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('calendar.yearMissing', { year })}
          description={canManage ? t('calendar.yearMissingManage') : undefined}
        />
      )}
      {loaded && (
        <Typography.Paragraph>
          {t('calendar.yearSource', { year, source: loaded.source })}
        </Typography.Paragraph>
      )}

      {canManage && (
        <Space wrap align="start" style={{ marginBottom: 16 }}>
          <ImportCalendar onImported={afterChange} />
          <Button icon={<FormOutlined aria-hidden />} onClick={() => setArranging(true)}>
            {t('calendar.arrangement.open', { year })}
          </Button>
        </Space>
      )}

      <ApiErrorAlert error={years.error ?? days.error} onRetry={years.error ? years.reload : days.reload} />
      <CalendarLegend />
      <section aria-label={t('calendar.yearGrid', { year })} style={{ marginBottom: 24 }}>
        <YearGrid
          year={year}
          days={dayMap}
          today={today}
          loading={days.loading}
          onPick={canManage ? setEditing : undefined}
        />
      </section>

      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 320px), 1fr))',
          gap: 16,
          marginBottom: 16,
          alignItems: 'start',
        }}
      >
        <DeadlineCalculator />
        <Card size="small" title={t('calendar.years.title')}>
          {loadedYears.length === 0 ? (
            <Typography.Text type="secondary">{t('calendar.years.empty')}</Typography.Text>
          ) : (
            <ul aria-label={t('calendar.years.title')} style={{ margin: 0, paddingInlineStart: 20 }}>
              {loadedYears.map((item) => (
                <li key={item.year} style={{ marginBottom: 4 }}>
                  <Typography.Text strong>{t('calendar.years.year', { year: item.year })}</Typography.Text>
                  {' · '}
                  {item.source}
                  <br />
                  <Typography.Text type="secondary">
                    {t('calendar.years.loadedAt', { time: formatShanghai(item.loadedAt) })}
                  </Typography.Text>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <OfficeHours canManage={canManage} />

      {canManage && (
        <>
          <DayEditModal
            day={editing}
            onClose={() => setEditing(null)}
            onSaved={(result) => {
              setEditing(null);
              if (result.changedDays.length === 0) message.info(t('calendar.dayUnchanged'));
              else message.success(t('calendar.daySaved', { recomputed: result.recomputed }));
              afterChange(result);
            }}
          />
          <ArrangementModal
            year={year}
            existing={loaded ?? null}
            holidays={holidays}
            open={arranging}
            onClose={() => setArranging(false)}
            onLoaded={(result) => {
              setArranging(false);
              message.success(
                t('calendar.arrangement.loaded', {
                  year,
                  days: result.changedDays.length,
                  recomputed: result.recomputed,
                }),
              );
              afterChange(result);
            }}
          />
        </>
      )}
    </div>
  );
}
