import { entries, exactEntries, type Entry } from './lexicon.js';
import { MOST_YEARS_AGO } from './periodAsk.js';

/**
 * Who answered (children and young people, or parent carers) and which term. "families" means the
 * parent carers here: the survey's adult respondent answers for the family.
 */
export const ROLE_ENTRIES: Entry[] = [
  ...entries(
    'child | children | young person | young people | children and young people | CYP | YP | kid | kids | pupil | pupils | student | students | ' +
      'learner | learners | son | daughter | teenager | teenagers | teen | teens | boy | boys | girl | girls | youngster | youngsters',
    { kind: 'role', role: 'cyp' },
  ),
  ...entries(
    'parent | parents | parent carer | parent carers | carer | carers | family | families | PC | PCs | mum | mums | dad | dads | mums and dads | ' +
      'mother | mothers | father | fathers | guardian | guardians | caregiver | caregivers',
    { kind: 'role', role: 'pc' },
  ),
];

const NUMBER_WORDS: Record<number, string> = {
  2: 'two',
  3: 'three',
  4: 'four',
  5: 'five',
  6: 'six',
  7: 'seven',
  8: 'eight',
  9: 'nine',
  10: 'ten',
};

export const TERM_ENTRIES: Entry[] = [
  ...entries(
    'this term | current term | current | currently | now | right now | at the moment | so far | this half term | to date',
    { kind: 'term', term: 'current' },
  ),
  ...entries('last term | previous term | prior term | past term | the term before | term before | last | previous', {
    kind: 'term',
    term: 'previous',
  }),
  // The same term a year before: the framework measures "year on year".
  ...entries(
    'this time last year | same time last year | same term last year | this term last year | same point last year | the year before',
    { kind: 'term', term: 'yearAgo' },
  ),
  // "year ago" also matches "years ago" (words are compared by their stems): the term readers take a plural with
  // no number before it ("years ago", "many years ago") as a vague time, never as a year ago.
  ...exactEntries('a year ago | one year ago | 1 year ago | year ago', { kind: 'term', term: 'yearAgo' }),
  // Further back: "two years ago", "3 years back", "the year before last". Never read as a year ago: an answer
  // for a nearer period than the one asked would be figures for something else.
  ...Array.from({ length: MOST_YEARS_AGO - 1 }, (_, i) => i + 2).flatMap((years) =>
    exactEntries(
      [String(years), NUMBER_WORDS[years] ?? '']
        .filter(Boolean)
        .flatMap((n) => ['years ago', 'years back', 'years before', 'years earlier'].map((w) => `${n} ${w}`))
        .concat(years === 2 ? ['the year before last', 'year before last', 'the year before the last'] : [])
        .join(' | '),
      { kind: 'term', term: 'yearsAgo', years },
    ),
  ),
  ...entries(
    'year on year | year-on-year | compared with last year | compared to last year | against last year | on last year | than last year | vs last year | versus last year | since last year | from last year',
    { kind: 'term', term: 'yearAgo' },
    { kind: 'compare', explicit: false },
  ),
  // "vs last term", "since last term": a comparison with the term before.
  ...entries(
    'vs last term | versus last term | against last term | compared to last term | compared with last term | since last term | from last term | than last term',
    {
      kind: 'term',
      term: 'previous',
    },
    { kind: 'compare', explicit: false },
  ),
  // Months place a waiting-list comparison ("since September"). "May" only after "since", "in", "from":
  // alone it is a verb far more often than a month.
  ...[
    'january | jan',
    'february | feb',
    'march | mar',
    'april | apr',
    'since may | in may | from may | start of may | end of may',
    'june | jun',
    'july | jul',
    'august | aug',
    'september | sept | sep',
    'october | oct',
    'november | nov',
    'december | dec',
  ]
    // Exact only: "sept" must not catch "sent", nor "march" "match".
    .flatMap((words, i) => exactEntries(words, { kind: 'month', month: i + 1 })),
  ...entries('autumn | autumn term', { kind: 'season', season: 'autumn' }),
  ...entries('spring | spring term', { kind: 'season', season: 'spring' }),
  ...entries('summer | summer term', { kind: 'season', season: 'summer' }),
  // "last year" is not "last term": figures are termly, so the caller asks which term.
  ...entries(
    'last year | this year | past year | previous year | last academic year | this academic year | last week | this week | last month | this month | last few months | recently',
    { kind: 'vagueTime' },
  ),
  ...entries('last time | at last | last one', { kind: 'ignore' }),
  // "any more confident than they were this time last year": then against now.
  ...entries('than they were | than it was | than we were | than they did | than it did', {
    kind: 'compare',
    explicit: false,
  }),
  ...entries('compare | comparing | comparison | vs | versus | side by side | compared', {
    kind: 'compare',
    explicit: true,
  }),
  ...entries(
    'trend | trends | change | changes | changed | changing | since | improved | improving | improvement | got better | got worse | getting better | getting worse | over time | difference | ' +
      'last few | past few | over the last few | extracts | each extract | every extract | grown | gone up | gone down | shrunk',
    {
      kind: 'compare',
      explicit: false,
    },
  ),
  // Which way a figure is moving, in everyday words ("is the SALT wait getting shorter"). Exact only: "feeling"
  // is one letter from "falling".
  ...exactEntries(
    'getting shorter | getting longer | got shorter | got longer | coming down | come down | going up | going down | growing | shrinking | reducing | increasing | falling | rising | ' +
      'any shorter | any longer | any better | any worse | any quicker | any faster | any slower',
    { kind: 'compare', explicit: false },
  ),
];
