import { z } from 'zod';
import { signToken, verifyToken, type TokenCheck } from '../../../domain/security/signedToken.js';

/**
 * Signed, expiring download links for a digest's CSV (see security/signedToken.ts). Anyone with the link
 * until it expires can download the (already suppressed) figures, as with a shared document link; nobody
 * can make one for another term or extend it.
 */
const claimsSchema = z.object({ term: z.string().regex(/^\d{4}-\d{2}-[a-z]+$/), exp: z.number().int().positive() });
export type DownloadClaims = z.infer<typeof claimsSchema>;

export function signDownload(claims: DownloadClaims, secret: string): string {
  return signToken(claims, secret);
}

export function verifyDownload(token: string, secret: string, now: Date): TokenCheck<DownloadClaims> {
  return verifyToken(token, claimsSchema, secret, now);
}
