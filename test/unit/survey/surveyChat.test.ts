import { expect } from 'chai';
import { readSurveyChat } from '../../../src/features/survey/domain/surveyChat.js';

/** What a family types mid-survey is read as one of a few plain things, never as a staff question. */
describe('reading what a family types during the survey', () => {
  const cases: [string, string, string?][] = [
    ['I want to stop', 'stop'],
    ['can I stop and come back later', 'stop'],
    ['bye', 'stop'],
    ['quit', 'stop'],
    ['what does EHCP mean?', 'meaning', 'EHCP'],
    ['What is an EHC plan', 'meaning', 'EHCP'],
    ['EHCP?', 'meaning', 'EHCP'],
    ['what does SEND stand for', 'meaning', 'SEND'],
    ['what does co-producing mean?', 'meaning', 'co-producing'],
    ['what does aspirations mean', 'meaning', 'aspiration'],
    ["what's 'prefer not to say'", 'meaning', 'prefer not to say'],
    ['what does flibbertigibbet mean', 'meaning', 'flibbertigibbet'],
    ['carry on', 'carryOn'],
    ['where was I', 'carryOn'],
    ['hello', 'greeting'],
    ['hi there', 'greeting'],
    ['thanks', 'thanks'],
    ['ok', 'thanks'],
    ['help', 'help'],
    ['I dont understand', 'help'],
    ['what is this for', 'help'],
    ['i feel sad', 'help'],
  ];
  for (const [text, kind, word] of cases)
    it(`"${text}" → ${kind}${word ? ` (${word})` : ''}`, () => {
      const read = readSurveyChat(text);
      expect(read.kind).to.equal(kind);
      if (word) expect(read).to.include({ word });
    });

  it('gives a meaning only for words it knows, and echoes an unknown word as plain letters', () => {
    expect(readSurveyChat('what does EHCP mean?'))
      .to.have.property('meaning')
      .that.matches(/Education, Health and Care plan/);
    const unknown = readSurveyChat('what does [click](http://evil.example) mean');
    expect(unknown).to.deep.equal({ kind: 'meaning', word: 'clickhttpevilexample' });
  });
});
