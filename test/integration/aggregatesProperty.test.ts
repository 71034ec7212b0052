import { expect } from 'chai';
import fc from 'fast-check';
import { rebuildAggregates } from '../../src/features/scores/aggregatesRebuild.js';
import { sectionQuestionIds, sectionOrder } from '../../src/features/survey/domain/sections.js';
import type { RespondentRole } from '../../src/domain/survey/questionBank.js';
import { BotHarness } from '../support/botHarness.js';
import { loadThemeList } from '../../src/seeds/loadSeeds.js';

/**
 * Property: whatever happens — submissions, changed answers, duplicates, erasures, several writers at
 * once, answers moving across a term boundary — the incremental aggregates equal a computation from
 * scratch over the stored answers. Runs against real (in-memory) Azurite.
 */
describe('incremental aggregates (property, real Azurite)', function () {
  this.timeout(600_000);
  let bot: BotHarness;
  before(async () => (bot = await BotHarness.start({ today: '2026-12-30' })));
  after(async () => bot?.stop());

  type Op =
    | { kind: 'save'; who: number; section: number; scores: number[]; text: string }
    | { kind: 'duplicate'; who: number }
    | { kind: 'erase'; who: number }
    | { kind: 'nextDay' }
    | { kind: 'concurrent'; ops: { who: number; section: number; scores: number[] }[] };

  const who = fc.integer({ min: 0, max: 5 });
  const section = fc.integer({ min: 0, max: 6 });
  const scores = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 4, maxLength: 4 });
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('save' as const),
        who,
        section,
        scores,
        text: fc.constantFrom('', 'a', 'b'),
      }),
    },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('duplicate' as const), who }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), who }) },
    { weight: 1, arbitrary: fc.constant({ kind: 'nextDay' as const }) },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('concurrent' as const),
        ops: fc.array(fc.record({ who, section, scores }), { minLength: 2, maxLength: 6 }),
      }),
    },
  );

  let run = 0;
  it('equal a rebuild from scratch after random histories', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        run++;
        bot.clock.set('2026-12-30'); // two days before the spring term starts
        const s = bot.product;
        const respondents = Array.from({ length: 6 }, (_, i) => ({
          ref: `PR-${run}${i}0`,
          role: (i % 2 ? 'cyp' : 'pc') as RespondentRole,
          conversation: `prop-${run}-${i}`,
          last: undefined as Record<string, unknown> | undefined,
        }));
        const ensureInvited = async (i: number) => {
          const r = respondents[i]!;
          if (await s.services.survey.position(r.conversation)) return;
          const inv = await s.services.invitationService.invite(r.ref, r.role, 'prop');
          if (inv.kind === 'created') await s.services.survey.redeem(r.conversation, inv.code);
        };
        const payload = async (i: number, sec: number, sc: number[], text = '') => {
          const r = respondents[i]!;
          const position = await s.services.survey.position(r.conversation);
          if (!position) return undefined;
          const sectionId = sectionOrder(s.seeds.bank)[sec]!;
          const value: Record<string, unknown> = {
            verb: 'survey.saveSection',
            code: position.invitation.code,
            section: sectionId,
            bankVersion: s.seeds.bank.version,
          };
          sectionQuestionIds(s.seeds.bank, sectionId, r.role).forEach(
            (q, k) =>
              (value[q] =
                sectionId === 'text'
                  ? k === 0
                    ? text
                    : ''
                  : sc[k % sc.length] === 0
                    ? 'skip'
                    : String(sc[k % sc.length])),
          );
          return value;
        };
        for (const o of ops) {
          if (o.kind === 'save') {
            await ensureInvited(o.who);
            const value = await payload(o.who, o.section, o.scores, o.text);
            if (value) {
              await s.services.survey.saveSection(respondents[o.who]!.conversation, value);
              respondents[o.who]!.last = value;
            }
          } else if (o.kind === 'duplicate') {
            const r = respondents[o.who]!;
            if (r.last)
              await Promise.all([
                s.services.survey.saveSection(r.conversation, r.last),
                s.services.survey.saveSection(r.conversation, r.last),
              ]);
          } else if (o.kind === 'erase') {
            await s.services.erasure.erase(respondents[o.who]!.ref);
            respondents[o.who]!.last = undefined;
          } else if (o.kind === 'nextDay') {
            bot.clock.advanceDays(1);
          } else {
            for (const c of o.ops) await ensureInvited(c.who);
            const values = await Promise.all(o.ops.map((c) => payload(c.who, c.section, c.scores)));
            await Promise.all(
              o.ops.map(async (c, k) => {
                const value = values[k];
                if (value) await s.services.survey.saveSection(respondents[c.who]!.conversation, value);
              }),
            );
          }
        }
        const report = await rebuildAggregates(s.seeds.bank, loadThemeList(), s.stores.respondents, s.stores.counters);
        expect(report.differences).to.deep.equal([]);
      }),
      { numRuns: 12, endOnFailure: true },
    );
  });

  it('still equal after an operation was interrupted between the answers and the aggregates', async () => {
    const s = bot.product;
    bot.clock.set('2026-12-30');
    const inv = await s.services.invitationService.invite('CR-1000', 'pc', 'test');
    if (inv.kind !== 'created') throw new Error('no invitation');
    await s.services.survey.redeem('crash-conv', inv.code);
    // Simulate a crash: the aggregates step throws once after the answers were written.
    const before = (await s.stores.counters.readTerm('2026-27-autumn')).get('pc~voice')?.q1_n ?? 0;
    const original = s.stores.counters.apply.bind(s.stores.counters);
    const originalMany = s.stores.counters.applyMany.bind(s.stores.counters);
    let crashed = false;
    s.stores.counters.applyMany = async () => {
      throw new Error('simulated crash');
    };
    s.stores.counters.apply = async (...args) => {
      if (!crashed) {
        crashed = true;
        throw new Error('simulated crash');
      }
      return original(...args);
    };
    const value: Record<string, unknown> = {
      verb: 'survey.saveSection',
      code: inv.code,
      section: 'voice',
      bankVersion: s.seeds.bank.version,
      'voice.pc.1': '4',
      'voice.pc.2': '5',
      'voice.pc.3': 'skip',
    };
    await s.services.survey.saveSection('crash-conv', value).catch(() => undefined);
    s.stores.counters.apply = original;
    s.stores.counters.applyMany = originalMany;
    expect(
      (await s.stores.counters.readTerm('2026-27-autumn')).get('pc~voice')?.q1_n ?? 0,
      'not applied before the sweep',
    ).to.equal(before);
    const report = await rebuildAggregates(s.seeds.bank, loadThemeList(), s.stores.respondents, s.stores.counters);
    expect(crashed).to.equal(true);
    expect(report.differences).to.deep.equal([]);
    expect((await s.stores.counters.readTerm('2026-27-autumn')).get('pc~voice')?.q1_n).to.equal(before + 1);
  });
});
