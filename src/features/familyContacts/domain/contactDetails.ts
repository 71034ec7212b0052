/**
 * A family's phone number or email, read from what a practitioner typed ("… and text 07700 900123",
 * "… email jo@example.org"). Only a UK mobile (Notify sends texts to those) and a well-formed address pass;
 * anything else is refused with words the practitioner can act on, and nothing is sent or kept.
 */
export type ContactDetails = { channel: 'sms'; phone: string } | { channel: 'email'; email: string };

export type ContactReading =
  { kind: 'none' } | { kind: 'contact'; contact: ContactDetails } | { kind: 'invalid'; message: string };

const SMS_CUE =
  /\b(?:text|sms|phone|mobile|message)\b(?:\s+(?:them|it|the family|to|on|at))*\s*:?\s*([+(]?\d[\d\s().-]{5,24}\d)/i;
const EMAIL_CUE = /\b(?:e-?mail)\b(?:\s+(?:them|it|the family|to|at))*\s*:?\s*(\S+)/i;
/** Anything that looks like an address, cue or not ("invite AR-1042 parent jo@example.org"). */
const ANY_EMAIL = /[^\s<>()'",;]+@[^\s<>()'",;]+/;
/** A long run of digits that is not a review reference (those have letters before their digits). */
const ANY_NUMBER = /(?<![A-Za-z0-9-])(?:\+|00)?\d[\d\s().-]{8,20}\d(?![A-Za-z0-9])/;

/** Like Notify's own check: one @, a local part, a dotted domain with a letters-only top level. */
const EMAIL =
  /^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** 07xxx xxxxxx, +44 7xxx xxxxxx or 0044 7xxx xxxxxx, written with spaces, dashes or brackets: `07700900123`. */
export function ukMobile(text: string): string | undefined {
  const digits = text.replace(/[\s().-]/g, '');
  const m = /^(?:(?:\+44|0044|44)0?|0)(7\d{9})$/.exec(digits);
  return m ? `0${m[1]}` : undefined;
}

export function emailAddress(text: string): string | undefined {
  const email = text.trim().replace(/[.,;:!?)]+$/, '');
  return EMAIL.test(email) && !email.includes('..') ? email.toLowerCase() : undefined;
}

const PHONE_PROBLEM =
  'That does not look like a UK mobile number, so I have not made the invitation. Type it as 11 digits starting 07 (for example 07700 900123), or +44 7700 900123.';
const EMAIL_PROBLEM =
  'That does not look like an email address, so I have not made the invitation. Check it and type it again, for example jo@example.org.';

export function readContact(message: string): ContactReading {
  const email = EMAIL_CUE.exec(message)?.[1] ?? ANY_EMAIL.exec(message)?.[0];
  if (email) {
    const ok = emailAddress(email);
    return ok
      ? { kind: 'contact', contact: { channel: 'email', email: ok } }
      : { kind: 'invalid', message: EMAIL_PROBLEM };
  }
  const number = SMS_CUE.exec(message)?.[1] ?? ANY_NUMBER.exec(message)?.[0];
  if (number) {
    const phone = ukMobile(number);
    return phone
      ? { kind: 'contact', contact: { channel: 'sms', phone } }
      : { kind: 'invalid', message: PHONE_PROBLEM };
  }
  // "… and text them" with nothing after: asked for a send without a number.
  if (/\b(?:text|sms)\b\s*(?:them|it)?\s*$/i.test(message))
    return {
      kind: 'invalid',
      message: 'Which mobile number should I text? For example "invite review AR-1042 parent and text 07700 900123".',
    };
  return { kind: 'none' };
}

/** The contact as Notify takes it. */
export const recipientOf = (c: ContactDetails): string => (c.channel === 'sms' ? c.phone : c.email);

const EMAIL_ANYWHERE = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,63}/g;
const PHONE_ANYWHERE = /(?<![\w.:/-])(?:\+44\s?(?:\(0\)\s?)?|0044\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?![\w.:/-])/g;

/** Text kept for later reading (questions the bot could not answer) with any email or phone number hidden. */
export function hideContacts(text: string): string {
  return text.replace(EMAIL_ANYWHERE, '[email]').replace(PHONE_ANYWHERE, '[phone]');
}
