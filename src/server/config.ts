import { z } from 'zod';

/**
 * Every setting of the server, parsed once at start from environment variables.
 * Each key is documented here and in docs/CONFIG.md; a wrong value stops the server
 * with a message naming the key. Nothing else reads process.env.
 */
const bool = (key: string) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: `${key} must be true or false` })
    .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (key: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `${key} must be a whole number` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { error: `${key} must be between ${min} and ${max}` });

const schema = z.object({
  /** TCP port of the HTTP server (API and web). 0 picks a free port (tests). */
  PORT: int('PORT', 0, 65535).default(3000),
  /** Interface to listen on. `localhost` by default; `0.0.0.0` to serve phones on the LAN. */
  HOST: z.string().min(1).default('localhost'),
  /**
   * PostgreSQL connection string. When unset, the embedded PGlite database in
   * DATA_DIR is used.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_URL must start with postgres:// or postgresql://' })
    .optional(),
  /** Size of the PostgreSQL connection pool (ignored on PGlite). */
  DATABASE_POOL_SIZE: int('DATABASE_POOL_SIZE', 1, 200).default(10),
  /** Directory for the embedded database and stored files. `memory://` keeps everything in memory. */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * Demo mode: seeds the demo city and demo accounts into an empty database, and
   * demo accounts need no password change at first login. Defaults to true unless
   * NODE_ENV is production.
   */
  DEMO_MODE: bool('DEMO_MODE').optional(),
  /**
   * With the demo city, replay about a month of simulated case history through the use
   * cases (rankings, alerts and the dashboard have figures). Defaults to DEMO_MODE.
   */
  DEMO_HISTORY: bool('DEMO_HISTORY').optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Minutes without a request after which a session ends. */
  SESSION_IDLE_MINUTES: int('SESSION_IDLE_MINUTES', 1, 24 * 60).default(30),
  /** Hours after login at which a session ends however active it is. */
  SESSION_ABSOLUTE_HOURS: int('SESSION_ABSOLUTE_HOURS', 1, 24 * 7).default(12),
  /** Consecutive failed logins that lock an account. */
  LOGIN_MAX_FAILURES: int('LOGIN_MAX_FAILURES', 1, 100).default(5),
  /** Minutes an account stays locked after LOGIN_MAX_FAILURES failures. */
  LOGIN_LOCK_MINUTES: int('LOGIN_LOCK_MINUTES', 1, 24 * 60).default(30),
  /** Login attempts allowed per client address per minute (all accounts together). */
  LOGIN_RATE_PER_MINUTE: int('LOGIN_RATE_PER_MINUTE', 1, 10_000).default(20),
  /**
   * When the session cookie carries `Secure`: `auto` when the request came over
   * HTTPS (directly or, with TRUST_PROXY, per X-Forwarded-Proto), `always`, or `never`.
   */
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Trust X-Forwarded-* headers from a reverse proxy: false, true, or a hop count. */
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+)$/, { error: 'TRUST_PROXY must be true, false or a number of hops' })
    .transform((v) => (v === 'true' ? true : v === 'false' ? false : Number(v)))
    .default(false),
  /** Largest accepted request body in bytes (photos go through the upload route, not JSON). */
  BODY_LIMIT_BYTES: int('BODY_LIMIT_BYTES', 1024, 100 * 1024 * 1024).default(1024 * 1024),
  /** Largest accepted photo in bytes (calls, arrivals, results). */
  PHOTO_MAX_BYTES: int('PHOTO_MAX_BYTES', 1024, 100 * 1024 * 1024).default(10 * 1024 * 1024),
  /** Seconds between two runs of the obligation scanner (warnings and breaches). */
  SCAN_INTERVAL_SECONDS: int('SCAN_INTERVAL_SECONDS', 1, 3600).default(30),
  /** Seconds between two passes of the webhook worker (queue new events, send due deliveries). */
  WEBHOOK_INTERVAL_SECONDS: int('WEBHOOK_INTERVAL_SECONDS', 1, 3600).default(5),
  /** Share of an obligation's window after which it is warned, unless its rule says otherwise. */
  OBLIGATION_WARN_RATIO: z
    .string()
    .regex(/^(0(\.\d+)?|1(\.0+)?)$/, { error: 'OBLIGATION_WARN_RATIO must be a number from 0 to 1' })
    .transform(Number)
    .refine((n) => n >= 0.05 && n <= 1, { error: 'OBLIGATION_WARN_RATIO must be between 0.05 and 1' })
    .default(0.8),
  /** Log level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = Omit<z.infer<typeof schema>, 'DEMO_MODE' | 'DEMO_HISTORY'> & {
  DEMO_MODE: boolean;
  DEMO_HISTORY: boolean;
};

/** The documented keys, for docs/CONFIG.md checks and `luoshi config`. */
export const CONFIG_KEYS = Object.keys(schema.shape) as (keyof z.infer<typeof schema>)[];

export class ConfigError extends Error {
  readonly problems: { key: string; message: string }[];

  constructor(problems: { key: string; message: string }[]) {
    super(`配置错误 / configuration error:\n${problems.map((p) => `  ${p.key}: ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Parses the environment. Empty strings count as unset, so `PORT= npm start` uses
 * the default rather than failing.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const input: Record<string, string> = {};
  for (const key of CONFIG_KEYS) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = schema.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '?');
        const got = input[key];
        return { key, message: `${issue.message}${got === undefined ? '' : ` (got "${got}")`}` };
      }),
    );
  }
  const parsed = result.data;
  const demo = parsed.DEMO_MODE ?? parsed.NODE_ENV !== 'production';
  return { ...parsed, DEMO_MODE: demo, DEMO_HISTORY: parsed.DEMO_HISTORY ?? demo };
}
