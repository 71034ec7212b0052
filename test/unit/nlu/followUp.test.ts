import { expect } from 'chai';
import { readFollowUp } from '../../../src/understanding/followUp.js';
import { readMessage } from '../../support/language.js';
import { SERVICES } from './servicesFixture.js';
import { loadMeasureCatalogue, loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';

const read = (text: string) => readMessage(text, SERVICES);
const after = (previous: string, text: string) => readFollowUp(text, read(text), read(previous), SERVICES);

describe('follow-ups, read against the question before', () => {
  const voice = 'how are we doing on voice this term';

  it('changes only the term, the respondents, the outcome or the comparison of a scores question', () => {
    expect(after(voice, 'what about last term?')).to.deep.include({ outcome: 'voice', terms: [{ kind: 'previous' }] });
    expect(after(voice, 'and for children?')).to.deep.include({ outcome: 'voice', roles: ['cyp'] });
    expect(after(voice, 'just parent carers')).to.deep.include({ outcome: 'voice', roles: ['pc'] });
    expect(after(voice, 'compare with last term')).to.deep.include({
      outcome: 'voice',
      terms: [{ kind: 'current' }, { kind: 'previous' }],
    });
    expect(after(voice, 'what about this time last year')).to.deep.include({ terms: [{ kind: 'yearAgo' }] });
    expect(after(voice, 'and for safe?')).to.deep.include({ intent: 'scores', outcome: 'safe' });
  });

  it('asks back when a scores question is followed by a service, and follows a waits question to another service', () => {
    expect(after(voice, 'and for autism?')).to.deep.include({ intent: 'clarify' });
    expect(after('current wait for SALT', 'and for autism?')).to.deep.equal({
      intent: 'waits',
      service: 'asd',
      allServices: false,
    });
  });

  it('leaves a question of its own alone', () => {
    expect(after(voice, 'current wait for SALT')).to.deep.include({ intent: 'waits', service: 'salt' });
    expect(after(voice, 'outcome scores this term')).to.not.have.property('outcome');
    expect(after(voice, 'how are we doing on kept safe')).to.deep.include({ outcome: 'safe' });
    expect(after(voice, 'thanks')).to.deep.equal({ intent: 'smallTalk', say: 'thanks' });
    expect(after(voice, 'invite review AR-1042 parent')).to.deep.include({ intent: 'invite' });
  });
});

type Want = Record<string, unknown> & { intent: string };
type Verdict = 'right' | 'asked back' | 'not understood' | 'confidently wrong';
const catalogueServices = loadServiceCatalogue();
const catalogueMeasures = loadMeasureCatalogue().measures;
/** As the router reads it: the message alone, then against the question before (both read with the catalogue). */
const asBot = (previous: string, text: string) =>
  readFollowUp(
    text,
    readMessage(text, catalogueServices, catalogueMeasures),
    readMessage(previous, catalogueServices, catalogueMeasures),
    catalogueServices,
    catalogueMeasures,
  ) as Record<string, unknown>;
/** The trust table's verdicts: a key wanted as `undefined` must be absent ("which outcome": no outcome kept). */
function verdictOf(got: Record<string, unknown>, want: Want | Want[]): Verdict {
  const fits = (w: Want) => Object.entries(w).every(([k, v]) => JSON.stringify(got[k]) === JSON.stringify(v));
  if ((Array.isArray(want) ? want : [want]).some(fits)) return 'right';
  if (got.intent === 'clarify') return 'asked back';
  if (got.intent === 'unknown' || got.intent === 'help') return 'not understood';
  return 'confidently wrong';
}
const LAST_TERM = { kind: 'relative', unit: 'term', which: 'previous' };

/**
 * Held out (issue #24): follow-up pairs written before follow-ups were changed, never tuned on after their
 * first run. First run (before the change): see the note under the table.
 */
const HELD_OUT_PAIRS: [string, string, Want | Want[]][] = [
  [
    'how are we doing on kept safe?',
    'which outcome is lowest for parent carers?',
    { intent: 'scores', outcome: undefined, rank: 'lowest', roles: ['pc'] },
  ],
  [
    'neurodevelopmental pathway waits',
    "show me last year's summer term scores for parents",
    { intent: 'scores', outcome: undefined, roles: ['pc'] },
  ],
  [
    'ND waits',
    'response rate in the spring term',
    { intent: 'responseRate', terms: [{ kind: 'named', season: 'spring' }] },
  ],
  [
    'voice scores for parent carers',
    'compare health between autumn and spring',
    { intent: 'scores', outcome: 'health', roles: ['cyp', 'pc'] },
  ],
  ['attendance for EHCP pupils', 'and for SEN support?', { intent: 'measure', measure: 'attendance_sen_support' }],
  ['SEN support attendance', 'what about pupils with an EHCP?', { intent: 'measure', measure: 'attendance_ehcp' }],
  [
    'attendance for EHCP pupils',
    'and last term?',
    { intent: 'measure', measure: 'attendance_ehcp', period: LAST_TERM },
  ],
  [
    'EHCP attendance last term',
    'and for SEN support?',
    { intent: 'measure', measure: 'attendance_sen_support', period: LAST_TERM },
  ],
  ['tribunal appeals this year', 'compared with a year ago?', { intent: 'measure', measure: 'tribunal_appeals' }],
  [
    'complaints this term',
    'what about this time last year?',
    { intent: 'measure', measure: 'complaints', period: { kind: 'yearAgo' } },
  ],
  [
    'attendance for EHCP pupils',
    'complaints last term',
    { intent: 'measure', measure: 'complaints', period: LAST_TERM },
  ],
  [
    'how are we doing on kept safe?',
    'which question pulls it down?',
    { intent: 'scores', outcome: 'safe', rank: 'lowest', perQuestion: true },
  ],
  [
    'voice scores for parents last term',
    'which question is lowest?',
    {
      intent: 'scores',
      outcome: 'voice',
      roles: ['pc'],
      terms: [{ kind: 'previous' }],
      rank: 'lowest',
      perQuestion: true,
    },
  ],
  [
    'health scores',
    'and which question is highest?',
    { intent: 'scores', outcome: 'health', rank: 'highest', perQuestion: true },
  ],
  [
    'which voice question do parents score lowest on?',
    'and for children?',
    { intent: 'scores', outcome: 'voice', roles: ['cyp'], rank: 'lowest', perQuestion: true },
  ],
  ['current wait for ND', 'which service is worst?', { intent: 'waits', allServices: true }],
  ['SALT waits', 'which service has the longest wait?', { intent: 'waits', allServices: true }],
  [
    'has the autism waiting list changed since September',
    'which service got worse?',
    { intent: 'waits', allServices: true, change: { kind: 'sinceMonth', month: 9 } },
  ],
  [
    'autism waits compared with last term',
    'and for ADHD?',
    { intent: 'waits', service: 'adhd', change: { kind: 'sinceTerm', term: { kind: 'previous' } } },
  ],
  ['response rate this term', 'what about last term?', { intent: 'responseRate', terms: [{ kind: 'previous' }] }],
  [
    'response rate this term',
    'and in the spring term?',
    { intent: 'responseRate', terms: [{ kind: 'named', season: 'spring' }] },
  ],
  [
    'what are families saying about support?',
    'and last term?',
    { intent: 'themes', outcome: 'support', terms: [{ kind: 'previous' }] },
  ],
  ['what are families saying about support?', 'just parents', { intent: 'themes', outcome: 'support', roles: ['pc'] }],
  [
    'what are families saying about health?',
    'what about children?',
    { intent: 'themes', outcome: 'health', roles: ['cyp'] },
  ],
  ['response rate this term', 'outcome scores this term', { intent: 'scores', outcome: undefined }],
  [
    'trend in ADHD waiting times',
    'current wait for speech and language therapy?',
    { intent: 'waits', service: 'salt', change: undefined },
  ],
  ['how are we doing on kept safe?', 'current wait for SALT', { intent: 'waits', service: 'salt' }],
  [
    'annual reviews on time this term?',
    'which outcome is lowest this term?',
    { intent: 'scores', outcome: undefined, rank: 'lowest' },
  ],
];
// First run, before any change to follow-ups: 28 pairs, right 12, asked back 0, not understood 6 (measure, scores
// and themes follow-ups not read), confidently wrong 10 (35.7%: a full question taking the previous one's outcome,
// roles or whole reading — e.g. a scores question after ND waits read as an ND waiting-list change). After the
// change (not tuned on these): 28 right.

describe('follow-ups: a held-out table of pairs, with the trust table verdicts', () => {
  it('is confidently wrong on none of them', () => {
    const results = HELD_OUT_PAIRS.map(([previous, text, want]) => {
      const got = asBot(previous, text);
      return { previous, text, got, verdict: verdictOf(got, want) };
    });
    const of = (v: Verdict) => results.filter((r) => r.verdict === v).length;
    console.log(
      `      follow-up pairs held out, ${results.length}: right ${of('right')}, asked back ${of('asked back')}, not understood ${of('not understood')}, confidently wrong ${of('confidently wrong')}`,
    );
    for (const r of results.filter((x) => x.verdict !== 'right'))
      console.log(`      ${r.verdict}: "${r.previous}" → "${r.text}" → ${JSON.stringify(r.got).slice(0, 180)}`);
    expect(of('confidently wrong')).to.equal(0);
  });
});

describe('follow-ups on every answer kind', () => {
  it('after a measure: changes the cohort (keeping the period), the period, or asks for the comparison again', () => {
    expect(asBot('attendance for EHCP pupils', 'and for SEN support?')).to.deep.include({
      intent: 'measure',
      measure: 'attendance_sen_support',
    });
    expect(asBot('attendance of pupils at SEN support', 'and for children with an EHCP?')).to.deep.include({
      measure: 'attendance_ehcp',
    });
    expect(asBot('EHCP attendance last term', 'what about SEN support?')).to.deep.include({
      measure: 'attendance_sen_support',
      period: { kind: 'relative', unit: 'term', which: 'previous' },
    });
    expect(asBot('attendance for EHCP pupils', 'and in the spring term?')).to.deep.include({
      measure: 'attendance_ehcp',
      period: { kind: 'term', season: 'spring' },
    });
    expect(asBot('how many tribunals this year', 'compared with a year ago?')).to.deep.include({
      intent: 'measure',
      measure: 'tribunal_appeals',
      period: { kind: 'relative', unit: 'year', which: 'current' },
    });
    expect(asBot('how many tribunals this year', 'which outcome is lowest this term?')).to.deep.include({
      intent: 'scores',
      rank: 'lowest',
    });
  });

  it('after scores: "which question pulls it down?" ranks that outcome\'s questions for the same roles and terms', () => {
    const want = { intent: 'scores', outcome: 'safe', roles: ['pc'], terms: [{ kind: 'previous' }] };
    const before = 'kept safe for parent carers last term';
    expect(asBot(before, 'which question pulls it down?')).to.deep.include({
      ...want,
      rank: 'lowest',
      perQuestion: true,
    });
    expect(asBot(before, 'which question is lowest?')).to.deep.include({ ...want, rank: 'lowest', perQuestion: true });
    expect(asBot(before, 'per question')).to.deep.include({ ...want, perQuestion: true });
    expect(asBot(before, 'which outcome is lowest for parent carers?')).to.not.have.property('outcome');
  });

  it('after waits: "which service…" asks of every service, keeping a comparison said without its baseline', () => {
    expect(asBot('current wait for ND', 'which service is worst?')).to.deep.equal({
      intent: 'waits',
      allServices: true,
    });
    expect(asBot('has the autism waiting list changed since September', 'which service got worse?')).to.deep.equal({
      intent: 'waits',
      allServices: true,
      change: { kind: 'sinceMonth', month: 9 },
    });
    expect(asBot('ND waits', "show me last year's summer term scores for parents")).to.deep.include({
      intent: 'scores',
      roles: ['pc'],
    });
  });

  it('after themes or a response rate: changes the period or the respondents', () => {
    const themes = 'what are families saying about support?';
    expect(asBot(themes, 'what about last term?')).to.deep.include({ intent: 'themes', terms: [{ kind: 'previous' }] });
    expect(asBot(themes, 'just parent carers')).to.deep.include({
      intent: 'themes',
      outcome: 'support',
      roles: ['pc'],
    });
    expect(asBot('response rate this term', 'and in the spring term?')).to.deep.equal({
      intent: 'responseRate',
      terms: [{ kind: 'named', season: 'spring' }],
    });
    expect(asBot('response rate this term', 'outcome scores this term')).to.deep.include({ intent: 'scores' });
  });

  it('reads a cue only where a follow-up says it, not inside a name', () => {
    expect(asBot('trend in ADHD waiting times', 'current wait for speech and language therapy?')).to.deep.equal({
      intent: 'waits',
      service: 'salt',
      allServices: false,
    });
    expect(asBot('how are we doing on voice', 'compare health between autumn and spring')).to.deep.include({
      outcome: 'health',
      roles: ['cyp', 'pc'],
    });
    expect(asBot('safe scores for children', 'parents only')).to.deep.include({ outcome: 'safe', roles: ['pc'] });
  });
});
