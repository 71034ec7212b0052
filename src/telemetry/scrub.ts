import { CODE_ALPHABET } from '../domain/invitations/invitationCode.js';

/**
 * What telemetry may say: a request's route and a Table call's table, an error's type and where it was
 * thrown. Never a family's invitation code, a review reference, a Table key (keys hold review refs,
 * `<review_ref>~cyp`), a signed link's token, a client's address, or anything a person typed. Paths are
 * kept by allow-list (plain lower-case words), so what is unforeseen is dropped rather than sent.
 */

type Attributes = Record<string, unknown>;

const URL_ATTRIBUTES = ['http.url', 'url.full', 'url.original'];
const PATH_ATTRIBUTES = ['http.target', 'url.path'];
const QUERY_ATTRIBUTES = ['url.query'];
/** Who made the request: an IP address is personal data, a user agent narrows it down. */
const DROPPED_ATTRIBUTES = [
  'client.address',
  'client.port',
  'http.client_ip',
  'microsoft.client.ip',
  'net.peer.ip',
  'net.peer.port',
  'net.sock.peer.addr',
  'net.sock.peer.port',
  'network.peer.address',
  'network.peer.port',
  'http.user_agent',
  'user_agent.original',
  'enduser.id',
  'enduser.pseudo.id',
  'session.id',
];

const PARAM = ':id';
const HIDDEN = '...';
const PLAIN_SEGMENT = /^(?:[a-z][a-z._-]{0,39}|v\d{1,2}(?:\.\d{1,2})?|\$[a-z]{1,20}|Tables)$/;
/** A Table address: `answers(PartitionKey='AR-1042~pc',RowKey='…')`, `answers()`, `Tables('answers')`. */
const TABLE_SEGMENT = /^([^()]+)\((.*)\)$/s;
const TEMPLATE = /^(?:\/(?:[a-z][a-z._-]{0,39}|:[a-zA-Z]{1,30}|v\d{1,2}))+\/?$|^\/$/;
const QUERY_NAME = /^[$a-zA-Z_][a-zA-Z_]{0,30}$/;

const C = `[${CODE_ALPHABET}]`;
const CODE = new RegExp(
  `(?<![A-Za-z0-9])(?=[\\w-]*\\d)(?=[\\w-]*[A-Za-z])${C}{4}-?${C}{4}-?${C}{2}(?![A-Za-z0-9])`,
  'gi',
);
const REVIEW_REF = /(?<![A-Za-z0-9])[A-Za-z]{1,5}-?\d{2,10}(?![A-Za-z0-9])/g;
const TOKEN = /(?<![A-Za-z0-9_-])(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{20,}/g;
const KEY_COMPARISON = /\b(PartitionKey|RowKey)(\s*(?:eq|ne|gt|ge|lt|le)\s*|\s*=\s*)'(?:[^']|'')*'/gi;
// Quotes inside a Table address's parentheses belong to the URL: `answers(PartitionKey='…')`.
const URL_IN_TEXT = /\bhttps?:\/\/(?:[^\s'"<>()]|\([^)\s]*\))+/gi;
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** A family's email or phone number (what a practitioner types to send an invitation). */
const EMAIL_IN_TEXT = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,63}/g;
const PHONE_IN_TEXT = /(?<![\w.:/-])(?:\+44\s?(?:\(0\)\s?)?|0044\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w.:/-])/g;

/** A URL (or a path with its query) as telemetry may carry it; `route` is the server's matched template. */
export function scrubUrl(value: string, route?: string): string {
  const relative = value.startsWith('/');
  let url: URL;
  try {
    url = new URL(value, relative ? 'http://relative.invalid' : undefined);
  } catch {
    return '[unreadable URL]';
  }
  const path = route && TEMPLATE.test(route) ? route : scrubPath(url.pathname);
  const query = scrubQuery(url.search);
  return `${relative ? '' : `${url.protocol}//${url.host}`}${path}${query}`;
}

function scrubPath(pathname: string): string {
  return pathname
    .split('/')
    .map((segment, i) => {
      if (i === 0 || segment === '') return segment;
      const table = TABLE_SEGMENT.exec(safeDecode(segment));
      if (table) return PLAIN_SEGMENT.test(table[1]!) ? `${table[1]}(${table[2] ? HIDDEN : ''})` : PARAM;
      return PLAIN_SEGMENT.test(segment) ? segment : PARAM;
    })
    .join('/');
}

function scrubQuery(search: string): string {
  if (!search || search === '?') return '';
  const names = new URLSearchParams(search).keys();
  const kept = [...new Set(names)].filter((n) => QUERY_NAME.test(n)).map((n) => `${n}=${HIDDEN}`);
  return kept.length ? `?${kept.join('&')}` : '';
}

/** Free text (an error message, a stack, a span name): emails, phone numbers, URLs, keys, codes, refs and tokens replaced. */
export function scrubText(text: string): string {
  // GUIDs (request ids, operation ids) are kept whole: the ref and token patterns would mangle them.
  const parts = text.split(new RegExp(`(${GUID.source})`, 'i'));
  return parts
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(EMAIL_IN_TEXT, '[email]')
            .replace(PHONE_IN_TEXT, '[phone]')
            .replace(URL_IN_TEXT, (u) => scrubUrl(u))
            .replace(KEY_COMPARISON, `$1$2${HIDDEN}`)
            .replace(CODE, '[code]')
            .replace(REVIEW_REF, '[ref]')
            .replace(TOKEN, '[token]'),
    )
    .join('');
}

/** Rewrites a span's (or an event's) attributes in place, as the exporter will read them. */
export function scrubAttributes(attributes: Attributes): void {
  const rawRoute = attributes['http.route'];
  const route = typeof rawRoute === 'string' && TEMPLATE.test(rawRoute) ? rawRoute : undefined;
  for (const key of Object.keys(attributes)) {
    const value = attributes[key];
    if (DROPPED_ATTRIBUTES.includes(key)) delete attributes[key];
    else if (typeof value !== 'string') {
      if (Array.isArray(value)) attributes[key] = value.map((v) => (typeof v === 'string' ? scrubText(v) : v));
    } else if (key === 'http.route') attributes[key] = route ?? scrubUrl(value.startsWith('/') ? value : `/${value}`);
    else if (URL_ATTRIBUTES.includes(key)) attributes[key] = scrubUrl(value, route);
    else if (PATH_ATTRIBUTES.includes(key))
      attributes[key] = scrubUrl(value.startsWith('/') ? value : `/${value}`, route);
    else if (QUERY_ATTRIBUTES.includes(key)) attributes[key] = scrubQuery(`?${value.replace(/^\?/, '')}`).slice(1);
    else attributes[key] = scrubText(value);
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
