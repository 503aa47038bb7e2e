import { describe, expect, it } from 'vitest';
import { addNotification, badgeText, type NotificationItem, notificationLink } from './notification-model.ts';

const item = (over: Partial<NotificationItem> = {}): NotificationItem => ({
  id: 'n1',
  kind: 'case.dispatch',
  subjectType: 'case',
  subjectId: 'c1',
  title: '新案件',
  titleEn: 'New case',
  data: {},
  createdAt: '2026-09-21T09:00:00+08:00',
  read: false,
  ...over,
});

describe('notification model', () => {
  it('C8: a duty’s notification leads to the case the duty is about', () => {
    expect(notificationLink(item())).toBe('/cases/c1');
    expect(
      notificationLink(
        item({ subjectType: 'obligation', subjectId: 'o1', data: { duty: { type: 'case', id: 'c9' } } }),
      ),
    ).toBe('/cases/c9');
    expect(
      notificationLink(
        item({
          subjectType: 'obligation',
          subjectId: 'o1',
          data: { duty: { type: 'ledger_item', id: 'l1' } },
        }),
      ),
    ).toBe('/ledger/items/l1');
    expect(notificationLink(item({ subjectType: 'obligation', data: {} }))).toBeNull();
    expect(notificationLink(item({ subjectType: 'webhook' }))).toBeNull();
  });

  it('puts a streamed notification on top once and keeps the list short', () => {
    const list = [item({ id: 'a' }), item({ id: 'b' })];
    expect(addNotification(list, item({ id: 'b' })).map((n) => n.id)).toEqual(['b', 'a']);
    expect(addNotification(list, item({ id: 'c' }), 2).map((n) => n.id)).toEqual(['c', 'a']);
    expect(badgeText(7)).toBe('7');
    expect(badgeText(120)).toBe('99+');
  });
});
