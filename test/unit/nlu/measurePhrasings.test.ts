import { expect } from 'chai';
import { readMessage } from '../../support/language.js';
import { loadMeasureCatalogue, loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';

const services = loadServiceCatalogue();
// As the bot passes them: the catalogue's measures whole (topics, qualifiers, broad topics).
const measures = loadMeasureCatalogue().measures;
const read = (text: string) => readMessage(text, services, measures) as Record<string, any>;

/** What each phrasing must be read as: a measure id, "ask" (two measures fit), "all", or another intent. */
const TABLE: [string, string][] = [
  ['annual reviews on time this term?', 'ar_on_time'],
  ['annual review timeliness', 'ar_on_time'],
  ['how many annual reviews were late', 'ar_on_time'],
  ['quality of annual reviews', 'ar_qa_good'],
  ['annual reviews rated good in QA', 'ar_qa_good'],
  ['annual reviews', 'ask'],
  ['are new EHC plans graded good or better?', 'plans_qa_good'],
  ['quality of new plans', 'plans_qa_good'],
  // "EHCPs"/"plans" name the 20-week measure beside one of its qualifiers, as they name plan quality beside its
  // own; "went out", "finalised" and "sent out" are ways to say issued (held-out set 13, session 14).
  ['how many EHCPs went out within 20 wks last term', 'ehcp_20_weeks'],
  ['are final plans being delivered within the 20 weeks?', 'ehcp_20_weeks'],
  ['EHCPs within 20 weeks', 'ehcp_20_weeks'],
  ['plans finalised within 20 weeks', 'ehcp_20_weeks'],
  ['how good are our EHCPs', 'plans_qa_good'],
  // Persistent absence in words: missing 10% of sessions, for either group (session 14, held-out set 14).
  ['ehcp pupils missing more than 10 percent of their sessions', 'persistent_absence_ehcp'],
  ['sen support pupils missing more than 10% of school', 'persistent_absence_sen_support'],
  ['SEN support pupils missing 10% of sessions', 'persistent_absence_sen_support'],
  ['pupils missing more than 10% of sessions', 'ask'],
  ['advice returned on time', 'advice_on_time'],
  ['is health advice for assessments coming back in time', 'advice_on_time'],
  ['how many complaints this term', 'complaints'],
  ['give me the complaints figure', 'complaints'],
  ['how many tribunals this year', 'tribunal_appeals'],
  ['any tribunal appeals', 'tribunal_appeals'],
  ['how many appeals', 'tribunal_appeals'],
  ['mediation cases', 'mediations'],
  ['exclusions for children with an EHCP', 'perm_exclusions_ehcp'],
  ['how many children with an EHC plan were permanently excluded', 'perm_exclusions_ehcp'],
  // Two measures count permanent exclusions since issue #26 (EHC plan, SEN Support): asked which.
  ['permanent exclusions', 'ask'],
  ['permanent exclusions of pupils with an EHCP', 'perm_exclusions_ehcp'],
  ['suspension rate for EHCP pupils', 'suspension_rate_ehcp'],
  ['suspensions for pupils with an EHCP', 'suspension_rate_ehcp'],
  ['repeat suspensions at SEN support', 'repeat_suspensions_sen_support'],
  ['pupils at SEN support suspended more than once', 'repeat_suspensions_sen_support'],
  ['suspensions', 'ask'],
  ['attendance of pupils at SEN support', 'attendance_sen_support'],
  ['what is the attendance for pupils with an EHC plan this term', 'attendance_ehcp'],
  ['attendance', 'ask'],
  ['how many young people are NEET', 'eet_16_25'],
  ['young people in education, employment or training', 'eet_16_25'],
  ['how many personal budgets do we have', 'personal_budgets'],
  ['direct payments', 'personal_budgets'],
  ['short breaks uptake', 'short_breaks'],
  ['how many kids use short breaks', 'short_breaks'],
  ['how many parents in early help', 'early_help_engagement'],
  ['annual health checks', 'annual_health_checks'],
  ['training for professionals', 'training_participation'],
  ['which measures are off target?', 'all'],
  ['what are the KPIs', 'all'],
  ['how are we doing on the framework measures', 'all'],
  // Still what they were before the measures came: never a measure's figures.
  ['current wait for SALT', 'waits'],
  ['how long is the wait for an EHC plan', 'waits'],
  ['which services are missing their targets?', 'waits'],
  ['how are we doing on kept safe this term?', 'scores'],
  ['voice scores last term', 'scores'],
  ['response rate this term', 'responseRate'],
  ["what's the weather like", 'unknown'],
];

describe('reading questions about the framework measures', () => {
  for (const [text, expected] of TABLE)
    it(`reads ${JSON.stringify(text)} as ${expected}`, () => {
      const u = read(text);
      if (expected === 'ask') {
        expect(u.intent).to.equal('clarify');
        expect(u.partial.intent).to.equal('measure');
      } else if (expected === 'all')
        expect(u).to.deep.include({ intent: 'measure', offTarget: /off target/.test(text) });
      else if (['waits', 'scores', 'responseRate', 'unknown'].includes(expected)) expect(u.intent).to.equal(expected);
      else expect(u).to.deep.include({ intent: 'measure', measure: expected });
    });

  it('reads "how is the Support outcome doing overall?" as its scores and measures together', () => {
    expect(read('how is the Support outcome doing overall?')).to.deep.equal({
      intent: 'outcomeOverview',
      outcome: 'support',
    });
  });

  it('offers the measures it hesitates between by name, and each option is read as that measure', () => {
    const u = read('attendance');
    expect(u.options).to.deep.equal(['Attendance of pupils with an EHC plan', 'Attendance of pupils at SEN Support']);
    expect(u.options.map((o: string) => read(o).measure)).to.deep.equal(['attendance_ehcp', 'attendance_sen_support']);
  });
});
