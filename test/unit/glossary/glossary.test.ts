import { expect } from 'chai';
import { GLOSSARY } from '../../../src/features/glossary/domain/glossary.js';
import { loadMeasureCatalogue, loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';
import { FakeTurn, FAMILY, fakeWorld, PRACTITIONER } from '../../support/fakes/fakeWorld.js';
import { readMessage } from '../../support/language.js';

/** "what does EHCP mean?": a SEND word explained in plain English, for anyone who asks. */
describe('glossary: SEND words explained', () => {
  const services = loadServiceCatalogue();
  const measures = loadMeasureCatalogue().measures;
  const read = (text: string) => readMessage(text, services, measures);

  const ASKED: [string, string[]][] = [
    ['what does EHCP mean?', ['ehcp']],
    ['what does RAG mean', ['rag']],
    ['what do the colours mean', ['rag']],
    ['what is PfA short for', ['pfa']],
    ['what does SENCO stand for?', ['senco']],
    ['explain SEN support', ['senSupport']],
    ["what's the meaning of AP", ['ap']],
    ['what does CAMHS mean', ['camhs']],
    ['define annual review', ['annualReview']],
  ];
  for (const [text, words] of ASKED)
    it(`"${text}" asks what ${words.join(', ')} means`, () => {
      expect(read(text)).to.deep.equal({ intent: 'glossary', words });
    });

  // "mean" is also an average, and a word alone is also a question about it: those stay what they were.
  const NOT_ASKED: [string, string][] = [
    ['mean wait for SALT', 'waits'],
    ['what is the mean wait for autism', 'waits'],
    ['mean score for safe', 'scores'],
    ['what does the safe score look like', 'scores'],
    ['send the digest now', 'digest'],
    ['SALT', 'waits'],
    ['EHCP', 'clarify'],
  ];
  for (const [text, intent] of NOT_ASKED)
    it(`"${text}" is still ${intent}`, () => {
      expect(read(text).intent).to.equal(intent);
    });

  it('every word has a plain-English meaning that ends a sentence', () => {
    for (const g of GLOSSARY) expect(g.meaning, g.id).to.match(/^[a-z"'(].*[.)]$/s);
  });

  it('explains the word to a family as to staff, with no figure', async () => {
    for (const roles of [FAMILY, PRACTITIONER]) {
      const w = fakeWorld();
      const turn = new FakeTurn(roles, { text: 'what does EHCP mean?' });
      await w.router.routeText(turn);
      expect(turn.texts).to.deep.equal([`EHCP (Education, Health and Care plan): ${GLOSSARY[0]!.meaning}`]);
    }
  });

  it('asked with no word it knows, it says which words it can explain', async () => {
    const w = fakeWorld();
    const turn = new FakeTurn(PRACTITIONER, { text: 'what does it mean' });
    await w.router.routeText(turn);
    expect(turn.texts[0]).to.match(/^Which word would you like explained\? I can explain: EHCP .*, EET and NEET\.$/);
  });
});
