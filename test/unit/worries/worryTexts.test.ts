import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { fromRoot } from '../../../src/config/projectPaths.js';
import { loadWorryExamples } from '../../../src/seeds/loadSeeds.js';
import { englishModel } from '../../../src/seeds/englishModel.js';
import type { English } from '../../../src/features/worries/domain/worryText.js';
import { examplesOf, WorryPhrases, type WorryList } from '../../../src/features/worries/domain/worryPhrases.js';

/**
 * The worry net measured on what families write, by people who never saw the rules (seeds/worry-examples/):
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
 *   - heldout6 (100 + 100): a seventh writer, after the rules were tuned on sets 1-5 and the model learned
 *     from them. First run, untouched, the whole net: 95 of 100 worrying raised (95.0%), 9 of 100 harmless
 *     raised (9.0%): the worries were caught, the false alarms were too many. Tuned on after that run.
 *   - test/unit/worries/worryTexts.heldout7.json (100 + 100, an eighth writer, after all the tuning above;
 *     half its harmless texts are ordinary survey answers, half share words with worrying ones) is never tuned
 *     or trained on: it measures the shipped net as it is. First run: 97 of 100 worrying raised (97.0%), 4 of
 *     100 harmless raised (4.0%; 2 of the 50 ordinary, 2 of the 50 that share words). Once heldout9 joined the
 *     model's examples it missed "cuts on wrist again. school not told" (96 of 100): a self-harm worry the rules had
 *     never caught (they wanted "her wrist"). The lead added a rule for the kind (cuts, marks or burns on wrists,
 *     forearms or thighs, with or without "her"), so this one text is no longer untouched: 97 of 100 again. After
 *     session 14's rules (tuned on heldout10, not this set): 98 of 100 worrying raised, 4 of 100 harmless.
 *   - heldout8 (100 + 100, a ninth writer, after heldout7 was recorded; its worrying texts include radicalisation,
 *     and "missing" texts filed as runningAway): First run, untouched: 96 of 100 worrying raised (96.0%), 15 of
 *     100 harmless raised (15.0%). Tuned on after that run, by kind (passive suicidal ideation, whereabouts unknown,
 *     radicalisation; survey and service complaints, negations that cancel, school safety lessons, fiction, medical
 *     scratching, sensory clothing, transport lateness); the harmless text still raised by a rule is self-harm two
 *     years past, which the list deliberately never treats as over.
 *   - heldout9 (100 + 100, a tenth writer, after heldout8 was tuned on; its harmless texts noted "ordinary" or
 *     "sharesWords"): First run, untouched: 95 of 100 worrying raised (95.0%), 10 of 100 harmless raised (10.0%).
 *     Tuned on after that run, by kind (medication not had for days, appointments nobody takes a child to,
 *     running for "the olders", hands round a throat, running out of school alone to water; service complaints,
 *     school lessons on safety, Prevent and history, advice to a generic "you", fiction and set texts); the
 *     harmless text still raised is a sister's self-harm years ago, which the list deliberately never treats as over.
 *   - heldout10 (100 + 100, an eleventh writer who read only the brief and SPEC.md, after all the tuning above;
 *     half its harmless texts "ordinary", half "sharesWords"): First run, untouched, the shipped net: 92 of 100
 *     worrying raised (92.0%), 4 of 100 harmless raised (4.0%). The eight missed: a sharpener blade used on an arm,
 *     kitchen knives locked away because a girl was "doing things to her legs", a child asking whether it hurts to
 *     die and searching it, insulin not done and only crisps for days at a parent's, "i dont deserve food", and
 *     three of despair ("whats the point of any of this", "i have given up", "nothing matters"). Tuned on by kind
 *     after that run (blades and knives on or away from a body, things done to one's body, how dying feels or is
 *     searched for, medication not done, days on crisps, not deserving food, what is the point, nothing matters,
 *     given up; harmless: scratching with eczema, war films and history, a review that was a nightmare).
 *   - heldout11 (60 + 60, a twelfth writer, brief and SPEC.md only, written after heldout10's tuning — the first
 *     untouched measure of it): First run: 57 of 60 worrying raised (95.0%), 2 of 60 harmless raised (3.3%).
 *     Missed: "no one notices the marks on my legs", a girl with ARFID losing weight and fainting, "i gave up" (the
 *     heldout10 rule wanted "I have given up"). Tuned on by kind after that run (marks nobody sees, weight lost with
 *     fainting, down to a few foods, giving up said by anyone, enjoying nothing).
 * The rules are tuned on every other set, so their figures here flatter them: on words nobody tuned them on they
 * caught about three in four. The third tier, a model learned from these examples, is measured honestly here:
 * each set is read by a model trained only on the other sets, and its figures alone are printed too.
 */
const sets = loadWorryExamples();
/**
 * The English model, reading each text once (the first reading is kept): the nets below train on the same
 * examples again and again (every set's nets learn from all the other sets). wink-nlp does not always read a text
 * the same way twice in a process: a heldout7 text's "dad's" is two words on its first reading and one on later
 * ones. Keeping first readings changed no figure below, only the words given for one false alarm in dev.
 */
const english = englishModel();
const docs = new Map<string, ReturnType<English['readDoc']>>();
const readingOnce: English = {
  ...english,
  readDoc: (text: string) => docs.get(text) ?? docs.set(text, english.readDoc(text)).get(text)!,
};
const englishOnce = () => readingOnce;
const list = JSON.parse(readFileSync(fromRoot('seeds', 'worry-phrases.json'), 'utf8')) as WorryList;
/** The same list with no rules and no signs: only the model reads. */
const modelOnly: WorryList = {
  ...list,
  worries: [{ kind: 'none', resolvable: false, rules: ['zzzz-no-such-word'] }],
  signs: { ...list.signs, groups: list.signs.groups.map((g) => ({ ...g, rules: ['zzzz-no-such-word'] })) },
};

describe('the worry net on family-written texts (seeds/worry-examples/)', function () {
  this.timeout(60_000);

  it('heldout7, never tuned or trained on (the shipped net as it is): ≥ 95% of worrying texts raised, ≤ 5% of harmless', () => {
    const set = JSON.parse(
      readFileSync(fromRoot('test', 'unit', 'worries', 'worryTexts.heldout7.json'), 'utf8'),
    ) as typeof sets extends Map<string, infer S> ? S : never;
    const net = new WorryPhrases(list, englishOnce, () => examplesOf(sets.values()));
    const missed = set.worrying.filter((w) => net.find(w.text).length === 0);
    const raised = set.harmless.filter((h) => net.find(h.text).length > 0);
    console.log(
      `      heldout7: ${set.worrying.length - missed.length} of ${set.worrying.length} worrying raised, ` +
        `${raised.length} of ${set.harmless.length} harmless raised`,
    );
    for (const m of missed) console.log(`        missed (${m.kind}): ${m.text}`);
    for (const r of raised) console.log(`        false alarm: ${r.text}`);
    expect(1 - missed.length / set.worrying.length).to.be.at.least(0.95);
    expect(raised.length / set.harmless.length).to.be.at.most(0.05);
  });
  for (const [name, set] of sets) {
    it(`${name}, read with a model that never saw it: ≥ 95% of worrying texts raised, ≤ 5% of harmless`, () => {
      const others = () => examplesOf([...sets].filter(([n]) => n !== name).map(([, s]) => s));
      const whole = new WorryPhrases(list, englishOnce, others);
      const model = new WorryPhrases(modelOnly, englishOnce, others);
      const rate = (detector: WorryPhrases) => ({
        missed: set.worrying.filter((w) => detector.find(w.text).length === 0),
        raised: set.harmless.filter((h) => detector.find(h.text).length > 0),
      });
      const all = rate(whole);
      const alone = rate(model);
      const line = (r: ReturnType<typeof rate>) =>
        `${set.worrying.length - r.missed.length} of ${set.worrying.length} worrying raised ` +
        `(${pct(set.worrying.length - r.missed.length, set.worrying.length)}), ${r.raised.length} of ` +
        `${set.harmless.length} harmless raised (${pct(r.raised.length, set.harmless.length)})`;
      console.log(`      ${name}: ${line(all)}; the model alone: ${line(alone)}`);
      for (const m of all.missed) console.log(`        missed (${m.kind}): ${m.text}`);
      for (const r of all.raised) console.log(`        false alarm: ${r.text} → ${JSON.stringify(whole.find(r.text))}`);
      expect(1 - all.missed.length / set.worrying.length, 'share of worrying texts raised').to.be.at.least(0.95);
      expect(all.raised.length / set.harmless.length, 'share of harmless texts raised').to.be.at.most(0.05);
      // The model alone, on a set it never saw, keeps its false alarms as low as the whole net must.
      expect(alone.raised.length / set.harmless.length, 'the model alone: harmless raised').to.be.at.most(0.05);
    });
  }
});

function pct(n: number, of: number): string {
  return `${((100 * n) / of).toFixed(1)}%`;
}
