import { composeServices } from '../src/composeServices.js';
import { loadConfig } from '../src/config/config.js';
import { newInvitationCode } from '../src/domain/invitations/invitationCode.js';
import { ContactCipher } from '../src/features/familyContacts/domain/contactCipher.js';
import { NOTIFY_LIMIT_PER_MINUTE } from '../src/features/familyContacts/reminderDelivery.js';
import { FakeNotify } from '../test/support/fakeNotify.js';
import { notifyEnv } from '../test/support/notifyEnv.js';

export type BenchRow = { measure: string; value: string; target: string; met: string };

export const REMINDERS = 2_000;
/** The fake counts Notify's rate over any 10 s (500), stricter than Notify's 60 s: a burst above it is refused. */
const WINDOW_MS = 10_000;
/** A Monday morning in sending hours; the run lasts well under an hour. */
const NOW = '2026-12-14T10:00:00Z';

export const REMINDER_BENCH_NOTE = `- **Reminders**: ${REMINDERS} families invited by text four days earlier, each with its first reminder due (invitations and
  sealed numbers written straight into the tables, not timed), then one reminder run (\`familyRemindersJob\`'s work: the
  ledger claim, the send through Notify's official client and its JWT, the outcome) against the local fake of Notify, which
  refuses with 429 more than ${NOTIFY_LIMIT_PER_MINUTE} requests a minute counted over any ${WINDOW_MS / 1000} s (${(NOTIFY_LIMIT_PER_MINUTE * WINDOW_MS) / 60_000}), stricter than Notify's own 60 s.
  The rate is reminders accepted per second over the run ÷ Notify's ${NOTIFY_LIMIT_PER_MINUTE / 60} a second; the bot paces itself
  at 98% of it, with no burst, and pauses the whole run on a 429.`;

/**
 * The due reminders (2,000) sent through the fake GOV.UK Notify at its rate limit: the run's pace as a share of
 * the limit, and how many 429s it met (a storm would be many).
 */
export async function measureReminderRun(
  connectionString: string,
  log: (m: string) => void,
): Promise<{ rows: BenchRow[]; met: boolean }> {
  const notify = await FakeNotify.start({ perMinute: NOTIFY_LIMIT_PER_MINUTE, windowMs: WINDOW_MS });
  try {
    const config = loadConfig({
      ...notifyEnv(notify),
      STORAGE_CONNECTION_STRING: connectionString,
      DEMO_DATA: 'false',
      LOG_LEVEL: 'silent',
      BOT_NOW: NOW,
    });
    const { stores, services } = composeServices(config, { target: connectionString });
    const reminders = services.familyContacts.reminders;
    if (!reminders || !config.notify) throw new Error('reminders are not set up for the bench');
    const cipher = new ContactCipher(config.notify.contactKey);
    log(`reminders: seeding ${REMINDERS} invitations with a reminder due…`);
    const invitedAt = '2026-12-10T10:00:00.000Z';
    let next = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let i = next++; i < REMINDERS; i = next++) {
          const code = newInvitationCode();
          const reviewRef = `RB-${String(i).padStart(5, '0')}`;
          await stores.invitations.tryCreate({
            code,
            reviewRef,
            role: 'pc',
            term: '2026-27-autumn',
            createdAt: invitedAt,
            expiresAt: '2027-02-08',
            createdBy: 'bench',
          });
          await stores.contacts.put({
            code,
            reviewRef,
            role: 'pc',
            channel: 'sms',
            sealed: cipher.seal(`07700${900000 + i}`, code),
            createdAt: invitedAt,
            expiresAt: '2027-02-08',
            nextReminderAt: '2026-12-13T10:00:00.000Z',
          });
        }
      }),
    );
    notify.reset();
    log(`reminders: one run, ${REMINDERS} due, the fake limiting at ${NOTIFY_LIMIT_PER_MINUTE} a minute…`);
    const started = performance.now();
    const tally = await reminders.run();
    const seconds = (performance.now() - started) / 1000;
    const accepted = notify.sent.length;
    const throttled = notify.throttled.length;
    const distinct = new Set(notify.sent.map((n) => n.body.phone_number)).size;
    const perSecond = accepted / seconds;
    const ratio = perSecond / (NOTIFY_LIMIT_PER_MINUTE / 60);
    log(
      `reminders: ${accepted} accepted in ${seconds.toFixed(1)} s = ${perSecond.toFixed(1)}/s (${(ratio * 100).toFixed(0)}% of the limit), ${throttled} × 429`,
    );
    const paceMet = ratio >= 0.9 && ratio <= 1;
    const stormMet = throttled <= REMINDERS / 100 && tally.sent === REMINDERS && distinct === REMINDERS;
    return {
      met: paceMet && stormMet,
      rows: [
        {
          measure: `${REMINDERS} due reminders through the fake Notify, limit ${NOTIFY_LIMIT_PER_MINUTE} a minute: reminders sent per second ÷ limit`,
          value: `${perSecond.toFixed(1)}/s = ${(ratio * 100).toFixed(0)}% (${accepted} accepted in ${seconds.toFixed(1)} s)`,
          target: '≥ 90% (and never over)',
          met: paceMet ? 'yes' : 'NO',
        },
        {
          measure: 'reminder run: 429 answers from the fake Notify, and the run',
          value: `${throttled} × 429; sent ${tally.sent} (to ${distinct} numbers), left for later ${tally.leftForLater}, errors ${tally.errors.length}`,
          target: 'no 429 storm (≤ 1% of sends); each reminder once',
          met: stormMet ? 'yes' : 'NO',
        },
      ],
    };
  } finally {
    await notify.stop();
  }
}
