import type { Breakdown } from './types.js';

/**
 * A breakdown no figures are held by: the survey, waiting times and measures are held for the whole area
 * only. "scores for Oakfield school", "response rate by school", "attendance by ethnicity". Said with a
 * preposition of breaking down ("by", "per", "for each"), or a named school, so that "do kids feel safe at
 * school" stays a question about the whole area.
 */
const BY = String.raw`\b(?:by|per|for each|for every|each|every|across|between|split by|broken down by|breakdown by)\s+(?:the\s+)?`;
const PATTERNS: readonly [Breakdown, RegExp][] = [
  [
    'school',
    new RegExp(
      String.raw`${BY}(?:individual\s+)?schools?\b|\bschool[- ]by[- ]school\b|\b[A-Z][a-z]+(?:\s+(?:primary|secondary|infant|junior|high|academy|special|community))?\s+(?:school|academy)\b`,
    ),
  ],
  [
    'ethnicity',
    new RegExp(String.raw`${BY}(?:ethnicity|ethnic\s+groups?|race)\b|\bethnic\s+(?:groups?|breakdown)\b`, 'i'),
  ],
  [
    'gender',
    new RegExp(
      String.raw`${BY}(?:gender|sex)\b|\bboys\s+(?:and|or|vs|versus)\s+girls\b|\bgirls\s+(?:and|or|vs|versus)\s+boys\b`,
      'i',
    ),
  ],
  ['age', new RegExp(String.raw`${BY}(?:age|age\s+groups?|year\s+groups?|key\s+stages?)\b`, 'i')],
  [
    'locality',
    new RegExp(
      String.raw`${BY}(?:ward|wards|locality|localities|district|districts|postcode|postcodes|area|areas)\b`,
      'i',
    ),
  ],
  ['need', new RegExp(String.raw`${BY}(?:(?:primary\s+)?need|needs|type\s+of\s+need|need\s+type|disability)\b`, 'i')],
];

export function readBreakdown(text: string): Breakdown | undefined {
  // A capital at the start of the message is not a school's name ("School scores…").
  const body = text.replace(/^\s*\S/, (c) => c.toLowerCase());
  return PATTERNS.find(([, re]) => re.test(body))?.[0];
}
