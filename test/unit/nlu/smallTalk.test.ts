import { expect } from 'chai';
import { understand } from '../../support/language.js';
import { SERVICES } from './servicesFixture.js';

describe('small talk', () => {
  const cases: [string, string][] = [
    ['thanks', 'thanks'],
    ['Thank you for your help!', 'thanks'],
    ['cheers', 'thanks'],
    ['ok great', 'thanks'],
    ['ok', 'ack'],
    ['Okay, got it', 'ack'],
    ['no worries', 'ack'],
    ['bye', 'bye'],
    ['see you later', 'bye'],
  ];
  for (const [text, say] of cases)
    it(`reads ${JSON.stringify(text)} as ${say}`, () =>
      expect(understand(text, SERVICES)).to.deep.equal({ intent: 'smallTalk', say }));

  it('is never small talk when the message asks something as well', () => {
    for (const text of [
      'thanks, and the SALT wait?',
      'ok what about voice scores',
      'great scores this term',
      'thanks for the digest, subscribe me',
    ])
      expect(understand(text, SERVICES).intent, text).not.to.equal('smallTalk');
  });
});
