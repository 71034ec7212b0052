import { expect } from 'chai';
import { FakeTurn, fakeWorld, MANAGER, PRACTITIONER } from '../../support/fakes/fakeWorld.js';

/** A world where new plans' quality is red (60% against 90%) and complaints are worse than a year before. */
async function world() {
  const w = fakeWorld({ today: '2026-12-07' });
  const at = { loadedAt: '2026-12-01T09:00:00.000Z', file: 'test.csv' };
  await w.measureValues.save([
    { measureId: 'plans_qa_good', period: '2026-27-autumn', numerator: 30, denominator: 50, value: 0.6, ...at },
    { measureId: 'complaints', period: '2025-26-autumn', value: 20, ...at },
    { measureId: 'complaints', period: '2026-27-autumn', value: 31, ...at },
    { measureId: 'advice_on_time', period: '2026-27-autumn', numerator: 95, denominator: 100, value: 0.95, ...at },
  ]);
  return w;
}

const save = (w: Awaited<ReturnType<typeof world>>, value: Record<string, unknown>, roles = MANAGER) => {
  const turn = new FakeTurn(roles, { value: { verb: 'exception.save', ...value }, userId: 'aad-manager-1' });
  return { turn, outcome: w.router.routeCard(turn) };
};

describe('exceptions with commentary', () => {
  it('lists the measures red or worse than a year before, and only those', async () => {
    const w = await world();
    const due = await w.exceptions.due();
    expect(due.map((d) => [d.line.measure.id, d.why])).to.deep.equal([
      ['plans_qa_good', 'red'],
      ['complaints', 'worse'],
    ]);
  });

  it('keeps what a manager writes, who and when, for the figure of that period', async () => {
    const w = await world();
    const { outcome } = save(w, {
      measureId: 'plans_qa_good',
      action: 'An extra quality panel every fortnight; coordinators trained in writing outcomes.',
      due: '2027-01-31',
    });
    const replaced = await outcome;
    expect(replaced && replaced.replaceWith?.text).to.match(/^Saved\./);
    expect(w.exceptionNotes.rows).to.deep.equal([
      {
        measureId: 'plans_qa_good',
        period: '2026-27-autumn',
        action: 'An extra quality panel every fortnight; coordinators trained in writing outcomes.',
        due: '2027-01-31',
        writtenBy: 'aad-manager-1',
        writtenAt: w.clock.now().toISOString(),
      },
    ]);
  });

  for (const [what, words] of [
    ['a review reference', 'Chasing the plan for AR-1042 with the school.'],
    ['an email address', 'Ask jo.bloggs@example.org to rerun the panel.'],
    ['a phone number', 'Ring the team on 07700 900123 to book a panel.'],
  ] as const)
    it(`refuses commentary holding ${what}, saying so, and stores nothing`, async () => {
      const w = await world();
      const { turn, outcome } = save(w, { measureId: 'plans_qa_good', action: words, due: '2027-01-31' });
      const replaced = await outcome;
      expect(replaced && replaced.replaceWith?.text).to.include(`seems to contain ${what}`);
      expect(turn.said).to.deep.equal([]);
      expect(w.exceptionNotes.rows).to.deep.equal([]);
    });

  it('refuses a date already past, and a measure that is not an exception', async () => {
    const w = await world();
    const past = await save(w, { measureId: 'plans_qa_good', action: 'A panel every fortnight.', due: '2026-11-30' })
      .outcome;
    expect(past && past.replaceWith?.text).to.equal('The date it will be done by is in the past.');
    const fine = await save(w, { measureId: 'advice_on_time', action: 'Nothing needed here.', due: '2027-01-31' })
      .outcome;
    expect(fine && fine.replaceWith?.text).to.match(/no longer red or worse/);
    expect(w.exceptionNotes.rows).to.deep.equal([]);
  });

  it('is for managers only: a practitioner is refused and nothing is kept', async () => {
    const w = await world();
    const { turn, outcome } = save(
      w,
      { measureId: 'plans_qa_good', action: 'A panel every fortnight.', due: '2027-01-31' },
      PRACTITIONER,
    );
    await outcome;
    expect(turn.all).to.match(/only managers write the commentary/);
    expect(w.exceptionNotes.rows).to.deep.equal([]);
    const asked = new FakeTurn(PRACTITIONER, { text: 'exceptions' });
    await w.router.routeText(asked);
    expect(asked.all).to.match(/only managers write the commentary/);
  });

  it('"exceptions" shows each one with its button, and the form comes from it', async () => {
    const w = await world();
    const turn = new FakeTurn(MANAGER, { text: 'exceptions report' });
    await w.router.routeText(turn);
    const card = JSON.stringify(turn.said[0]?.card);
    expect(card).to.include('exception.edit').and.include('New EHC plans graded good or better');
    const edit = new FakeTurn(MANAGER, { value: { verb: 'exception.edit', measureId: 'plans_qa_good' } });
    await w.router.routeCard(edit);
    expect(JSON.stringify(edit.said[0]?.card)).to.include('"verb":"exception.save"').and.include('Input.Date');
  });

  it('shows the commentary in the digest beside the measure', async () => {
    const w = await world();
    await save(w, { measureId: 'plans_qa_good', action: 'An extra quality panel every fortnight.', due: '2027-01-31' })
      .outcome;
    const text = (await w.digests.preview()).reply.fullText ?? '';
    const line = text.split('\n').find((l) => l.includes('New EHC plans graded good or better') && l.includes('red'));
    // The words as written (escaped for Teams' markdown), then the date.
    expect(line).to.match(/Being done: An extra quality panel every fortnight\\?\. By 31 January 2027/);
  });
});
