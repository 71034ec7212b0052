import { isIPv4, isIPv6 } from 'node:net';
import type { Request } from 'restify';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { readCodeFromText } from '../domain/invitations/invitationCode.js';

/**
 * Request limits for the family page, so one noisy client cannot deny everyone else:
 *   - per client address: the address the operator's proxies report (X-Forwarded-For, read only when
 *     TRUSTED_PROXY_HOPS says how many proxies to trust; otherwise the socket's address, which a client
 *     cannot forge), an IPv6 client by its /64 (see clientKey);
 *   - per invitation code: a code opened from many addresses (shared, or being guessed) is slowed on its own,
 *     counted by the code it reads as (the look-up's own reading), so respelling it gains no tries.
 * Per instance (in memory): several instances each allow this much, which still bounds the load.
 */
export class FamilyPageLimits {
  private readonly perClient = new RateLimiterMemory({ keyPrefix: 'client', points: 30, duration: 10 * 60 });
  private readonly perCode = new RateLimiterMemory({ keyPrefix: 'code', points: 20, duration: 10 * 60 });

  constructor(private readonly trustedProxyHops: number) {}

  /** Counts one request; false when the client or the code has used up its allowance. */
  async allow(req: Request, code?: string): Promise<boolean> {
    try {
      await this.perClient.consume(clientKey(clientAddress(req, this.trustedProxyHops)));
      // Text that does not read as a code is never looked up, so there is nothing to guess with it.
      const read = code === undefined ? undefined : readCodeFromText(code);
      if (read) await this.perCode.consume(read);
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

/**
 * What one client's allowance is counted against. One subscriber is usually given a whole IPv6 /64 and can
 * use any address in it, so an IPv6 client is its /64; an IPv4-mapped address (`::ffff:1.2.3.4`, as a
 * dual-stack socket reports IPv4 clients) is that IPv4 address. Anything that is not an address is kept
 * as it came, so it is still counted.
 */
export function clientKey(address: string): string {
  const bare = address.replace(/%.*$/, '');
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return address;
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff)
    return [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.');
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, in any of its written forms ("::", an IPv4 tail). */
function ipv6Groups(address: string): number[] {
  const half = (text: string): number[] =>
    text
      ? text.split(':').flatMap((part) => {
          if (!part.includes('.')) return [Number.parseInt(part, 16)];
          const [a, b, c, d] = part.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        })
      : [];
  const [head, tail] = address.split('::');
  const left = half(head);
  const right = tail === undefined ? [] : half(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}
