/**
 * Text from people, made safe for where it is shown. Two places can turn text into something else:
 * spreadsheets (a cell starting = + - @ is a formula) and chat (markdown links, mentions, HTML).
 */

/**
 * A CSV cell a spreadsheet shows as text: one starting with = + - @ is quoted, and so is one starting with
 * a tab or CR; numbers stay numbers. Spreadsheets skip leading spaces, line breaks and invisible
 * characters before deciding, and some read full-width ＝ ＋ － ＠ as = + - @: the test looks past the
 * first and at the NFKC form (which turns the second into the first), so neither disguise passes.
 */
export function spreadsheetSafe(value: string): string {
  if (/^-?\d+(\.\d+)?$/.test(value)) return value;
  if (/^[\t\r]/.test(value)) return `'${value}`;
  const start = value.normalize('NFKC').replace(/^[\s\p{Cc}\p{Cf}]+/u, '');
  return /^[=+\-@]/.test(start) ? `'${value}` : value;
}

/**
 * Text shown exactly as typed in a Teams or Web Chat message: markdown and HTML characters are escaped,
 * so a typed "[click](https://…)" or "<at>Everyone</at>" stays words, not a link or a mention.
 */
export function chatLiteral(value: string): string {
  return value
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+\-.!|~])/g, '\\$1');
}

/** Several lines typed by a family, each escaped as chatLiteral, each kept (as its own paragraph). */
export function chatLiteralLines(value: string): string {
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => chatLiteral(line))
    .join('\n\n');
}

/** Text on an HTML page, never markup: each of & < > " ' is written as a character reference. */
export function htmlText(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text as it enters from a person (typed in chat, or a card's inputs): a NUL, a bell or a terminal escape
 * means nothing to a reader and would be stored, echoed on cards and printed. Every control character but
 * tab and newline is dropped; a carriage return (alone or before a newline) ends a line as a newline.
 */
export function withoutControlCharacters(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '');
}
