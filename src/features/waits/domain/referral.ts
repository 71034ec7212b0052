import { z } from 'zod';
import { isRealIsoDate } from '../../../domain/dates.js';

/** One referral from a service's waiting-list extract. Dates are ISO (YYYY-MM-DD); later events may not have happened yet. */
export type Referral = {
  referralId: string;
  service: string;
  referredOn: string;
  triagedOn?: string;
  firstSeenOn?: string;
  closedOn?: string;
};

/** The extract's header, in order (SPEC.md). Extra columns are ignored; these must all be present. */
export const REFERRAL_COLUMNS = [
  'referral_id',
  'service',
  'referred_on',
  'triaged_on',
  'first_seen_on',
  'closed_on',
] as const;
export type ReferralColumn = (typeof REFERRAL_COLUMNS)[number];

export type ReferralRowContext = {
  /** Nothing can have happened after today; the import passes the real (or BOT_TODAY) date. */
  today: string;
  /** Ids of the services in the catalogue. */
  serviceIds: ReadonlySet<string>;
};

export type ReferralRowResult = { ok: true; referral: Referral } | { ok: false; errors: string[] };

export const REFERRAL_ID_MAX_LENGTH = 100;
// Ids become storage keys: no spaces, slashes, '#' or '?' (Azure Table keys forbid some of these).
const REFERRAL_ID_PATTERN = /^[A-Za-z0-9._-]+$/;
const LATER_EVENTS = ['triaged_on', 'first_seen_on', 'closed_on'] as const;

/** The header columns a file lacks (empty when it has them all), for a message before any row is read. */
export function missingReferralColumns(header: readonly string[]): ReferralColumn[] {
  const present = new Set(header.map((h) => h.trim().toLowerCase()));
  return REFERRAL_COLUMNS.filter((c) => !present.has(c));
}

/**
 * The zod schema for one CSV row (as csv-parse gives it with `columns: true`: column name → text).
 * Cells are trimmed; the service id is matched case-insensitively ("SALT" is `salt`). Every problem
 * in a row is reported, each as a sentence a data officer can act on without reading code.
 */
export function referralRowSchema(ctx: ReferralRowContext) {
  if (!isRealIsoDate(ctx.today))
    throw new RangeError(`today must be a real date written YYYY-MM-DD, got '${ctx.today}'`);
  const cell = (column: ReferralColumn) =>
    z.string({ error: `the ${column} column is missing` }).transform((v) => v.trim());
  return z
    .object({
      referral_id: cell('referral_id'),
      service: cell('service').transform((v) => v.toLowerCase()),
      referred_on: cell('referred_on'),
      triaged_on: cell('triaged_on'),
      first_seen_on: cell('first_seen_on'),
      closed_on: cell('closed_on'),
    })
    .superRefine((row, issues) => {
      for (const message of rowProblems(row, ctx)) issues.addIssue({ code: 'custom', message });
    })
    .transform((row): Referral => ({
      referralId: row.referral_id,
      service: row.service,
      referredOn: row.referred_on,
      // An empty cell means "not yet"; it is left out rather than stored as ''.
      ...(row.triaged_on ? { triagedOn: row.triaged_on } : {}),
      ...(row.first_seen_on ? { firstSeenOn: row.first_seen_on } : {}),
      ...(row.closed_on ? { closedOn: row.closed_on } : {}),
    }));
}

// An import checks 100k rows with one context: build its schema once, not once per row.
const schemas = new WeakMap<ReferralRowContext, ReturnType<typeof referralRowSchema>>();

/** Checks one extract row and returns the referral, or every problem found in plain English. */
export function validateReferralRow(raw: Record<string, string>, ctx: ReferralRowContext): ReferralRowResult {
  let schema = schemas.get(ctx);
  if (!schema) schemas.set(ctx, (schema = referralRowSchema(ctx)));
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, referral: parsed.data }
    : { ok: false, errors: parsed.error.issues.map((i) => i.message) };
}

type TrimmedRow = Record<ReferralColumn, string>;

function rowProblems(row: TrimmedRow, ctx: ReferralRowContext): string[] {
  const problems: string[] = [];
  const id = row.referral_id;
  if (id === '') problems.push('referral_id is empty');
  else if (id.length > REFERRAL_ID_MAX_LENGTH)
    problems.push(`referral_id is longer than ${REFERRAL_ID_MAX_LENGTH} characters`);
  else if (!REFERRAL_ID_PATTERN.test(id))
    problems.push(`referral_id '${echo(id)}' may only use letters, digits, '.', '_' and '-'`);

  if (row.service === '') problems.push('service is empty');
  else if (!ctx.serviceIds.has(row.service)) {
    problems.push(
      `service '${echo(row.service)}' is not a known service (known: ${[...ctx.serviceIds].sort().join(', ')})`,
    );
  }

  const referredOn = row.referred_on;
  const referredOk = referredOn !== '' && isRealIsoDate(referredOn);
  if (referredOn === '') problems.push('referred_on is empty (every referral needs the date it was made)');
  else problems.push(...dateProblems('referred_on', referredOn, ctx.today));

  for (const column of LATER_EVENTS) {
    const value = row[column];
    if (value === '') continue;
    const own = dateProblems(column, value, ctx.today);
    problems.push(...own);
    // ISO dates compare correctly as strings once both are known to be real dates.
    if (own.length === 0 && referredOk && value < referredOn)
      problems.push(`${column} ${value} is before referred_on ${referredOn}`);
  }
  return problems;
}

function dateProblems(column: ReferralColumn, value: string, today: string): string[] {
  if (!isRealIsoDate(value)) return [`${column} '${echo(value)}' is not a real date (use YYYY-MM-DD)`];
  if (value > today) return [`${column} ${value} is after today (${today})`];
  return [];
}

/** Bad values are quoted back, but a pasted paragraph should not flood the rejects file. */
function echo(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** A referral's identity: a service's own referral id (ids are only unique within a service). */
export function referralKey(r: Pick<Referral, 'service' | 'referralId'>): string {
  return `${r.service}~${r.referralId}`;
}
