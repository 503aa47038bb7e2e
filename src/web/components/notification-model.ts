/** One notification as the API gives it (GET /api/notifications, the `notification` stream event). */
export interface NotificationItem {
  id: string;
  kind: string;
  subjectType: string;
  subjectId: string;
  title: string;
  titleEn: string;
  data: Record<string, unknown>;
  createdAt: string;
  read: boolean;
}

const id = encodeURIComponent;

/** The page of a subject, when the web has one (a case task opens its case only if the data names it). */
function pageOf(type: unknown, subjectId: unknown, data: Record<string, unknown>): string | null {
  if (typeof subjectId !== 'string') return null;
  switch (type) {
    case 'case':
      return `/cases/${id(subjectId)}`;
    case 'case_task':
      return typeof data.caseId === 'string' ? `/cases/${id(data.caseId)}` : null;
    case 'ledger_item':
      return `/ledger/items/${id(subjectId)}`;
    case 'consultation_session':
      return `/consultation/sessions/${id(subjectId)}`;
    case 'consultation_item':
      return '/consultation/mine';
    case 'ranking':
      return `/assessment/rankings/${id(subjectId)}`;
    default:
      return null;
  }
}

/**
 * Where a notification leads: its subject's page; a duty's notification (subject
 * `obligation`) leads to the page of what the duty is about (`data.duty`).
 */
export function notificationLink(
  item: Pick<NotificationItem, 'subjectType' | 'subjectId' | 'data'>,
): string | null {
  if (item.subjectType === 'obligation') {
    const duty = item.data.duty as { type?: unknown; id?: unknown } | undefined;
    return duty ? pageOf(duty.type, duty.id, item.data) : null;
  }
  return pageOf(item.subjectType, item.subjectId, item.data);
}

/** Adds a streamed notification on top of the list, once, keeping at most `max`. */
export function addNotification(
  list: readonly NotificationItem[],
  item: NotificationItem,
  max = 20,
): NotificationItem[] {
  return [item, ...list.filter((n) => n.id !== item.id)].slice(0, max);
}

/** The badge text: up to 99, then 99+. */
export const badgeText = (unread: number) => (unread > 99 ? '99+' : String(unread));
