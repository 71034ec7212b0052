import { expect } from 'chai';
import { matchCost, maxEdits } from '../../../src/understanding/fuzzy.js';
import { normalise } from '../../../src/understanding/normalise.js';

describe('nlu: normalising a message', () => {
  const cases: [string, string[]][] = [
    ['<at>Outcomes Bot</at> scores this term', ['scores', 'this', 'term']],
    ['<at id="0">Outcomes Bot</at>&nbsp;help', ['help']],
    ['@Outcomes Bot help', ['help']],
    ["What's the wait? I couldn't find it!", ['what', 'is', 'the', 'wait', 'i', 'could', 'not', 'find', 'it']],
    ['Children’s well-being', ['children', 'well', 'being']],
    ["parents' views", ['parents', 'views']],
    ['invite review AR-1042 parent', ['invite', 'review', 'ar-1042', 'parent']],
    ['summer 2025-26 vs autumn 25/26', ['summer', '2025-26', 'vs', 'autumn', '25/26']],
    ['speech & language', ['speech', 'and', 'language']],
    ['% positive', ['percent', 'positive']],
    ['  SALT,,,waiting   list?!  ', ['salt', 'waiting', 'list']],
  ];
  for (const [text, tokens] of cases) {
    it(`tokenises ${JSON.stringify(text)}`, () => expect(normalise(text).tokens).to.deep.equal(tokens));
  }

  it('treats punctuation, white space and a bare mention as blank', () => {
    for (const text of ['', '   ', '?', '!!', '<at>Outcomes Bot</at>'])
      expect(normalise(text).blank, text).to.equal(true);
  });

  it('reads at most 500 characters', () => {
    expect(normalise('a '.repeat(1000)).tokens).to.have.length(250);
  });
});

describe('nlu: typo tolerance', () => {
  it('allows no edits up to 3 letters, one up to 6, two from 7', () => {
    expect([
      maxEdits('pc'),
      maxEdits('asd'),
      maxEdits('safe'),
      maxEdits('speech'),
      maxEdits('outcome'),
      maxEdits('neurodevelopmental'),
    ]).to.deep.equal([0, 0, 1, 1, 2, 2]);
  });

  const close: [string, string][] = [
    ['speach', 'speech'],
    ['scors', 'score'],
    ['outcom', 'outcome'],
    ['saftey', 'safety'],
    ['scroes', 'scores'],
    ['autisim', 'autism'],
    ['neurodevelopmetal', 'neurodevelopmental'],
    ['wellbeign', 'wellbeing'],
    ['outcomes', 'outcome'],
    ['waits', 'wait'],
    ['pcs', 'pc'],
  ];
  for (const [typed, word] of close)
    it(`reads "${typed}" as "${word}"`, () => expect(matchCost(typed, word, false)).to.not.equal(undefined));

  const apart: [string, string, boolean][] = [
    ['want', 'wait', false],
    ['same', 'safe', false],
    ['core', 'score', false],
    ['and', 'asd', true],
    ['pa', 'pc', true],
    ['slat', 'slt', true],
    ['adhf', 'adhd', true],
    ['process', 'progress', false],
  ];
  for (const [typed, word, exactOnly] of apart) {
    it(`does not read "${typed}" as "${word}"`, () => {
      // "process" is within two edits of "progress"; the vocabulary lists it so the exact reading wins.
      if (typed === 'process') expect(matchCost(typed, 'process', false)).to.equal(0);
      else expect(matchCost(typed, word, exactOnly)).to.equal(undefined);
    });
  }
});
