import type { Config } from '../../config.ts';

/** The account and session limits, taken from the config at the edge. */
export interface AuthSettings {
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  maxFailedLogins: number;
  lockMinutes: number;
  /** Demo mode: initial and reset passwords need no change at first login. */
  demoMode: boolean;
}

export function authSettingsFrom(config: Config): AuthSettings {
  return {
    sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: config.SESSION_ABSOLUTE_HOURS,
    maxFailedLogins: config.LOGIN_MAX_FAILURES,
    lockMinutes: config.LOGIN_LOCK_MINUTES,
    demoMode: config.DEMO_MODE,
  };
}
