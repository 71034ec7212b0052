import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ReferralsImport } from '../../../src/features/waits/referralsImport.js';
import type { StaffRole } from '../../../src/domain/access/roles.js';
import { ask, FAMILY, fakeWorld, PRACTITIONER, type FakeWorld } from '../../support/fakes/fakeWorld.js';

/**
 * Waiting-time questions: "current wait for SALT" with the extract's date, the definition, the WSoA targets and
 * the rating, hiding a share that would give away 1 to 4 children; figures kept as at the extract (never
 * projected) and its age said, with a warning past 14 days; fewer than 5 children suppressed; a service with no
 * data, and one not known; every service worst first; families refused.
 *
 * Runs on the fakes (test/support/fakes/fakeWorld.ts): the extract goes in through the product's own
 * ReferralsImport (from a CSV file, as an administrator loads it) onto the in-memory stores, and questions go
 * through the product's router, services and presenters. Moved from the Azurite integration tier, where it ran
 * through the HTTP endpoint: nothing here depends on real storage.
 */
describe('waiting-time questions (on the fakes)', () => {
  let w: FakeWorld;
  let dir: string;

  /**
   * Says something as a person with these roles, in their one conversation (so a question may be read as a
   * follow-up of the one before, as in a real chat); the reply's text, its cards, and both as one string.
   */
  function asks(roles: StaffRole[], text: string) {
    const userId = roles.length ? 'bbbbbbbb-0000-0000-0000-000000000001' : 'family-1';
    return ask(w, roles, text, { userId, conversationId: `conv-${userId}` });
  }
  const practitioner = (text: string) => asks(PRACTITIONER, text);

  function day(offset: number): string {
    const d = new Date(Date.UTC(2026, 10, 22 + offset));
    return d.toISOString().slice(0, 10);
  }

  before(async () => {
    w = fakeWorld({ today: '2026-11-22' });
    // SALT: 10 waiting, referred 1..10 weeks ago and one 20 weeks ago; 8 seen this term, 6 within 18 weeks.
    const lines = ['referral_id,service,referred_on,triaged_on,first_seen_on,closed_on'];
    for (let i = 1; i <= 9; i++) lines.push(`W-${i},salt,${day(-7 * i)},${day(-7 * i + 3)},,`);
    lines.push(`W-10,salt,${day(-140)},${day(-120)},,`);
    for (let i = 1; i <= 8; i++)
      lines.push(`S-${i},salt,${day(i <= 6 ? -100 : -200)},${day(i <= 6 ? -95 : -190)},${day(-30)},`);
    // ND: 3 waiting: too few to show any wait.
    for (let i = 1; i <= 3; i++) lines.push(`N-${i},nd,${day(-10 * i)},,,`);
    dir = mkdtempSync(path.join(tmpdir(), 'wait-questions-'));
    writeFileSync(path.join(dir, 'extract.csv'), lines.join('\n') + '\n');
    const report = await new ReferralsImport(w.clock, w.waits, w.referrals, w.waitSummaries).run(
      path.join(dir, 'extract.csv'),
    );
    expect(report.imported, JSON.stringify(report.invalid)).to.equal(true);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('answers "current wait for SALT" with the as-of date, the definition, the target and the rating', async () => {
    const out = await practitioner('current wait for SALT');
    expect(out.cards).to.have.length(1);
    const card = JSON.stringify(out.cards[0]);
    expect(card).to.include('Speech and language therapy (SALT): waiting times');
    expect(card).to.include('As at the extract of 22 November 2026 (today)');
    expect(card).to.include('neither seen nor closed');
    // The target as the WSoA words it, with where it comes from and that its period has passed.
    expect(card).to.include(
      '92% seen for assessment and first intervention within 18 weeks of referral [WSoA: set for 2020–22; no newer target]',
    );
    expect(card).to.include('100% triaged within 2 weeks [WSoA: set for 2020–22; no newer target]');
    // 10 waiting, 9 under 18 weeks: "9 of 10" would say 1 child waits longer, so the share is not shown
    // (disclosure over the whole card); it is information anyway, with no target. Longest: 140 days = 20.0 weeks.
    expect(card).to.include('Waiting under 18 weeks: not shown, to protect a smaller figure.');
    expect(card).not.to.include('9 of 10');
    expect(card).to.include('20.0 weeks');
    // Seen this term: 8, of whom the 6 referred 70 days before being seen were in time = 75% → red overall.
    // "6 of 8" would say 2 were seen late: the share is hidden, the rating (a side of the target) stays.
    expect(card).not.to.include('6 of 8');
    expect(card).to.include('Red: below target (WSoA: set for 2020–22; no newer target)');
    expect(out.text).to.match(/SALT: Red/);
  });

  it('keeps the figures as at the extract, and says how old it is once it is over 14 days old', async () => {
    // 20 days on with no new extract: who has been seen or referred since is not known, so nothing is projected.
    w.clock.set('2026-12-12');
    try {
      const card = JSON.stringify((await practitioner('SALT waiting list')).cards[0]);
      expect(card).to.include('As at the extract of 22 November 2026, 20 days ago');
      expect(card).to.include('This extract is 20 days old and no newer one has been loaded');
      expect(card).to.include('20.0 weeks'); // W-10's wait on the extract's day, not 22.9 weeks projected to today
      expect(card).not.to.include('22.9 weeks');
      expect(card).to.include('Red: below target'); // the extract's term, as measured then
    } finally {
      w.clock.set('2026-11-22');
    }
    // Within 14 days the age is given but no warning.
    w.clock.set('2026-12-01');
    try {
      const card = JSON.stringify((await practitioner('SALT waiting list')).cards[0]);
      expect(card).to.include('As at the extract of 22 November 2026, 9 days ago');
      expect(card).not.to.include('days old and no newer one');
    } finally {
      w.clock.set('2026-11-22');
    }
  });

  it('suppresses the waits of fewer than 5 children, and says when a service has no data loaded', async () => {
    const nd = JSON.stringify((await practitioner('how many are waiting on the ND pathway')).cards[0]);
    expect(nd).to.include('fewer than 5 children');
    expect(nd).not.to.match(/"value":"3"/);
    const adhd = await practitioner('how long is the wait for an ADHD assessment?');
    expect(adhd.text).to.match(/No referrals are loaded for ADHD assessment/);
    expect(adhd.cards).to.have.length(0);
  });

  it('names the services it has when asked about one it does not know', async () => {
    const out = await practitioner('how long is the wait for physio?');
    expect(out.text).to.match(
      /I have no figures for "physio"\. I have waiting times for: Speech and language therapy \(SALT\), Autism \(ASD\) assessment/,
    );
  });

  it('lists every service worst first for "which services are missing their targets?"', async () => {
    const out = await practitioner('which services are missing their targets?');
    const card = out.cards[0] as unknown as { body: { type: string; items?: { text: string }[] }[] };
    // Three columns of figures: each service's name on its own line above them ("Neurodevelopmental" was
    // broken mid-word in a narrow name column in Teams).
    const rowLabels = card.body.filter((b) => b.type === 'Container').map((b) => b.items?.[0]?.text);
    expect(rowLabels[0]).to.equal('Speech and language therapy (SALT)');
    expect(rowLabels.at(-1)).to.match(/EHC needs assessment|ADHD|Autism/);
    expect(JSON.stringify(card)).to.include('no referrals loaded');
    expect(out.text).to.match(/1 of 5 services are missing a target/);
  });

  it('tells families waiting-time figures are for staff only', async () => {
    const out = await asks(FAMILY, 'current wait for SALT');
    expect(out.all).to.match(/only practitioners and managers/i);
    expect(out.all).not.to.match(/weeks/);
  });
});
