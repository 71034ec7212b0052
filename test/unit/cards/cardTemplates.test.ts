import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { renderCard } from '../../../src/cards/renderCard.js';
import { cardElements } from '../../support/cardElements.js';
import { sectionCard, sectionSavedCard, surveyCompleteCard } from '../../../src/features/survey/surveyCards.js';
import { fromRoot } from '../../../src/config/projectPaths.js';
import {
  loadMeasureCatalogue,
  loadQuestionBank,
  loadServiceCatalogue,
  loadTermCalendar,
} from '../../../src/seeds/loadSeeds.js';
import { sectionOrder } from '../../../src/features/survey/domain/sections.js';
import { cardProblems } from '../../support/cardCheck.js';
import { outcomeScore, responseRates } from '../../../src/features/scores/domain/outcomeFigures.js';
import {
  presentComparison,
  presentResponseRates,
  presentScores,
} from '../../../src/features/scores/scoresPresenter.js';
import { presentOverview, presentServiceWaits } from '../../../src/features/waits/waitsPresenter.js';
import { waitingListStats } from '../../../src/features/waits/domain/waitingListStats.js';
import { discloseWaits } from '../../../src/features/waits/domain/disclosedWaits.js';
import { demoReferrals } from '../../../src/features/waits/domain/demoExtracts.js';
import { buildTermDigest } from '../../../src/features/digests/domain/termDigest.js';
import { presentTermDigest } from '../../../src/features/digests/termDigestPresenter.js';
import { reviewAnswers } from '../../../src/features/reviews/domain/reviewAnswers.js';
import { worryAlertCard } from '../../../src/features/worries/worryAlertPresenter.js';
import { youSaidFormCard, youSaidListCard } from '../../../src/features/youSaid/youSaidPresenter.js';
import { exceptionFormCard, exceptionListCard } from '../../../src/features/exceptions/exceptionsPresenter.js';
import { publicFiguresCard } from '../../../src/features/publicOutcomes/publicOutcomesPresenter.js';
import { presentReviewAnswers, presentReviewWords } from '../../../src/features/reviews/reviewAnswersPresenter.js';
import { measureFigures } from '../../../src/features/measures/domain/measureFigures.js';
import { presentMeasure, presentMeasureTable } from '../../../src/features/measures/measuresPresenter.js';

const bank = loadQuestionBank();

/** Sample renders of every template; a template with no sample here fails the last test. */
const samples: { template: string; name: string; card: () => unknown }[] = [];
for (const role of ['cyp', 'pc'] as const) {
  for (const actionType of ['Action.Execute', 'Action.Submit'] as const) {
    for (const section of sectionOrder(bank)) {
      const template = section === 'text' ? 'surveyFreeText' : role === 'cyp' ? 'surveyFaces' : 'surveySection';
      samples.push({
        template,
        name: `${section} for ${role} with ${actionType}`,
        card: () =>
          sectionCard(bank, {
            section,
            role,
            code: 'ABCDEFGH23',
            actionType,
            notice: 'Please answer every question.',
            assetBaseUrl: 'https://bot.example',
          }),
      });
      if (role === 'cyp' && section !== 'text') {
        samples.push({
          template: 'surveySection',
          name: `${section} for a child using numbers with ${actionType}`,
          card: () => sectionCard(bank, { section, role, code: 'ABCDEFGH23', actionType, scale: 'numbers' }),
        });
      }
    }
  }
}
samples.push({
  template: 'surveySection',
  name: 'a section re-shown with earlier answers',
  card: () =>
    sectionCard(bank, {
      section: 'safe',
      role: 'cyp',
      code: 'ABCDEFGH23',
      actionType: 'Action.Execute',
      saved: { values: { 'safe.cyp.1': 4, 'safe.cyp.2': 0 } },
      lead: 'Welcome back!',
      missing: ['safe.cyp.3'],
    }),
});
samples.push({
  template: 'sectionSaved',
  name: 'a saved section',
  card: () =>
    sectionSavedCard(bank, {
      section: 'voice',
      answers: [
        { questionId: 'voice.cyp.1', skipped: false, score: 4 },
        { questionId: 'voice.cyp.2', skipped: true },
      ],
    }),
});
samples.push({ template: 'surveyComplete', name: 'completion', card: () => surveyCompleteCard('AR-1042', 'pc') });
samples.push({
  template: 'invitationCreated',
  name: 'an invitation',
  card: () =>
    renderCard('invitationCreated', {
      reviewRef: 'AR-1042',
      respondent: 'Parent carer',
      respondentLower: 'parent carer',
      displayCode: 'ABCD-EFGH-23',
      link: 'http://localhost:3978/survey/ABCDEFGH23',
      expiresOn: '2027-01-21',
      lead: '',
      meeting: 'Thursday 14 January 2027. Reminders stop before it.',
    }),
});
samples.push({
  template: 'invitationForm',
  name: 'the invitation form, given back with a mistake (Notify set up)',
  card: () =>
    renderCard('invitationForm', {
      reviewRef: 'AR-1042',
      role: 'pc',
      contact: '07700 900123',
      meetingOn: '2027-01-14',
      canSend: true,
      notice: 'That date has passed: choose the review meeting date from the calendar, or leave it empty.',
      formId: '5b0d3c1e-7f1a-4c1e-9a51-3d0f6b2a9c11',
    }),
});
samples.push({
  template: 'invitationForm',
  name: 'the invitation form, empty (Notify not set up)',
  card: () =>
    renderCard('invitationForm', {
      reviewRef: '',
      role: '',
      contact: '',
      meetingOn: '',
      canSend: false,
      notice: '',
      formId: '5b0d3c1e-7f1a-4c1e-9a51-3d0f6b2a9c12',
    }),
});
samples.push({
  template: 'invitationList',
  name: "a practitioner's invitations",
  card: () =>
    renderCard('invitationList', {
      intro: 'Newest first.',
      actionType: 'Action.Execute',
      rows: [
        {
          code: 'ABCDEFGH23',
          reviewRef: 'AR-1042',
          respondent: 'Parent carer',
          createdOn: '2026-11-22',
          meeting: 'Review meeting Thursday 14 January 2027',
          status: 'section 3 of 7',
          delivery: 'By text: invitation delivered, reminder 1 sent.',
          renewable: true,
        },
        {
          code: 'ABCDEFGH24',
          reviewRef: 'AR-1043',
          respondent: 'Child or young person',
          createdOn: '2026-11-21',
          meeting: '',
          status: 'completed',
          delivery: '',
          renewable: false,
        },
      ],
    }),
});
samples.push({
  template: 'help',
  name: 'help',
  card: () =>
    renderCard('help', {
      title: 'What I can do',
      intro: 'Ask me',
      commands: [{ example: 'help', meaning: 'this' }],
      buttons: [{ title: 'Scores', text: 'outcome scores' }],
    }),
});

{
  const terms = loadTermCalendar();
  const term = terms.termOf('2026-11-22');
  const counters = new Map<string, Record<string, number>>([
    ['pc~voice', { resp: 12, seen: 12, q1_n: 12, q1_sum: 40, q1_c3: 4, q1_c4: 8 }],
    ['rate~pc', { sent: 20, started: 14, completed: 12 }],
    ['rate~cyp', { sent: 3, started: 2, completed: 1 }],
  ]);
  const pick = () =>
    bank.outcomes.flatMap((o) => (['cyp', 'pc'] as const).map((r) => outcomeScore(bank, counters, o.id, r)));
  const r = { term, previous: terms.previous(term), hasData: true, scores: pick(), previousScores: pick() };
  samples.push({
    template: 'figureTable',
    name: 'outcome scores',
    card: () => renderCard('figureTable', presentScores(bank, r, ['cyp', 'pc'], { perQuestion: false }).card),
  });
  samples.push({
    template: 'figureTable',
    name: 'one outcome per question',
    card: () =>
      renderCard('figureTable', presentScores(bank, r, ['cyp', 'pc'], { outcome: 'voice', perQuestion: true }).card),
  });
  samples.push({
    template: 'figureTable',
    name: 'two terms compared',
    card: () => renderCard('figureTable', presentComparison(bank, [r, r], ['cyp', 'pc']).card),
  });
  samples.push({
    template: 'figureTable',
    name: 'response rates',
    card: () => renderCard('figureTable', presentResponseRates(term, responseRates(counters)).card),
  });
}

{
  // Waiting times: every service with the demo extracts, one with no data, one with too few to show.
  const catalogue = loadServiceCatalogue();
  const window = { start: '2026-09-01', end: '2026-12-31' };
  const answers = catalogue.map((service) => ({
    service,
    hasData: true as const,
    figures: discloseWaits(
      waitingListStats(demoReferrals(service.id, service.shortName, '2026-11-22'), service, '2026-11-22', window),
    ),
    onDate: '2026-11-22',
    extractAsOf: '2026-11-22',
    // A month-old extract: the card says how old its figures are.
    today: '2026-12-22',
    termLabel: '2026-27 Autumn',
  }));
  for (const a of answers)
    samples.push({
      template: 'waitTimes',
      name: `waits for ${a.service.id}`,
      card: () => renderCard('waitTimes', presentServiceWaits(a).card),
    });
  const few = {
    ...answers[0],
    figures: discloseWaits(
      waitingListStats(demoReferrals('salt', 'SALT', '2026-11-22').slice(-3), answers[0].service, '2026-11-22', window),
    ),
  };
  samples.push({
    template: 'waitTimes',
    name: 'waits of fewer than 5 children',
    card: () => renderCard('waitTimes', presentServiceWaits(few).card),
  });
  samples.push({
    template: 'figureTable',
    name: 'every service worst first',
    card: () =>
      renderCard(
        'figureTable',
        presentOverview([...answers, { service: catalogue[0], hasData: false }], '2026-11-22').card,
      ),
  });
}

{
  // Framework measures: a rated percent with both changes, a count with a direction target, a hidden figure,
  // and the table of every measure (most with no data).
  const { measures } = loadMeasureCatalogue();
  const byId = (id: string) => measures.find((m) => m.id === id)!;
  const at = { loadedAt: '2026-11-20T09:00:00.000Z', file: 'measures-autumn.csv' };
  const plans = measureFigures(byId('plans_qa_good'), [
    { measureId: 'plans_qa_good', period: '2025-26-autumn', numerator: 30, denominator: 40, value: 0.75, ...at },
    { measureId: 'plans_qa_good', period: '2026-27-summer', numerator: 33, denominator: 40, value: 0.825, ...at },
    { measureId: 'plans_qa_good', period: '2026-27-autumn', numerator: 35, denominator: 40, value: 0.875, ...at },
  ])!;
  const complaints = measureFigures(byId('complaints'), [
    { measureId: 'complaints', period: '2026-27-autumn', value: 12, ...at },
  ])!;
  const hidden = measureFigures(byId('perm_exclusions_ehcp'), [
    { measureId: 'perm_exclusions_ehcp', period: '2026-27-autumn', value: 2, ...at },
  ])!;
  for (const [name, f] of [
    ['measure rated against a level', plans],
    ['measure with a direction', complaints],
    ['measure hidden (1-4)', hidden],
  ] as const)
    samples.push({
      template: 'measure',
      name,
      card: () => renderCard('measure', presentMeasure(f, '2026-11-22').card),
    });
  samples.push({
    template: 'figureTable',
    name: 'every framework measure',
    card: () =>
      renderCard(
        'figureTable',
        presentMeasureTable(
          measures.map((m) => ({
            measure: m,
            ...(m.id === 'plans_qa_good' ? { figures: plans } : m.id === 'complaints' ? { figures: complaints } : {}),
          })),
          '2026-11-22',
          { title: 'Framework measures against their targets', offTarget: true },
        ).card,
      ),
  });
}

{
  // The termly digest: with figures, waits and a CSV link; and with nothing to show yet.
  const terms = loadTermCalendar();
  const term = terms.termOf('2026-11-22');
  const catalogue = loadServiceCatalogue();
  const counters = new Map<string, Record<string, number>>([
    ['pc~voice', { resp: 12, seen: 12, q1_n: 12, q1_sum: 40, q1_c3: 4, q1_c4: 8 }],
    ['cyp~safe', { resp: 3, seen: 3, q1_n: 3, q1_sum: 12, q1_c4: 3 }],
    ['rate~pc', { sent: 20, started: 14, completed: 12 }],
    ['rate~cyp', { sent: 3, started: 2, completed: 1 }],
  ]);
  const pick = (c: Map<string, Record<string, number>>) =>
    bank.outcomes.flatMap((o) => (['cyp', 'pc'] as const).map((r) => outcomeScore(bank, c, o.id, r)));
  const waits = catalogue.map((service, i) => ({
    service,
    figures:
      i === 2
        ? null
        : discloseWaits(
            waitingListStats(demoReferrals(service.id, service.shortName, '2026-11-22'), service, '2026-11-22', {
              start: term.start,
              end: term.end,
            }),
          ),
  }));
  const full = buildTermDigest({
    term,
    previousTerm: terms.previous(term),
    bank,
    scores: pick(counters),
    previousScores: pick(new Map([['pc~voice', { resp: 10, seen: 10, q1_n: 10, q1_sum: 45, q1_c5: 5, q1_c4: 5 }]])),
    rates: responseRates(counters),
    waits,
    measures: demoMeasureAnswers(),
    generatedOn: '2026-11-22',
  });
  samples.push({
    template: 'termDigest',
    name: 'a digest with figures, a fall and red services',
    card: () =>
      renderCard(
        'termDigest',
        presentTermDigest(full, {
          csvUrl: 'http://localhost:3978/api/digests/csv?token=abc.def',
          csvExpiresOn: '2026-12-22',
        }).card,
      ),
  });
  const empty = buildTermDigest({
    term,
    previousTerm: terms.previous(term),
    bank,
    scores: pick(new Map()),
    previousScores: pick(new Map()),
    rates: responseRates(new Map()),
    waits: catalogue.map((service) => ({ service, figures: null })),
    measures: [],
    generatedOn: '2026-11-22',
  });
  samples.push({
    template: 'termDigest',
    name: 'a digest with nothing yet, no link',
    card: () => renderCard('termDigest', presentTermDigest(empty).card),
  });
}

{
  // A review answered in full, every free text at its longest and made of characters escaping lengthens.
  const worst = '&<>*_[]()#'.repeat(200);
  const rows = (role: 'cyp' | 'pc') => [
    ...bank.outcomes.flatMap((o) =>
      bank
        .questionsFor(o.id, role)
        .map((q, i) => ({ questionId: q.id, submittedOn: '2026-11-01', skipped: i === 0, score: 4 })),
    ),
    ...bank.promptsFor(role).map((p) => ({ questionId: p.id, submittedOn: '2026-11-02', skipped: false, text: worst })),
  ];
  // With last year's answers and words beside (the longest a review's cards can be).
  const review = reviewAnswers(
    bank,
    'AR-1042',
    { cyp: rows('cyp'), pc: rows('pc') },
    { year: '2025-26', rows: { cyp: rows('cyp'), pc: rows('pc') } },
  );
  samples.push({
    template: 'reviewAnswers',
    name: "a review's answers from both respondents",
    card: () =>
      renderCard('reviewAnswers', presentReviewAnswers(review, 'http://localhost:3978/reviews/print?token=a.b')),
  });
  presentReviewWords(review).forEach((words, i) =>
    samples.push({
      template: 'reviewWords',
      name: `own words at their longest and most escaped, card ${i + 1}`,
      card: () => renderCard('reviewWords', words),
    }),
  );
}

samples.push({
  template: 'worryAlert',
  name: 'a worry at its longest, open',
  card: () =>
    renderCard(
      'worryAlert',
      worryAlertCard(
        {
          id: 'a'.repeat(32),
          reviewRef: 'AR-1042',
          role: 'cyp',
          questionId: 'text.cyp.5',
          asked: 'I feel worried about…',
          answer: '&<>*_[]()#'.repeat(200),
          reasons: ['"scared"'],
          raisedAt: '2026-11-24T12:00:00.000Z',
          inviter: 'x',
          status: 'sent',
        },
        { escalated: true, actionType: 'Action.Execute' },
      ),
    ),
});

{
  const entries = [1, 2, 3].map((i) => ({
    id: `00000000-0000-4000-8000-00000000000${i}`,
    outcome: 'support' as const,
    youSaid: 'Waiting for speech therapy took too long '.repeat(9),
    weDid: 'We funded two more therapists and a drop-in clinic '.repeat(7),
    createdBy: 'dddddddd-0000-0000-0000-000000000003',
    createdAt: '2026-11-20T10:00:00.000Z',
  }));
  samples.push({
    template: 'youSaidList',
    name: 'three long entries',
    card: () => renderCard('youSaidList', youSaidListCard(bank, entries, 'http://localhost:3978/you-said-we-did')),
  });
  samples.push({
    template: 'youSaidForm',
    name: 'an entry being changed, with a problem',
    card: () => renderCard('youSaidForm', youSaidFormCard(bank, entries[0], 'Say what families told you.')),
  });
}

{
  // Exceptions commentary and the public figures (issue #26): long names and words, as managers write them.
  const measure = loadMeasureCatalogue().measures.find((m) => m.id === 'plans_qa_good')!;
  const line = {
    line: {
      measure,
      figures: {
        measure,
        latest: {
          period: '2026-27-autumn',
          value: { shown: true as const, value: 0.6, basis: 50 },
          numerator: { shown: true as const, value: 30, basis: 50 },
          denominator: 50,
          loadedAt: '2026-12-01T09:00:00.000Z',
          file: 'measures.csv',
        },
        comparators: {},
        rag: 'red' as const,
      },
    },
    why: 'red' as const,
    note: {
      measureId: measure.id,
      period: '2026-27-autumn',
      action: 'An extra quality panel every fortnight; coordinators trained in writing outcomes. '.repeat(6),
      due: '2027-01-31',
      writtenBy: 'dddddddd-0000-0000-0000-000000000003',
      writtenAt: '2026-12-01T10:00:00.000Z',
    },
  };
  samples.push({
    template: 'exceptionList',
    name: 'twelve measures needing commentary',
    card: () => renderCard('exceptionList', exceptionListCard(Array.from({ length: 12 }, () => line))),
  });
  samples.push({
    template: 'exceptionForm',
    name: 'commentary being changed, with a problem',
    card: () =>
      renderCard(
        'exceptionForm',
        exceptionFormCard(line, '2026-12-07', undefined, 'The date it will be done by is in the past.'),
      ),
  });
  samples.push({
    template: 'publicFigures',
    name: 'every outcome and measure, some published',
    card: () =>
      renderCard(
        'publicFigures',
        publicFiguresCard(
          {
            outcomes: bank.outcomes.map((o, i) => ({ outcome: o.id, name: o.shortName, isPublic: i % 2 === 0 })),
            measures: loadMeasureCatalogue().measures.map((m, i) => ({ measure: m, isPublic: i % 3 === 0 })),
          },
          'http://localhost:3978/outcomes',
        ),
      ),
  });
}

describe('card templates', () => {
  for (const sample of samples) {
    it(`renders ${sample.template} (${sample.name}) as a valid Adaptive Card ≤ 1.5 and ≤ 28 KB`, () => {
      expect(cardProblems(sample.card())).to.deep.equal([]);
    });
  }

  it("shows children five large colour faces, each a button with its label in words and the bank's alt text", () => {
    const card = sectionCard(bank, {
      section: 'voice',
      role: 'cyp',
      code: 'ABCDEFGH23',
      actionType: 'Action.Submit',
      answers: { 'voice.cyp.1': '4' },
      assetBaseUrl: 'https://bot.example',
    }) as any;
    const faces = cardElements(card).filter((e: any) => e.type === 'Column' && e.selectAction);
    expect(faces.map((f: any) => f.items[1].text)).to.deep.equal([
      'Strongly agree',
      'Agree',
      'Neither agree nor disagree',
      'Disagree',
      'Strongly disagree',
    ]);
    for (const [i, face] of faces.entries()) {
      const score = 5 - i;
      expect(face.items[0]).to.deep.include({
        type: 'Image',
        url: `https://bot.example/static/faces/face-${score}.png`,
        altText: bank.data.scale.points.find((p) => p.score === score)!.alt,
      });
      expect(Number.parseInt(face.items[0].width, 10)).to.be.at.least(48);
      expect(face.selectAction.data).to.deep.include({
        verb: 'survey.answer',
        question: 'voice.cyp.2',
        answer: String(score),
        answers: { 'voice.cyp.1': '4' },
      });
    }
    expect(cardElements(card).some((e: any) => e.text === bank.questionsFor('voice', 'cyp')[1].text)).to.equal(true);
    expect(card.actions.map((a: any) => a.title)).to.deep.equal([
      'Prefer not to say',
      "I don't understand this question",
      'Easy read',
      'Use numbers 1–5 instead',
    ]);
    expect(card.actions[0].data).to.deep.include({ answer: 'skip', question: 'voice.cyp.2' });
    // Its own answer, not a skip: counted in no score, and per question for staff.
    expect(card.actions[1].data).to.deep.include({ answer: 'unclear', question: 'voice.cyp.2' });
  });

  it('gives children and parent carers the same words for 1 to 5', () => {
    const titles = (role: 'cyp' | 'pc') =>
      cardElements(
        sectionCard(bank, {
          section: 'voice',
          role,
          code: 'ABCDEFGH23',
          actionType: 'Action.Submit',
          scale: 'numbers',
        }) as any,
      )
        .find((e: any) => e.type === 'Input.ChoiceSet')!
        .choices.map((c: any) => c.title);
    expect(titles('cyp')).to.deep.equal(titles('pc'));
  });

  it('offers older young people the numbered scale, with a way back to faces', () => {
    const card = sectionCard(bank, {
      section: 'voice',
      role: 'cyp',
      code: 'ABCDEFGH23',
      actionType: 'Action.Submit',
      scale: 'numbers',
    }) as any;
    const choices = cardElements(card)
      .find((e: any) => e.type === 'Input.ChoiceSet')!
      .choices.map((c: any) => c.title);
    expect(choices).to.deep.equal([
      '5 – Strongly agree',
      '4 – Agree',
      '3 – Neither agree nor disagree',
      '2 – Disagree',
      '1 – Strongly disagree',
      'Prefer not to say',
      "I don't understand this question",
    ]);
    expect(card.actions.map((a: any) => a.title)).to.deep.equal([
      'Save and continue',
      'Use faces instead',
      'Easy read',
    ]);
  });

  it('uses Action.Execute for Teams and Action.Submit for Web Chat, with the same data', () => {
    const teams = sectionCard(bank, {
      section: 'voice',
      role: 'pc',
      code: 'ABCDEFGH23',
      actionType: 'Action.Execute',
    }) as any;
    const web = sectionCard(bank, {
      section: 'voice',
      role: 'pc',
      code: 'ABCDEFGH23',
      actionType: 'Action.Submit',
    }) as any;
    expect(teams.actions[0].type).to.equal('Action.Execute');
    expect(teams.actions[0].verb).to.equal('survey.saveSection');
    expect(web.actions[0].type).to.equal('Action.Submit');
    expect(web.actions[0].data).to.deep.equal(teams.actions[0].data);
  });

  it("puts a figure table row's name on its own line above three or more columns of figures (issue #26)", () => {
    const table = (headers: string[]) =>
      renderCard('figureTable', {
        title: 'Waiting times',
        subtitle: '',
        headline: '',
        headers,
        rows: [{ label: 'Neurodevelopmental pathway (ND)', detail: '', cells: headers.map((h) => `${h} 1,234`) }],
        notes: [],
        buttons: [],
      }) as any;
    const wide = table(['Rating', 'Waiting list', 'Against target']);
    const row = wide.body.find((e: any) => e.type === 'Container');
    expect(row.items[0]).to.deep.include({ type: 'TextBlock', text: 'Neurodevelopmental pathway (ND)' });
    expect(row.items[1].columns.map((c: any) => c.items[0].text)).to.deep.equal([
      'Rating 1,234',
      'Waiting list 1,234',
      'Against target 1,234',
    ]);
    const header = wide.body.find((e: any) => e.type === 'ColumnSet');
    expect(header.columns.map((c: any) => c.items[0].text)).to.deep.equal(['Rating', 'Waiting list', 'Against target']);
    // One or two columns leave the name a wide column of its own.
    const narrow = table(['Score']);
    expect(narrow.body.some((e: any) => e.type === 'Container')).to.equal(false);
    const rowSet = narrow.body.filter((e: any) => e.type === 'ColumnSet').at(-1);
    expect(rowSet.columns[0].items[0].text).to.equal('Neurodevelopmental pathway (ND)');
  });

  it('has a sample for every template in cards/', () => {
    const templates = readdirSync(fromRoot('cards'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''));
    for (const t of templates)
      expect(
        samples.map((s) => s.template),
        t,
      ).to.include(t);
  });
});

/** Every framework measure with the demo figures (seeds/demo/measures.csv), as the digest would get them. */
function demoMeasureAnswers() {
  const { measures } = loadMeasureCatalogue();
  const rows = readFileSync(fromRoot('seeds', 'demo', 'measures.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  return measures.map((m) => {
    const history = rows
      .map((line) => line.split(','))
      .filter(([id]) => id === m.id)
      .map(([, period, n, d, v]) => ({
        measureId: m.id,
        period: period!,
        ...(n ? { numerator: Number(n), denominator: Number(d) } : {}),
        value: n && m.unit === 'percent' ? Number(n) / Number(d) : Number(v),
        loadedAt: '2026-11-20T09:00:00.000Z',
        file: 'measures.csv',
      }));
    const figures = measureFigures(m, history);
    return figures ? { measure: m, figures } : { measure: m };
  });
}

describe('what families are told about who reads their words', () => {
  it('says who reads the words and what to do if they need help now, before they write', () => {
    for (const role of ['cyp', 'pc'] as const) {
      const card = JSON.stringify(
        sectionCard(bank, {
          section: 'text',
          role,
          code: 'ABCD2345EF',
          actionType: 'Action.Submit',
          helpNow: 'Call 999 if anyone is in danger; our front door is 01234 567890.',
        }),
      );
      expect(card).to.match(/Who reads this: the (person who asked you|practitioner who invited you)/);
      expect(card).to.include('Need help now? Call 999 if anyone is in danger; our front door is 01234 567890.');
      expect(card).to.include('told the same day');
      // Before the inputs: read before anything is written.
      expect(card.indexOf('Who reads this')).to.be.lessThan(card.indexOf('Input.Text'));
    }
  });

  it('ends by saying truthfully who reads the answers, and shows "you said, we did" for the outcomes answered', () => {
    const card = JSON.stringify(
      surveyCompleteCard('AR-1042', 'pc', '', [
        { outcome: 'Safe', youSaid: 'Transport felt unsafe', weDid: 'We added escorts on two routes' },
      ]),
    );
    expect(card).to.include('The practitioner who invited you reads them, and your own words');
    expect(card).to.include('You said: Transport felt unsafe');
    expect(card).to.include('We did: We added escorts on two routes');
    expect(JSON.stringify(surveyCompleteCard('AR-1042', 'cyp'))).not.to.include('You said, we did"');
  });
});
