/**
 * Held-out set 14: 90 practitioner questions written on 2026-12-08 by an independent writer (a helper session
 * that has never seen the bot's rules, cue phrases, seeds or earlier held-out sets). The writer read only
 * README.md, ../shared/SPEC.md, ../shared/examples/ and the help card's text (src/features/conversation/help.ts),
 * and wrote each row as a busy SEND caseworker, therapist manager, SENCO, commissioner or board member would type
 * it in Teams, with what it means. No row was run against the bot or tuned on before it was committed.
 *
 * First run (code at 28af258, before any tuning on this set; the table as written): 71 right, 3 asked back,
 * 6 not understood, 10 confidently wrong (11.1%). Three rows corrected after it, for an error in the writer's
 * brief, not the bot: a waiting list the bot does not hold (physio, CAMHS, OT) is answered by the waits route
 * itself ("I have no figures for "physio". I have waiting times for: …"), which the brief did not say; those rows
 * now accept that reading too. With them, the same code: 74 right, 3 asked back, 6 not understood,
 * 7 confidently wrong (7.8%).
 */
type Want = Record<string, unknown> & { intent: string };
const NOT_HELD: Want[] = [{ intent: 'notHeld' }, { intent: 'unknown' }];
export const HELD_OUT_14: [string, Want | Want[]][] = [
  // Outcome scores (20)
  [
    'hiya could u pull the kept safe scores for the young people, last term pls',
    { intent: 'scores', outcome: 'safe', roles: ['cyp'] },
  ],
  ['how did parent carers rate voice in the autumn', { intent: 'scores', outcome: 'voice', roles: ['pc'] }],
  [
    'progress outcome - what r the CYP numbers this time last year',
    { intent: 'scores', outcome: 'progress', roles: ['cyp'] },
  ],
  [
    'a SENCO asked me if the % of parents happy with the support they get is going up, can you check it against last year',
    { intent: 'scores', outcome: 'support', roles: ['pc'] },
  ],
  [
    'health n wellbeing scores for the kids compared with the year before',
    { intent: 'scores', outcome: 'health', roles: ['cyp'] },
  ],
  ['prep for adulthood outcome, how are parents scoring it', { intent: 'scores', outcome: 'future', roles: ['pc'] }],
  [
    'break down the kept safe outcome question by question for parent carers please',
    { intent: 'scores', outcome: 'safe', roles: ['pc'] },
  ],
  [
    'whats the average score on being listened to from the children themselves in spring',
    { intent: 'scores', outcome: 'voice', roles: ['cyp'] },
  ],
  [
    'quality of life and achievement outcome, everyone who answered, last term',
    { intent: 'scores', outcome: 'progress' },
  ],
  [
    'could you just tell me whether our young people feel ready for the future compared to this time last year',
    { intent: 'scores', outcome: 'future', roles: ['cyp'] },
  ],
  [
    'timely support score for children autumn vs summer, has it dropped??',
    { intent: 'scores', outcome: 'support', roles: ['cyp'] },
  ],
  ['healthy happy living well - parent carer mean last term', { intent: 'scores', outcome: 'health', roles: ['pc'] }],
  ['which of the six outcomes are the cyp scoring worst on right now', { intent: 'scores', roles: ['cyp'] }],
  [
    'sorry to bother you, for my report to the partnership I need how the survey came out this term across all the outcomes',
    { intent: 'scores' },
  ],
  [
    'how positive were parents about their childs progress in the summer term',
    { intent: 'scores', outcome: 'progress', roles: ['pc'] },
  ],
  [
    'kept safe for children this year and the year before side by side',
    { intent: 'scores', outcome: 'safe', roles: ['cyp'] },
  ],
  ['voice scores per question, both parents and young ppl', { intent: 'scores', outcome: 'voice' }],
  [
    "what's the % agreeing on the health questions among parents, spring 2025-26",
    { intent: 'scores', outcome: 'health', roles: ['pc'] },
  ],
  ['future outcome - lowest scoring question for the yp', { intent: 'scores', outcome: 'future', roles: ['cyp'] }],
  [
    'do the kids feel they get help when they need it? last term',
    { intent: 'scores', outcome: 'support', roles: ['cyp'] },
  ],

  // Waiting times (12)
  ['longest wait on the SLT list atm', { intent: 'waits', service: 'salt' }],
  ['has the autism assessment queue got any shorter since the summer', { intent: 'waits', service: 'asd' }],
  ['adhd waiting times trend over the year pls', { intent: 'waits', service: 'adhd' }],
  ['how many kids are sat on the neurodevelopmental pathway list waiting', { intent: 'waits', service: 'nd' }],
  [
    'how many EHC needs assessments are still open and how long has the oldest one been going',
    { intent: 'waits', service: 'ehcna' },
  ],
  ['which waiting lists are red', { intent: 'waits' }],
  [
    'could you just tell me the median wait for speech therapy referrals compared to last term',
    { intent: 'waits', service: 'salt' },
  ],
  ['ASD diagnostic waits, longest child waiting?', { intent: 'waits', service: 'asd' }],
  ['ND pathway how has it moved since september', { intent: 'waits', service: 'nd' }],
  ['how long does a family wait for an adhd assesment now', { intent: 'waits', service: 'adhd' }],
  ['all the waiting times against target please, I have the board on thurs', { intent: 'waits' }],
  ['ehcna list trend since april', { intent: 'waits', service: 'ehcna' }],

  // Framework measures, in ordinary words (14)
  [
    'how many kids with plans got permanently excluded this year',
    { intent: 'measure', measure: 'perm_exclusions_ehcp' },
  ],
  ['are the ARs being done in time?', { intent: 'measure', measure: 'ar_on_time' }],
  ['number of families who have gone to tribunal this yr', { intent: 'measure', measure: 'tribunal_appeals' }],
  ['how many disagreements went to mediation last term', { intent: 'measure', measure: 'mediations' }],
  [
    'school attendance for children on SEN support, how do we compare with national',
    { intent: 'measure', measure: 'attendance_sen_support' },
  ],
  [
    'what proportion of our 16 to 25 year olds with send are in work, college or training',
    { intent: 'measure', measure: 'eet_16_25' },
  ],
  [
    'how many young people with a learning disability had their yearly GP health check',
    { intent: 'measure', measure: 'annual_health_checks' },
  ],
  ['how many children are on reduced timetables at the moment', { intent: 'measure', measure: 'part_time_timetables' }],
  [
    'how many send children have been taken off roll to be home educated this year',
    { intent: 'measure', measure: 'elective_home_education' },
  ],
  ['how many of our send kids are placed out of county', { intent: 'measure', measure: 'out_of_area_placements' }],
  [
    'are the reports from health and the ed psychs coming back in time for needs assessments',
    { intent: 'measure', measure: 'advice_on_time' },
  ],
  ['how many plans have a direct payment attached now', { intent: 'measure', measure: 'personal_budgets' }],
  [
    'pupils with an ehcp missing more than 10% of their sessions, is it going up',
    { intent: 'measure', measure: 'persistent_absence_ehcp' },
  ],
  [
    'how many kids in alternative provision managed to go back into a mainstream school',
    { intent: 'measure', measure: 'ap_return_to_mainstream' },
  ],

  // Invitations and my invitations (8)
  ['send the survey to mum for AR-5531', { intent: 'invite' }],
  [
    'can you set up the survey for the young person on review AR-2210, their review meeting is 3rd feb',
    { intent: 'invite' },
  ],
  ['need a survey link for dad ar 7781 and text him on 07700 900456', { intent: 'invite' }],
  ['invite the child on AR-3090 please', { intent: 'invite' }],
  ['who hasnt filled in there survey yet out of the families i invited', { intent: 'myInvitations' }],
  [
    'the family lost the link i sent them for AR-4410, can i get them a new one',
    [{ intent: 'myInvitations' }, { intent: 'invite' }],
  ],
  ['show me the invites ive sent out', { intent: 'myInvitations' }],
  ['survey for the parent carer of AR-6120, email it to k.smith@example.org', { intent: 'invite' }],

  // A review's answers, who viewed them, erasure (6)
  ["what did the family say for AR-1187, it's their review meeting tomorrow", { intent: 'reviewAnswers' }],
  ['show me the responses for ar-3321', { intent: 'reviewAnswers' }],
  ['has anyone else looked at the answers on AR-2050', { intent: 'whoViewed' }],
  ['audit trail of who opened review AR-8812', { intent: 'whoViewed' }],
  ['parent has asked for all their data to be deleted, AR-4471', { intent: 'eraseReview' }],
  ['remove everything we hold on AR-9930 pls, its a GDPR request', { intent: 'eraseReview' }],

  // Digest, board pack, delivery report (6)
  ['can I see what this terms digest looks like so far', { intent: 'digest' }],
  ['sign me up so i get the end of term summary', { intent: 'digest' }],
  ['did everyone on the board actually get the digest last week', { intent: 'deliveryReport' }],
  ['any of the digest messages fail to send?', { intent: 'deliveryReport' }],
  ['need the board scorecard for spring', { intent: 'boardPack' }],
  ['pdf of the outcomes pack for the partnership board meeting please', { intent: 'boardPack' }],

  // Themes, you said we did, answered alone, unclear questions (6)
  ['what are parents moaning about most in their comments on health', { intent: 'themes' }],
  ['common themes in what the young people wrote this term', { intent: 'themes' }],
  [
    'add a you said we did: parents said they could never get through on the phone, we have set up a duty line',
    { intent: 'youSaidWeDid' },
  ],
  ['results just for the kids who did the survey without any help', { intent: 'answeredAlone' }],
  ['are any of the questions confusing families?', { intent: 'unclearQuestions' }],
  ['which survey qs got the most "i dont understand" clicks', { intent: 'unclearQuestions' }],

  // Things the bot does not do or does not hold (8)
  ['physio waiting times', [...NOT_HELD, { intent: 'waits', unknownService: 'physio' }]],
  ['can you book a room for the EHCP panel on friday', { intent: 'unknown' }],
  ['thanks thats brilliant', { intent: 'smallTalk' }],
  ['morning!', { intent: 'smallTalk' }],
  ['CAMHS waiting times for our send kids', [...NOT_HELD, { intent: 'waits', unknownService: 'camhs' }]],
  ['how much are we spending on independent special school placements', NOT_HELD],
  ["write me an email to the head at Oakfield about the child's transport", { intent: 'unknown' }],
  ["what's the OT waiting list like", [...NOT_HELD, { intent: 'waits', unknownService: 'ot' }]],

  // The hardest realistic ones (10)
  ['sorry new in post, whats an EHCNA actually', { intent: 'glossary' }],
  [
    'i sent loads of invites out in october, how many families have actually answered the survey this term',
    [{ intent: 'responseRate' }, { intent: 'myInvitations' }],
  ],
  [
    "which of our figures need an explanation for the board because they've gone red or got worse",
    { intent: 'exceptions' },
  ],
  [
    'how is kept safe doing overall, the survey and the other data together',
    { intent: 'outcomeOverview', outcome: 'safe' },
  ],
  ['attendance figures for send pupils this term', [{ intent: 'clarify' }, { intent: 'measure' }]],
  [
    'i know u do waits but is there anything on how long EHCPs take start to finish',
    [
      { intent: 'waits', service: 'ehcna' },
      { intent: 'measure', measure: 'ehcp_20_weeks' },
    ],
  ],
  [
    'families keep telling us they get nothing while they wait for an assessment, do we measure support while waiting',
    { intent: 'measure', measure: 'support_while_waiting' },
  ],
  [
    'how many of the mediations ended up going to tribunal anyway',
    { intent: 'measure', measure: 'mediations_to_appeal' },
  ],
  ["what have people been asking the bot that it couldn't answer", { intent: 'unansweredQuestions' }],
  ['err what kind of things can i ask you', { intent: 'help' }],
];
