/** The events module: the append-only log, its hash chain and the audit trail. */
export { appendEvent, type AppendEventOptions, type StoredEvent } from './append-event.ts';
export { listEvents, type ListEventsOptions } from './list-events.ts';
export { verifyChain, type ChainProblem, type ChainReport } from './verify-chain.ts';
export { events, eventStreams } from './events.tables.ts';
