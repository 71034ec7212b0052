import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';

/**
 * Signed, expiring tokens for links: base64url(JSON claims) + "." + base64url(HMAC-SHA256 of that text).
 * Claims carry `exp` (seconds since the epoch); each kind of link has its own secret, so a token made for
 * one purpose is refused by another. Nobody without the secret can make one or extend it.
 */
export type TokenCheck<C> = { ok: true; claims: C } | { ok: false; reason: 'expired' | 'bad-signature' | 'malformed' };

export function signToken(claims: { exp: number }, secret: string): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

export function verifyToken<C extends { exp: number }>(
  token: string,
  schema: z.ZodType<C>,
  secret: string,
  now: Date,
): TokenCheck<C> {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(mac(body, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'bad-signature' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const claims = schema.safeParse(parsed);
  if (!claims.success) return { ok: false, reason: 'malformed' };
  if (claims.data.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: claims.data };
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
