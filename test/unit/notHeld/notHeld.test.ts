import { expect } from 'chai';
import { readMessage } from '../../../src/understanding/readMessage.js';
import { INTENT_READERS } from '../../../src/routing/routes.js';
import { loadMeasureCatalogue, loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';
import { NOT_HELD_TOPICS } from '../../../src/features/notHeld/domain/notHeldTopics.js';
import { FakeTurn, FAMILY, fakeWorld, PRACTITIONER } from '../../support/fakes/fakeWorld.js';

/** Subjects the bot holds no figures for are answered "not held" by name, never with another figure. */
describe('not held: subjects the bot has no figures for', () => {
  const services = loadServiceCatalogue();
  const measures = loadMeasureCatalogue().measures;
  const read = (text: string) => readMessage(text, services, measures, INTENT_READERS);

  const NOT_HELD: [string, string[]][] = [
    ['A level results for SEN pupils', ['otherAttainment']],
    ['Progress 8 for pupils with EHCPs', ['otherAttainment']],
    ['how much do we spend on the high needs block', ['spending']],
    ['what is the budget for SEN transport', ['spending', 'transport']],
    ['how many residential placements do we have', ['placements']],
    ['average caseload for caseworkers', ['caseloads']],
    ['number of child protection plans', ['socialCare']],
    // Evidence the framework names that no figure is held for (issue #24; measures.json `evidence`).
    ['ILACS inspection outcome', ['inspections']],
    ['what did the area SEND inspection find', ['inspections']],
    ['case studies', ['caseStudies']],
    ['the JSNA', ['healthNeeds']],
  ];
  for (const [text, topics] of NOT_HELD)
    it(`"${text}" is not held (${topics.join(', ')})`, () => {
      expect(read(text)).to.deep.equal({ intent: 'notHeld', topics });
    });

  // Catalogued since issue #26 (seeds/measures.json): answered from the catalogue, never "not held".
  const CATALOGUED: [string, string][] = [
    ['attainment results for SEN pupils at key stage 2', 'ks2_rwm_send'],
    ['what were the GCSE results for children with SEN', 'ks4_basics_send'],
    ['KS2 results for SEN support', 'ks2_rwm_send'],
    ['how many out of area placements do we have', 'out_of_area_placements'],
    ['how many children are home educated', 'elective_home_education'],
    ['pupils on part time timetables', 'part_time_timetables'],
    ['how many AP places are there this term', 'ap_places'],
    ['what were our Ofsted ratings', 'ofsted_good_settings'],
    ['safeguarding referrals for children with SEND', 'safeguarding_referrals_send'],
    ['destinations of pupils with SEN after key stage 4', 'ks4_sustained_destinations_send'],
    ['how many School SEND Reviews were done', 'school_send_reviews'],
    ['supported living at 25', 'independent_living_25'],
  ];
  for (const [text, measure] of CATALOGUED)
    it(`"${text}" is the catalogued measure ${measure}, not "not held"`, () => {
      expect(read(text)).to.deep.include({ intent: 'measure', measure });
    });

  it('no not-held phrase names a subject the catalogue holds', () => {
    for (const topic of NOT_HELD_TOPICS)
      for (const phrase of [topic.phrases, topic.exact ?? '']
        .join('|')
        .split('|')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const u = readMessage(phrase, services, measures);
        expect(u.intent === 'measure' && 'measure' in u && u.measure, `${topic.id}: "${phrase}"`).to.not.be.a('string');
      }
  });

  // What the bot holds is still answered as before: the new subjects take nothing from them.
  const HELD: [string, string][] = [
    ['how are we doing on kept safe this term', 'scores'],
    ['safeguarding scores for parents', 'scores'],
    ['current wait for speech and language therapy', 'waits'],
    ['attendance for pupils with an EHCP', 'measure'],
    ['how many personal budgets', 'measure'],
    ['tribunal appeals this year', 'measure'],
    ['response rate this term', 'responseRate'],
    ['which outcome is lowest for parent carers', 'scores'],
  ];
  for (const [text, intent] of HELD)
    it(`"${text}" is still ${intent}`, () => {
      expect(read(text).intent).to.equal(intent);
    });

  it('without the capability readers the core reads none of these subjects', () => {
    expect(readMessage('attainment results for SEN pupils', services, measures).intent).to.not.equal('notHeld');
  });

  it('every subject has a name and says where its figures come from', () => {
    for (const t of NOT_HELD_TOPICS) {
      expect(t.name, t.id).to.match(/^[a-z]/);
      expect(t.source, t.id).to.match(/^They (come from|are published by) .+\.$/);
    }
  });

  describe('answered in the chat', () => {
    it('names the subject and where such figures come from, gives no figure, and logs it for an administrator', async () => {
      const w = fakeWorld();
      const turn = new FakeTurn(PRACTITIONER, { text: 'A level results for SEN pupils this year' });
      await w.router.routeText(turn);
      expect(turn.texts).to.have.length(1);
      const said = turn.texts[0]!;
      expect(said).to.include("I don't hold figures on attainment beyond the key stage 2 and key stage 4 measures");
      expect(said).to.include("DfE's school and college performance tables");
      expect(said, 'no figure of any kind').to.not.match(/\d+(\.\d+)?%|\b\d{2,}\b/);
      expect(turn.said[0]!.card).to.equal(undefined);
      expect(w.questionLog.entries.map((e) => e.reason)).to.deep.equal(['not-held']);
    });

    it('is for staff, like every figures question', async () => {
      const w = fakeWorld();
      const turn = new FakeTurn(FAMILY, { text: 'how much do we spend on placements' });
      await w.router.routeText(turn);
      expect(turn.all).to.not.include("I don't hold figures");
      expect(turn.all).to.include('survey invitation');
    });

    it('asked after another question, it answers for what it names (not the last question)', async () => {
      const w = fakeWorld();
      const first = new FakeTurn(PRACTITIONER, { text: 'how are we doing on kept safe this term?' });
      await w.router.routeText(first);
      const then = new FakeTurn(PRACTITIONER, { text: 'and A level results for SEN pupils?' });
      await w.router.routeText(then);
      expect(then.texts.join('\n')).to.include("I don't hold figures on attainment beyond");
    });

    it('a subject catalogued since issue #26 says its figures are not loaded yet, never "not held"', async () => {
      const w = fakeWorld();
      const turn = new FakeTurn(PRACTITIONER, { text: 'how many children are home educated' });
      await w.router.routeText(turn);
      expect(turn.all).to.not.include("I don't hold figures");
      expect(turn.all).to.include('No figures are loaded for "Children with SEND electively home educated" yet');
    });
  });
});
