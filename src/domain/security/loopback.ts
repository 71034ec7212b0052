/**
 * Names and addresses that mean "this machine": localhost, 127.0.0.0/8 and ::1. Used where a local,
 * unauthenticated bot must deal only with its own machine. Strict on purpose: "localhost.evil.example",
 * "127.0.0.1.nip.io" and "127.1" are not loopback here, whatever they resolve to.
 */
export function isLoopbackHostname(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '::1' || host === '[::1]') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets.slice(1).every((o) => Number(o) <= 255);
}

/** A Host header naming this machine: a loopback hostname with an optional port ("localhost:3978", "[::1]"). */
export function isLoopbackHostHeader(value: string | undefined): boolean {
  const match = /^(\[[^\]]*\]|[^:[\]]+)(?::\d{1,5})?$/.exec(value ?? '');
  return match !== null && isLoopbackHostname(match[1]);
}

/**
 * A browser's Origin header for a page served from this machine ("http://localhost:5173"). Compared with
 * its own serialisation, so a value with a path, user or odd spelling is not loopback; "null" is not.
 */
export function isLoopbackOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      url.origin === value.toLowerCase() &&
      isLoopbackHostname(url.hostname)
    );
  } catch {
    return false;
  }
}

/** A URL whose host is this machine. */
export function isLoopbackUrl(value: string): boolean {
  try {
    return isLoopbackHostname(new URL(value).hostname);
  } catch {
    return false;
  }
}
