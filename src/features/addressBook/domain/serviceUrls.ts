/**
 * Where the bot may send proactive messages. A stored conversation address is only used if its service
 * URL is one of Microsoft's Bot Framework / Teams channel endpoints (or loopback when running locally,
 * for the Agents Playground and tests), so a forged activity cannot make the bot post figures elsewhere.
 * Hosts: https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 * (smba.trafficmanager.net with regional paths, and the government clouds).
 */
const MICROSOFT_HOSTS = [
  /^smba\.trafficmanager\.net$/,
  /^smba\.infra\.(gcc|gov|dod)\.teams\.microsoft\.(com|us)$/,
  /^smba\.infra\.gov\.teams\.microsoft\.us$/,
  /^[a-z0-9-]+\.botframework\.com$/,
  /^[a-z0-9-]+\.botframework\.azure\.us$/,
];
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function isAllowedServiceUrl(value: string, opts: { allowLoopback: boolean }): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  // Credentials in the URL ("https://smba.trafficmanager.net@evil.example") are never legitimate.
  if (url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  if (opts.allowLoopback && LOOPBACK.has(host) && (url.protocol === 'http:' || url.protocol === 'https:')) return true;
  if (url.protocol !== 'https:' || (url.port !== '' && url.port !== '443')) return false;
  return MICROSOFT_HOSTS.some((pattern) => pattern.test(host));
}
