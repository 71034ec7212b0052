import { expect } from 'chai';
import type { Understanding } from '../../../src/understanding/understand.js';
import { understand } from '../../support/language.js';
import { loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';

/**
 * Phrasings → service and question, with the real seeds/services.json (the catalogue the bot runs with),
 * so an alias added there cannot silently steal words from other questions or other services.
 */
const catalogue = loadServiceCatalogue();
const one = (service: string): Understanding => ({ intent: 'waits', service, allServices: false });
const all: Understanding = { intent: 'waits', allServices: true };
const unknown = (name: string): Understanding => ({ intent: 'waits', unknownService: name, allServices: false });

const table: [string, Understanding][] = [
  // the issue's own questions
  ['current wait for SALT', one('salt')],
  ['how long are children waiting for an autism assessment', one('asd')],
  ['which services are missing their targets?', all],
  ['how many are waiting on the ND pathway', one('nd')],
  ['are EHC needs assessments on time?', one('ehcna')],
  // aliases and abbreviations
  ["what's the wait for SLT right now?", one('salt')],
  ['SaLT waiting list', one('salt')],
  ['speech and language therapy waiting times', one('salt')],
  ['speech therapy wait', one('salt')],
  ['how long is the wait for speech & language', one('salt')],
  ['ASD waits', one('asd')],
  ['autistic spectrum assessment waiting list', one('asd')],
  ['ADHD assessment wait', one('adhd')],
  ['how long for an attention deficit assessment', one('adhd')],
  ['neurodiversity waits', one('nd')],
  ['neurodevelopmental pathway waiting list', one('nd')],
  ['EHCP assessment wait', one('ehcna')],
  ['how long do EHC needs assessments take', one('ehcna')],
  ['EHCNA 20 week performance', one('ehcna')],
  // typos and word order
  ['curent wait for salt', one('salt')],
  ['waiting list SALT current', one('salt')],
  ['autsim assessment waiting', one('asd')],
  ['neurodevelopmetal pathway waits', one('nd')],
  ['@Outcomes Bot wait for ADHD?', one('adhd')],
  // every service
  ['waiting times for all services', all],
  ['any service in red?', all],
  ['which service has the longest wait', all],
  ['compare the SALT and ASD waits', all],
  // services we have no figures for
  ['wait for physiotherapy', unknown('physiotherapy')],
  ['how long is the CAMHS waiting list', unknown('camhs')],
  ['occupational therapy waits', unknown('occupational therapy')],
];

describe('waiting-time phrasings with the real services catalogue', () => {
  for (const [text, expected] of table) {
    it(`"${text}" → ${expected.intent === 'waits' ? (expected.service ?? expected.unknownService ?? 'all services') : expected.intent}`, () => {
      expect(understand(text, catalogue)).to.deep.equal(expected);
    });
  }

  it('still reads outcome questions as outcome questions with the real aliases loaded', () => {
    expect(understand('how are we doing on kept safe this term?', catalogue).intent).to.equal('scores');
    expect(understand('response rate this term', catalogue).intent).to.equal('responseRate');
    expect(understand('what do parents say about language and communication support?', catalogue).intent).not.to.equal(
      'waits',
    );
  });
});
