import { daysBetween, isoDate, isRealIsoDate, longDate, MONTH_NAMES } from '../../../domain/dates.js';

/**
 * The review meeting's date, read from what a practitioner typed with an invitation: "…, review on 14 January",
 * "review meeting on Thursday 14th January 2027", "meeting 14/01/2027", "review date 2027-01-14". A date without
 * a year is the next one on or after today. Only after "review" or "meeting", so no other date or number in the
 * message is taken for it; a date that cannot be (31 February), has passed, or is over a year away is refused.
 */
export type MeetingReading =
  { kind: 'none' } | { kind: 'date'; date: string; span: string } | { kind: 'invalid'; message: string; span: string };

const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const ORDINAL = '(?:st|nd|rd|th)?';
const DATES = [
  `(\\d{1,2})${ORDINAL}(?:\\s+of)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?`, // 14 January (2027)
  `${MONTH}\\s+(\\d{1,2})${ORDINAL}(?:,?\\s+(\\d{4}))?`, // January 14 (2027)
  '(\\d{4})-(\\d{2})-(\\d{2})', // 2027-01-14
  '(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?', // 14/01/2027, day first as in England
];
const CUE =
  '\\b(?:annual\\s+)?(?:review|meeting)(?:\\s+(?:meeting|date|day|is|will\\s+be|takes\\s+place|on|for|:))*\\s*(?:on\\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(?:the\\s+)?';
const PATTERNS = DATES.map((d) => new RegExp(`${CUE}${d}(?![\\d/])`, 'i'));
const MAX_AHEAD_DAYS = 366;

function monthNumber(word: string): number {
  return (
    MONTH_NAMES.findIndex((m) => m.toLowerCase().startsWith(word.toLowerCase().replace(/\.$/, '').slice(0, 3))) + 1
  );
}

const HOW = 'type it like "review on 14 January" (or 14/01/2027), or leave it out';

export function readMeetingDate(text: string, today: string): MeetingReading {
  for (const [i, pattern] of PATTERNS.entries()) {
    const m = pattern.exec(text);
    if (!m) continue;
    const span = m[0];
    const parts = m.slice(1);
    const [day, month, year] =
      i === 0
        ? [Number(parts[0]), monthNumber(parts[1]!), parts[2]]
        : i === 1
          ? [Number(parts[1]), monthNumber(parts[0]!), parts[2]]
          : i === 2
            ? [Number(parts[2]), Number(parts[1]), parts[0]]
            : [Number(parts[0]), Number(parts[1]), parts[2]];
    const said = span.replace(new RegExp(CUE, 'i'), '').trim();
    const fullYear = year === undefined ? undefined : year.length === 2 ? 2000 + Number(year) : Number(year);
    const thisYear = Number(today.slice(0, 4));
    let date = isoDate(fullYear ?? thisYear, month, day);
    if (!isRealIsoDate(date) && fullYear === undefined) date = isoDate(thisYear + 1, month, day); // 29 February
    if (!isRealIsoDate(date))
      return { kind: 'invalid', span, message: `"${said}" is not a date I can use for the review meeting: ${HOW}.` };
    if (fullYear === undefined && date < today) date = isoDate(thisYear + 1, month, day);
    if (!isRealIsoDate(date))
      return { kind: 'invalid', span, message: `"${said}" is not a date I can use for the review meeting: ${HOW}.` };
    if (date < today)
      return {
        kind: 'invalid',
        span,
        message: `The review meeting date ${longDate(date)} has passed, so I have not made the invitation: ${HOW}.`,
      };
    if (daysBetween(today, date) > MAX_AHEAD_DAYS)
      return {
        kind: 'invalid',
        span,
        message: `The review meeting date ${longDate(date)} is more than a year away, so I have not made the invitation: ${HOW}.`,
      };
    return { kind: 'date', date, span };
  }
  return { kind: 'none' };
}

/** The meeting a renewed invitation carries on: only while it is still to come. */
export function meetingStillAhead(meetingOn: string | undefined, today: string): string | undefined {
  return meetingOn && meetingOn >= today ? meetingOn : undefined;
}
