import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for GOV.UK Notify's API (never the real service): POST /v2/notifications/sms and
 * /v2/notifications/email, behind Notify's JWT authentication — HS256, `iss` = the service id, `iat` within
 * 30 s, signed with the key's secret — answering 201 as Notify does, or whatever status a test queues next
 * (400, 403, 429, 500) with Notify's error body. Like Notify it refuses (400) a template id that is not a UUID,
 * a recipient it cannot send to and a template's missing personalisation, and, with `perMinute`, more than
 * that many requests in any 60 seconds (429 RateLimitError, no Retry-After, as Notify answers). Every request
 * is recorded, accepted or not. `receipt` sends Notify's delivery receipt callback (POST, JSON, bearer token).
 */
export const FAKE_SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
const FAKE_SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';
/** A test key (`<name>-<service id>-<secret>`), in Notify's own format; it opens nothing but this fake. */
export const FAKE_NOTIFY_KEY = `fake_test_key-${FAKE_SERVICE_ID}-${FAKE_SECRET}`;

/**
 * `perMinute`: Notify's rate limit (3,000 a minute for a live key), counted over any 60 seconds as Notify does;
 * `windowMs` counts the same rate over a shorter rolling window (50 a second over any 10 s is 500), stricter than
 * Notify, so a run that bursts above the rate is refused even when it sends fewer than a minute's worth in all.
 */
export type FakeNotifyOptions = { perMinute?: number; windowMs?: number };

export type ReceivedNotification = {
  path: string;
  status: number;
  /** The notification id Notify answered with (201 only). */
  id?: string;
  /** When it arrived (real time, milliseconds). */
  at: number;
  body: {
    template_id?: string;
    phone_number?: string;
    email_address?: string;
    personalisation?: Record<string, string>;
    reference?: string;
  };
  authProblem?: string;
};

const ERRORS: Record<number, { error: string; message: string }> = {
  400: { error: 'ValidationError', message: 'phone_number Not a UK mobile number' },
  403: { error: 'AuthError', message: 'Invalid token: API key not found' },
  429: { error: 'RateLimitError', message: 'Exceeded rate limit for key type TEST of 3000 requests per 60 seconds' },
  404: { error: 'NotFound', message: 'Not found' },
  500: { error: 'Exception', message: 'Internal server error' },
};

export class FakeNotify {
  readonly received: ReceivedNotification[] = [];
  private readonly queued: number[] = [];
  /** When each request counted against the rate limit arrived (Notify counts every request of the key). */
  private readonly window: number[] = [];
  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
    private readonly opts: FakeNotifyOptions,
  ) {}

  static async start(opts: FakeNotifyOptions = {}): Promise<FakeNotify> {
    let fake: FakeNotify | undefined;
    const server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const { status, body } = fake!.answer(req, raw);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeNotify(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, opts);
    return fake;
  }

  /** The next answers, in order, instead of 201 (an authentication failure still answers 403 first). */
  failNext(...statuses: number[]): void {
    this.queued.push(...statuses);
  }

  /** Notifications Notify would have sent. */
  get sent(): ReceivedNotification[] {
    return this.received.filter((r) => r.status === 201);
  }

  reset(): void {
    this.received.length = 0;
    this.queued.length = 0;
    this.window.length = 0;
  }

  /** Answers refused for the rate limit. */
  get throttled(): ReceivedNotification[] {
    return this.received.filter((r) => r.status === 429);
  }

  /**
   * Sends the delivery receipt Notify would send for an accepted notification to the service's callback URL,
   * with its bearer token: the HTTP status the bot answered.
   */
  async receipt(
    notification: ReceivedNotification,
    status: 'delivered' | 'permanent-failure' | 'temporary-failure' | 'technical-failure',
    callback: { url: string; token: string },
  ): Promise<number> {
    const sms = notification.path.endsWith('/sms');
    const at = new Date().toISOString();
    const res = await fetch(callback.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${callback.token}` },
      body: JSON.stringify({
        id: notification.id,
        reference: notification.body.reference ?? null,
        to: sms ? notification.body.phone_number : notification.body.email_address,
        status,
        created_at: new Date(notification.at).toISOString(),
        completed_at: at,
        sent_at: new Date(notification.at).toISOString(),
        notification_type: sms ? 'sms' : 'email',
        template_id: notification.body.template_id,
        template_version: 1,
      }),
    });
    await res.arrayBuffer();
    return res.status;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: IncomingMessage, raw: string): { status: number; body: unknown } {
    const path = req.url ?? '';
    let body: ReceivedNotification['body'] = {};
    try {
      body = JSON.parse(raw) as ReceivedNotification['body'];
    } catch {
      // recorded as empty
    }
    const authProblem = checkToken(req.headers.authorization);
    const kind = path === '/v2/notifications/sms' ? 'sms' : path === '/v2/notifications/email' ? 'email' : undefined;
    const at = Date.now();
    const limited = !authProblem && kind !== undefined && this.overLimit(at);
    let status = authProblem
      ? 403
      : !kind || req.method !== 'POST'
        ? 404
        : limited
          ? 429
          : (this.queued.shift() ?? 201);
    const invalid = status === 201 && kind ? requestProblem(kind, body) : undefined;
    if (invalid) status = 400;
    const id = status === 201 ? randomUUID() : undefined;
    this.received.push({ path, status, at, body, ...(id ? { id } : {}), ...(authProblem ? { authProblem } : {}) });
    if (status !== 201) {
      const error = authProblem
        ? { error: 'AuthError', message: authProblem }
        : (invalid ?? ERRORS[status] ?? ERRORS[500]!);
      return { status, body: { status_code: status, errors: [error] } };
    }
    return {
      status,
      body: {
        id,
        reference: body.reference ?? null,
        content:
          kind === 'sms'
            ? { body: 'test', from_number: 'GOVUK' }
            : { body: 'test', subject: 'test', from_email: 'x@notify.test' },
        uri: `${this.baseUrl}/v2/notifications/${id}`,
        template: { id: body.template_id, version: 1, uri: `${this.baseUrl}/v2/template/${body.template_id}` },
      },
    };
  }

  /** Notify's limit counts every request of the key in the last 60 seconds, refused ones included. */
  private overLimit(at: number): boolean {
    const perMinute = this.opts.perMinute;
    if (!perMinute) return false;
    const windowMs = this.opts.windowMs ?? 60_000;
    while (this.window.length > 0 && this.window[0]! <= at - windowMs) this.window.shift();
    this.window.push(at);
    return this.window.length > Math.floor((perMinute * windowMs) / 60_000);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The templates here all take these (link, code, expires, area), as the bot's do. */
const PERSONALISATION = ['link', 'code', 'expires', 'area'];

/** Notify's 400s for what it will not send: its error names are what the client's caller reads. */
function requestProblem(
  kind: 'sms' | 'email',
  body: ReceivedNotification['body'],
): { error: string; message: string } | undefined {
  if (!body.template_id || !UUID.test(body.template_id))
    return { error: 'ValidationError', message: 'template_id is not a valid UUID' };
  if (kind === 'sms' && !/^(?:\+44|0)7\d{9}$/.test((body.phone_number ?? '').replace(/[\s()-]/g, '')))
    return { error: 'ValidationError', message: 'phone_number Not a UK mobile number' };
  if (kind === 'email' && !/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(body.email_address ?? ''))
    return { error: 'ValidationError', message: 'email_address Not a valid email address' };
  const missing = PERSONALISATION.filter((p) => typeof body.personalisation?.[p] !== 'string');
  if (missing.length > 0)
    return { error: 'BadRequestError', message: `Missing personalisation: ${missing.join(', ')}` };
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    req.on('end', () => resolve(data));
  });
}

/** Notify's check of the client's token; the reason it fails, or undefined when it passes. */
export function checkToken(header: string | undefined, nowMs = Date.now()): string | undefined {
  const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (!token) return 'Unauthorized: authentication token must be provided';
  const [h, p, sig] = token.split('.');
  if (!h || !p || !sig) return 'Invalid token: not a JWT';
  const header64 = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as { alg?: string; typ?: string };
  if (header64.alg !== 'HS256') return 'Invalid token: algorithm used is not HS256';
  const expected = createHmac('sha256', FAKE_SECRET).update(`${h}.${p}`).digest();
  const given = Buffer.from(sig, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'Invalid token: signature';
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as { iss?: string; iat?: number };
  if (claims.iss !== FAKE_SERVICE_ID) return 'Invalid token: service not found';
  if (typeof claims.iat !== 'number' || Math.abs(nowMs / 1000 - claims.iat) > 30)
    return 'Error: Your system clock must be accurate to within 30 seconds';
  return undefined;
}
