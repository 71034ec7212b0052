import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromRoot } from '../../../src/config/projectPaths.js';
import { loadMeasureCatalogue, loadQuestionBank } from '../../../src/seeds/loadSeeds.js';
import { OUTCOME_IDS, type OutcomeId } from '../../../src/domain/survey/questionBank.js';

const SEEDS = path.join(fromRoot(), '..', 'shared', 'seeds');
const FRAMEWORK = path.join(SEEDS, '004_1bccbdee28a9657e.txt');
const flat = (t: string) => t.replace(/\s+/g, ' ').trim();

/**
 * Seed 004's "How will the local area measure impact and progress?" bullets, read from the seed itself: the
 * n-th such section belongs to the n-th outcome (the framework's order, which the question bank follows);
 * its bullets are the "- " lines up to the first blank line after them. The heading is spelt two ways in the
 * seed ("How will the local area will measure …").
 */
function seedBullets(text: string): { outcome: OutcomeId; bullet: string }[] {
  const out: { outcome: OutcomeId; bullet: string }[] = [];
  let section = -1;
  let reading = false;
  let started = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (/^How will the local area (will )?measure impact and progress\?/.test(line)) {
      section++;
      reading = true;
      started = false;
      continue;
    }
    if (!reading) continue;
    if (line.startsWith('- ')) {
      started = true;
      out.push({ outcome: OUTCOME_IDS[section]!, bullet: flat(line.slice(2)) });
    } else if (line === '' && started) reading = false;
  }
  return out;
}

describe('the catalogue covers seed 004 (every measure bullet is a measure or evidence, not a figure)', function () {
  const catalogue = loadMeasureCatalogue();
  before(function () {
    if (!existsSync(FRAMEWORK)) this.skip(); // the shared seeds sit beside the checkout in development and CI
  });
  const bullets = () => seedBullets(readFileSync(FRAMEWORK, 'utf8'));

  it('reads six sections of bullets from the seed, one per outcome', () => {
    const per = new Map<string, number>();
    for (const b of bullets()) per.set(b.outcome, (per.get(b.outcome) ?? 0) + 1);
    expect([...per.keys()]).to.deep.equal([...OUTCOME_IDS]);
    for (const [outcome, n] of per) expect(n, outcome).to.be.at.least(8);
  });

  it('finds every bullet catalogued as a measure or listed as evidence, with the reason', () => {
    const covered = new Set(
      [
        ...catalogue.measures.flatMap((m) => m.seedBullets ?? []),
        ...catalogue.evidence.flatMap((e) => e.seedBullets),
      ].map(flat),
    );
    const missing = bullets().filter((b) => !covered.has(b.bullet));
    expect(missing.map((b) => `${b.outcome}: ${b.bullet}`)).to.deep.equal([]);
  });

  it('maps each measure to exactly the outcomes seed 004 lists its bullets under', () => {
    const outcomesOf = new Map<string, Set<OutcomeId>>();
    for (const b of bullets()) outcomesOf.set(b.bullet, (outcomesOf.get(b.bullet) ?? new Set()).add(b.outcome));
    for (const m of catalogue.measures) {
      if (!m.seedBullets?.length) continue;
      const expected = new Set<OutcomeId>();
      for (const bullet of m.seedBullets) {
        const o = outcomesOf.get(flat(bullet));
        expect(o, `${m.id}: "${bullet}" is not a bullet of seed 004`).to.not.equal(undefined);
        for (const x of o!) expected.add(x);
      }
      expect(m.outcomes, m.id).to.deep.equal(OUTCOME_IDS.filter((o) => expected.has(o)));
    }
  });

  it('quotes the source of every measure seed 004 does not list (alternative provision from the strategy)', () => {
    const ap = ['ap_places', 'ap_return_to_mainstream', 'ap_sustained_post16'];
    for (const id of ap) expect(catalogue.measures.find((m) => m.id === id)?.listedIn, id).to.not.equal(undefined);
    for (const m of catalogue.measures.filter((x) => !x.seedBullets?.length)) {
      expect(m.listedIn, m.id).to.not.equal(undefined);
      const seed = flat(readFileSync(path.join(SEEDS, m.listedIn!.seed), 'utf8'));
      expect(seed, `${m.id}: "${m.listedIn!.quote}"`).to.include(flat(m.listedIn!.quote));
    }
  });

  it('attaches survey targets only to questions the bank has, and says what a target with none needs', () => {
    const bank = loadQuestionBank();
    const ids = new Set(bank.allScored().map((q) => q.id));
    for (const t of catalogue.surveyTargets) {
      for (const q of t.questions) expect(ids.has(q), `${t.id}: ${q}`).to.equal(true);
      if (t.questions.length === 0) expect(t.needs, t.id).to.be.a('string');
    }
  });
});
