import type { FastifyRequest } from 'fastify';

/**
 * Logs never carry passwords, session ids, phone or ID numbers: the request is
 * logged as method and path only (no headers, no query, no body), and digit runs
 * shaped like a mobile or ID-card number in the path are masked.
 */
export function maskPersonalNumbers(text: string): string {
  return text
    .replace(/\d{17}[\dXx]|\d{15}/g, (id) => `${id.slice(0, 6)}********${id.slice(-4)}`)
    .replace(/(?<!\d)1[3-9]\d{9}(?!\d)/g, (phone) => `${phone.slice(0, 3)}****${phone.slice(-4)}`);
}

export function serializeRequest(request: FastifyRequest): Record<string, unknown> {
  const path = (request.url ?? '').split('?')[0] ?? '';
  return { method: request.method, path: maskPersonalNumbers(path), remoteAddress: request.ip };
}

export const loggerOptions = (level: string) => ({
  level,
  serializers: { req: serializeRequest },
  // Belt and braces: should anything log these keys, they are censored.
  redact: {
    paths: [
      'req.headers.cookie',
      'req.headers.authorization',
      'res.headers["set-cookie"]',
      '*.password',
      '*.newPassword',
      '*.currentPassword',
      '*.initialPassword',
      '*.token',
      '*.phone',
      '*.idNumber',
    ],
    censor: '[redacted]',
  },
});
