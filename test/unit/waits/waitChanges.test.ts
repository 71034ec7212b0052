import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { addDays } from '../../../src/domain/dates.js';
import { ReferralsImport } from '../../../src/features/waits/referralsImport.js';
import { ask, fakeWorld, PRACTITIONER, type FakeWorld } from '../../support/fakes/fakeWorld.js';

/**
 * "Has the autism waiting list changed since September?" answered from the extracts imported: three extracts of
 * one list (15 July, 1 September, 22 November 2026). Changes since a date or against last term, follow-ups of a
 * waits answer, the list as it stood in a period asked, the trend, no extract far enough back, the termly
 * digest's line on each list, and a comparison hiding whatever the extract's own card hid.
 *
 * Runs on the fakes (test/support/fakes/fakeWorld.ts): each extract goes in through the product's own
 * ReferralsImport (from a CSV file, on its day) onto the in-memory stores, and questions go through the
 * product's router, services and presenters. Moved from the Azurite integration tier, where it ran through the
 * HTTP endpoint: nothing here depends on real storage.
 */
describe('waiting-list changes across imported extracts (on the fakes)', () => {
  const PRACTITIONER_ID = 'cccccccc-0000-0000-0000-000000000001';
  let w: FakeWorld;
  let dir: string;
  let conversations = 0;

  // R-1..R-20 referred weekly before 1 September; R-1..R-5 seen on 1 October; N-1..N-15 referred after.
  const base = Array.from({ length: 20 }, (_, i) => ({
    id: `R-${i + 1}`,
    referred: addDays('2026-09-01', -7 * (i + 1)),
  }));
  const later = Array.from({ length: 15 }, (_, i) => ({ id: `N-${i + 1}`, referred: addDays('2026-09-08', 5 * i) }));

  async function importExtract(asOf: string): Promise<void> {
    w.clock.set(asOf);
    const lines = ['referral_id,service,referred_on,triaged_on,first_seen_on,closed_on'];
    for (const r of [...base, ...later]) {
      if (r.referred > asOf) continue;
      const seen = r.id.startsWith('R-') && Number(r.id.slice(2)) <= 5 && asOf >= '2026-10-01' ? '2026-10-01' : '';
      lines.push(`${r.id},asd,${r.referred},,${seen},`);
    }
    const file = path.join(dir, `asd-${asOf}.csv`);
    writeFileSync(file, lines.join('\n') + '\n');
    const report = await new ReferralsImport(w.clock, w.waits, w.referrals, w.waitSummaries).run(file);
    expect(report.imported, JSON.stringify(report.invalid)).to.equal(true);
  }

  /**
   * The practitioner in a conversation of their own (a new one each call, as a new chat): what they say there,
   * answered with the reply's text, its cards, and both as one string.
   */
  const chat = () => {
    const conversationId = `conv-${++conversations}`;
    return (text: string) => ask(w, PRACTITIONER, text, { userId: PRACTITIONER_ID, conversationId });
  };
  let practitioner: ReturnType<typeof chat>;

  before(async () => {
    w = fakeWorld({ today: '2026-07-15' });
    dir = mkdtempSync(path.join(tmpdir(), 'wait-changes-'));
    practitioner = chat();
    await importExtract('2026-07-15'); // 14 waiting
    await importExtract('2026-09-01'); // 20 waiting
    await importExtract('2026-11-22'); // 20 − 5 seen + 15 new = 30 waiting
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('answers "changed since September" from the extract of 1 September against the latest', async () => {
    const out = await practitioner('has the autism waiting list changed since September?');
    expect(out.all).to.include('Autism (ASD) assessment: how the waiting list has changed');
    expect(out.all).to.include('Since the extract of 1 September 2026 (the latest on or before 1 September 2026)');
    expect(out.all).to.include('10 more waiting (20 → 30)');
    expect(out.all).to.include('22 November 2026 (today)');
  });

  it('answers "compared with last term" from the last extract of the summer term, and follows up a waits answer', async () => {
    const direct = await practitioner('autism waits compared with last term');
    expect(direct.all).to.include('Since the extract of 15 July 2026 (the latest on or before 31 August 2026)');
    expect(direct.all).to.include('16 more waiting (14 → 30)');
    const user = chat();
    expect((await user('current wait for autism')).all).to.include('Autism (ASD) assessment: waiting times');
    expect((await user('what about compared with last term?')).all).to.include('16 more waiting (14 → 30)');
    expect((await user('and the trend?')).all).to.include('Autism (ASD) assessment: waiting list over time');
  });

  it('answers a period asked with the list as it then stood, said by its extract, and follows up with another (issue #24)', async () => {
    const user = chat();
    const summer = await user('autism waits in the summer term');
    expect(summer.all).to.include(
      'Autism (ASD) assessment at the end of the summer term 2025-26, as the extract of 15 July 2026 stood: 14 waiting',
    );
    // No extract was loaded in October: the last before it, by its date, never the latest in its place.
    const october = await user('what about in October?');
    expect(october.all).to.include(
      'No Autism (ASD) assessment extract was loaded in October 2026; the last before it, of 1 September 2026: 20 waiting',
    );
    const older = await user('and in 2024-25?');
    expect(older.all).to.include(
      'No Autism (ASD) assessment extract is held from 2024-25 or before; the earliest held is of 15 July 2026: 14 waiting',
    );
  });

  it('shows the trend over every extract loaded, oldest first', async () => {
    const out = await practitioner('trend in ASD waiting times');
    expect(out.all).to.include('3 extracts, 15 July 2026 to 22 November 2026');
    const order = ['15 July 2026', '1 September 2026', '22 November 2026'].map((d) => out.all.indexOf(`"text":"${d}"`));
    expect(order.every((i) => i > 0)).to.equal(true);
    expect([...order].sort((a, b) => a - b)).to.deep.equal(order);
    expect(out.all).to.include('From 15 July 2026 to 22 November 2026: 16 more waiting (14 → 30)');
  });

  it('says when no extract goes back that far, and when a service has none', async () => {
    const old = await practitioner('has the autism waiting list changed since March?');
    expect(old.text).to.include(
      'extracts loaded go back only to 15 July 2026; none shows the list as it stood on 1 March 2026',
    );
    const none = await practitioner('has the ADHD waiting list changed since September?');
    expect(none.text, none.text).to.include('No referrals are loaded for ADHD assessment yet');
  });

  it('the termly digest says how each list moved since the last extract of the term before', async () => {
    const term = w.terms.termOf('2026-11-22');
    const { reply } = await w.digests.build(term);
    const json = JSON.stringify(reply);
    expect(json).to.include('30 waiting');
    expect(json).to.include('16 more than at the extract of 15 July 2026 (14)');
  });

  it('hides in a comparison every figure the extract’s own card hid', async () => {
    // 30 waiting on 22 November; the card's disclosure decides the under-18-weeks figure, the comparison follows it.
    const card = (await practitioner('current wait for autism')).all;
    const change = (await practitioner('autism waits since September')).all;
    // Autism's target is 52 weeks.
    const cardHidesUnder = /Waiting under 52 weeks: (not shown|fewer than 5)/.test(card);
    expect(card).to.match(/Waiting under 52 weeks/);
    // The row's figures in column order (then, now, change): a table of three or more figure columns puts the
    // row's name on its own line above them (d04b19c), so its figures are the next column set.
    const after = change.slice(change.indexOf('"text":"Waiting under 52 weeks"'));
    const columns = /"type":"ColumnSet".*?"columns":\[(.*?)\]\}\]\}/.exec(after);
    expect(columns, change).not.to.equal(null);
    const figures = [...columns![1]!.matchAll(/"text":"([^"]*)"/g)].map((m) => m[1]!);
    const now = figures.at(-2);
    if (cardHidesUnder) expect(now).to.match(/not shown|fewer than 5/);
    else expect(now).to.match(/^\d+%$/);
  });
});
