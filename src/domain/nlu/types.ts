/**
 * What `understand` returns: the intent of a practitioner's, manager's or admin's message and the
 * slots the handlers need. Plain data, no Teams, so the handlers and tests can build it by hand.
 */
export type Outcome = 'voice' | 'progress' | 'health' | 'support' | 'safe' | 'future';
export type RespondentRole = 'cyp' | 'pc';
export type Season = 'autumn' | 'spring' | 'summer';
export type TermRef = { kind: 'current' } | { kind: 'previous' } | { kind: 'named'; season: Season; academicYear?: string };
export type ServiceVocab = { id: string; name: string; shortName?: string; aliases: string[] };
export type DigestAction = 'subscribe' | 'unsubscribe' | 'preview' | 'sendNow';
export type Rank = 'lowest' | 'highest';

export type Understanding =
  | { intent: 'help' }
  | { intent: 'invite'; reviewRef?: string; role?: RespondentRole }
  | { intent: 'scores'; outcome?: Outcome; roles: RespondentRole[]; terms: TermRef[]; rank?: Rank; perQuestion: boolean }
  | { intent: 'myInvitations' }
  | { intent: 'responseRate'; terms: TermRef[] }
  | { intent: 'waits'; service?: string; unknownService?: string; allServices: boolean }
  | { intent: 'digest'; action: DigestAction }
  | { intent: 'unansweredQuestions' }
  | { intent: 'eraseReview'; reviewRef?: string }
  | { intent: 'clarify'; question: string; options: string[]; partial: Understanding }
  | { intent: 'unknown'; reason: 'out-of-scope' | 'unclear' };

export const OUTCOMES: readonly Outcome[] = ['voice', 'progress', 'health', 'support', 'safe', 'future'];
export const BOTH_ROLES: readonly RespondentRole[] = ['cyp', 'pc'];
