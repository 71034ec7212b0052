import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { z } from 'zod';
import { fromRoot } from '../../../src/domain/projectPaths.js';
import { loadWorryPhrases } from '../../../src/domain/worries/worryPhrases.js';

/**
 * The worry rules measured on what families write, by people who never saw the rules:
 *   - dev (110 worrying, 110 harmless): written before the rules; tuned on.
 *   - heldout (70 + 70): written before the rules by another writer. First run, untouched:
 *     62 of 70 worrying raised (88.6%), 5 of 70 harmless raised (7.1%). Tuned on after that run.
 *   - heldout2 (60 + 60): written by a third writer after the tuning above, told to avoid obvious
 *     keywords. First run, untouched: 33 of 60 worrying raised (55.0%), 5 of 60 harmless raised (8.3%).
 *     Tuned on after that run.
 *   - heldout3 (80 + 80): a fourth writer, after the tuning above. First run, untouched: 55 of 80 worrying
 *     raised (68.8%), 5 of 80 harmless raised (6.3%). Then tuned on, and a second tier added: where no rule
 *     matches, signs from two different groups (an injury and a secret, fear and an adult …) raise an alert.
 *   - heldout4 (80 + 80): a fifth writer, after the tuning above. First run, untouched: 65 of 80 worrying
 *     raised (81.3%), 7 of 80 harmless raised (8.8%). Tuned on after that run.
 *   - heldout5 (100 + 100): a sixth writer, after the tuning above. First run, untouched: 74 of 100 worrying
 *     raised (74.0%), 6 of 100 harmless raised (6.0%). Tuned on after that run; the one harmless text still
 *     raised is self-harm two years past, which the list deliberately never treats as over.
 * So on texts nobody has tuned on, expect about three in four worries caught, not the 100% these tables now
 * show: the first runs of sets 2-5 were 55%, 69%, 81% and 74%. Each set's first run is recorded here before any
 * change it led to. The rules raise where they cannot tell, but they cannot yet tell enough.
 */
const setSchema = z.object({
  description: z.string(),
  worrying: z.array(z.object({ text: z.string().min(1), kind: z.string() })).min(50),
  harmless: z.array(z.object({ text: z.string().min(1), note: z.string() })).min(50),
});

const SETS = ['dev', 'heldout', 'heldout2', 'heldout3', 'heldout4', 'heldout5'] as const;
const list = loadWorryPhrases();

describe('worry rules on family-written texts (seeds/worry-phrases.json)', () => {
  for (const name of SETS) {
    it(`${name}: at least 95% of worrying texts raise an alert, at most 5% of harmless ones do`, () => {
      const set = setSchema.parse(
        JSON.parse(readFileSync(fromRoot('test', 'unit', 'worries', `worryTexts.${name}.json`), 'utf8')),
      );
      const missed = set.worrying.filter((w) => list.find(w.text).length === 0);
      const raised = set.harmless.filter((h) => list.find(h.text).length > 0);
      const caught = set.worrying.length - missed.length;
      console.log(
        `      ${name}: ${caught} of ${set.worrying.length} worrying raised (${pct(caught, set.worrying.length)}), ` +
          `${raised.length} of ${set.harmless.length} harmless raised (${pct(raised.length, set.harmless.length)})`,
      );
      for (const m of missed) console.log(`        missed (${m.kind}): ${m.text}`);
      for (const r of raised) console.log(`        false alarm: ${r.text} → ${JSON.stringify(list.find(r.text))}`);
      expect(caught / set.worrying.length, 'share of worrying texts raised').to.be.at.least(0.95);
      expect(raised.length / set.harmless.length, 'share of harmless texts raised').to.be.at.most(0.05);
    });
  }
});

function pct(n: number, of: number): string {
  return `${((100 * n) / of).toFixed(1)}%`;
}
