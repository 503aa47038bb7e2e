import type { z } from 'zod';
import { toIsoShanghai } from '../../core/time.ts';
import type { InboxItem } from './notifications.repository.ts';
import type { notificationView } from './notifications.schemas.ts';

export type NotificationView = z.infer<typeof notificationView>;

/** The one shape of a notification, in lists and in the stream. */
export function presentNotification(item: InboxItem): NotificationView {
  return {
    id: item.id,
    kind: item.kind,
    subjectType: item.subjectType,
    subjectId: item.subjectId,
    title: item.title,
    titleEn: item.titleEn,
    data: item.data,
    createdAt: toIsoShanghai(item.createdAt),
    read: item.read,
    // A row carries one addressee: notify() writes one row per person or unit.
    to: item.accountId ? 'person' : 'unit',
    unitId: item.unitId,
  };
}
