import { z } from 'zod';

/** Request and response schemas of the auth routes; they also feed /api/openapi.json. */
export const loginBody = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const changePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const settingsBody = z.strictObject({ locale: z.enum(['zh-CN', 'en']) });

/** Routes that take no body still refuse one with fields in it. */
export const emptyBody = z.strictObject({}).nullish();

export const meResponse = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  locale: z.enum(['zh-CN', 'en']),
  mustChangePassword: z.boolean(),
  orgUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  roles: z.array(z.object({ role: z.string(), orgUnitId: z.uuid(), orgUnitName: z.string() })),
  /** Policy actions the account may perform somewhere; the web builds its menu from them. */
  actions: z.array(z.string()),
});

export const loginResponse = z.object({ user: meResponse });

export const accountView = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  orgUnit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  mustChangePassword: z.boolean(),
  lockedUntil: z.string().nullable(),
  disabled: z.boolean(),
  roles: z.array(z.object({ id: z.uuid(), role: z.string(), orgUnitId: z.uuid(), orgUnitName: z.string() })),
});

export const createAccountBody = z.strictObject({
  username: z.string().min(1).max(64),
  displayName: z.string().trim().min(1).max(64),
  orgUnitId: z.uuid(),
  initialPassword: z.string().min(1).max(256),
});

export const resetPasswordBody = z.strictObject({ newPassword: z.string().min(1).max(256) });

export const idParams = z.strictObject({ id: z.uuid() });

export const grantView = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  role: z.string(),
  orgUnitId: z.uuid(),
  orgUnitName: z.string(),
  grantedAt: z.string(),
});

export const grantBody = z.strictObject({
  accountId: z.uuid(),
  role: z.string().min(1).max(64),
  orgUnitId: z.uuid(),
});

export const grantsQuery = z.strictObject({ accountId: z.uuid() });
