/**
 * Held-out set 16: written on 2026-12-08 by an independent writer who had read only the README, the shared
 * SPEC.md, the shared examples (practitioner-questions.md) and the help card's text (help.ts), and nothing else
 * of the bot's source or tests; the rows are what SEND caseworkers, therapists' managers, SENCOs, commissioners
 * and board members would type in Teams, each with what it means, and no row was tuned on or run against the bot.
 *
 * Written after the last change to the language understanding (21fb92d) and NEVER TUNED ON: its first run is the
 * honest estimate of what a practitioner meets. First run (code at 4c95936, the table as written), on its 60 rows:
 * 50 right, 2 asked back, 0 not understood, 8 confidently wrong (13.3%). (The trust test prints 61: "which of my
 * families havent finished their surveys yet" is also in the main table and counts twice; it is read right.) Two
 * of the eight were the brief's error (the brief still did not say that the waits route itself answers a list it
 * does not hold: "I have no figures for …"); those rows now accept it, so, on the same code, 52 right and 6
 * confidently wrong (10.0%): 16-25s in education or work read as Future scores, annual health checks as Progress
 * scores, suspensions per 100 pupils as waiting times (SALT named first), PRU pupils back into mainstream as AP
 * places, "what are we showing the public on the outcomes web page" as scores, and "email the SENCO … chase the
 * school advice" as advice on time. Left as they are (session 14): fixing them would make this set tuned-on too.
 */
type Want = Record<string, unknown> & { intent: string };
export const HELD_OUT_16: [string, Want | Want[]][] = [
  // outcome scores (12)
  ['hiya could u pull the progress numbers for last term pls', { intent: 'scores', outcome: 'progress' }],
  [
    'what did the young ppl say abt being healthy and happy in spring 2026',
    { intent: 'scores', outcome: 'health', roles: ['cyp'] },
  ],
  [
    'parent carers feeling listened to - how does that compare to this time last yr',
    { intent: 'scores', outcome: 'voice', roles: ['pc'] },
  ],
  ['future outcome two years ago v now??', { intent: 'scores', outcome: 'future' }],
  [
    'Could you just tell me whether the children and young people feel safe at the moment, the head of service asked me in the corridor and I said I would check',
    { intent: 'scores', outcome: 'safe', roles: ['cyp'] },
  ],
  ['suport scores autumn 2025 parents only', { intent: 'scores', outcome: 'support', roles: ['pc'] }],
  ['which of the 6 outcomes is worst for the young people this term', { intent: 'scores', roles: ['cyp'] }],
  ['kept safe summer 2025 vs summer 2026', { intent: 'scores', outcome: 'safe' }],
  ['helth scores last term', { intent: 'scores', outcome: 'health' }],
  [
    'before board on thurs i need to know if parents think their child is being got ready for adulthood and whether thats moved since last year',
    { intent: 'scores', outcome: 'future', roles: ['pc'] },
  ],
  ['did voice go up or down from autumn to spring, CYP only', { intent: 'scores', outcome: 'voice', roles: ['cyp'] }],
  [
    'hows support looking',
    [
      { intent: 'scores', outcome: 'support' },
      { intent: 'outcomeOverview', outcome: 'support' },
      { intent: 'clarify' },
    ],
  ],

  // waits (8)
  ['whats the wait like for SLT rn', { intent: 'waits', service: 'salt' }],
  [
    'how long is the autism assessment list now, a mum is asking and I want to give her a realistic idea without promising anything',
    { intent: 'waits', service: 'asd' },
  ],
  ['adhd waiting list since sept - better or worse', { intent: 'waits', service: 'adhd' }],
  [
    'are we getting EHC needs assessments done in 20 wks',
    [
      { intent: 'waits', service: 'ehcna' },
      { intent: 'measure', measure: 'ehcp_20_weeks' },
    ],
  ],
  ['is the longest wait on the neurodiversity pathway still over a year', { intent: 'waits', service: 'nd' }],
  ['which services r in the red on waiting times', { intent: 'waits' }],
  ['speech therapy waits at end of october', { intent: 'waits', service: 'salt' }],
  ['autism numbers pls', [{ intent: 'waits', service: 'asd' }, { intent: 'clarify' }]],

  // framework measures (12)
  [
    'how many kids with plans have been permanently excluded this yr',
    { intent: 'measure', measure: 'perm_exclusions_ehcp' },
  ],
  ['are we getting the annual reviews done in time atm', { intent: 'measure', measure: 'ar_on_time' }],
  ['how many families have taken us to tribunal since september', { intent: 'measure', measure: 'tribunal_appeals' }],
  ['school attendance for the sen support cohort last term', { intent: 'measure', measure: 'attendance_sen_support' }],
  [
    'how many of our 16 to 25s with SEND are in college work or an apprenticeship',
    { intent: 'measure', measure: 'eet_16_25' },
  ],
  ['how many EHCPs have direct payments attached', { intent: 'measure', measure: 'personal_budgets' }],
  ['how many disabled children are getting respite at the moment', { intent: 'measure', measure: 'short_breaks' }],
  [
    'are young people with a learning disability actually going for their yearly GP check once they turn 14',
    { intent: 'measure', measure: 'annual_health_checks' },
  ],
  ['how many kids are on reduced timetables', { intent: 'measure', measure: 'part_time_timetables' }],
  [
    'I know the SALT list is grim but what I actually need for the SENCO forum is how often EHCP pupils are getting sent home for a few days, per 100 kids',
    { intent: 'measure', measure: 'suspension_rate_ehcp' },
  ],
  [
    'how many of the PRU kids make it back into mainstream school',
    { intent: 'measure', measure: 'ap_return_to_mainstream' },
  ],
  ['no. of children placed out of county', { intent: 'measure', measure: 'out_of_area_placements' }],

  // invitations and my invitations (6)
  ['can u send the survey to mum for AR-2291', { intent: 'invite' }],
  ['invite the young person on AR-3310 to do their survey pls, review mtg is 3rd feb', { intent: 'invite' }],
  ['set up a survey link for the parent carer, review ref AR-0457', { intent: 'invite' }],
  ['which of my families havent finished their surveys yet', { intent: 'myInvitations' }],
  [
    'dad on AR-2291 says the link I sent him has expired, can I get him a fresh one',
    [{ intent: 'myInvitations' }, { intent: 'invite' }],
  ],
  [
    'did the text with the survey link actually get delivered to the families i invited last week',
    { intent: 'myInvitations' },
  ],

  // review answers, who viewed, erase (4)
  ['what did the family put for AR-1877, meeting in 10 mins', { intent: 'reviewAnswers' }],
  ['whos looked at the answers on AR-5002', { intent: 'whoViewed' }],
  [
    'parent has asked us to delete everything we hold on AR-3141 (GDPR request) can you do that',
    { intent: 'eraseReview' },
  ],
  ['print off the childs survey answers for review AR-0620', { intent: 'reviewAnswers' }],

  // digest, delivery report, board pack, public figures (6)
  ['did last terms digest actually land in the board members inboxes', { intent: 'deliveryReport' }],
  ['whats going in the digest so far this term', { intent: 'digest' }],
  ['need the board scorecard for spring 2025-26', { intent: 'boardPack' }],
  ['what are we showing the public on the outcomes web page at the min', { intent: 'publicFigures' }],
  ['when did the digest last go out? dont want to send it twice', { intent: 'deliveryReport' }],
  [
    'have we already published the annual reviews on time figure on the public page or not',
    { intent: 'publicFigures' },
  ],

  // themes, you said we did, answered alone, unclear questions, glossary (6)
  ['what sort of things are families writing in the free text boxes', { intent: 'themes' }],
  ['you said we did - add one about the new SALT drop in sessions for parents', { intent: 'youSaidWeDid' }],
  ['scores for the kids who filled it in by themselves without an adult', { intent: 'answeredAlone' }],
  ['which survey qs are confusing people', { intent: 'unclearQuestions' }],
  ['whats an EHCNA', { intent: 'glossary' }],
  ['sorry probably a daft question but what does SEN support actually mean, a parent asked me', { intent: 'glossary' }],

  // things the bot does not do or hold (6)
  [
    'whats the wait for physio',
    [{ intent: 'notHeld' }, { intent: 'unknown' }, { intent: 'waits', unknownService: 'physio' }],
  ],
  ['how many SEN pupils get free school meals', [{ intent: 'notHeld' }, { intent: 'unknown' }]],
  ['can you book a room for the review meeting on tuesday', { intent: 'unknown' }],
  [
    'CAMHS waiting times please',
    [{ intent: 'notHeld' }, { intent: 'unknown' }, { intent: 'waits', unknownService: 'camhs' }],
  ],
  ['how big is the high needs block overspend this year', [{ intent: 'notHeld' }, { intent: 'unknown' }]],
  ['could you email the SENCO at Oakfield for me and chase the school advice', { intent: 'unknown' }],
];
