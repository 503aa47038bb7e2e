/** The events module: the append-only log, its hash chain and the audit trail. */
export { type AppendEventOptions, appendEvent, type StoredEvent } from './append-event.ts';
export { eventStreams, events } from './events.tables.ts';
export { type ListEventsOptions, listEvents } from './list-events.ts';
export { type ChainProblem, type ChainReport, verifyChain } from './verify-chain.ts';
export { NotificationBus } from './notification-bus.ts';
export { type NotifyOptions, notify } from './notify.ts';
export { notificationReads, notifications } from './notifications.tables.ts';
