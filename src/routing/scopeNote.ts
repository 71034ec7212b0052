import { z } from 'zod';
import { BREAKDOWNS, type Breakdown } from '../understanding/types.js';
import type { IntentRoute } from './route.js';

const HELD_NOT: Record<Breakdown, string> = {
  school: 'per-school figures',
  ethnicity: 'figures by ethnicity',
  gender: 'figures by gender',
  age: 'figures by age or year group',
  locality: 'figures by ward or locality',
  need: 'figures by type of need',
};

/** "No per-school figures are held; for the whole area:" said before the area's figures. */
export function scopeNote(breakdown: Breakdown): string {
  return `No ${HELD_NOT[breakdown]} are held; for the whole area:`;
}

const asked = z.object({ breakdown: z.enum(BREAKDOWNS).optional() });

/**
 * A figures route that says its scope first when someone asked for a breakdown nothing is held by: the
 * survey, waiting times and measures are held for the whole area only, and an area figure given as if it
 * were one school's would be an answer to another question.
 */
export function sayingScope<R extends IntentRoute>(route: R): R {
  return {
    ...route,
    input: route.input.and(asked),
    handle: async (turn, input) => {
      const { breakdown } = asked.parse(input);
      if (breakdown) await turn.send({ text: scopeNote(breakdown) });
      await route.handle(turn, input);
    },
  };
}
