import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for GOV.UK Notify's API (never the real service): POST /v2/notifications/sms and
 * /v2/notifications/email, behind Notify's JWT authentication — HS256, `iss` = the service id, `iat` within
 * 30 s, signed with the key's secret — answering 201 as Notify does, or whatever status a test queues next
 * (400, 403, 429, 500) with Notify's error body. Every request is recorded, accepted or not.
 */
export const FAKE_SERVICE_ID = '26785a09-ab16-4eb0-8407-a37497a57506';
const FAKE_SECRET = '3d844edf-8d35-48ac-975b-e847b4f122b0';
/** A test key (`<name>-<service id>-<secret>`), in Notify's own format; it opens nothing but this fake. */
export const FAKE_NOTIFY_KEY = `fake_test_key-${FAKE_SERVICE_ID}-${FAKE_SECRET}`;

export type ReceivedNotification = {
  path: string;
  status: number;
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
  500: { error: 'Exception', message: 'Internal server error' },
};

export class FakeNotify {
  readonly received: ReceivedNotification[] = [];
  private readonly queued: number[] = [];
  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeNotify> {
    let fake: FakeNotify | undefined;
    const server = createServer((req, res) => {
      void readBody(req).then((raw) => {
        const { status, body } = fake!.answer(req, raw);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake = new FakeNotify(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
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
    let status = authProblem ? 403 : !kind || req.method !== 'POST' ? 404 : (this.queued.shift() ?? 201);
    if (status === 201 && kind && !body.template_id) status = 400;
    this.received.push({ path, status, body, ...(authProblem ? { authProblem } : {}) });
    if (status !== 201) {
      const error = authProblem ? { error: 'AuthError', message: authProblem } : (ERRORS[status] ?? ERRORS[500]!);
      return { status, body: { status_code: status, errors: [error] } };
    }
    const id = randomUUID();
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
