/** One POST of a webhook, as the worker hands it to the outside world. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** What came back: a status, or the reason none came. */
export interface WebhookResponse {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** The outside effect behind an interface (STYLE 6), so tests can hold it. */
export type WebhookSender = (request: WebhookRequest) => Promise<WebhookResponse>;

export interface FetchSenderOptions {
  fetchImpl?: typeof fetch;
  /** Give up on an answer after this long (default 10 s). */
  timeoutMs?: number;
}

/**
 * Sends with `fetch`. Redirects are not followed — a webhook goes to the address
 * the administrator registered and nowhere else — so a 3xx counts as a failure.
 * The duration is measured on the monotonic timer: it is a measurement of the
 * network, not a time of day, so the injected clock has no say in it.
 */
export function fetchSender(options: FetchSenderOptions = {}): WebhookSender {
  const fetchImpl = options.fetchImpl ?? fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return async (request) => {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const response = await fetchImpl(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The answer's body is of no use to us; release the connection.
      await response.body?.cancel().catch(() => undefined);
      const ok = response.status >= 200 && response.status < 300;
      return {
        statusCode: response.status,
        error: ok ? null : `HTTP ${response.status}`,
        durationMs: elapsed(),
      };
    } catch (error) {
      return { statusCode: null, error: describeFailure(error, timeoutMs), durationMs: elapsed() };
    }
  };
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `timeout after ${timeoutMs} ms`;
  const cause =
    error instanceof Error ? (error.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const detail =
    typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  const message = error instanceof Error ? error.message : String(error);
  return (detail ? `${message}: ${detail}` : message).slice(0, 500);
}
