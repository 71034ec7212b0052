import { tagged, type Analysis } from './analysis.js';
import type { RespondentRole } from './types.js';

// "parents OF children", "carers WHOSE children", "parents of disabled children": the child is
// part of the description of the parent, not a second group of respondents.
const RELATION_WORDS: ReadonlySet<string> = new Set([
  'of',
  'whose',
  'with',
  'for',
  'my',
  'their',
  'our',
  'your',
  'his',
  'her',
]);
const RELATION_REACH = 3;

/**
 * The respondent roles the message names, in the framework's order, or none. A child mentioned only
 * to describe a parent carer ("parent carers of children with SEND") does not count; but "how are
 * children doing on safe" and "parents and children" do.
 */
export function readRoles(a: Analysis): RespondentRole[] {
  const mentions = tagged(a, 'role');
  const firstParent = mentions.find((m) => m.tag.role === 'pc')?.match.start;
  const roles = new Set<RespondentRole>();
  for (const { tag, match } of mentions) {
    if (
      tag.role === 'cyp' &&
      firstParent !== undefined &&
      firstParent < match.start &&
      describesParent(a.tokens, firstParent, match.start)
    )
      continue;
    roles.add(tag.role);
  }
  return (['cyp', 'pc'] as const).filter((r) => roles.has(r));
}

function describesParent(tokens: readonly string[], parentAt: number, childAt: number): boolean {
  for (let i = childAt - 1; i > parentAt && i >= childAt - RELATION_REACH; i--) {
    const word = tokens[i] ?? '';
    if (word === 'and' || word === 'or') return false;
    if (RELATION_WORDS.has(word)) return true;
  }
  return false;
}
