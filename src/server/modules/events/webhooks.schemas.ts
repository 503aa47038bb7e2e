import { z } from 'zod';
import { KIND_PATTERN } from './webhook-kinds.ts';

/** Request and response schemas of the webhook routes; they also feed /api/openapi.json. */
export const webhookView = z.object({
  id: z.uuid(),
  url: z.string(),
  kinds: z.array(z.string()),
  description: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Only the answer to a registration carries the secret; no other response has the field. */
export const createdWebhookView = webhookView.extend({
  /** HMAC-SHA256 key of X-Luoshi-Signature, shown this once. */
  secret: z.string(),
});

const webhookUrl = z.string().trim().min(1).max(2000);
const webhookKinds = z
  .array(z.string().max(100).regex(KIND_PATTERN, { error: 'module.fact or prefix.*' }))
  .min(1)
  .max(50);

export const createWebhookBody = z.strictObject({
  url: webhookUrl,
  kinds: webhookKinds,
  description: z.string().trim().max(500).default(''),
});

export const changeWebhookBody = z.strictObject({
  active: z.boolean().optional(),
  kinds: webhookKinds.optional(),
  url: webhookUrl.optional(),
  description: z.string().trim().max(500).optional(),
});

export const webhookIdParams = z.strictObject({ id: z.uuid() });

export const deliveriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const deliveryView = z.object({
  id: z.uuid(),
  eventId: z.string(),
  kind: z.string(),
  state: z.enum(['pending', 'delivered', 'failed']),
  attemptCount: z.number().int(),
  /** Due time of the next attempt while pending. */
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  /** When it was delivered or given up. */
  endedAt: z.string().nullable(),
  attempts: z.array(
    z.object({
      attempt: z.number().int(),
      attemptedAt: z.string(),
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
      durationMs: z.number().int(),
    }),
  ),
});
