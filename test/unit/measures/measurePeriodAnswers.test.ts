import { expect } from 'chai';
import { measureFigures } from '../../../src/features/measures/domain/measureFigures.js';
import { presentMeasure, presentPeriodNotHeld } from '../../../src/features/measures/measuresPresenter.js';
import type { StoredMeasureValue } from '../../../src/features/measures/measureStores.js';
import { loadMeasureCatalogue } from '../../../src/seeds/loadSeeds.js';
import { fakeWorld, FakeTurn, PRACTITIONER } from '../../support/fakes/fakeWorld.js';

const catalogue = loadMeasureCatalogue().measures;
const attendance = catalogue.find((m) => m.id === 'attendance_ehcp')!;
const stored = (measureId: string, period: string, numerator: number, denominator: number): StoredMeasureValue => ({
  measureId,
  period,
  numerator,
  denominator,
  value: numerator / denominator,
  loadedAt: '2026-10-30T09:00:00Z',
  file: 'measures.csv',
});
// As in seeds/demo/measures.csv: 88.0% this term, 85.5% last term, 89.9% a year before this term.
const ATTENDANCE = [
  stored('attendance_ehcp', '2024-25-autumn', 168737, 188904),
  stored('attendance_ehcp', '2025-26-autumn', 165932, 184577),
  stored('attendance_ehcp', '2025-26-spring', 163738, 187094),
  stored('attendance_ehcp', '2025-26-summer', 148507, 173593),
  stored('attendance_ehcp', '2026-27-autumn', 153586, 174556),
];

describe('a measure answered for the period asked', () => {
  it('leads the heading and the first figure with the period asked, keeping both comparisons', () => {
    const f = measureFigures(attendance, ATTENDANCE, '2025-26-summer')!;
    const { card, text } = presentMeasure(f, '2026-11-02', {});
    expect(card.asOf).to.equal('2025-26 Summer · framework measure');
    expect(card.headline).to.equal('85.5% (148,507 of 173,593) in 2025-26 Summer.');
    expect(card.facts[0]).to.deep.equal({
      title: '2025-26 Summer',
      value: '85.5% (148,507 of 173,593), 2025-26 Summer',
    });
    expect(card.facts[1]!.value).to.match(/^down 2\.0 points on 2025-26 Spring/);
    expect(card.facts[2]!.title).to.equal('Same period last year');
    expect(text).not.to.include('88.0%');
  });

  it('says its scope first when the period shown is not the one asked', () => {
    const f = measureFigures(attendance, ATTENDANCE, '2025-26-autumn')!;
    const scope = 'recorded termly; October 2025 is in the autumn term 2025-26';
    const { card, summary } = presentMeasure(f, '2026-11-02', { scope });
    expect(card.headline).to.equal(
      'Attendance of pupils with an EHC plan is recorded termly; October 2025 is in the autumn term 2025-26: 89.9% (165,932 of 184,577).',
    );
    expect(summary).to.equal(card.headline);
    expect(card.asOf).to.equal('2025-26 Autumn · framework measure');
  });

  it('without a period asked, leads with the latest as before', () => {
    const { card } = presentMeasure(measureFigures(attendance, ATTENDANCE)!, '2026-11-02');
    expect(card.facts[0]!.title).to.equal('Latest');
    expect(card.headline).to.equal('88.0% (153,586 of 174,556) in 2026-27 Autumn.');
  });

  it('says by name that nothing is held for the period, offering the nearest held', () => {
    expect(presentPeriodNotHeld(attendance, '2023-24', 'the autumn term 2024-25')).to.equal(
      'No figure is held for attendance of pupils with an EHC plan in 2023-24. The nearest period with a figure is the autumn term 2024-25: ask for it by name.',
    );
  });
});

describe('measure questions with a period, through the router on the in-memory fakes', () => {
  async function chat(texts: string[], values = ATTENDANCE) {
    const world = fakeWorld({ today: '2026-11-02' });
    await world.measureValues.save(values);
    const replies: FakeTurn[] = [];
    for (const text of texts) {
      const turn = new FakeTurn(PRACTITIONER, { text, conversationId: 'conv-periods' });
      await world.router.routeText(turn);
      replies.push(turn);
    }
    return replies;
  }

  it('"attendance for EHCP pupils" → "what about last term?" answers last term, same measure', async () => {
    const [first, second] = await chat(['attendance for EHCP pupils', 'what about last term?']);
    expect(first!.said[0]!.text).to.equal(
      'Attendance of pupils with an EHC plan: 88.0% (153,586 of 174,556) in 2026-27 Autumn.',
    );
    expect(second!.said[0]!.text).to.equal(
      'Attendance of pupils with an EHC plan: 85.5% (148,507 of 173,593) in 2025-26 Summer.',
    );
    expect(second!.texts[0]).to.include('- Since the period before: down 2.0 points on 2025-26 Spring');
  });

  it('follows with a month (the term it is in, said so), a year not held (by name) and another measure', async () => {
    const [, october, older, tribunal] = await chat([
      'EHCP attendance',
      'and in October 2025?',
      'and in 2023-24?',
      'what about tribunal appeals last year',
    ]);
    expect(october!.said[0]!.text).to.equal(
      'Attendance of pupils with an EHC plan is recorded termly; October 2025 is in the autumn term 2025-26: 89.9% (165,932 of 184,577).',
    );
    expect(older!.said[0]!.text).to.equal(
      'No figure is held for attendance of pupils with an EHC plan in 2023-24. The nearest period with a figure is the autumn term 2024-25: ask for it by name.',
    );
    expect(tribunal!.said[0]!.text).to.match(/^No figures are loaded for "Appeals to the SEND Tribunal"/);
  });

  it('keeps disclosure control for the period asked', async () => {
    const small = [stored('attendance_ehcp', '2025-26-summer', 2, 3), ...ATTENDANCE.slice(-1)];
    const [, last] = await chat(['EHCP attendance', 'what about last term?'], small);
    expect(last!.said[0]!.text).to.include('not shown: fewer than 5 people or events in 2025-26 Summer');
  });
});
