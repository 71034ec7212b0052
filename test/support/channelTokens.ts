import { createSign, generateKeyPairSync, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { BotHarness, Activity } from './botHarness.js';

/**
 * The Bot Framework channel's side of authentication, offline: botbuilder checks a channel's token against
 * keys it fetches from login.botframework.com, which cannot be reached here. While installed, the fetch
 * botframework-connector uses answers exactly those two addresses with this process's own key set (every
 * other request goes through untouched), and `sign` makes tokens the real check accepts.
 *
 * One key pair per process: botbuilder caches the keys it fetched for a day, so a second key set would
 * not be looked up again and its tokens would be refused.
 */
const OPENID_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';
const KEYS_URL = 'https://login.botframework.com/v1/.well-known/keys';
const KID = `test-${randomUUID()}`;
const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: KID, use: 'sig' };

/** A Teams service URL: an authenticated bot keeps only Microsoft's channel addresses. */
export const TEAMS_SERVICE_URL = 'https://smba.trafficmanager.net/uk/';

type Fetch = (url: unknown, init?: unknown) => Promise<unknown>;

// botframework-connector calls `require('node-fetch').default` at each request, so replacing that
// property is seen by the module that already holds it.
const requireHere = createRequire(import.meta.url);
const connectorRequire = createRequire(requireHere.resolve('botframework-connector'));
const nodeFetch = connectorRequire('node-fetch') as { default: Fetch };

let original: Fetch | undefined;

export function installChannelKeys(): void {
  if (original) return;
  const real = nodeFetch.default;
  original = real;
  nodeFetch.default = async (url, init) => {
    if (String(url) === OPENID_URL)
      return Response.json({ issuer: 'https://api.botframework.com', jwks_uri: KEYS_URL });
    if (String(url) === KEYS_URL) return Response.json({ keys: [jwk] });
    return real(url, init);
  };
}

export function uninstallChannelKeys(): void {
  if (original) nodeFetch.default = original;
  original = undefined;
}

/** A channel's token for this bot, as the Bot Framework would sign it. */
export function channelToken(appId: string, serviceUrl: string = TEAMS_SERVICE_URL): string {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const body = `${part({ alg: 'RS256', typ: 'JWT', kid: KID })}.${part({
    iss: 'https://api.botframework.com',
    aud: appId,
    serviceurl: serviceUrl,
    nbf: now - 60,
    exp: now + 3600,
  })}`;
  const signature = createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url');
  return `${body}.${signature}`;
}

/**
 * Makes a harness post every activity as the Teams channel would to an authenticated bot: from Teams'
 * service URL, with a signed token. (The harness itself posts without a token.)
 */
export function postAsChannel(bot: BotHarness, appId: string): void {
  bot.post = async (activity: Activity) => {
    const res = await fetch(`${bot.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${channelToken(appId)}` },
      body: JSON.stringify({ deliveryMode: 'expectReplies', ...activity, serviceUrl: TEAMS_SERVICE_URL }),
    });
    const text = await res.text();
    const body = text ? JSON.parse(text) : {};
    return { status: res.status, activities: body.activities ?? [] };
  };
}
