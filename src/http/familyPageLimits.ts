import type { Request } from 'restify';
import { RateLimiterMemory } from 'rate-limiter-flexible';

/**
 * Request limits for the family page, so one noisy client cannot deny everyone else:
 *   - per client address: the address the operator's proxies report (X-Forwarded-For, read only when
 *     TRUSTED_PROXY_HOPS says how many proxies to trust; otherwise the socket's address, which a client
 *     cannot forge);
 *   - per invitation code: a code opened from many addresses (shared, or being guessed) is slowed on its own.
 * Per instance (in memory): several instances each allow this much, which still bounds the load.
 */
export class FamilyPageLimits {
  private readonly perClient = new RateLimiterMemory({ keyPrefix: 'client', points: 30, duration: 10 * 60 });
  private readonly perCode = new RateLimiterMemory({ keyPrefix: 'code', points: 20, duration: 10 * 60 });

  constructor(private readonly trustedProxyHops: number) {}

  /** Counts one request; false when the client or the code has used up its allowance. */
  async allow(req: Request, code?: string): Promise<boolean> {
    try {
      await this.perClient.consume(clientAddress(req, this.trustedProxyHops));
      if (code) await this.perCode.consume(code.toUpperCase().slice(0, 40));
      return true;
    } catch (refusal) {
      if (refusal instanceof Error) throw refusal;
      return false;
    }
  }
}

/**
 * The client's address. Each trusted proxy appends the address it received the request from to
 * X-Forwarded-For, so with N trusted proxies the client is the N-th entry from the end; anything before
 * that was written by the client and is ignored. With no trusted proxies the header is ignored entirely.
 */
export function clientAddress(
  req: Pick<Request, 'headers'> & { socket?: { remoteAddress?: string } },
  trustedProxyHops: number,
): string {
  const socket = req.socket?.remoteAddress ?? 'unknown';
  if (trustedProxyHops === 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length < trustedProxyHops) return socket;
  return stripPort(entries[entries.length - trustedProxyHops]);
}

function stripPort(address: string): string {
  // App Service writes "1.2.3.4:56789"; IPv6 may come as "[::1]:5678".
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) return bracketed[1];
  return /^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(address) ? address.slice(0, address.lastIndexOf(':')) : address;
}
