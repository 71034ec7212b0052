import { MONTH_NAMES } from '../domain/dates.js';
import { periodAskPhrase } from './periodAsk.js';
import { OUTCOME_LABEL } from './outcomeVocabulary.js';
import type { ServiceVocab, TermRef, Understanding } from './types.js';

/**
 * Writes an understanding back as a command a person could type. Clarifying questions offer these as
 * their options, so picking one (or typing it) is understood without asking again.
 */
export function toCommand(u: Understanding, services: readonly ServiceVocab[]): string {
  switch (u.intent) {
    case 'help':
      return 'help';
    case 'surveyCode':
      return u.code;
    case 'confirmErase':
      return `confirm erase ${u.reviewRef}`;
    case 'deliveryReport':
      return 'digest delivery report';
    case 'scores':
      return scoresCommand(u);
    case 'responseRate':
      return `response rate ${u.period ? periodAskPhrase(u.period) : termsPhrase(u.terms)}`;
    case 'waits': {
      // A period asked is said back, so an option picked is answered for it ("waiting times for … 2024-25").
      const when = u.period ? ` ${periodAskPhrase(u.period)}` : '';
      if (u.service) {
        const name = services.find((s) => s.id === u.service)?.name ?? u.service;
        return u.change
          ? `has the ${name} waiting list changed${changePhrase(u.change)}`
          : `waiting times for ${name}${when}`;
      }
      if (u.unknownService) return `waiting times for ${u.unknownService}`;
      return `waiting times for all services${when}`;
    }
    case 'measure':
      if (u.measure) return `${u.name ?? u.measure}${u.period ? ` ${periodAskPhrase(u.period)}` : ''}`;
      return u.offTarget ? 'which measures are off target' : 'all framework measures';
    case 'outcomeOverview':
      return `how is ${OUTCOME_LABEL[u.outcome]} doing overall`;
    case 'clarify':
      return toCommand(u.partial, services);
    case 'smallTalk':
      return { thanks: 'thanks', ack: 'ok', bye: 'bye' }[u.say];
    case 'unknown':
      return 'help';
    default:
      // A capability's own intent is written back by its reader's `command`; none is offered as an option here.
      return 'help';
  }
}

function scoresCommand(u: Extract<Understanding, { intent: 'scores' }>): string {
  const who = u.roles.length === 1 ? ` for ${u.roles[0] === 'pc' ? 'parent carers' : 'children and young people'}` : '';
  const what = u.outcome ? `${OUTCOME_LABEL[u.outcome]} ` : 'outcome ';
  const detail = u.perQuestion ? ' per question' : '';
  const when = u.period ? periodAskPhrase(u.period) : termsPhrase(u.terms);
  if (u.period) {
    if (u.rank)
      return `${u.rank} scoring ${u.outcome ? `question for ${OUTCOME_LABEL[u.outcome]}` : 'outcome'}${who} ${when}`;
    return `${what}scores${who} ${when}${detail}`;
  }
  if (u.terms.length === 2) return `compare ${what}scores${who} ${termsPhrase(u.terms)}${detail}`;
  if (u.rank)
    return `${u.rank} scoring ${u.outcome ? `question for ${OUTCOME_LABEL[u.outcome]}` : 'outcome'}${who} ${termsPhrase(u.terms)}`;
  return `${what}scores${who} ${termsPhrase(u.terms)}${detail}`;
}

export function termPhrase(t: TermRef): string {
  if (t.kind === 'current') return 'this term';
  if (t.kind === 'previous') return 'last term';
  if (t.kind === 'yearAgo') return 'this time last year';
  if (t.kind === 'yearsAgo') return `${t.years} years ago`;
  return t.academicYear ? `${t.season} ${t.academicYear}` : t.season;
}

function termsPhrase(terms: readonly TermRef[]): string {
  const [first, second] = terms;
  if (!first) return 'this term';
  if (!second) return termPhrase(first);
  if (first.kind === 'current' && second.kind === 'previous') return 'this term vs last term';
  if (first.kind === 'current' && second.kind === 'yearAgo') return 'this term vs this time last year';
  return `between ${termPhrase(first)} and ${termPhrase(second)}`;
}

/** " since September", " since last term", "" for a trend: read back by the understanding as the same comparison. */
function changePhrase(c: NonNullable<Extract<Understanding, { intent: 'waits' }>['change']>): string {
  if (c.kind === 'sinceMonth') return ` since ${MONTH_NAMES[c.month - 1]}`;
  if (c.kind === 'sinceTerm')
    return c.term.kind === 'previous' ? ' since last term' : ` since ${termsPhrase([c.term])}`;
  return ' over time';
}
