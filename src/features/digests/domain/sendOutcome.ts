/**
 * What one proactive send came to, in words the delivery run acts on (no HTTP client types):
 * sent; throttled (429, maybe with Retry-After); transient (5xx or network: retry a few times);
 * gone (403 blocked / 404 removed: never retry, mark the conversation); failed (anything else).
 */
export type SendOutcome =
  /** `messages`: how many activities carried it (a reply too big for one goes as several). */
  | { kind: 'sent'; activityId?: string; messages?: number }
  | { kind: 'throttled'; retryAfterMs?: number }
  | { kind: 'transient'; status: number }
  | { kind: 'gone'; status: 403 | 404 }
  | { kind: 'failed'; status?: number; reason: string };

/** Maps an HTTP status (and Retry-After header) to an outcome; undefined status means a network error. */
export function outcomeOfStatus(status: number | undefined, retryAfter?: string | null, now = Date.now()): SendOutcome {
  if (status === undefined) return { kind: 'transient', status: 0 };
  if (status >= 200 && status < 300) return { kind: 'sent' };
  if (status === 429) {
    const ms = retryAfterMs(retryAfter, now);
    return ms === undefined ? { kind: 'throttled' } : { kind: 'throttled', retryAfterMs: ms };
  }
  if (status === 403 || status === 404) return { kind: 'gone', status };
  if (status >= 500 || status === 408) return { kind: 'transient', status };
  return { kind: 'failed', status, reason: `HTTP ${status}` };
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
