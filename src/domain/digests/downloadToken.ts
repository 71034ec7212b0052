import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * Signed, expiring download links for a digest's CSV: the token is base64url(JSON claims) + "." +
 * base64url(HMAC-SHA256 of that text). Anyone with the link until it expires can download the (already
 * suppressed) figures, as with a shared document link; nobody can make one for another term or extend it.
 */
const claimsSchema = z.object({ term: z.string().regex(/^\d{4}-\d{2}-[a-z]+$/), exp: z.number().int().positive() });
export type DownloadClaims = z.infer<typeof claimsSchema>;
export type TokenCheck =
  { ok: true; claims: DownloadClaims } | { ok: false; reason: 'expired' | 'bad-signature' | 'malformed' };

export function signDownload(claims: DownloadClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${mac(body, secret)}`;
}

export function verifyDownload(token: string, secret: string, now: Date): TokenCheck {
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
  const claims = claimsSchema.safeParse(parsed);
  if (!claims.success) return { ok: false, reason: 'malformed' };
  if (claims.data.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims: claims.data };
}

function mac(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
