import { z } from 'zod';

/** Request and response schemas of the notification routes; they also feed /api/openapi.json. */
export const notificationView = z.object({
  id: z.uuid(),
  kind: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  title: z.string(),
  titleEn: z.string(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  read: z.boolean(),
  /** Addressed to the person, or to a unit the person works for or holds a role at. */
  to: z.enum(['person', 'unit']),
  unitId: z.uuid().nullable(),
});

export const notificationsQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  before: z.uuid().optional(),
});

export const notificationPage = z.object({
  items: z.array(notificationView),
  unreadCount: z.number().int(),
  nextBefore: z.uuid().nullable(),
});

export const notificationIdParams = z.strictObject({ id: z.uuid() });

/** Routes that take no body still refuse one with fields in it. */
export const emptyBody = z.strictObject({}).nullish();

export const streamHeaders = z.object({
  /** Sent by EventSource on reconnection: the id of the last notification it received. */
  'last-event-id': z.uuid().optional(),
});
