import { expect } from 'chai';
import {
  type OutcomeId,
  type RespondentRole,
  type TermRef,
  type Understanding,
} from '../../../src/understanding/understand.js';
import { understand } from '../../support/language.js';
import { SERVICES } from './servicesFixture.js';

type Scores = Extract<Understanding, { intent: 'scores' }>;
type Clarify = Extract<Understanding, { intent: 'clarify' }>;

const NOW: TermRef = { kind: 'current' };
const LAST: TermRef = { kind: 'previous' };
const named = (season: 'autumn' | 'spring' | 'summer', academicYear?: string): TermRef => ({
  kind: 'named',
  season,
  ...(academicYear ? { academicYear } : {}),
});

/** Scores with the defaults a plain question gets: both roles, this term, outcome summary. */
function scores(outcome?: OutcomeId, more: Partial<Omit<Scores, 'intent' | 'outcome'>> = {}): Understanding {
  return {
    intent: 'scores',
    ...(outcome ? { outcome } : {}),
    roles: ['cyp', 'pc'],
    terms: [NOW],
    perQuestion: false,
    ...more,
  };
}
const pc: RespondentRole[] = ['pc'];
const cyp: RespondentRole[] = ['cyp'];
const wait = (service: string): Understanding => ({ intent: 'waits', service, allServices: false });
const unknownService = (name: string): Understanding => ({ intent: 'waits', unknownService: name, allServices: false });
const allWaits: Understanding = { intent: 'waits', allServices: true };
const invite = (reviewRef?: string, role?: RespondentRole): Understanding => ({
  intent: 'invite',
  ...(reviewRef ? { reviewRef } : {}),
  ...(role ? { role } : {}),
});
const digest = (action: 'subscribe' | 'unsubscribe' | 'preview' | 'sendNow'): Understanding => ({
  intent: 'digest',
  action,
});
const rate = (...terms: TermRef[]): Understanding => ({ intent: 'responseRate', terms: terms.length ? terms : [NOW] });
const HELP: Understanding = { intent: 'help' };
const MINE: Understanding = { intent: 'myInvitations' };
const OFF_TOPIC: Understanding = { intent: 'unknown', reason: 'out-of-scope' };
const UNCLEAR: Understanding = { intent: 'unknown', reason: 'unclear' };

/** An ask-back: what it falls back on, and some of the options it must offer. */
type AskBack = { asks: Understanding['intent']; offering: string[] };
const asks = (partialIntent: Understanding['intent'], ...offering: string[]): AskBack => ({
  asks: partialIntent,
  offering,
});

const cases: [string, Understanding | AskBack][] = [
  // practitioner-questions.md: waiting times
  ['What is the current wait for speech and language therapy?', wait('salt')],
  ['SALT waiting list', wait('salt')],
  ['how long are children waiting for an autism assessment', wait('asd')],
  ['ADHD wait times', wait('adhd')],
  ['Which services are missing their targets?', allWaits],
  ['How many are waiting on the neurodevelopmental pathway?', wait('nd')],
  ['Are EHC needs assessments on time?', wait('ehcna')],
  // practitioner-questions.md: outcome scores
  ['OutcomeId scores this term', scores()],
  ['How are we doing on kept safe this term?', scores('safe')],
  ['What do parents say about being listened to?', scores('voice', { roles: pc, perQuestion: true })],
  ['Show the voice outcome for children and young people', scores('voice', { roles: cyp })],
  ['Compare health scores between autumn and spring', scores('health', { terms: [named('autumn'), named('spring')] })],
  ['future outcome last term', scores('future', { terms: [LAST] })],
  ['Which outcome is lowest for parent carers?', scores(undefined, { roles: pc, rank: 'lowest' })],
  ['support scores summer 2025-26', scores('support', { terms: [named('summer', '2025-26')] })],
  // practitioner-questions.md: survey administration and anything else
  ['invite review AR-1042 parent', invite('AR-1042', 'pc')],
  // a practitioner's own invitations
  ['my invitations', MINE],
  ['show my invites', MINE],
  ['which of my invitations are not finished?', MINE],
  ["who hasn't finished the survey?", MINE],
  ['invitations I sent', MINE],
  ['status of my invitations', MINE],
  ['the family lost the link', MINE],
  ['outstanding surveys', MINE],
  ['Response rate this term', rate()],
  ['How many surveys have come back this term?', rate()],
  ['help', HELP],
  ['wait for the dentist', unknownService('dentist')],
  ["what's the weather", OFF_TOPIC],

  // waiting times, other phrasings
  ['SLT waits', wait('salt')],
  ['slt', wait('salt')],
  ['waiting list for speech therapy please', wait('salt')],
  ['hey bot, whats the salt wait like at the moment', wait('salt')],
  ['is SLT meeting the 18 week target', wait('salt')],
  ['percentage seen within 18 weeks for speech', wait('salt')],
  ['how long do kids wait for ASD diagnosis', wait('asd')],
  ['how many kids are waiting for an ASD assessment', wait('asd')],
  ["what's the backlog for autistic assessments", wait('asd')],
  ['autism waiting', wait('asd')],
  ['how long for ADHD', wait('adhd')],
  ['adhd', wait('adhd')],
  ['ND waiting times', wait('nd')],
  ['neurodiversity waits', wait('nd')],
  ['current wait for neurodivergent assessment', wait('nd')],
  ['EHCNA on time?', wait('ehcna')],
  ['delays for ehcp assessments', wait('ehcna')],
  ['how many EHCPs were issued within 20 weeks', wait('ehcna')],
  ['are we hitting the 20 week target for EHC plans', wait('ehcna')],
  ['waiting times', allWaits],
  ['wait times please', allWaits],
  ['are we breaching any targets', allWaits],
  ["what's the RAG rating for each service", allWaits],
  ['which service has the longest wait', allWaits],
  ['compare the SALT and ASD waits', allWaits],
  ["what's the avg wait for SaLT right now", wait('salt')],
  ['how many YP are on the ASD waiting list', wait('asd')],
  ['how many referrals are waiting for ADHD', wait('adhd')],
  ['median wait EHCNA', wait('ehcna')],
  ['is the ND pathway on target', wait('nd')],
  ['SALT RAG', wait('salt')],
  ['how is SALT doing', wait('salt')],
  ['triage within 2 weeks for speech', wait('salt')],
  ['what are the figures for the neurodevelopmental pathway', wait('nd')],
  ['ehcp timeliness', wait('ehcna')],
  ['any service in red?', allWaits],
  ['help with waiting times', allWaits],
  ['I want the SALT waiting list', wait('salt')],
  ['whats the wait for neuro', wait('nd')],
  ['neurodev wait', wait('nd')],
  ['hiya, quick one - what is the wait like for SALT these days?', wait('salt')],
  ['how many families are waiting for an EHC needs assessment', wait('ehcna')],
  ['attention deficit waiting list', wait('adhd')],
  // waits for services not in the catalogue
  ['physio waiting list', unknownService('physio')],
  ['how long is the wait for occupational therapy', unknownService('occupational therapy')],
  ['how long is the wait for a wheelchair', unknownService('wheelchair')],
  ['CAMHS waiting list', unknownService('camhs')],
  ['ed psych waiting list', unknownService('ed psych')],
  ['how long is the queue for camhs', unknownService('camhs')],
  ['is there a wait for the dentist at the moment?', unknownService('dentist')],
  // typos
  ['speach therapy wait', wait('salt')],
  ['waitng list for autisim', wait('asd')],
  ['neurodevelopmetal pathway waits', wait('nd')],
  ['outcom scors', scores()],
  ['outcome scroes this term', scores()],
  ['helth scores', scores('health')],
  ['suport scores for parents', scores('support', { roles: pc })],
  ['progres last term', scores('progress', { terms: [LAST] })],
  ['futur outcome', scores('future')],
  ['voise scores for CYP', scores('voice', { roles: cyp })],
  ['how r we doing on saftey', scores('safe')],
  ['wellbeign scores', scores('health')],
  ['respnse rate this term', rate()],
  ['invte review AR-1042 parnet', invite('AR-1042', 'pc')],
  ['digets preview', digest('preview')],
  ['unanwsered questions', { intent: 'unansweredQuestions' }],
  // abbreviations, case, punctuation, padding, word order
  ['how are PC feeling about support', scores('support', { roles: pc })],
  ['CYP voice scores', scores('voice', { roles: cyp })],
  ['YP safety this term', scores('safe', { roles: cyp })],
  ['PfA', scores('future')],
  ['HOW ARE WE DOING ON SAFETY', scores('safe')],
  ['safety, parents, last term', scores('safe', { roles: pc, terms: [LAST] })],
  ['last term parents safety', scores('safe', { roles: pc, terms: [LAST] })],
  [
    'Hi there! Could you please tell me how parents feel about safety this term? Thanks!',
    scores('safe', { roles: pc }),
  ],
  ['hi, could you tell me the SALT waiting list please?', wait('salt')],
  ['for parent carers, which outcome scores highest?', scores(undefined, { roles: pc, rank: 'highest' })],
  ['SALT waits, thanks', wait('salt')],
  // Teams @mentions
  ['<at>Outcomes Bot</at> scores this term', scores()],
  ['<at>Outcomes Bot</at> how are we doing on kept safe?', scores('safe')],
  ['<at>Outcomes Bot</at>&nbsp;invite review AR-1042 parent', invite('AR-1042', 'pc')],
  ['<at>Outcomes Bot</at>', HELP],
  ["@Outcomes Bot what's the SALT wait?", wait('salt')],
  // outcomes through their words and their questions' topics
  ['wellbeing scores for parents last term', scores('health', { roles: pc, terms: [LAST] })],
  ['well-being of young people', scores('health', { roles: cyp })],
  // A question's own words: that question's figures (issue #24).
  ['I get help to be healthy and happy', scores('health', { roles: cyp, perQuestion: true, question: 'health.cyp.2' })],
  ['how are kids doing on health', scores('health', { roles: cyp })],
  ['how are pupils doing re voice', scores('voice', { roles: cyp })],
  ['what do learners say about their future', scores('future', { roles: cyp })],
  ['students transitions', scores('future', { roles: cyp, perQuestion: true })],
  ['life skills for young people', scores('future', { roles: cyp, perQuestion: true })],
  ['preparing for adulthood scores', scores('future')],
  ['are parents being listened to', scores('voice', { roles: pc, perQuestion: true })],
  ['co-production scores', scores('voice', { perQuestion: true })],
  [
    'do families feel they have a network of support',
    scores('support', { roles: pc, perQuestion: true, question: 'support.pc.1' }),
  ],
  ['how do families rate the timely support', scores('support', { roles: pc })],
  ['are mums and dads happy with the support?', scores('support', { roles: pc })],
  ['getting the right help at the right time', scores('support')],
  ['clubs and activities', scores('progress', { perQuestion: true })],
  ['quality of life outcome', scores('progress')],
  ['online safety', scores('safe', { perQuestion: true })],
  ['safeguarding scores', scores('safe')],
  ['scores for the voice of children and young people', scores('voice', { roles: cyp })],
  ['How are our CYP feeling about their voice being heard', scores('voice', { roles: cyp })],
  ['Are young people involved in decisions about their EHCP?', scores('voice', { roles: cyp, perQuestion: true })],
  ["How do parent carers feel about their child's independence", scores('future', { roles: pc })],
  ['PfA scores for YP', scores('future', { roles: cyp })],
  ['do children feel safe at school', scores('safe', { roles: cyp })],
  ['survey results for voice', scores('voice')],
  ['how are we doing on help for parents', scores('support', { roles: pc })],
  ['how are we doing', scores()],
  ['safe', scores('safe')],
  // roles: a child described as part of a parent is not a second role
  ['how are children doing on safe', scores('safe', { roles: cyp })],
  ['what do parent carers of children with SEND say about safety', scores('safe', { roles: pc })],
  ['parents of children with autism: how do they feel about support', scores('support', { roles: pc })],
  ['how do children with ADHD feel about safety', scores('safe', { roles: cyp })],
  ['safety for children and parents', scores('safe')],
  ['compare parents and children on health', scores('health')],
  // per question and ranking
  ['which question is lowest for safe', scores('safe', { rank: 'lowest', perQuestion: true })],
  ['lowest scoring questions for parents', scores(undefined, { roles: pc, rank: 'lowest', perQuestion: true })],
  ['what is the best outcome for children', scores(undefined, { roles: cyp, rank: 'highest' })],
  ['health per question', scores('health', { perQuestion: true })],
  ['kept safe broken down by question', scores('safe', { perQuestion: true })],
  ['I have a question about safety scores', scores('safe')],
  // terms and comparisons
  ['health vs last term', scores('health', { terms: [NOW, LAST] })],
  ['how has safe changed since last term', scores('safe', { terms: [NOW, LAST] })],
  ['trend in progress scores', scores('progress', { terms: [NOW, LAST] })],
  ['voice scores compared with spring', scores('voice', { terms: [NOW, named('spring')] })],
  ['voice between last term and this term', scores('voice', { terms: [LAST, NOW] })],
  [
    'safe scores autumn 2025-26 vs spring 2025-26',
    scores('safe', { terms: [named('autumn', '2025-26'), named('spring', '2025-26')] }),
  ],
  [
    'compare safety between autumn and spring 2025-26',
    scores('safe', { terms: [named('autumn', '2025-26'), named('spring', '2025-26')] }),
  ],
  ['safe scores autumn 25/26', scores('safe', { terms: [named('autumn', '2025-26')] })],
  ['voice 2025/26 autumn', scores('voice', { terms: [named('autumn', '2025-26')] })],
  ['health scores spring 2025 to 2026', scores('health', { terms: [named('spring', '2025-26')] })],
  ['progress scores autumn 2025', scores('progress', { terms: [named('autumn', '2025-26')] })],
  ['future spring 2026', scores('future', { terms: [named('spring', '2025-26')] })],
  [
    'summer 2025 vs summer 2026 safe',
    scores('safe', { terms: [named('summer', '2024-25'), named('summer', '2025-26')] }),
  ],
  ['scores for spring', scores(undefined, { terms: [named('spring')] })],
  ['compare voice and safety', scores()],
  ['which outcome improved most since last term', scores(undefined, { terms: [NOW, LAST] })],
  ['How did parents rate safety last term compared to this term', scores('safe', { roles: pc, terms: [LAST, NOW] })],
  [
    'show kept safe per question for parent carers spring 2025-26',
    scores('safe', { roles: pc, terms: [named('spring', '2025-26')], perQuestion: true }),
  ],
  ['where are we doing worst', scores(undefined, { rank: 'lowest' })],
  ['rank the outcomes', scores(undefined, { rank: 'lowest' })],
  ['Voice outcome (PC) last term?', scores('voice', { roles: pc, terms: [LAST] })],
  ['can u show me how CYP r feeling abt their futures', scores('future', { roles: cyp })],
  [
    'do parents feel the processes and timescales are clear',
    scores('support', { roles: pc, perQuestion: true, question: 'support.pc.3' }),
  ],
  ['compare autumn to spring response rate', rate(named('autumn'), named('spring'))],
  // response rates
  ['response rate last term', rate(LAST)],
  ['response rates vs last term', rate(NOW, LAST)],
  ['how many parents have replied', rate()],
  ["what's our uptake on the survey", rate()],
  ['how many surveys came back in spring', rate(named('spring'))],
  ['response rate spring 2025/26', rate(named('spring', '2025-26'))],
  ['who has answered the survey this term', rate()],
  ['how many responses have we had', rate()],
  ['how many invitations have been answered', rate()],
  ['return rate this term for parents', rate()],
  // invitations
  ['send the survey to the parent for AR-1042', invite('AR-1042', 'pc')],
  ['invite the young person on review AR-77', invite('AR-77', 'cyp')],
  ['invite review AR-1042 child', invite('AR-1042', 'cyp')],
  ['invite review AR-1042', invite('AR-1042')],
  ['invite AR 1042 parent', invite('AR-1042', 'pc')],
  ['invite review smith parent', invite('SMITH', 'pc')],
  ['invite a parent', invite(undefined, 'pc')],
  ['invite', invite()],
  ['please send the survey link to mum for review ar-2001', invite('AR-2001', 'pc')],
  ['can you invite the family for AR-55', invite('AR-55', 'pc')],
  ["I'd like to invite review AR-1042's parent to the survey", invite('AR-1042', 'pc')],
  ['create an invitation for AR-1042 young person', invite('AR-1042', 'cyp')],
  ['new survey code for AR-3003 child please', invite('AR-3003', 'cyp')],
  ['get me a link for the parent on review EHC2024031', invite('EHC2024031', 'pc')],
  ['invite the parent carer of the child on AR-1042', invite('AR-1042', 'pc')],
  ['AR-1042 parent', invite('AR-1042', 'pc')],
  ['can I have a code for AR-1042 for the mum', invite('AR-1042', 'pc')],
  ['invite AR-1042 PC', invite('AR-1042', 'pc')],
  ['invite AR-1042 cyp', invite('AR-1042', 'cyp')],
  // Not an invitation, though a review and who are named: a task with a document or a diary (never a survey sent).
  ['forward the letter to mum on AR-5521', { intent: 'unknown', reason: 'out-of-scope' }],
  ['can you print the plan for AR-4410 for the parent', { intent: 'unknown', reason: 'out-of-scope' }],
  ['book an appointment with the ed psych for the parent on AR-3310', { intent: 'unknown', reason: 'out-of-scope' }],
  // Invitations already sent, and whether they arrived: the list of mine (each with its delivery).
  ["I've lost track, which invites have gone out", { intent: 'myInvitations' }],
  ['any texts bounce for AR-7781?', { intent: 'myInvitations' }],
  ['did the email to the young person on AR-2290 bounce', { intent: 'myInvitations' }],
  // digests
  ['subscribe to the digest', digest('subscribe')],
  ['sign me up for the termly report', digest('subscribe')],
  ['add me to the termly digest', digest('subscribe')],
  ['send me the digest every term', digest('subscribe')],
  ['unsubscribe from the digest', digest('unsubscribe')],
  ['stop sending me the digest', digest('unsubscribe')],
  ["don't send me the termly digest anymore", digest('unsubscribe')],
  ['opt out of the digest', digest('unsubscribe')],
  ['preview the digest', digest('preview')],
  ["show me this term's digest", digest('preview')],
  ['digest', digest('preview')],
  ['send me the digest', digest('preview')],
  ['send the digest now', digest('sendNow')],
  ['send the digest to all managers', digest('sendNow')],
  ['email the digest to subscribers now', digest('sendNow')],
  ['unsubscribe', digest('unsubscribe')],
  ['stop the digest', digest('unsubscribe')],
  ["send out this term's digest", digest('sendNow')],
  ['I want to see the digest', digest('preview')],
  // admin
  ['erase review AR-1042', { intent: 'eraseReview', reviewRef: 'AR-1042' }],
  ['delete all data for AR-1042', { intent: 'eraseReview', reviewRef: 'AR-1042' }],
  ['please erase everything for review AR-1234', { intent: 'eraseReview', reviewRef: 'AR-1234' }],
  ['right to be forgotten AR-1042', { intent: 'eraseReview', reviewRef: 'AR-1042' }],
  ['remove review AR-9 please', { intent: 'eraseReview', reviewRef: 'AR-9' }],
  ['erase review', { intent: 'eraseReview' }],
  ['delete AR-1042', { intent: 'eraseReview', reviewRef: 'AR-1042' }],
  ["remove all of AR-1042's data", { intent: 'eraseReview', reviewRef: 'AR-1042' }],
  ['what have people been asking', { intent: 'unansweredQuestions' }],
  ["questions you didn't understand", { intent: 'unansweredQuestions' }],
  ['unanswered questions', { intent: 'unansweredQuestions' }],
  ["what couldn't you answer", { intent: 'unansweredQuestions' }],
  ["what have people asked that you couldn't answer?", { intent: 'unansweredQuestions' }],
  ['what questions have you failed to answer', { intent: 'unansweredQuestions' }],
  // help
  ['?', HELP],
  ['', HELP],
  ['what can you do', HELP],
  ['commands', HELP],
  ['help me', HELP],
  ['how do I use this?', HELP],
  ['what can I ask you', HELP],
  ['hello', HELP],
  ['good morning', HELP],
  ['hi, could you help please?', HELP],
  ['@Outcomes Bot help', HELP],
  ['how does this bot work', HELP],
  ['who are you', HELP],
  ['what can this bot do', HELP],
  ['what sort of questions can I ask', HELP],
  ["what did people ask that you couldn't help with", { intent: 'unansweredQuestions' }],
  ['I need help', HELP],
  // out of scope and unclear
  ['tell me a joke', OFF_TOPIC],
  ['who won the football', OFF_TOPIC],
  ["what's the capital of France", OFF_TOPIC],
  ['what time is it', OFF_TOPIC],
  ['play some music', OFF_TOPIC],
  ['thanks', { intent: 'smallTalk', say: 'thanks' }],
  ['asdkjh qwe', UNCLEAR],
  ['SEND', UNCLEAR],
  // A SEND word and a waiting list's name at once: asked, not guessed.
  ['EHCP', asks('waits', 'waiting times for EHC needs assessment', 'all framework measures')],
  ['how do I complete an EHCP', UNCLEAR],
  ['is the survey anonymous', UNCLEAR],
  ['whats the weather like in Leeds', OFF_TOPIC],
  ['who is the prime minister', OFF_TOPIC],
  ['what about parents', UNCLEAR],
  // invitation codes that reach the NLU by mistake
  ['ABCD-EFGH-23', UNCLEAR],
  ['abcd efgh 23', UNCLEAR],
  ['ZXCV BNMK 42', UNCLEAR],
  // ambiguous: ask back
  [
    'compare health',
    asks('scores', 'compare health scores this term vs last term', 'compare health scores between autumn and spring'),
  ],
  ['compare health this term', asks('scores', 'compare health scores this term vs last term')],
  [
    'health and safety scores',
    asks('scores', 'health scores this term', 'kept safe scores this term', 'outcome scores this term'),
  ],
  // An academic year or "last year" is answered by the year's latest term held, said so (issue #24); a calendar
  // year alone is still asked back.
  ['scores for 2025-26', scores(undefined, { period: { kind: 'year', academicYear: '2025-26' } })],
  [
    'scores autumn spring and summer',
    asks(
      'scores',
      'compare outcome scores between autumn and spring',
      'compare outcome scores between spring and summer',
    ),
  ],
  ['safe scores last year', scores('safe', { period: { kind: 'relative', unit: 'year', which: 'previous' } })],
  [
    'response rate this year',
    { intent: 'responseRate', terms: [NOW], period: { kind: 'relative', unit: 'year', which: 'current' } },
  ],
  [
    'how long is the wait for an assessment',
    asks(
      'waits',
      'waiting times for ADHD assessment',
      'waiting times for Autism (ASD) assessment',
      'waiting times for EHC needs assessment',
    ),
  ],
  [
    'invite review AR-1042 parent and child',
    asks('invite', 'invite review AR-1042 parent', 'invite review AR-1042 child'),
  ],
  ['AR-1042', asks('invite', 'invite review AR-1042 parent', 'invite review AR-1042 child')],
  ['I want the termly digest', asks('digest', 'preview the digest', 'subscribe to the digest')],
  [
    'response rate and waiting times',
    asks('responseRate', 'response rate this term', 'waiting times for all services'),
  ],
];

describe('understand: what practitioners, managers and admins type', () => {
  it(`covers at least 120 phrasings (${cases.length})`, () => expect(cases.length).to.be.at.least(120));

  for (const [text, expected] of cases) {
    it(`reads ${JSON.stringify(text)}`, () => {
      const got = understand(text, SERVICES);
      if ('asks' in expected) {
        expect(got.intent, JSON.stringify(got)).to.equal('clarify');
        const clarify = got as Clarify;
        expect(clarify.partial.intent).to.equal(expected.asks);
        expect(clarify.options).to.include.members(expected.offering);
        expect(clarify.question).to.match(/\?/);
      } else {
        expect(got).to.deep.equal(expected);
      }
    });
  }
});
