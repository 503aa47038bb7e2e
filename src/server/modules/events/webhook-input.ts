import { badRequest } from '../../core/errors.ts';
import { KIND_PATTERN } from './webhook-kinds.ts';

/**
 * The target must be http(s) and carry no user name or password: the URL is
 * written into the event log, which must never hold a credential — the receiver
 * authenticates us by the signature instead.
 */
export function checkWebhookUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badRequest(
      'WEBHOOK_URL_INVALID',
      '回调地址不是有效的网址',
      'The webhook URL is not a valid URL',
      'url',
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badRequest(
      'WEBHOOK_URL_INVALID',
      '回调地址只能使用 http 或 https',
      'The webhook URL must use http or https',
      'url',
    );
  }
  if (url.username || url.password) {
    throw badRequest(
      'WEBHOOK_URL_CREDENTIALS',
      '回调地址不能包含用户名或密码，接收方请用签名验证请求',
      'The webhook URL must not contain a user name or password; receivers verify the signature instead',
      'url',
    );
  }
  return url.toString();
}

/** Exact kinds or prefixes ending in `.*`, without repeats, in a stable order. */
export function checkWebhookKinds(kinds: readonly string[]): string[] {
  const bad = kinds.find((k) => !KIND_PATTERN.test(k));
  if (kinds.length === 0 || bad !== undefined) {
    throw badRequest(
      'WEBHOOK_KINDS_INVALID',
      '事件类型应为 模块.事实（如 obligation.breached）或以 .* 结尾的前缀（如 obligation.*）',
      'Event kinds are module.fact (obligation.breached) or prefixes ending in .* (obligation.*)',
      'kinds',
    );
  }
  return [...new Set(kinds)].sort();
}
