import { expect } from 'chai';
import { ContactCipher } from '../../../src/features/familyContacts/domain/contactCipher.js';
import type { NotifyAttemptOutcome, NotifyMessage } from '../../../src/features/familyContacts/familyContactsStores.js';
import { ReminderDelivery, type ReminderDeps } from '../../../src/features/familyContacts/reminderDelivery.js';
import type { RespondentState } from '../../../src/features/survey/domain/respondentState.js';
import { InMemoryContacts } from '../../support/fakes/inMemoryContacts.js';
import { InMemoryFamilyMessages } from '../../support/fakes/inMemoryFamilyMessages.js';
import { InMemoryInvitations } from '../../support/fakes/inMemoryStores.js';
import { TestClock } from '../../support/testClock.js';

const SMS = '11111111-1111-4111-8111-111111111111';
const EMAIL = '22222222-2222-4222-8222-222222222222';
const cipher = new ContactCipher(Buffer.alloc(32, 3));

/** A world of invitations sent by text on Thursday 10 December 2026 at noon; day 3 is Sunday, day 7 Thursday. */
function world(opts: { families?: number; answers?: NotifyAttemptOutcome[]; concurrency?: number } = {}) {
  const clock = new TestClock('2026-12-10');
  const contacts = new InMemoryContacts();
  const ledger = new InMemoryFamilyMessages();
  const invitations = new InMemoryInvitations();
  const states = new Map<string, RespondentState>();
  const sent: NotifyMessage[] = [];
  const asked: NotifyMessage[] = [];
  const answers = [...(opts.answers ?? [])];
  const waits: number[] = [];
  let t = 0;
  const timer = {
    now: () => t,
    sleep: async (ms: number) => {
      waits.push(ms);
      t += ms;
    },
    random: () => 0.5,
  };
  const codes: string[] = [];
  for (let i = 0; i < (opts.families ?? 1); i++) {
    const code = `CODE${String(i).padStart(4, '0')}A2`;
    codes.push(code);
    const reviewRef = `AR-${1000 + i}`;
    void invitations.tryCreate({
      code,
      reviewRef,
      role: 'pc',
      term: '2026-27-autumn',
      createdAt: clock.now().toISOString(),
      expiresAt: '2027-02-08',
      createdBy: 'practitioner-1',
    });
    void contacts.put({
      code,
      reviewRef,
      role: 'pc',
      channel: 'sms',
      sealed: cipher.seal(`07700900${String(i).padStart(3, '0')}`, code),
      createdAt: clock.now().toISOString(),
      expiresAt: '2027-02-08',
      nextReminderAt: '2026-12-13T12:00:00.000Z',
    });
  }
  const deps = (instance: string): ReminderDeps => ({
    contacts,
    ledger,
    invitations,
    respondents: { read: async (ref, role) => states.get(`${ref}/${role}`) },
    attempt: async (message) => {
      asked.push(message);
      const answer = answers.shift() ?? { kind: 'sent', notificationId: `n-${asked.length}` };
      if (answer.kind === 'sent') sent.push(message);
      return answer;
    },
    cipher,
    clock,
    settings: { days: [3, 7], templates: { sms: SMS, email: EMAIL } },
    linkOf: (code) => `https://bot.example.test/survey/${code}`,
    area: 'Northshire',
    instance,
    timer,
    options: { concurrency: opts.concurrency ?? 4, perSecond: 1_000 },
  });
  const run = (instance = 'one') => new ReminderDelivery(deps(instance)).run();
  return { clock, contacts, ledger, invitations, states, sent, asked, waits, codes, run, deps };
}

describe('the reminder run', () => {
  it('sends nothing, and reads nothing, outside sending hours', async () => {
    const w = world();
    w.clock.set('2026-12-13'); // Sunday: the first reminder is due, but not sent
    const tally = await w.run();
    expect(tally.quiet).to.equal(true);
    expect(w.asked).to.deep.equal([]);
    expect(await w.ledger.forInvitation(w.codes[0]!)).to.deep.equal([]);
  });

  it('sends the first reminder on Monday with the reminder template and the invitation’s words, once', async () => {
    const w = world();
    w.clock.set('2026-12-14'); // Monday noon
    const tally = await w.run();
    expect(tally).to.include({ due: 1, sent: 1, skipped: 0 });
    expect(w.sent).to.have.length(1);
    const [message] = w.sent;
    expect(message).to.deep.include({ channel: 'sms', to: '07700900000', templateId: SMS });
    expect(message!.personalisation).to.deep.equal({
      link: `https://bot.example.test/survey/${w.codes[0]}`,
      code: 'CODE-0000-A2',
      expires: '8 February 2027',
      area: 'Northshire',
    });
    const [row] = await w.ledger.forInvitation(w.codes[0]!);
    expect(row).to.deep.include({ kind: 'reminder-1', state: 'sent', notificationId: 'n-1', attempts: 1 });
    expect(row!.reference)
      .to.equal(message!.reference)
      .and.match(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(row)).to.not.include('07700');
    // The next look is day 7; running again now sends nothing more.
    expect((await w.contacts.get(w.codes[0]!))?.nextReminderAt).to.equal('2026-12-17T12:00:00.000Z');
    expect((await w.run()).due).to.equal(0);
    expect(w.sent).to.have.length(1);
  });

  it('sends the second on day 7 and then none, and never after completion', async () => {
    const w = world({ families: 2 });
    w.clock.set('2026-12-14');
    await w.run();
    w.states.set('AR-1001/pc', {
      reviewRef: 'AR-1001',
      role: 'pc',
      invitedTerm: '2026-27-autumn',
      sections: {},
      completedAt: '2026-12-15T10:00:00.000Z',
    } as RespondentState);
    w.clock.set('2026-12-17');
    const tally = await w.run();
    expect(tally.sent).to.equal(1);
    expect(tally.stopped).to.deep.equal({ completed: 1 });
    expect(w.sent).to.have.length(3);
    expect((await w.ledger.forInvitation(w.codes[0]!)).map((r) => r.kind)).to.deep.equal(['reminder-1', 'reminder-2']);
    expect((await w.ledger.forInvitation(w.codes[1]!)).map((r) => r.kind)).to.deep.equal(['reminder-1']);
    w.clock.set('2026-12-24');
    expect((await w.run()).due).to.equal(0);
    expect(w.sent).to.have.length(3);
  });

  it('pauses the whole run on a 429 and sends once the pause is over', async () => {
    const w = world({ answers: [{ kind: 'throttled' }, { kind: 'throttled', retryAfterMs: 7_000 }] });
    w.clock.set('2026-12-14');
    const tally = await w.run();
    expect(tally).to.include({ sent: 1, throttled: 2, retried: 2 });
    expect(w.asked).to.have.length(3);
    // A back-off with jitter after the first, Retry-After after the second.
    expect(w.waits.reduce((a, b) => a + b, 0)).to.be.at.least(7_000);
    expect((await w.ledger.forInvitation(w.codes[0]!))[0]).to.deep.include({ state: 'sent', attempts: 3 });
  });

  it('tries a 5xx again with back-off, then leaves it claimed for a later run, which takes it over', async () => {
    const w = world({ answers: Array.from({ length: 4 }, () => ({ kind: 'transient', status: 500 }) as const) });
    w.clock.set('2026-12-14');
    const first = await w.run();
    expect(first).to.include({ sent: 0, leftForLater: 1, retried: 3 });
    expect(w.asked).to.have.length(4);
    expect((await w.ledger.forInvitation(w.codes[0]!))[0]).to.deep.include({ state: 'claimed' });
    // Within its lease nobody sends it; after it, the next run does.
    expect((await w.run('two')).skipped).to.equal(1);
    w.clock.advanceMinutes(3);
    expect((await w.run('two')).sent).to.equal(1);
    expect(w.sent).to.have.length(1);
  });

  it('stops the run at a 403 (the key) and lets the next run send once it is put right', async () => {
    const w = world({ families: 3, answers: [{ kind: 'notAuthorised' }], concurrency: 1 });
    w.clock.set('2026-12-14');
    const first = await w.run();
    expect(first.notAuthorised).to.equal(true);
    expect(w.asked).to.have.length(1);
    const second = await w.run();
    expect(second.sent).to.equal(3);
  });

  it('never sends again a reminder Notify did not answer in time (it may have gone)', async () => {
    const w = world({ answers: [{ kind: 'noAnswer' }] });
    w.clock.set('2026-12-14');
    expect((await w.run()).uncertain).to.equal(1);
    await w.contacts.setNextReminder(w.codes[0]!, '2026-12-14T00:00:00.000Z'); // a stale hint
    w.clock.advanceMinutes(10);
    await w.run();
    expect(w.asked).to.have.length(1);
    expect((await w.ledger.forInvitation(w.codes[0]!))[0]).to.deep.include({ state: 'uncertain' });
  });

  it('two runs at once send each of 40 reminders once', async () => {
    const w = world({ families: 40 });
    w.clock.set('2026-12-14');
    const [a, b] = await Promise.all([w.run('one'), w.run('two')]);
    expect(a.sent + b.sent).to.equal(40);
    expect(w.sent).to.have.length(40);
    expect(new Set(w.sent.map((m) => m.to)).size).to.equal(40);
  });
});
