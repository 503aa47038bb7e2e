import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toIsoShanghai } from '../../core/time.ts';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { applyCalendarChange, type CalendarChange } from '../obligations/index.ts';
import { listCalendarYears, listOfficeSchedules } from './calendar.repository.ts';
import { calendarArrangement } from './calendar-arrangement.ts';
import { daysBetween, dueFor, workdaysBetween } from './calendar-queries.ts';

const dayChange = z.strictObject({
  date: z.string().max(10),
  workday: z.boolean(),
  holiday: z.string().trim().min(1).max(50).nullable(),
  makeup: z.boolean(),
});

const changeResult = z.object({
  changedDays: z.array(dayChange),
  recomputed: z.number().int(),
  years: z.array(z.number().int()),
});

const scheduleInput = z.strictObject({
  name: z.string().trim().min(1).max(50),
  validFrom: z.string().max(10),
  validTo: z.string().max(10).nullable(),
  periods: z
    .array(z.strictObject({ start: z.string().max(5), end: z.string().max(5) }))
    .min(1)
    .max(6),
});

const scheduleView = scheduleInput.extend({ id: z.uuid(), createdAt: z.string() });

export function registerCalendarRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  /** Every change goes through the obligations module, which recomputes the affected deadlines. */
  const change = (request: FastifyRequest, calendarChange: CalendarChange) =>
    applyCalendarChange({
      db: ctx.db,
      clock: ctx.clock,
      caller: actorOf(request),
      store: ctx.calendar,
      change: calendarChange,
    });

  // The three read-only routes need no login: other systems compute deadlines with them.
  app.get('/api/calendar/due', {
    schema: {
      tags,
      summary: 'When a deadline rule falls due for a start time',
      querystring: z.object({
        start: z.string().max(200).default(''),
        rule: z.string().max(200).default(''),
      }),
      response: { 200: z.object({ start: z.string(), rule: z.string(), due: z.string() }) },
    },
    config: { public: true },
    handler: async (request) => dueFor(ctx.calendar.current(), request.query.start, request.query.rule),
  });

  app.get('/api/calendar/days', {
    schema: {
      tags,
      summary: 'Each day of a range: workday, holiday, make-up day',
      querystring: z.object({ from: z.string().max(10), to: z.string().max(10) }),
      response: {
        200: z.object({
          from: z.string(),
          to: z.string(),
          days: z.array(
            z.object({
              date: z.string(),
              weekday: z.number().int(),
              workday: z.boolean(),
              holiday: z.string().nullable(),
              makeup: z.boolean(),
            }),
          ),
        }),
      },
    },
    config: { public: true },
    handler: async (request) => daysBetween(ctx.calendar.current(), request.query.from, request.query.to),
  });

  app.get('/api/calendar/workdays', {
    schema: {
      tags,
      summary: 'Number of workdays between two dates, both included',
      querystring: z.object({ from: z.string().max(10), to: z.string().max(10) }),
      response: { 200: z.object({ from: z.string(), to: z.string(), workdays: z.number().int() }) },
    },
    config: { public: true },
    handler: async (request) => workdaysBetween(ctx.calendar.current(), request.query.from, request.query.to),
  });

  app.get('/api/calendar/years', {
    schema: {
      tags,
      summary: 'Years whose official arrangement is loaded',
      response: {
        200: z.object({
          items: z.array(z.object({ year: z.number().int(), source: z.string(), loadedAt: z.string() })),
        }),
      },
    },
    config: { action: 'calendar.read' },
    handler: async () => ({
      items: (await listCalendarYears(ctx.db)).map((y) => ({ ...y, loadedAt: toIsoShanghai(y.loadedAt) })),
    }),
  });

  app.put('/api/calendar/days', {
    schema: {
      tags,
      summary: 'Mark days as workdays or rest days; running obligations are recomputed',
      body: z.strictObject({
        days: z.array(dayChange).min(1).max(400),
        reason: z.string().trim().min(1).max(200),
      }),
      response: { 200: changeResult },
    },
    config: { action: 'calendar.manage' },
    handler: async (request) =>
      change(request, { kind: 'days', days: request.body.days, reason: request.body.reason }),
  });

  app.post('/api/calendar/arrangements', {
    schema: {
      tags,
      summary: "Load or replace a year's holiday arrangement",
      body: calendarArrangement,
      response: { 200: changeResult },
    },
    config: { action: 'calendar.manage' },
    handler: async (request) => change(request, { kind: 'arrangements', arrangements: [request.body] }),
  });

  app.post('/api/calendar/import', {
    schema: {
      tags,
      summary: 'Import arrangements from a JSON or iCalendar file',
      body: z.strictObject({ format: z.enum(['json', 'ics']), content: z.string().min(1).max(900_000) }),
      response: { 200: changeResult },
    },
    config: { action: 'calendar.manage' },
    handler: async (request) =>
      change(request, { kind: 'file', format: request.body.format, content: request.body.content }),
  });

  app.get('/api/calendar/office-hours', {
    schema: {
      tags,
      summary: 'Office hours by date range',
      response: { 200: z.object({ items: z.array(scheduleView) }) },
    },
    config: { action: 'calendar.read' },
    handler: async () => ({
      items: (await listOfficeSchedules(ctx.db)).map((s) => ({
        id: s.id,
        name: s.name,
        validFrom: s.validFrom,
        validTo: s.validTo,
        periods: s.periods,
        createdAt: toIsoShanghai(s.createdAt),
      })),
    }),
  });

  app.post('/api/calendar/office-hours', {
    schema: {
      tags,
      summary: 'Add office hours for a date range',
      body: scheduleInput,
      response: { 200: changeResult },
    },
    config: { action: 'calendar.manage' },
    handler: async (request) => change(request, { kind: 'addOfficeHours', input: request.body }),
  });

  app.delete('/api/calendar/office-hours/:id', {
    schema: {
      tags,
      summary: 'Remove office hours',
      params: z.strictObject({ id: z.uuid() }),
      body: z.strictObject({}).nullish(),
      response: { 200: changeResult },
    },
    config: { action: 'calendar.manage' },
    handler: async (request) => change(request, { kind: 'removeOfficeHours', id: request.params.id }),
  });
}
