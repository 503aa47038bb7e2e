/**
 * The events module: the append-only log, its hash chain, the audit trail, notifications
 * and webhooks. Route files are imported by http/server.ts directly, not through here,
 * so that importing this module never pulls in the HTTP layer.
 */
export { type AppendEventOptions, appendEvent, type StoredEvent } from './append-event.ts';
export { eventStreams, events } from './events.tables.ts';
export { type ListEventsOptions, listEvents } from './list-events.ts';
export { type ListNotificationsOptions, listNotifications } from './list-notifications.ts';
export { type MarkNotificationsReadOptions, markNotificationsRead } from './mark-notifications-read.ts';
export { NotificationBus } from './notification-bus.ts';
export { notificationReads, notifications } from './notifications.tables.ts';
export { type NotifyOptions, notify } from './notify.ts';
export { type ChainProblem, type ChainReport, verifyChain } from './verify-chain.ts';
export { verifyWebhookSignature } from './webhook-signature.ts';
export {
  type RunWebhookWorkerOptions,
  runWebhookWorkerOnce,
  startWebhookWorker,
  type WebhookWorkerSettings,
} from './webhook-worker.ts';
export { webhookAttempts, webhookDeliveries, webhooks } from './webhooks.tables.ts';
