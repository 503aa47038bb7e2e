import { EventEmitter } from 'node:events';

/**
 * Wakes the open notification streams of this process after a commit that created
 * notifications. It carries no data: a woken stream reads its new rows from the
 * database, so a missed wake-up only delays a notification, never loses it.
 */
export class NotificationBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  wake(): void {
    this.emitter.emit('wake');
  }

  /** Calls `listener` on every wake-up; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.emitter.on('wake', listener);
    return () => this.emitter.off('wake', listener);
  }
}
