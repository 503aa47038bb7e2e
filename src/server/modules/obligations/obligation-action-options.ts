import type { Clock } from '../../core/clock.ts';
import type { Db } from '../../db/client.ts';
import type { Caller } from '../auth/index.ts';

/** What every action on one obligation needs. */
export interface ObligationActionOptions {
  db: Db;
  clock: Clock;
  caller: Caller;
  obligationId: string;
  expectedVersion?: number | undefined;
}
