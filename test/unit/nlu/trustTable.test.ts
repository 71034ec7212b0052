import { expect } from 'chai';
import { readMessage } from '../../support/language.js';
import { readFollowUp } from '../../../src/understanding/followUp.js';
import type { Understanding } from '../../../src/understanding/types.js';
import { loadMeasureCatalogue, loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';
import { HELD_OUT_13 } from './heldOut13.js';
import { HELD_OUT_14 } from './heldOut14.js';
import { HELD_OUT_15 } from './heldOut15.js';
import { HELD_OUT_16 } from './heldOut16.js';

/**
 * How far practitioners can trust the answers: phrasings across every intent, written as a new user would
 * ask (most are not from the examples), each with what it means. Every reading falls in one of four:
 *  - right: the intent and the slots that decide the figures are what was meant;
 *  - asked back: the bot asks which of two readings (never wrong; costs a click);
 *  - not understood: the bot says it cannot help (never wrong; logged as unanswered);
 *  - confidently wrong: any other answer — figures for something other than what was asked.
 * The rates are printed and bounded: confidently wrong at most 1%.
 *
 * First runs, recorded before any fix they led to (session 6): the first 159 rows 150 right, 1 asked back,
 * 7 confidently wrong (3 of them errors in the table, corrected); held-out set 1 (41) 36 right, 5 wrong (1 a
 * table error); held-out set 2 (41) 33 right, 1 asked back, 1 not understood, 6 wrong (14.6%); held-out set 3
 * (40) 38 right, 2 wrong (5%). So on phrasings it was never tuned on, expect more than this table's rate: each
 * miss found is a fix and a row.
 */
const services = loadServiceCatalogue();
// As the bot passes them: the catalogue's measures whole (topics, qualifiers, broad topics).
const measures = loadMeasureCatalogue().measures;

type Want = Record<string, unknown> & { intent: string };
const S = (outcome?: string, extra: Record<string, unknown> = {}): Want => ({
  intent: 'scores',
  ...(outcome ? { outcome } : {}),
  ...extra,
});
const W = (service?: string, extra: Record<string, unknown> = {}): Want =>
  service ? { intent: 'waits', service, ...extra } : { intent: 'waits', allServices: true, ...extra };
const M = (measure: string): Want => ({ intent: 'measure', measure });
const ASK: Want = { intent: 'clarify' };
const NONE: Want = { intent: 'unknown' };
/**
 * A subject the bot holds no figures for, named as such (session 8's "not held" capability). Rows written
 * before it wanted "not understood" for these; both are honest, and naming the subject is the better answer.
 */
const NOT_HELD: Want[] = [{ intent: 'notHeld' }, NONE];

const TABLE: [string, Want | Want[]][] = [
  // Outcome scores: the outcome, who answered, which term.
  ['how are we doing on kept safe this term?', S('safe')],
  ['safe scores for children', S('safe', { roles: ['cyp'] })],
  ['how do parents rate being listened to', S('voice', { roles: ['pc'] })],
  ['voice outcome for young people last term', S('voice', { roles: ['cyp'], terms: [{ kind: 'previous' }] })],
  ['what do families say about progress', S('progress')],
  ['progress and achievement scores spring 2025-26', S('progress')],
  ['health and wellbeing results', S('health')],
  ['how happy are children with their health', S('health', { roles: ['cyp'] })],
  ['support outcome this term', S('support')],
  ['do parent carers feel supported', S('support', { roles: ['pc'] })],
  ['preparing for adulthood scores', S('future')],
  ['future outcome for CYP', S('future', { roles: ['cyp'] })],
  ['how are all the outcomes looking', S()],
  ['outcome scores this term', S()],
  ['show me the survey scores', S()],
  ['compare safe this term with last term', S('safe', { terms: [{ kind: 'current' }, { kind: 'previous' }] })],
  ['voice autumn vs spring', S('voice')],
  ['has voice improved since last term', S('voice')],
  ['voice scores this time last year', S('voice', { terms: [{ kind: 'yearAgo' }] })],
  ['which outcome is lowest for parents', S(undefined, { rank: 'lowest', roles: ['pc'] })],
  ['which outcome do children score highest', S(undefined, { rank: 'highest', roles: ['cyp'] })],
  ['worst outcome this term', S(undefined, { rank: 'lowest' })],
  ['are young people feeling safe', S('safe', { roles: ['cyp'] })],
  ['kept safe', S('safe')],
  ['being listened to', S('voice')],
  ['mean score for future', S('future')],
  ['% positive for support from parents', S('support', { roles: ['pc'] })],
  ['how are we doing on feeling safe for parent carers last term', S('safe', { roles: ['pc'] })],
  ['summer term scores for health', S('health')],
  ['scores for voice and safe', ASK],
  // Per question and ranked questions.
  ['which voice question do parents score lowest on', S('voice', { rank: 'lowest', perQuestion: true })],
  ['lowest scoring question on safe for children', S('safe', { rank: 'lowest', perQuestion: true })],
  ['which support question do young people rate highest', S('support', { rank: 'highest', perQuestion: true })],
  ['per question scores for voice', S('voice', { perQuestion: true })],
  ['breakdown of the kept safe questions', S('safe', { perQuestion: true })],
  ['worst question in health', S('health', { rank: 'lowest', perQuestion: true })],
  ['question by question for progress', S('progress', { perQuestion: true })],
  ['best scoring future question for parents', S('future', { rank: 'highest', perQuestion: true })],
  // Response rates.
  ['response rate this term', { intent: 'responseRate' }],
  ['how many families have completed the survey', { intent: 'responseRate' }],
  ['how many surveys have been returned', { intent: 'responseRate' }],
  ['completion rate last term', { intent: 'responseRate' }],
  ['how many invitations were sent this term', { intent: 'responseRate' }],
  ['survey uptake', { intent: 'responseRate' }],
  // Waiting times: every service, its many names, "all", and changes over time.
  ['current wait for speech and language therapy?', W('salt')],
  ['SALT waiting list', W('salt')],
  ['how long do children wait for speech therapy', W('salt')],
  ['SLT waits', W('salt')],
  ['how long is the wait for an autism assessment', W('asd')],
  ['ASD waiting times', W('asd')],
  ['autism diagnosis wait', W('asd')],
  ['how many are waiting for ADHD assessment', W('adhd')],
  ['attention deficit assessment waiting list', W('adhd')],
  ['neurodevelopmental pathway waits', W('nd')],
  ['how long is the ND pathway', W('nd')],
  ['EHC needs assessment waiting times', W('ehcna')],
  ['how long does an EHCP assessment take', W('ehcna')],
  ['20 week performance for EHC needs assessments', W('ehcna')],
  ['which services are missing their targets?', W()],
  ['all waiting lists', W()],
  ['waiting times overview', W()],
  ['which waits are red', W()],
  ['compare the SALT and ASD waits', W()],
  ['has the autism waiting list changed since September', W('asd', { change: { kind: 'sinceMonth', month: 9 } })],
  ['SALT waits compared with last term', W('salt', { change: { kind: 'sinceTerm', term: { kind: 'previous' } } })],
  ['trend in ADHD waiting times', W('adhd', { change: { kind: 'trend' } })],
  ['is the EHCNA waiting list getting better', W('ehcna', { change: { kind: 'trend' } })],
  ['how has the speech therapy wait changed since march', W('salt', { change: { kind: 'sinceMonth', month: 3 } })],
  [
    'which waiting lists got worse since last term',
    W(undefined, { change: { kind: 'sinceTerm', term: { kind: 'previous' } } }),
  ],
  ['wait for physio', { intent: 'waits', unknownService: 'physio' }],
  ['how long is the CAMHS waiting list', { intent: 'waits', unknownService: 'camhs' }],
  ['occupational therapy waiting list', { intent: 'waits', unknownService: 'occupational therapy' }],
  ['wait for an assessment', ASK],
  // Framework measures: the one asked about, asked back when two fit, never another's figures.
  ['annual reviews on time this term?', M('ar_on_time')],
  ['how many annual reviews were overdue', M('ar_on_time')],
  ['quality assurance of annual reviews', M('ar_qa_good')],
  ['annual reviews', ASK],
  ['are new EHC plans good quality', M('plans_qa_good')],
  ['plan quality audit results', M('plans_qa_good')],
  ['is professional advice coming back on time', M('advice_on_time')],
  ['complaints about SEND this term', M('complaints')],
  ['number of complaints', M('complaints')],
  ['how many SENDIST appeals', M('tribunal_appeals')],
  ['tribunal figures', M('tribunal_appeals')],
  ['how many mediations', M('mediations')],
  ['disagreement resolution cases', M('mediations')],
  ['exclusions for children with an EHCP', M('perm_exclusions_ehcp')],
  ['how many pupils with plans were expelled', M('perm_exclusions_ehcp')],
  ['suspension rate for EHCP pupils', M('suspension_rate_ehcp')],
  ['fixed term exclusions per 100 pupils with an EHC plan', M('suspension_rate_ehcp')],
  ['repeat suspensions at SEN support', M('repeat_suspensions_sen_support')],
  ['attendance of pupils at SEN support', M('attendance_sen_support')],
  ['attendance for children with an EHCP', M('attendance_ehcp')],
  // Persistent absence is its own measure since issue #26 (it was read as attendance before).
  ['persistent absence for SEN support pupils', M('persistent_absence_sen_support')],
  ['attendance', ASK],
  ['NEET young people with SEND', M('eet_16_25')],
  ['how many 16 to 25 year olds are in education employment or training', M('eet_16_25')],
  ['personal budgets', M('personal_budgets')],
  ['direct payments for EHC plans', M('personal_budgets')],
  ['short breaks uptake', M('short_breaks')],
  ['respite use', M('short_breaks')],
  ['early help engagement for parent carers', M('early_help_engagement')],
  ['annual health checks for people with a learning disability', M('annual_health_checks')],
  ['how many staff completed communication training', M('training_participation')],
  ['which measures are off target?', { intent: 'measure', offTarget: true }],
  ['show me all the KPIs', { intent: 'measure' }],
  ['how is the Support outcome doing overall?', { intent: 'outcomeOverview', outcome: 'support' }],
  ['whole picture for safe', { intent: 'outcomeOverview', outcome: 'safe' }],
  // Invitations and the family's own code.
  ['invite review AR-1042 parent', { intent: 'invite', reviewRef: 'AR-1042', role: 'pc' }],
  ['send the survey for AR-2002 to the child', { intent: 'invite', reviewRef: 'AR-2002', role: 'cyp' }],
  ['invite parent carer for review AR-77', { intent: 'invite', reviewRef: 'AR-77', role: 'pc' }],
  ['new invitation for the young person, review AR-555', { intent: 'invite', reviewRef: 'AR-555', role: 'cyp' }],
  ['my invitations', { intent: 'myInvitations' }],
  ['which invitations have I sent', { intent: 'myInvitations' }],
  ['who has not finished my surveys', { intent: 'myInvitations' }],
  // Digest.
  ['subscribe me to the termly digest', { intent: 'digest', action: 'subscribe' }],
  ['send me the digest every term', { intent: 'digest', action: 'subscribe' }],
  ["don't send me the digest any more", { intent: 'digest', action: 'unsubscribe' }],
  ['unsubscribe from the digest', { intent: 'digest', action: 'unsubscribe' }],
  ['preview the digest', { intent: 'digest', action: 'preview' }],
  ['show me this term’s digest', { intent: 'digest', action: 'preview' }],
  ['send the digest now', { intent: 'digest', action: 'sendNow' }],
  ['digest delivery report', { intent: 'deliveryReport' }],
  // Administration.
  ['unanswered questions', { intent: 'unansweredQuestions' }],
  ['what questions could you not answer', { intent: 'unansweredQuestions' }],
  ['erase review AR-1042', { intent: 'eraseReview', reviewRef: 'AR-1042' }],
  ['delete the answers for AR-99', { intent: 'eraseReview', reviewRef: 'AR-99' }],
  // "AR-9" is not a review reference (two digits at least): the handler says so and asks for one.
  ['delete the answers for AR-9', { intent: 'eraseReview', reviewRef: undefined }],
  ['confirm erase AR-1042', { intent: 'confirmErase', reviewRef: 'AR-1042' }],
  // Help and small talk.
  ['help', { intent: 'help' }],
  ['what can you do?', { intent: 'help' }],
  ['?', { intent: 'help' }],
  ['thanks', { intent: 'smallTalk', say: 'thanks' }],
  ['thank you very much', { intent: 'smallTalk', say: 'thanks' }],
  ['cheers', { intent: 'smallTalk', say: 'thanks' }],
  ['ok', { intent: 'smallTalk', say: 'ack' }],
  [
    'great',
    [
      { intent: 'smallTalk', say: 'ack' },
      { intent: 'smallTalk', say: 'thanks' },
    ],
  ],
  ['bye', { intent: 'smallTalk', say: 'bye' }],
  // Outside the framework, or nothing to act on: never figures.
  ["what's the weather like", NONE],
  ['tell me a joke', NONE],
  ['book a meeting room for Tuesday', NONE],
  ['what is the capital of France', NONE],
  ['how do I reset my password', NONE],
  ['payroll dates for December', NONE],
  ['who won the football', NONE],
  ['what time is it', NONE],
  ['order more printer paper', NONE],
  ['how many social workers do we have', NONE],
  ['school transport budget', NOT_HELD],
  ['EHCP', ASK],
  ['figures', NONE],
  ['asdfgh', NONE],
  ['how many children are in care', NONE],
  ['number of foster carers', NONE],
  ['what is the council tax this year', NONE],
  ['staff sickness rates', NONE],
  ['how many pupils are on roll', NONE],
  // Widened with issue #26: the subject is now a catalogued measure (seeds/measures.json), answered from it;
  // the measure's name says its group (pupils or children with SEND).
  ['GCSE results for the county', [M('ks4_basics_send'), ...NOT_HELD]],
  ['hello', { intent: 'help' }],
  // Added with the review's own answers, worries and "you said, we did" (session 6).
  ['answers for AR-1042', { intent: 'reviewAnswers', reviewRef: 'AR-1042' }],
  ['what did the family say for AR-2002', { intent: 'reviewAnswers', reviewRef: 'AR-2002' }],
  ['what did the child write in AR-3003', { intent: 'reviewAnswers', reviewRef: 'AR-3003' }],
  ['who viewed AR-1042', { intent: 'whoViewed', reviewRef: 'AR-1042' }],
  ['who has seen the answers for AR-77', { intent: 'whoViewed', reviewRef: 'AR-77' }],
  ['you said, we did', { intent: 'youSaidWeDid' }],
  ['what are families saying about support?', { intent: 'themes', outcome: 'support' }],
  ['what are young people saying', { intent: 'themes', roles: ['cyp'] }],
  ['common themes in the comments about safe', { intent: 'themes', outcome: 'safe' }],
];

/**
 * Written after the fixes the table above led to, and not changed after the first run: a held-out set, so
 * its rates say how the understanding does on phrasings it was not tuned on.
 */
const HELD_OUT: [string, Want | Want[]][] = [
  ['do kids feel safe at school', S('safe', { roles: ['cyp'] })],
  ['parent carer views on support last term', S('support', { roles: ['pc'], terms: [{ kind: 'previous' }] })],
  ['how positive are families about preparing for adulthood', S('future')],
  ['scores for being healthy', S('health')],
  ['what do young people think about their progress', S('progress', { roles: ['cyp'] })],
  ['is voice getting better', S('voice')],
  ['lowest rated outcome for children and young people', S(undefined, { rank: 'lowest', roles: ['cyp'] })],
  ['which safe question scores worst with parents', S('safe', { rank: 'lowest', perQuestion: true })],
  ['each question on health for children', S('health', { perQuestion: true })],
  ['how many responses have we had this term', { intent: 'responseRate' }],
  ['what percentage of invited families responded', { intent: 'responseRate' }],
  ['speech and language waiting time', W('salt')],
  ['how long are kids waiting for speech therapy at the moment', W('salt')],
  ['autism waiting list length', W('asd')],
  ['ADHD waits this month', [W('adhd'), ASK]],
  ['how are EHC needs assessments doing against the 20 week target', W('ehcna')],
  ['any services in the red for waiting', W()],
  ['has the ND waiting list gone down since January', W('nd', { change: { kind: 'sinceMonth', month: 1 } })],
  ['SALT waiting trend', W('salt', { change: { kind: 'trend' } })],
  // Corrected after the first run: the table wanted the name without its last word; "I have no figures
  // for 'dyslexia assessment'" is the right answer (the bot was not changed for these two).
  ['wait for dyslexia assessment', [{ intent: 'waits', unknownService: 'dyslexia assessment' }, ASK]],
  ['wheelchair service waiting list', [{ intent: 'waits', unknownService: 'wheelchair service' }, ASK, NONE]],
  ['how many EHCP annual reviews are late', M('ar_on_time')],
  ['annual review QA scores', [M('ar_qa_good'), ASK]],
  ['tribunal appeals this year', M('tribunal_appeals')],
  ['complaints', M('complaints')],
  ['how many pupils at SEN support were suspended more than once', M('repeat_suspensions_sen_support')],
  ['attendance for pupils with EHC plans', M('attendance_ehcp')],
  ['how many young people with SEND are NEET', M('eet_16_25')],
  ['personal budget take up', M('personal_budgets')],
  ['learning disability health checks', M('annual_health_checks')],
  ['everything for voice', [{ intent: 'outcomeOverview', outcome: 'voice' }, S('voice')]],
  ['invite the parent for AR-3131', { intent: 'invite', reviewRef: 'AR-3131', role: 'pc' }],
  ['outstanding surveys I need to chase', { intent: 'myInvitations' }],
  ['stop the termly digest', { intent: 'digest', action: 'unsubscribe' }],
  ['what would the digest look like', { intent: 'digest', action: 'preview' }],
  ['how do I use this bot', { intent: 'help' }],
  ['thanks, that is helpful', { intent: 'smallTalk', say: 'thanks' }],
  ['what is the school holiday date', NONE],
  ['how many EHCPs do we maintain', [NONE, ASK]],
  // Widened with issue #26: the subject is now a catalogued measure (seeds/measures.json), answered from it;
  // the measure's name says its group (pupils or children with SEND).
  ['Ofsted rating of our schools', [M('ofsted_good_settings'), ...NOT_HELD]],
  ['staff parking', NONE],
];

type Verdict = 'right' | 'asked back' | 'not understood' | 'confidently wrong';

function matches(got: Record<string, unknown>, want: Want): boolean {
  return Object.entries(want).every(([k, v]) => JSON.stringify(got[k]) === JSON.stringify(v));
}

function verdictOf(got: Record<string, unknown>, want: Want | Want[]): Verdict {
  if ((Array.isArray(want) ? want : [want]).some((w) => matches(got, w))) return 'right';
  if (got.intent === 'clarify') return 'asked back';
  if (got.intent === 'unknown' || got.intent === 'help') return 'not understood';
  return 'confidently wrong';
}

/**
 * A second held-out set, written after the first one's fixes and recorded as first run (see the note): its
 * first-run rates are the honest estimate of how the bot does on phrasings nobody tuned it on.
 */
const HELD_OUT_2: [string, Want | Want[]][] = [
  ['how safe do our children feel', S('safe', { roles: ['cyp'] })],
  ['parents views on health this term', S('health', { roles: ['pc'] })],
  ['future scores compared with last term', S('future', { terms: [{ kind: 'current' }, { kind: 'previous' }] })],
  ['are families happy with support', S('support')],
  ['how did CYP rate voice in the spring term', S('voice', { roles: ['cyp'] })],
  ['which outcome has improved most', [S(undefined), ASK]],
  ['show every question for the future outcome', S('future', { perQuestion: true })],
  ['worst scoring question for children on voice', S('voice', { rank: 'lowest', perQuestion: true })],
  ['how many parent carers have filled in the survey', { intent: 'responseRate' }],
  ['survey completion so far this term', { intent: 'responseRate' }],
  ['how long are families waiting for ASD assessments', W('asd')],
  ['speech therapy queue', [W('salt'), ASK]],
  ['median wait for the neurodevelopmental pathway', W('nd')],
  ['longest wait for ADHD', W('adhd')],
  ['are EHCNAs within 20 weeks', W('ehcna')],
  ['waiting times for every service', W()],
  ['which service has the longest wait', W()],
  [
    'has the speech and language list grown since the summer',
    [W('salt', { change: { kind: 'sinceTerm', term: { kind: 'named', season: 'summer' } } }), ASK],
  ],
  ['autism waits over the last few extracts', [W('asd', { change: { kind: 'trend' } }), ASK]],
  ['how long for a hearing test', [{ intent: 'waits', unknownService: 'hearing test' }, NONE, ASK]],
  ['physiotherapy waiting times', [{ intent: 'waits', unknownService: 'physiotherapy' }, ASK]],
  ['how many complaints did we get', M('complaints')],
  ['appeals to tribunal this term', M('tribunal_appeals')],
  ['EHC plan quality', M('plans_qa_good')],
  ['are annual reviews done on time', M('ar_on_time')],
  ['attendance at SEN support', M('attendance_sen_support')],
  ['permanent exclusions of EHCP pupils', M('perm_exclusions_ehcp')],
  ['short breaks', M('short_breaks')],
  ['which framework measures are red', { intent: 'measure', offTarget: true }],
  ['how is safe doing across the board', { intent: 'outcomeOverview', outcome: 'safe' }],
  ['please invite the child for review AR-4545', { intent: 'invite', reviewRef: 'AR-4545', role: 'cyp' }],
  ['status of my invitations', { intent: 'myInvitations' }],
  ['I want the termly digest', { intent: 'digest', action: 'subscribe' }],
  ['show me a preview of the digest', { intent: 'digest', action: 'preview' }],
  ['what did people ask that you could not answer', { intent: 'unansweredQuestions' }],
  ['hi there', { intent: 'help' }],
  ['ta', { intent: 'smallTalk', say: 'thanks' }],
  ['how many children have an EHCP in the county', [NONE, ASK]],
  ['average class size', NONE],
  ['what is our high needs block deficit', NOT_HELD],
  ['who is the SENCO at Oakfield school', NONE],
];

/** A third held-out set (session 6, after the #15 intents), recorded at first run in the note. */
const HELD_OUT_3: [string, Want | Want[]][] = [
  ['how satisfied are parents with support this term', S('support', { roles: ['pc'] })],
  ['do young people feel listened to', S('voice', { roles: ['cyp'] })],
  ['voice results for parents last term', S('voice', { roles: ['pc'], terms: [{ kind: 'previous' }] })],
  ['which future question is weakest', S('future', { rank: 'lowest', perQuestion: true })],
  ['show health by question', S('health', { perQuestion: true })],
  ['progress scores summer 2025-26 vs autumn 2026-27', S('progress')],
  ['how many parent carers completed the survey last term', { intent: 'responseRate' }],
  ['invitations sent this term', { intent: 'responseRate' }],
  ['what is the wait like for SALT now', W('salt')],
  ['are autism assessments within target', W('asd')],
  ['neuro pathway waiting times', W('nd')],
  ['EHC assessments waiting', W('ehcna')],
  ['waiting times across all services', W()],
  [
    'has the ADHD list got shorter since last term',
    W('adhd', { change: { kind: 'sinceTerm', term: { kind: 'previous' } } }),
  ],
  // Widened with periods for waits (issue #24): the list as it stood at the end of October is the better answer.
  [
    'SALT waiting list in October',
    [
      W('salt', { change: { kind: 'sinceMonth', month: 10 } }),
      ASK,
      W('salt', { period: { kind: 'month', month: 10 } }),
    ],
  ],
  ['how long is the wait for CAMHS', { intent: 'waits', unknownService: 'camhs' }],
  ['how long do families wait for a paediatrician', [{ intent: 'waits', unknownService: 'paediatrician' }, ASK]],
  ['percentage of annual reviews completed in time', M('ar_on_time')],
  ['mediation figures', M('mediations')],
  ['suspensions of children with EHC plans', M('suspension_rate_ehcp')],
  ['how many young people with SEND are in work or training', M('eet_16_25')],
  ['take up of short breaks', M('short_breaks')],
  ['measures below target', { intent: 'measure', offTarget: true }],
  ['how is the future outcome doing overall', { intent: 'outcomeOverview', outcome: 'future' }],
  ['invite child AR-2345', { intent: 'invite', reviewRef: 'AR-2345', role: 'cyp' }],
  ['which of my families have not finished', { intent: 'myInvitations' }],
  ['sign me up for the digest', { intent: 'digest', action: 'subscribe' }],
  ['answers for review AR-5555', { intent: 'reviewAnswers', reviewRef: 'AR-5555' }],
  ['who has looked at AR-5555', { intent: 'whoViewed', reviewRef: 'AR-5555' }],
  ['what have children written about feeling safe', [{ intent: 'themes', outcome: 'safe' }, ASK]],
  ['record a you said we did', { intent: 'youSaidWeDid' }],
  ['thanks a lot', { intent: 'smallTalk', say: 'thanks' }],
  ['good morning', { intent: 'help' }],
  ['what is the SEND strategy', [NONE, { intent: 'help' }]],
  ['how many EHCP requests were refused', [NONE, ASK]],
  ['what is the budget for SEN transport', NOT_HELD],
  ['can you email me the report', [NONE, ASK, { intent: 'digest', action: 'preview' }]],
  // Widened when the glossary landed (session 8): explaining the word is the better answer.
  ['what does RAG mean', [NONE, { intent: 'help' }, { intent: 'glossary', words: ['rag'] }]],
  // Widened with issue #26: the subject is now a catalogued measure (seeds/measures.json), answered from it;
  // the measure's name says its group (pupils or children with SEND).
  ['how many children are home educated', [M('elective_home_education'), ...NOT_HELD]],
  ['translate this into Polish', NONE],
];

/**
 * A fourth held-out set (issue #24): measures asked for a period. `period` is what the person asked for (absent:
 * the latest held). Written before any period reading existed and not tuned on after. First run (before the
 * period reading): 26 rows, right 2, asked back 0, not understood 0, confidently wrong 24 (every row naming a
 * period was answered with the latest figure). After the reading was written (not tuned on these): 26 right.
 */
const MP = (measure: string, period?: Record<string, unknown>): Want => ({ intent: 'measure', measure, period });
const HELD_OUT_PERIODS: [string, Want | Want[]][] = [
  ['attendance of EHCP pupils last term', MP('attendance_ehcp', { kind: 'relative', unit: 'term', which: 'previous' })],
  ['how many complaints did we have in the spring term', MP('complaints', { kind: 'term', season: 'spring' })],
  ['tribunal appeals in 2023-24', MP('tribunal_appeals', { kind: 'year', academicYear: '2023-24' })],
  ['mediations 2024/25', MP('mediations', { kind: 'year', academicYear: '2024-25' })],
  ['young people in education employment or training in October', MP('eet_16_25', { kind: 'month', month: 10 })],
  ['EET October 2025', MP('eet_16_25', { kind: 'month', month: 10, year: 2025 })],
  [
    'how many young people with SEND were NEET last month',
    MP('eet_16_25', { kind: 'relative', unit: 'month', which: 'previous' }),
  ],
  [
    'suspension rate for EHCP pupils summer 2025',
    MP('suspension_rate_ehcp', { kind: 'term', season: 'summer', academicYear: '2024-25' }),
  ],
  [
    'permanent exclusions of children with an EHCP autumn term 2024-25',
    MP('perm_exclusions_ehcp', { kind: 'term', season: 'autumn', academicYear: '2024-25' }),
  ],
  ['annual health checks last year', MP('annual_health_checks', { kind: 'relative', unit: 'year', which: 'previous' })],
  [
    'learning disability health checks last academic year',
    MP('annual_health_checks', { kind: 'relative', unit: 'year', which: 'previous' }),
  ],
  ['short breaks this year', MP('short_breaks', { kind: 'relative', unit: 'year', which: 'current' })],
  ['personal budgets this time last year', MP('personal_budgets', { kind: 'yearAgo' })],
  ['are annual reviews on time this term', MP('ar_on_time', { kind: 'relative', unit: 'term', which: 'current' })],
  ['attendance at SEN support in the summer term', MP('attendance_sen_support', { kind: 'term', season: 'summer' })],
  [
    'what was EHCP attendance in autumn 2025',
    MP('attendance_ehcp', { kind: 'term', season: 'autumn', academicYear: '2025-26' }),
  ],
  ['complaints in 2024-25', MP('complaints', { kind: 'year', academicYear: '2024-25' })],
  ['how many mediations were there last year', MP('mediations', { kind: 'relative', unit: 'year', which: 'previous' })],
  [
    'staff completing communication training in the spring term 2025-26',
    MP('training_participation', { kind: 'term', season: 'spring', academicYear: '2025-26' }),
  ],
  ['early help engagement in March', MP('early_help_engagement', { kind: 'month', month: 3 })],
  ['short breaks in May', MP('short_breaks', { kind: 'month', month: 5 })],
  [
    'repeat suspensions at SEN support for the autumn term',
    MP('repeat_suspensions_sen_support', { kind: 'term', season: 'autumn' }),
  ],
  ['plan quality audit results last term', MP('plans_qa_good', { kind: 'relative', unit: 'term', which: 'previous' })],
  ['advice returned on time in 2025/26', MP('advice_on_time', { kind: 'year', academicYear: '2025-26' })],
  ['attendance for EHCP pupils', MP('attendance_ehcp')],
  ['tribunal appeals compared with last year', MP('tribunal_appeals')],
];

/** Development rows for measures asked for a period (issue #24), written after the held-out set above. */
const PERIOD_ROWS: [string, Want | Want[]][] = [
  ['EHCP attendance last term', MP('attendance_ehcp', { kind: 'relative', unit: 'term', which: 'previous' })],
  ['SEN support attendance in the spring term', MP('attendance_sen_support', { kind: 'term', season: 'spring' })],
  ['tribunal appeals 2024-25', MP('tribunal_appeals', { kind: 'year', academicYear: '2024-25' })],
  ['EET in October', MP('eet_16_25', { kind: 'month', month: 10 })],
  ['complaints October 2025', MP('complaints', { kind: 'month', month: 10, year: 2025 })],
  ['mediations last academic year', MP('mediations', { kind: 'relative', unit: 'year', which: 'previous' })],
  ['annual reviews on time this time last year', MP('ar_on_time', { kind: 'yearAgo' })],
  ['complaints autumn term 2024-25', MP('complaints', { kind: 'term', season: 'autumn', academicYear: '2024-25' })],
  ['tribunal appeals in 2025', ASK],
  ['EHCP attendance vs last term', MP('attendance_ehcp')],
  ['EHCP attendance now', MP('attendance_ehcp')],
  ['attendance last term', ASK],
];

/**
 * A fifth held-out set (issue #24, classes 3–5): survey questions named by their own words, the lowest or
 * highest question, counts of completed surveys, staff's own words for admin tasks, and subjects or
 * breakdowns no figures are held for (`breakdown`: the figures are for the whole area, and the answer says
 * so). Written before any code for them and not tuned on after. First run (before the fixes, whole table 364 rows, 20
 * confidently wrong): 36 rows, right 10, asked back 2, not understood 4, confidently wrong 20 (every question named by its
 * words was answered with its outcome, the digest's delivery asked as its preview, breakdowns answered for the area unsaid).
 */
const Q = (question: string, extra: Record<string, unknown> = {}): Want => ({ intent: 'scores', question, ...extra });
const RANKQ = (rank: string, extra: Record<string, unknown> = {}): Want =>
  S(undefined, { outcome: undefined, question: undefined, rank, perQuestion: true, ...extra });
const DELIVERY: Want = { intent: 'deliveryReport' };
const HELD_OUT_QUESTIONS: [string, Want | Want[]][] = [
  ['how many young people said they feel listened to', Q('voice.cyp.2')],
  ["'I know who to go to if I need help' scores", [Q('safe.cyp.2'), ASK]],
  ['"I feel safe online" scores', Q('safe.cyp.3')],
  ['how are parents answering my child is safe online', Q('safe.pc.3')],
  ['scores for I can name an adult I trust', Q('support.cyp.1')],
  ['results for "processes and timescales are clear"', Q('support.pc.3')],
  ["how many parents feel their child's achievements are celebrated", Q('progress.pc.3')],
  ['I feel safe in my local area when I go out and about - how do children score it', Q('safe.cyp.4')],
  ['scores for "my child can identfy trusted adults"', Q('safe.pc.2')],
  ['transitions are planned in a timely fashion scores', Q('future.pc.4')],
  ['how did children answer I have examples of my achievements', Q('progress.cyp.3')],
  ['which question do parents score lowest on?', RANKQ('lowest', { roles: ['pc'] })],
  ['lowest scoring question overall', RANKQ('lowest')],
  ['what is the best scoring question in the whole survey', RANKQ('highest')],
  ['which survey question do young people rate worst', RANKQ('lowest', { roles: ['cyp'] })],
  ['top question for health among parents', S('health', { rank: 'highest', perQuestion: true, roles: ['pc'] })],
  ['how many families completed the survey at their annual review', { intent: 'responseRate' }],
  ['number of parents who have done the survey this term', { intent: 'responseRate' }],
  ['how many young people have finished the survey', { intent: 'responseRate' }],
  ['count of completed surveys last term', { intent: 'responseRate' }],
  ['who has looked at the review AR-6060', { intent: 'whoViewed', reviewRef: 'AR-6060' }],
  ['has anyone opened AR-1234', { intent: 'whoViewed', reviewRef: 'AR-1234' }],
  ['did the digest go out', DELIVERY],
  ['did everyone get the digest', DELIVERY],
  ['did the last digest reach everyone', DELIVERY],
  ['was the digest delivered', DELIVERY],
  [
    'how did we do overall?',
    S(undefined, { outcome: undefined, roles: ['cyp', 'pc'], terms: [{ kind: 'current' }], perQuestion: false }),
  ],
  ['how did we do overall this term', S(undefined, { outcome: undefined, terms: [{ kind: 'current' }] })],
  ['survey scores for Oakfield school', [S(undefined, { breakdown: 'school' }), { intent: 'notHeld' }]],
  ['response rate by school', [{ intent: 'responseRate', breakdown: 'school' }, { intent: 'notHeld' }]],
  ['how much do we spend on EHCP assessments', NOT_HELD],
  // Widened with issue #26: the subject is now a catalogued measure (seeds/measures.json), answered from it;
  // the measure's name says its group (pupils or children with SEND).
  ['how many children are in out of area placements', [M('out_of_area_placements'), ...NOT_HELD]],
  // Widened with issue #26: the subject is now a catalogued measure (seeds/measures.json), answered from it;
  // the measure's name says its group (pupils or children with SEND).
  ['KS2 attainment of pupils with EHCPs', [M('ks2_rwm_send'), ...NOT_HELD]],
  ['autism waiting times by school', [W('asd', { breakdown: 'school' }), { intent: 'notHeld' }]],
  [
    'attendance of EHCP pupils by ethnicity',
    [M('attendance_ehcp'), { intent: 'notHeld' }].map((w) => ({
      ...w,
      ...(w.intent === 'measure' ? { breakdown: 'ethnicity' } : {}),
    })),
  ],
  ['safe scores for boys and girls', [S('safe', { breakdown: 'gender' }), { intent: 'notHeld' }]],
];

/** Development rows for survey questions, admin wordings and breakdowns (issue #24), written after the set above. */
const QUESTION_ROWS: [string, Want | Want[]][] = [
  ['"I have a chance to take part in clubs and activities" scores', Q('progress.cyp.2')],
  ['scores for my child is safe in their local community', Q('safe.pc.4')],
  ['how many children said they feel safe online', Q('safe.cyp.3')],
  ['how many parents agree their child is safe online', Q('safe.pc.3')],
  ['results for "I get help to be healthy and happy when I need it"', Q('health.cyp.2')],
  ['transitions for my child are planned scores', Q('future.pc.4')],
  ['lowest question across the survey for children', RANKQ('lowest', { roles: ['cyp'] })],
  ['which question scores highest overall', RANKQ('highest')],
  ['worst question for safe', S('safe', { rank: 'lowest', perQuestion: true, question: undefined })],
  ['do young people feel safe', S('safe', { roles: ['cyp'], question: undefined })],
  ['how many parents have filled in the survey this term', { intent: 'responseRate' }],
  ['how many children have done the survey', { intent: 'responseRate' }],
  ['has the digest gone out', DELIVERY],
  ['who got the last digest', DELIVERY],
  ['did the digest reach all the managers', DELIVERY],
  ['digest delivery status', DELIVERY],
  ['can I get the digest', [{ intent: 'digest' }, ASK]],
  ["who's looked at AR-4242", { intent: 'whoViewed', reviewRef: 'AR-4242' }],
  ['has anyone viewed the answers for AR-4242', { intent: 'whoViewed', reviewRef: 'AR-4242' }],
  ['how did we do this term', S(undefined, { outcome: undefined })],
  ['how have we done overall', S(undefined, { outcome: undefined })],
  ['waiting times for SALT per school', W('salt', { breakdown: 'school' })],
  ['response rate by ethnicity', { intent: 'responseRate', breakdown: 'ethnicity' }],
  ['safe scores by age group', S('safe', { breakdown: 'age' })],
  ['do the children feel safe at school', S('safe', { breakdown: undefined })],
  ['complaints by ward', { intent: 'measure', measure: 'complaints', breakdown: 'locality' }],
];

/**
 * A sixth held-out set (issue #24, the rest): every figures kind asked for a period (scores, waits, response
 * rate, themes, measures: a month, "last month", an academic year, "last year", a season, "this time last
 * year"), follow-up chains (each message read against the one remembered before it, as the router does),
 * breakdowns not held, subjects not held, survey questions by their words and admin wordings. Written before
 * any code for it and not tuned on after. `period` is the period asked where it is not a term (a term stays in
 * `terms`); waits take every period as `period`, and `change: undefined` says it is not read as a comparison.
 * First run (before any fix; whole table 460 rows, 15 confidently wrong): 70 rows, right 42, asked back 9, not
 * understood 4, confidently wrong 15 (waits for a month, term or year read as a comparison or the latest; response
 * rate and themes for a month or year given the current term or none; scores for a year or month asked back).
 * After the fixes (periods read for every figures kind and in follow-ups; two admin wordings): 70 right.
 */
const RR = (extra: Record<string, unknown> = {}): Want => ({ intent: 'responseRate', ...extra });
const TH = (extra: Record<string, unknown> = {}): Want => ({ intent: 'themes', ...extra });
const WP = (service: string | undefined, period: Record<string, unknown>): Want =>
  W(service, { period, change: undefined });
const LAST_YEAR = { kind: 'relative', unit: 'year', which: 'previous' };
const LAST_MONTH = { kind: 'relative', unit: 'month', which: 'previous' };
/**
 * Held out (session 9, written by the lead before looking at these intents' vocabularies): the board's
 * reporting and the families' new answers in staff's own words. Its first run is recorded beside it.
 */
const BP: Want = { intent: 'boardPack' };
const EX: Want = { intent: 'exceptions' };
const PF: Want = { intent: 'publicFigures' };
const HELD_OUT_REPORTING: [string | string[], Want | Want[]][] = [
  ['can I have the board pack', BP],
  ['I need the pack for the partnership board', BP],
  ['board report for the autumn term', BP],
  ['print the scorecard for the board meeting', [BP, M('ehcp_20_weeks'), ASK]],
  ['board pack covering the past six weeks', BP],
  ['which measures need commentary', EX],
  ['exception report', EX],
  ['add a comment on what we are doing about exclusions', [EX, ASK]],
  ['what is on the public outcomes page', PF],
  ['publish the annual reviews on time figure', PF],
  ['take tribunals off the public page', PF],
  ['which questions confused families', { intent: 'unclearQuestions' }],
  ['questions parents said they did not understand', { intent: 'unclearQuestions' }],
  ['scores for children who answered by themselves', { intent: 'answeredAlone' }],
  ['how did children who filled it in alone rate being safe', { intent: 'answeredAlone' }],
  ['translate the survey into Urdu', NONE],
];

const HELD_OUT_SCOPES: [string | string[], Want | Want[]][] = [
  // Outcome scores for a period.
  ['how did parents rate safe in October', S('safe', { roles: ['pc'], period: { kind: 'month', month: 10 } })],
  ['voice scores for 2024-25', S('voice', { period: { kind: 'year', academicYear: '2024-25' } })],
  ['health outcome results last year', S('health', { period: LAST_YEAR })],
  ['progress scores in the spring term', S('progress', { terms: [{ kind: 'named', season: 'spring' }] })],
  ['what were the support scores last term', S('support', { terms: [{ kind: 'previous' }] })],
  [
    'future outcome this time last year for young people',
    S('future', { roles: ['cyp'], terms: [{ kind: 'yearAgo' }] }),
  ],
  [
    'kept safe scores autumn 2025',
    S('safe', { terms: [{ kind: 'named', season: 'autumn', academicYear: '2025-26' }] }),
  ],
  ['how were we doing on voice last month', S('voice', { period: LAST_MONTH })],
  [
    'outcome scores for the 2025 to 2026 academic year',
    S(undefined, { period: { kind: 'year', academicYear: '2025-26' } }),
  ],
  [
    'which outcome was lowest in the summer term',
    S(undefined, { rank: 'lowest', terms: [{ kind: 'named', season: 'summer' }] }),
  ],
  [
    "children's health scores in March 2026",
    S('health', { roles: ['cyp'], period: { kind: 'month', month: 3, year: 2026 } }),
  ],
  // Waiting times for a period: the list as it stood then.
  ['SALT wait at the end of October', WP('salt', { kind: 'month', month: 10 })],
  ['how long was the autism waiting list last month', WP('asd', LAST_MONTH)],
  ['ADHD waiting times in the summer term', WP('adhd', { kind: 'term', season: 'summer' })],
  ['EHC needs assessment waits last year', WP('ehcna', LAST_YEAR)],
  ['ND pathway waiting list this time last year', WP('nd', { kind: 'yearAgo' })],
  ['speech therapy waits in 2025-26', WP('salt', { kind: 'year', academicYear: '2025-26' })],
  ['all waiting lists as they were last term', WP(undefined, { kind: 'relative', unit: 'term', which: 'previous' })],
  ['autism assessment waits in September 2026', WP('asd', { kind: 'month', month: 9, year: 2026 })],
  [
    'is the SALT list shorter than it was in the spring term',
    W('salt', { change: { kind: 'sinceTerm', term: { kind: 'named', season: 'spring' } } }),
  ],
  // Response rate for a period.
  ['response rate in October', RR({ period: { kind: 'month', month: 10 } })],
  ['how many surveys came back last year', RR({ period: LAST_YEAR })],
  ['response rate for the spring term', RR({ terms: [{ kind: 'named', season: 'spring' }] })],
  ['completion rate 2025-26', RR({ period: { kind: 'year', academicYear: '2025-26' } })],
  ['how many families filled in the survey this time last year', RR({ terms: [{ kind: 'yearAgo' }] })],
  // Themes for a period.
  [
    'what were parents saying about health last term',
    TH({ outcome: 'health', roles: ['pc'], terms: [{ kind: 'previous' }] }),
  ],
  ['comments about safe in October', TH({ outcome: 'safe', period: { kind: 'month', month: 10 } })],
  [
    'what did young people write about their future last year',
    TH({ outcome: 'future', roles: ['cyp'], period: LAST_YEAR }),
  ],
  ['common themes in the summer term', TH({ terms: [{ kind: 'named', season: 'summer' }] })],
  // Measures for a period, in new words.
  ['how many complaints came in during November', MP('complaints', { kind: 'month', month: 11 })],
  ['SEN support attendance for 2024 to 2025', MP('attendance_sen_support', { kind: 'year', academicYear: '2024-25' })],
  ['personal budgets in the autumn term', MP('personal_budgets', { kind: 'term', season: 'autumn' })],
  // Follow-up chains: the last message, read against those before it.
  [['how are parent carers finding support', 'and last year?'], S('support', { roles: ['pc'], period: LAST_YEAR })],
  [['kept safe scores', 'what about in October?'], S('safe', { period: { kind: 'month', month: 10 } })],
  [['current wait for ADHD', 'and in the spring term?'], WP('adhd', { kind: 'term', season: 'spring' })],
  [['SALT waiting list', 'what about last month'], WP('salt', LAST_MONTH)],
  [['response rate this term', 'and in 2025-26?'], RR({ period: { kind: 'year', academicYear: '2025-26' } })],
  [['response rate this term', 'what about last term?'], RR({ terms: [{ kind: 'previous' }] })],
  [['what are families saying about voice', 'and last term?'], TH({ outcome: 'voice', terms: [{ kind: 'previous' }] })],
  [['complaints this term', 'and in October 2025?'], MP('complaints', { kind: 'month', month: 10, year: 2025 })],
  [
    ['how are we doing on health', 'just children', 'and this time last year?'],
    S('health', { roles: ['cyp'], terms: [{ kind: 'yearAgo' }] }),
  ],
  [['autism waits', 'and for ADHD?', 'what about in September?'], WP('adhd', { kind: 'month', month: 9 })],
  [
    ['voice scores for parents', 'which question pulls it down?'],
    S('voice', { rank: 'lowest', perQuestion: true, roles: ['pc'] }),
  ],
  [
    ['attendance of EHCP pupils last term', 'and for SEN support?'],
    MP('attendance_sen_support', { kind: 'relative', unit: 'term', which: 'previous' }),
  ],
  [
    ['how are we doing on kept safe', 'response rate in the summer term'],
    RR({ terms: [{ kind: 'named', season: 'summer' }] }),
  ],
  [['current wait for SALT', 'how is progress doing for young people'], S('progress', { roles: ['cyp'] })],
  [['future scores last term', 'and for parents?'], S('future', { roles: ['pc'], terms: [{ kind: 'previous' }] })],
  [
    ['the ND waiting list', 'compared with last term?'],
    W('nd', { change: { kind: 'sinceTerm', term: { kind: 'previous' } } }),
  ],
  // Breakdowns no figures are held by: the whole area's, said so.
  ['kept safe scores for each school', [S('safe', { breakdown: 'school' }), { intent: 'notHeld' }]],
  ['ADHD waits by locality', [W('adhd', { breakdown: 'locality' }), { intent: 'notHeld' }]],
  ['response rates split by gender', [RR({ breakdown: 'gender' }), { intent: 'notHeld' }]],
  ['voice scores by age', [S('voice', { breakdown: 'age' }), { intent: 'notHeld' }]],
  // Subjects no figures are held for.
  ['what is the SEND transport spend', NOT_HELD],
  // Widened with issue #26: the subject is now a catalogued measure (seeds/measures.json), answered from it;
  // the measure's name says its group (pupils or children with SEND).
  ['how many children are electively home educated', [M('elective_home_education'), ...NOT_HELD]],
  ['average caseload of SEND case officers', NOT_HELD],
  ['phonics results for children with EHCPs', NOT_HELD],
  ['how many children are placed in independent special schools', NOT_HELD],
  ['cost of independent placements this year', NOT_HELD],
  // Survey questions by their words.
  ['how do children score "I feel safe in the place where I receive my education"', Q('safe.cyp.1')],
  ['scores for my child is making progress towards their potential', Q('progress.pc.1')],
  ['I know where to find information about my health results', Q('health.cyp.3')],
  ['what is the lowest question for parents across the survey this term', RANKQ('lowest', { roles: ['pc'] })],
  ['highest rated question for young people', RANKQ('highest', { roles: ['cyp'] })],
  ['how are parents answering the question about co-producing the EHCP', Q('voice.pc.3')],
  // Admin and digest tasks in staff's words.
  ['which staff have opened AR-3141', { intent: 'whoViewed', reviewRef: 'AR-3141' }],
  ['has the termly digest been sent out yet', DELIVERY],
  ['did all subscribers get the digest', DELIVERY],
  ['how are we doing overall this term', S(undefined, { outcome: undefined })],
  ['overall how did we do last term', S(undefined, { outcome: undefined, terms: [{ kind: 'previous' }] })],
  ['did anyone view the responses for AR-2718', { intent: 'whoViewed', reviewRef: 'AR-2718' }],
];

/** Follow-ups are remembered only after these answers (the router's FOLLOWABLE). */
const REMEMBERED = new Set(['scores', 'waits', 'responseRate', 'measure', 'themes']);
/** A chain of messages in one conversation, read as the router reads them: each against the last remembered. */
function readChain(texts: string | string[]): Record<string, unknown> {
  let previous: Understanding | undefined;
  let got: Understanding = { intent: 'help' };
  for (const text of Array.isArray(texts) ? texts : [texts]) {
    const fresh = readMessage(text, services, measures);
    got = previous ? readFollowUp(text, fresh, previous, services, measures) : fresh;
    if (REMEMBERED.has(got.intent)) previous = got;
  }
  return got as Record<string, unknown>;
}

/**
 * A sixth held-out set (issue #26): the measures catalogued from seed 004 and the strategy (alternative
 * provision, SEN2, attainment, absence, home education…) and comparators ("against national", "neighbours").
 * Written before the comparator reading and the not-held changes existed. Runs, 35 rows: with the catalogue alone
 * (before either) 12 right, 2 asked back, 21 confidently wrong (subjects still "not held", comparators ignored);
 * first run with both, before any tuning: 31 right, 2 asked back, 1 not understood, 1 confidently wrong; after
 * tuning the catalogue's words (mediations going on to appeal, attainment no longer a broad topic, support while
 * waiting) and taking "progress scores" out of not held: 34 right, 1 confidently wrong ("case studies for the
 * safe outcome" is read as Safe's scores, not as evidence the bot holds no figure for); then, the not-held reader
 * keeping an outcome's weight beside its subject: 35 right.
 */
const CM = (measure: string, comparator: string): Want => ({ intent: 'measure', measure, comparator });
const HELD_OUT_COMPARATORS: [string, Want | Want[]][] = [
  [
    'how do our exclusions compare with national?',
    [CM('perm_exclusions_ehcp', 'england'), CM('perm_exclusion_rate_sen_support', 'england'), ASK],
  ],
  ['AP places this term', M('ap_places')],
  ['elective home education numbers', M('elective_home_education')],
  ['EHCPs issued in 20 weeks against neighbours', CM('ehcp_20_weeks', 'statistical_neighbours')],
  ['how many pupils are in alternative provision', M('ap_places')],
  ['how many children went back to mainstream from AP', M('ap_return_to_mainstream')],
  ['sustained post 16 destinations for AP leavers', M('ap_sustained_post16')],
  ['part time timetables for SEND pupils', M('part_time_timetables')],
  ['how many children with EHCPs are placed out of county', M('out_of_area_placements')],
  ['persistent absence for pupils with an EHCP', M('persistent_absence_ehcp')],
  ['persistent absence at SEN support compared with England', CM('persistent_absence_sen_support', 'england')],
  ['permanent exclusion rate for SEN support', M('perm_exclusion_rate_sen_support')],
  ['percentage of EHC plans issued within 20 weeks', M('ehcp_20_weeks')],
  ['how many mediations went on to appeal', M('mediations_to_appeal')],
  ['KS2 results for pupils with SEN', M('ks2_rwm_send')],
  ['GCSE English and maths for SEND pupils', M('ks4_basics_send')],
  ['attainment of pupils with SEND', [ASK, M('ks2_rwm_send'), M('ks4_basics_send')]],
  ['Ofsted outcomes for our schools', M('ofsted_good_settings')],
  ['how many School SEND Reviews have been completed', M('school_send_reviews')],
  ['safeguarding referrals for children with SEND', M('safeguarding_referrals_send')],
  ['are children getting support while they wait', M('support_while_waiting')],
  ['young people in supported living at 25', M('independent_living_25')],
  ['KS4 destinations of SEN pupils', M('ks4_sustained_destinations_send')],
  ['attendance of EHCP pupils against national', CM('attendance_ehcp', 'england')],
  ['how does our SEN2 20 week rate compare with statistical neighbours', CM('ehcp_20_weeks', 'statistical_neighbours')],
  ['suspension rate for EHCP pupils compared with the region', CM('suspension_rate_ehcp', 'region')],
  ['are we in line with national on suspensions for children with plans', CM('suspension_rate_ehcp', 'england')],
  ['home educated children with SEND last term', M('elective_home_education')],
  ['area SEND inspection outcome', NOT_HELD],
  ['case studies for the safe outcome', NOT_HELD],
  ['how many children are waiting for an EHC needs assessment', W('ehcna')],
  ['are EHC needs assessments within 20 weeks', [W('ehcna'), ASK, M('ehcp_20_weeks')]],
  ['how do we compare with national', [NONE, ASK, { intent: 'measure', measure: undefined }]],
  ["neighbours' average for KS2", CM('ks2_rwm_send', 'statistical_neighbours')],
  ['pupil referral unit numbers', M('ap_places')],
];

/**
 * Held out (session 10, written by the lead before any tuning this session, across every intent, in the words
 * of staff who have never seen the help card). First run, before any tuning: 72 rows, 56 right, 0 asked back,
 * 8 not understood, 8 confidently wrong (11%): a child's questionnaire read as a parent's question, "dragging
 * down" not a rank, "getting shorter" not a trend, "similar areas" not neighbours, "questions young people did
 * not understand" read as the bot's unanswered questions, "remove all answers for AR-…" read as show them,
 * "measures that need a manager comment" read as themes, "publish the safe scores" read as the scores. After
 * fixing each by its kind, not its row (an erasure verb on any naming of the answers; publishing owns its object;
 * not understanding said of a respondent group about questions; outcome and group words alone never name one
 * question; everyday words for movement, comparison areas and the board's papers): 71 right, 1 not understood
 * ("what is SEN support": a glossary word asked as "what is"; read since, see WHAT_IS_ROWS).
 */
const HELD_OUT_10: [string | string[], Want | Want[]][] = [
  // Outcome scores, per question, ranks and periods.
  ['how safe do the kids feel according to the survey', S('safe', { roles: ['cyp'] })],
  ['parent carer view on whether they are heard', S('voice', { roles: ['pc'] })],
  ['are our young people getting ready for adult life', S('future', { roles: ['cyp'] })],
  ['where are we weakest this term', S(undefined, { rank: 'lowest' })],
  [
    'health and wellbeing from the child questionnaire last term',
    S('health', { roles: ['cyp'], terms: [{ kind: 'previous' }] }),
  ],
  ['which of the progress questions is dragging the score down', S('progress', { rank: 'lowest', perQuestion: true })],
  ['scores on support in the autumn term', S('support', { terms: [{ kind: 'named', season: 'autumn' }] })],
  ['how did we do on being safe in 2025-26', S('safe', { period: { kind: 'year', academicYear: '2025-26' } })],
  ['is feeling listened to up or down on last term', S('voice')],
  ['what do carers think about the support they get', S('support', { roles: ['pc'] })],
  // Response rates.
  ['how many parents actually filled the survey in', { intent: 'responseRate' }],
  ['survey return rate for last term', RR({ terms: [{ kind: 'previous' }] })],
  ['what proportion of invited families responded', { intent: 'responseRate' }],
  // Waiting times.
  ['how long are families waiting for SaLT at the moment', W('salt')],
  ['autism assessment backlog', W('asd')],
  ['wait time for an ADHD diagnosis', W('adhd')],
  ['how many weeks for the neurodevelopmental assessment', W('nd')],
  ['are we hitting the 20 week EHCNA target', [W('ehcna'), M('ehcp_20_weeks'), ASK]],
  ['which waiting lists are over target', W()],
  ['is the speech and language wait getting shorter', W('salt', { change: { kind: 'trend' } })],
  ['wait for CAMHS', [{ intent: 'waits', unknownService: 'camhs' }, ...NOT_HELD]],
  ['how long was the ADHD list in January', WP('adhd', { kind: 'month', month: 1 })],
  // Measures and comparators.
  ['annual reviews done in time this year', M('ar_on_time')],
  ['how many complaints about SEND have we had', M('complaints')],
  ['number of tribunal appeals', M('tribunal_appeals')],
  ['personal budget take up', M('personal_budgets')],
  ['how many kids are in the PRU', M('ap_places')],
  ['children with plans being educated at home', M('elective_home_education')],
  ['are EHCP pupils attending school as well as nationally', CM('attendance_ehcp', 'england')],
  ['how does our 20 week timeliness compare to similar areas', CM('ehcp_20_weeks', 'statistical_neighbours')],
  ['short breaks usage', M('short_breaks')],
  ['quality of new EHC plans', M('plans_qa_good')],
  ['health checks for young people with learning disabilities', M('annual_health_checks')],
  ['NEET figures for SEND 16 to 25', M('eet_16_25')],
  ['what measures are behind target', { intent: 'measure', offTarget: true }],
  ['everything we know about preparing for adulthood', [{ intent: 'outcomeOverview', outcome: 'future' }, S('future')]],
  // Families' answers, themes, you said we did.
  ['show me what the family wrote for AR-6120', { intent: 'reviewAnswers', reviewRef: 'AR-6120' }],
  ['who looked at AR-6120', { intent: 'whoViewed', reviewRef: 'AR-6120' }],
  ['what are parents complaining about in the comments', TH({ roles: ['pc'] })],
  ['main themes from the free text this term', TH()],
  ['what have we changed because of feedback', { intent: 'youSaidWeDid' }],
  ['questions young people did not understand', { intent: 'unclearQuestions' }],
  ['how did children rate things when they answered without help', { intent: 'answeredAlone' }],
  // Invitations and erasure.
  ['send a survey link to the mum for AR-6121', { intent: 'invite', reviewRef: 'AR-6121', role: 'pc' }],
  ['invite the young person for AR-6122', { intent: 'invite', reviewRef: 'AR-6122', role: 'cyp' }],
  ['which of my families still need to finish', { intent: 'myInvitations' }],
  ['remove all answers for review AR-6123', { intent: 'eraseReview', reviewRef: 'AR-6123' }],
  // Digest, reporting and admin.
  ['sign me up for the termly summary', { intent: 'digest', action: 'subscribe' }],
  ['stop sending me the digest', { intent: 'digest', action: 'unsubscribe' }],
  ['let me see the digest before it goes out', { intent: 'digest', action: 'preview' }],
  ['who received the last digest', DELIVERY],
  ['papers for the SEND partnership board', BP],
  ['board pack for last term', BP],
  ['measures that need a manager comment', EX],
  ['what is published on the local offer', PF],
  ['can you publish the safe scores', PF],
  ['questions people asked you that you could not answer', { intent: 'unansweredQuestions' }],
  // Words, chat and things the bot cannot do.
  ['what does EHCNA stand for', { intent: 'glossary', words: ['ehcna'] }],
  ['what is SEN support', [{ intent: 'glossary', words: ['senSupport'] }, { intent: 'glossary' }]],
  ['help', { intent: 'help' }],
  ['what can you do', { intent: 'help' }],
  ['thanks a lot', { intent: 'smallTalk', say: 'thanks' }],
  ['book me a meeting room', NONE],
  ['what is the weather like', NONE],
  ['how many children have an EHCP', NOT_HELD],
  // Follow-ups.
  [['SALT waiting times', 'and autism?'], W('asd')],
  [['kept safe scores', 'just the children'], S('safe', { roles: ['cyp'] })],
  [['attendance of EHCP pupils', 'compared with national?'], CM('attendance_ehcp', 'england')],
  [['response rate this term', 'and last term?'], RR({ terms: [{ kind: 'previous' }] })],
];

/**
 * "and the year before?" after a question for a period is that period a year earlier (session 10; before, it was
 * a year before today: "voice scores for 2024-25" → "and the year before?" answered for 2025-26's year before).
 * A period that cannot be moved without today's date ("last year", "October") is not guessed.
 */
const YEAR_BEFORE_ROWS: [string | string[], Want | Want[]][] = [
  [
    ['voice scores for 2024-25', 'and the year before?'],
    S('voice', { period: { kind: 'year', academicYear: '2023-24' } }),
  ],
  [
    ['voice scores for 2024-25', 'and the year before?', 'and the year before that?'],
    S('voice', { period: { kind: 'year', academicYear: '2022-23' } }),
  ],
  [
    ['attendance of EHCP pupils in 2024-25', 'what about the previous year?'],
    MP('attendance_ehcp', { kind: 'year', academicYear: '2023-24' }),
  ],
  [['SALT waits in October 2025', 'and the year before?'], WP('salt', { kind: 'month', month: 10, year: 2024 })],
  [
    ['safe scores in spring 2025-26', 'and the year before?'],
    S('safe', { terms: [{ kind: 'named', season: 'spring', academicYear: '2024-25' }] }),
  ],
  [['response rate this term', 'and the year before?'], RR({ terms: [{ kind: 'yearAgo' }] })],
  [['SALT waits last year', 'and the year before?'], NONE],
  // Session 14: further back than a year, never read as a year ago; "the year before" in the same message is a
  // year before the period named beside it; a year before "this time last year" is two years ago.
  ['how did voice do the year before last', S('voice', { terms: [{ kind: 'yearsAgo', years: 2 }] })],
  ['voice scores two years ago', S('voice', { terms: [{ kind: 'yearsAgo', years: 2 }] })],
  ['salt wait 2 years ago', WP('salt', { kind: 'yearsAgo', years: 2 })],
  ['complaints three years ago', MP('complaints', { kind: 'yearsAgo', years: 3 })],
  ['complaints six years ago', MP('complaints', { kind: 'yearsAgo', years: 6 })],
  ['voice scores 10 years ago', S('voice', { terms: [{ kind: 'yearsAgo', years: 10 }] })],
  ['voice scores years ago', ASK],
  [
    'voice in spring 2024-25 compared with the year before',
    S('voice', {
      terms: [
        { kind: 'named', season: 'spring', academicYear: '2024-25' },
        { kind: 'named', season: 'spring', academicYear: '2023-24' },
      ],
    }),
  ],
  [
    'voice scores this term compared with the year before',
    S('voice', { terms: [{ kind: 'current' }, { kind: 'yearAgo' }] }),
  ],
  ['safe scores last year vs the year before', ASK],
  ['voice last term and the year before', ASK],
  [
    ['voice scores this time last year', 'and the year before?'],
    S('voice', { terms: [{ kind: 'yearsAgo', years: 2 }] }),
  ],
];

/**
 * Actions that cannot be taken back are taken only when asked for (session 14, held-out set 14's first run: "any of
 * the digest messages fail to send?" sent the digest to every subscriber; "taken off roll to be home educated"
 * withdrew a figure from the public page). A question about a send is a delivery report or asked back.
 */
const ACTION_ROWS: [string | string[], Want | Want[]][] = [
  ['did the digest send?', [{ intent: 'deliveryReport' }, ASK]],
  ['has the digest been sent', [{ intent: 'deliveryReport' }, ASK]],
  ['did the digest fail', { intent: 'deliveryReport' }],
  ['send the digest now', { intent: 'digest', action: 'sendNow' }],
  ['confirm send digest', { intent: 'digest', action: 'confirmSendNow' }],
  ['Confirm send the digest now.', { intent: 'digest', action: 'confirmSendNow' }],
  ['how many children were withdrawn from school to be home educated', M('elective_home_education')],
  ['withdraw complaints from the public page', { intent: 'publicFigures' }],
];

/** "what is …" and nothing else asks what a word means (session 10): the glossary, not the figures it also names. */
const G = (...words: string[]): Want => ({ intent: 'glossary', words });
const WHAT_IS_ROWS: [string, Want | Want[]][] = [
  ['what are short breaks', G('shortBreaks')],
  ['what is a tribunal', G('tribunal')],
  ['what is PfA', G('pfa')],
  ['what is the ND pathway', G('nd')],
  ['what is the SALT wait', W('salt')],
  ['short breaks', M('short_breaks')],
  ['what is attendance at SEN support', M('attendance_sen_support')],
];

/**
 * Held out (session 10, second set): 90 rows written by an independent writer who never saw the vocabulary, the
 * README or earlier rows, after the first session-10 set's tuning. First run, before any tuning on it: 92 rows,
 * 68 right, 3 asked back, 5 not understood, 16 confidently wrong (17%): text-speak ("young ppl", "last yr",
 * "q by q", "v SNs", "ARs", "PB"), fuzzy matches that changed the meaning ("withdrawn consent" read as taking
 * figures off the public page, "paying" as "saying"), a superlative ("happiest with") read as the health outcome,
 * and everyday phrasings of known intents ("did the digest land in everyone's inbox", "what did the family put").
 */
const HELD_OUT_11: [string | string[], Want | Want[]][] = [
  // ---- outcome scores (15) ----
  ['how r the young ppl rating feeling safe this term', S('safe', { roles: ['cyp'], terms: [{ kind: 'current' }] })],
  ['parent carer scores for being listened to', S('voice', { roles: ['pc'] })],
  ['whats our worst outcome at the mo?', S(undefined, { rank: 'lowest' })],
  [
    'Could you show me how families rated health & wellbeing last term please',
    S('health', { terms: [{ kind: 'previous' }] }),
  ],
  ['prep for adulthood scores, CYP only', S('future', { roles: ['cyp'] })],
  ['which of the 6 outcomes are parents happiest with', S(undefined, { roles: ['pc'], rank: 'highest' })],
  [
    'what were the right help at the right time scores this time last yr',
    S('support', { terms: [{ kind: 'yearAgo' }] }),
  ],
  ['break down the progress & achievement survey q by q', S('progress', { perQuestion: true })],
  [
    'spring 2026 scores for kept safe',
    S('safe', { terms: [{ kind: 'named', season: 'spring', academicYear: '2025-26' }] }),
  ],
  [
    'autumn 24/25 results across all the outcomes',
    S(undefined, { terms: [{ kind: 'named', season: 'autumn', academicYear: '2024-25' }] }),
  ],
  ['which question did the kids score lowest on under being heard', S('voice', { roles: ['cyp'], rank: 'lowest' })],
  ['mental health n wellbeing - what r parents saying score wise', S('health', { roles: ['pc'] })],
  ['Are young people feeling more ready for adult life than they were?', S('future', { roles: ['cyp'] })],
  ['overall survey results pls', S()],
  [
    'how safe do parents think their children are - summer term 2025',
    S('safe', { roles: ['pc'], terms: [{ kind: 'named', season: 'summer', academicYear: '2024-25' }] }),
  ],

  // ---- response rate (5) ----
  ['how many families have actually filled the survey in', RR()],
  ['response rate last term?', RR({ terms: [{ kind: 'previous' }] })],
  ['whats the completion rate on the annual review questionaire this term', RR({ terms: [{ kind: 'current' }] })],
  ['how many responses did we get this time last year', RR({ terms: [{ kind: 'yearAgo' }] })],
  ['take-up of the AR survey - are families bothering to answer it?', RR()],

  // ---- waiting times (12) ----
  ['SaLT waits?', W('salt')],
  ['how long r kids waiting for an autism assessment atm', W('asd')],
  ['ADHD diagnosis waiting list length', W('adhd')],
  ['current wait for the ND pathway', W('nd')],
  ['how long does an EHC needs assessment take to come through these days', [W('ehcna'), M('ehcp_20_weeks')]],
  ['all waiting times please', W()],
  ['is the speech therapy waiting list getting any shorter', W('salt', { change: { kind: 'trend' } })],
  ['are ASD waits improving or getting worse', W('asd', { change: { kind: 'trend' } })],
  ['neurodevelopmental waits trend', W('nd', { change: { kind: 'trend' } })],
  ['how long is the queue for speech n language', W('salt')],
  ['wait time for EHCNA', W('ehcna')],
  ['ADHD assessments - how many weeks is the wait now', W('adhd')],

  // ---- framework measures (15) ----
  ['% of ARs done on time', M('ar_on_time')],
  ['quality of new EHCPs - how many graded good or above', M('plans_qa_good')],
  ['are health and social care advices coming back within the 6 wks', M('advice_on_time')],
  ['no. of SEND complaints', M('complaints')],
  ['how many mediations end up going to tribunal anyway', M('mediations_to_appeal')],
  ['perm exclusions for kids with EHCPs', M('perm_exclusions_ehcp')],
  ['attendance for SEN support pupils', M('attendance_sen_support')],
  ['NEET figures for 16-25s with SEND', M('eet_16_25')],
  ['how many plans have a PB attached', M('personal_budgets')],
  ['annual health checks for 14+ with LD - uptake?', M('annual_health_checks')],
  ['how many SEND pupils are on reduced timetables', M('part_time_timetables')],
  ['out of county placements for EHCP children', M('out_of_area_placements')],
  [
    'of the children sat on waiting lists, how many are getting interim help in the meantime',
    M('support_while_waiting'),
  ],
  ['how many kids from the PRU/AP make it back into mainstream', M('ap_return_to_mainstream')],
  ['safeguarding referrals for children with SEND', M('safeguarding_referrals_send')],

  // ---- comparators (5) ----
  ['20 week timeliness vs national', CM('ehcp_20_weeks', 'england')],
  ['how does our KS4 eng & maths for SEN compare to stat neighbours', CM('ks4_basics_send', 'statistical_neighbours')],
  ['EHCP attendance against the regional avg', CM('attendance_ehcp', 'region')],
  [
    'persistent absence at SEN support - how do we compare with England?',
    CM('persistent_absence_sen_support', 'england'),
  ],
  ['suspension rate EHCP v SNs', CM('suspension_rate_ehcp', 'statistical_neighbours')],

  // ---- other intents (25) ----
  ['which measures are red rn', { intent: 'measure', offTarget: true }],
  ["tell me everything we've got on preparing for adulthood", { intent: 'outcomeOverview', outcome: 'future' }],
  ['send the survey to the parents for AR-7012', { intent: 'invite', reviewRef: 'AR-7012', role: 'pc' }],
  [
    'can u invite the young person from AR-7045 to do the questionnaire',
    { intent: 'invite', reviewRef: 'AR-7045', role: 'cyp' },
  ],
  ['who still hasnt completed the surveys i sent out', { intent: 'myInvitations' }],
  ['sign me up to the termly summary email', { intent: 'digest', action: 'subscribe' }],
  ['stop sending me the digest pls', { intent: 'digest', action: 'unsubscribe' }],
  ['can I see what the digest will look like before it goes out', { intent: 'digest', action: 'preview' }],
  ['push the digest out now please, dont wait for the schedule', { intent: 'digest', action: 'sendNow' }],
  ['did last terms digest actually land in everyones inbox', { intent: 'deliveryReport' }],
  ["what have people asked you that you couldn't answer", { intent: 'unansweredQuestions' }],
  ['family has withdrawn consent - wipe their responses for AR-7033', { intent: 'eraseReview', reviewRef: 'AR-7033' }],
  ['what did the family put for AR-7058', { intent: 'reviewAnswers', reviewRef: 'AR-7058' }],
  ['who has opened the answers on AR-7021', { intent: 'whoViewed', reviewRef: 'AR-7021' }],
  ['what have we changed off the back of family feedback', { intent: 'youSaidWeDid' }],
  ["common themes in parents' comments about getting support", { intent: 'themes', outcome: 'support', roles: ['pc'] }],
  ['which survey questions are families finding confusing', { intent: 'unclearQuestions' }],
  ['how do scores look for the children who filled it in without an adult helping', { intent: 'answeredAlone' }],
  ["need the pack for thursday's partnership board", { intent: 'boardPack' }],
  ['exception report for the red indicators pls', { intent: 'exceptions' }],
  ['take our figures off the public outcomes page for now', { intent: 'publicFigures' }],
  ['what does PfA stand for', { intent: 'glossary' }],
  ['what can you actually do?', { intent: 'help' }],
  ["cheers, that's brilliant", { intent: 'smallTalk' }],
  ['numbers for last term', ASK],

  // ---- unrelated / not held (5) ----
  ['book me meeting room 3 for tues 2pm', NONE],
  // When the board meets is not held: the board's pack is not an answer to it (session 11).
  ['when is the partnership board', NONE],
  ['when does the SEND board meet next?', NONE],
  ['what date is the next board meeting', NONE],
  ['whats the spend on SEN home to school transport this year', NOT_HELD],
  ['average caseload per SEND caseworker?', NOT_HELD],
  ['can you reset my laptop password', NONE],
  ['how much are we paying on independent special school fees', NOT_HELD],

  // ---- follow-up chains (8) ----
  [['SaLT waiting times', 'what about ADHD'], W('adhd')],
  [['kept safe scores', 'and just the parents?'], S('safe', { roles: ['pc'] })],
  [['response rate this term', 'and last term?'], RR({ terms: [{ kind: 'previous' }] })],
  [['% annual reviews on time', 'how does that compare nationally'], CM('ar_on_time', 'england')],
  [
    ['health and wellbeing scores for CYP', 'go through it question by question'],
    S('health', { roles: ['cyp'], perQuestion: true }),
  ],
  [['autism assessment wait', 'is it getting better?'], W('asd', { change: { kind: 'trend' } })],
  [['permanent exclusions EHCP', 'same for SEN support'], M('perm_exclusion_rate_sen_support')],
  [
    ['invite parent carer for AR-7066', 'and the young person too'],
    { intent: 'invite', reviewRef: 'AR-7066', role: 'cyp' },
  ],
];

/**
 * Held out (session 11): 60 rows by an independent writer who read none of the project (only a list of what the
 * bot answers), written after the session's last understanding change (the board's "when" questions), checked at
 * the intent only. About a third are near-misses: questions sharing a capability's words but asking something
 * else (when or where a board meets, phone numbers, policies, staffing). First run, before any tuning on them
 * (61 results: one text is also in an earlier set): 47 right, 2 asked back, 0 not understood, 12 confidently wrong
 * (20%): 8 near-misses answered with figures or the pack ("who chairs the SEND partnership board", "the phone
 * number for the speech and language therapy service", "how do I refer a child for an autism assessment",
 * "where is the tribunal hearing being held next week", "what's our policy on part-time timetables"; and
 * "who is leading our local area SEND inspection", read as not held), and 4 ordinary requests read as an
 * invitation or plain scores. Tuned by kind (a shared out-of-scope reading of arrangements: when, who chairs, phone
 * numbers, referring, policies, deadlines, venues; it replaced the board pack's own "when" rule): 55 right,
 * 1 asked back, 1 not understood, 4 confidently wrong (the four ordinary ones, left).
 */
const HELD_OUT_12: [string, Want | Want[]][] = [
  ['how are parents rating us on being listened to this term', { intent: 'scores' }],
  ['which outcome is scoring worst for young ppl', { intent: 'scores' }],
  ['what did CYP score for feeling safe in the spring term', { intent: 'scores' }],
  ["score for the question 'I know who to contact if things go wrong'", { intent: 'scores' }],
  ['how is the health outcome doing overall, all the scores and measures together', { intent: 'outcomeOverview' }],
  ['how many families actualy filled in the survey?', { intent: 'responseRate' }],
  ['whats the response rate from parents this term', { intent: 'responseRate' }],
  ['how long r kids waiting for SALT atm', { intent: 'waits' }],
  ['is the ASD assessment wait within target', { intent: 'waits' }],
  ['which services are missing their waiting time targets', { intent: 'waits' }],
  ['has the ADHD waiting list got better or worse since last term', { intent: 'waits' }],
  ['% of EHCPs issued within 20 wks compared to England', { intent: 'measure' }],
  ['annual reviews completed on time last quarter', { intent: 'measure' }],
  ['how many suspensions for pupils with an EHCP this year', { intent: 'measure' }],
  ['attendance for SEN support pupils vs stat neighbours', { intent: 'measure' }],
  ['number of SENDIST tribunal appeals registered this year', { intent: 'measure' }],
  ['how many alternative provision places have we got', { intent: 'measure' }],
  ['invite the parent for AR-1042 to do the survey', { intent: 'invite' }],
  ['send a survey invite to the young person on AR-2231', { intent: 'invite' }],
  ["show me the invites i've sent out", { intent: 'myInvitations' }],
  ['can I see a preview of the termly digest', { intent: 'digest' }],
  ['unsubscribe me from the digest emails pls', { intent: 'digest' }],
  ['did the summer digest actually go out?', { intent: 'digest' }],
  ['pull together the pack for the partnership board', { intent: 'boardPack' }],
  ['which measures are red and need a commentary from us', { intent: 'exceptions' }],
  ['publish the latest figures on the public outcomes page', { intent: 'publicFigures' }],
  ['take our figures off the public page for now', { intent: 'publicFigures' }],
  ['what did the family say in their answers for AR-1042', { intent: 'reviewAnswers' }],
  ['who has looked at the answers for AR-3310', { intent: 'whoViewed' }],
  ['parent has asked for erasure - delete everything we hold for review AR-1042', { intent: 'eraseReview' }],
  ['what are families saying about support, any common themes in the comments', { intent: 'themes' }],
  ['show me the you said we did list', { intent: 'youSaidWeDid' }],
  ["which questions couldn't you answer", { intent: 'unansweredQuestions' }],
  ['which survey questions did families find confusing', { intent: 'unclearQuestions' }],
  ['scores for children who did the survey without any help', { intent: 'answeredAlone' }],
  // Corrected in session 13 (a table error, not a fix): deliveryReport is the termly digest's delivery report;
  // whether an invitation's text or email arrived is shown per invitation in "my invitations".
  ['were the invite texts delivered ok? any emails bounce?', { intent: 'myInvitations' }],
  ['what does EOTAS mean', { intent: 'glossary' }],
  ["what's a SENCo", { intent: 'glossary' }],
  ['what can you do', { intent: 'help' }],
  ['thanks thats great', { intent: 'smallTalk' }],
  ['how much have we spent on home to school transport this year', [{ intent: 'notHeld' }, { intent: 'unknown' }]],
  ["what's the average caseload for an EHC coordinator", [{ intent: 'notHeld' }, { intent: 'unknown' }]],
  ['when is the next partnership board meeting', { intent: 'unknown' }],
  ['who chairs the SEND partnership board', { intent: 'unknown' }],
  ['whats the phone number for the speech and language therapy service', { intent: 'unknown' }],
  ['how do I refer a child for an autism assessment', { intent: 'unknown' }],
  ["what's the deadline for getting papers in for the board pack", { intent: 'unknown' }],
  ['what date is the AP panel this month', { intent: 'unknown' }],
  ["what's our policy on part-time timetables", { intent: 'unknown' }],
  ['can you email the draft EHCP to the parent on AR-1042', { intent: 'unknown' }],
  ['how many educational psychologists do we employ', [{ intent: 'notHeld' }, { intent: 'unknown' }]],
  ['how big is the high needs block deficit', [{ intent: 'notHeld' }, { intent: 'unknown' }]],
  ['where is the tribunal hearing being held next week', { intent: 'unknown' }],
  ['how does a parent appeal an EHCP decision', { intent: 'unknown' }],
  ['who is leading our local area SEND inspection from Ofsted', { intent: 'unknown' }],
  ['what time does the mediation session start tomorrow', { intent: 'unknown' }],
  ['can you reset my Teams password', { intent: 'unknown' }],
  ['when are annual reviews due for the year 6 phase transfers', { intent: 'unknown' }],
  ['who do I speak to about getting a survey question reworded', { intent: 'unknown' }],
  [
    'how much does an independent special school placement cost us on average',
    [{ intent: 'notHeld' }, { intent: 'unknown' }],
  ],
];

describe('trust table: how often a practitioner is answered right, asked back, not understood or confidently wrong', () => {
  const results = [
    ...TABLE,
    ...PERIOD_ROWS,
    ...HELD_OUT,
    ...HELD_OUT_2,
    ...HELD_OUT_3,
    ...HELD_OUT_PERIODS,
    ...HELD_OUT_QUESTIONS,
    ...QUESTION_ROWS,
    ...HELD_OUT_COMPARATORS,
    ...HELD_OUT_SCOPES,
    ...HELD_OUT_REPORTING,
    ...HELD_OUT_10,
    ...YEAR_BEFORE_ROWS,
    ...ACTION_ROWS,
    ...WHAT_IS_ROWS,
    ...HELD_OUT_11,
    ...HELD_OUT_12,
    ...HELD_OUT_13,
    ...HELD_OUT_14,
    ...HELD_OUT_15,
    ...HELD_OUT_16,
  ].map(([said, want]) => {
    const got = readChain(said);
    const text = Array.isArray(said) ? said.join(' → ') : said;
    return { text, want, got, verdict: verdictOf(got, want) };
  });
  const count = (v: Verdict) => results.filter((r) => r.verdict === v).length;

  it(`holds at least 150 phrasings across every intent`, () => {
    expect(TABLE.length).to.be.at.least(150);
    const intents = new Set(TABLE.flatMap(([, w]) => (Array.isArray(w) ? w : [w]).map((x) => x.intent)));
    for (const intent of [
      'scores',
      'responseRate',
      'waits',
      'measure',
      'outcomeOverview',
      'invite',
      'myInvitations',
      'digest',
      'unansweredQuestions',
      'eraseReview',
      'help',
      'smallTalk',
      'unknown',
      'clarify',
      'reviewAnswers',
      'whoViewed',
      'youSaidWeDid',
      'themes',
    ])
      expect(intents, intent).to.include(intent);
  });

  it('is confidently wrong on at most 1% and right on at least 90%', () => {
    const n = results.length;
    const rate = (v: Verdict) => `${count(v)} (${((100 * count(v)) / n).toFixed(1)}%)`;
    console.log(
      `      trust table, ${n} phrasings: right ${rate('right')}, asked back ${rate('asked back')}, not understood ${rate('not understood')}, confidently wrong ${rate('confidently wrong')}`,
    );
    const sets: [string, readonly [string | string[], unknown][]][] = [
      ['held out', HELD_OUT],
      ['second held out', HELD_OUT_2],
      ['third held out', HELD_OUT_3],
      ['measures-for-a-period held out', HELD_OUT_PERIODS],
      ['questions, admin and not-held held out', HELD_OUT_QUESTIONS],
      ['measures and comparators held out (issue #26)', HELD_OUT_COMPARATORS],
      ['periods, chains and scope held out', HELD_OUT_SCOPES],
      ["reporting and families' new answers held out (session 9)", HELD_OUT_REPORTING],
      ['every intent held out (session 10)', HELD_OUT_10],
      ['independent writer held out (session 10)', HELD_OUT_11],
      ['independent writer held out (session 11, intents)', HELD_OUT_12],
      ['independent writer held out (session 13, invitations and who answered)', HELD_OUT_13],
      ['independent writer held out (session 14, every intent)', HELD_OUT_14],
      ['independent writer held out (session 14, after set 14 was tuned on)', HELD_OUT_15],
      ['independent writer held out (session 14, after the last fix; never tuned on)', HELD_OUT_16],
    ];
    for (const [name, set] of sets) {
      const texts = new Set(set.map(([t]) => (Array.isArray(t) ? t.join(' → ') : t)));
      const mine = results.filter((r) => texts.has(r.text));
      const of = (v: Verdict) => mine.filter((r) => r.verdict === v).length;
      console.log(
        `      of which ${name}, ${mine.length}: right ${of('right')}, asked back ${of('asked back')}, not understood ${of('not understood')}, confidently wrong ${of('confidently wrong')}`,
      );
    }
    for (const r of results.filter((x) => x.verdict !== 'right'))
      console.log(`      ${r.verdict}: "${r.text}" → ${JSON.stringify(r.got).slice(0, 160)}`);
    expect(count('confidently wrong') / n).to.be.at.most(0.01);
    expect(count('right') / n).to.be.at.least(0.9);
  });
});
