import { NotifyClient } from 'notifications-node-client';
import { retryAfterMs } from '../digests/domain/sendOutcome.js';
import type { NotifyAttempt, NotifyAttemptOutcome, NotifySender } from './familyContactsStores.js';

export type NotifySettings = { apiKey: string; baseUrl?: string };
export type RetryPolicy = {
  /** Waits before each retry of a 429 or 5xx; their count bounds the attempts. */
  delaysMs: readonly number[];
  /** How long one request may take; a request with no answer in time is not retried (it may have been sent). */
  timeoutMs: number;
  sleep?: (ms: number) => Promise<void>;
};

/**
 * Three retries with 4 s of waiting in all, and 5 s for any one answer (a request unanswered by then is not retried:
 * it may have gone). With Notify's errors answered promptly a turn ends within about 10 s, before Teams sends it
 * again (~15 s); slow errors on every attempt could take longer (up to about 24 s).
 */
export const DEFAULT_RETRY: RetryPolicy = { delaysMs: [400, 1_200, 2_400], timeoutMs: 5_000 };

/**
 * One request through GOV.UK Notify's official client. Whatever Notify or the network answers becomes a
 * NotifyAttemptOutcome here: the client's errors carry the request (the recipient, the signed token), so none
 * is thrown, logged or kept. A request with no answer within `timeoutMs` is `noAnswer`: it may have gone.
 */
export function notifyAttempt(settings: NotifySettings, timeoutMs = DEFAULT_RETRY.timeoutMs): NotifyAttempt {
  const client = settings.baseUrl
    ? new NotifyClient(settings.baseUrl.replace(/\/+$/, ''), settings.apiKey)
    : new NotifyClient(settings.apiKey);
  return async (message) => {
    const options = { personalisation: message.personalisation, reference: message.reference };
    const request =
      message.channel === 'sms'
        ? client.sendSms(message.templateId, message.to, options)
        : client.sendEmail(message.templateId, message.to, options);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    try {
      const response = await Promise.race([request, timedOut]);
      if (response === 'timeout') return { kind: 'noAnswer' };
      return { kind: 'sent', notificationId: String(response.data.id) };
    } catch (error) {
      return classify(statusOf(error), errorNames(error), retryAfterOf(error));
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * Messages through GOV.UK Notify within a practitioner's turn: 429 and 5xx are tried again with growing waits;
 * 400 and 403 are final; no answer in time is `unavailable` and not tried again. (Reminders, sent in bulk, pace
 * and retry the whole run instead: see reminderDelivery.ts.)
 */
export function notifySender(settings: NotifySettings, retry: RetryPolicy = DEFAULT_RETRY): NotifySender {
  const attempt = notifyAttempt(settings, retry.timeoutMs);
  const sleep = retry.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  return async (message) => {
    for (let i = 0; ; i++) {
      const result = await attempt(message);
      if (result.kind === 'noAnswer') return { kind: 'unavailable' };
      if (result.kind !== 'throttled' && result.kind !== 'transient') return result;
      // Within a turn the waits stay short whatever a Retry-After asks: Teams re-sends a turn after ~15 s.
      const delay = retry.delaysMs[i];
      if (delay === undefined) return { kind: 'unavailable' };
      await sleep(delay);
    }
  };
}

function classify(status: number | undefined, errors: string[], retryAfter: number | undefined): NotifyAttemptOutcome {
  if (status === 429)
    return retryAfter === undefined ? { kind: 'throttled' } : { kind: 'throttled', retryAfterMs: retryAfter };
  if (status === undefined || status >= 500) return { kind: 'transient', status: status ?? 0 };
  if (status === 403) return { kind: 'notAuthorised' };
  // Notify's 400s name the problem: a bad recipient (a ValidationError about phone_number or email_address), or
  // the service's set-up (trial mode, a template id that is not one, missing personalisation).
  const recipient =
    errors.some((e) => /^ValidationError: (phone_number|email_address)\b/.test(e)) &&
    !errors.some((e) => /^BadRequestError/.test(e));
  return { kind: 'refused', why: recipient ? 'recipient' : 'setup' };
}

/** Only the status, a Retry-After and Notify's error names and messages are read from a failure, to classify it; none leaves this file. */
function statusOf(error: unknown): number | undefined {
  const status = (error as { response?: { status?: unknown } } | undefined)?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Notify documents no Retry-After on its 429, but one in front of it may send it: honoured when present. */
function retryAfterOf(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: Record<string, unknown> } } | undefined)?.response?.headers;
  const value = headers?.['retry-after'];
  return typeof value === 'string' ? retryAfterMs(value) : undefined;
}

function errorNames(error: unknown): string[] {
  const data = (error as { response?: { data?: { errors?: unknown } } } | undefined)?.response?.data;
  const list = Array.isArray(data?.errors) ? (data.errors as unknown[]) : [];
  return list.map((e) => {
    const { error, message } = (e ?? {}) as { error?: unknown; message?: unknown };
    return `${String(error ?? '')}: ${String(message ?? '')}`;
  });
}
