import { expect } from 'chai';
import fc from 'fast-check';
import { z } from 'zod';
import { BotHarness, texts, type Activity } from '../support/botHarness.js';

/**
 * Each run sends a fresh sample (a new seed every run, printed), so the runs together explore far more than one
 * fixed corpus re-sent each time (5,000 fixed activities until session 13: a quarter of this file's CPU went on
 * inputs that had passed every run before). FUZZ_SEED replays a run's sample; FUZZ_RUNS sends more of them.
 */
const knobs = z
  .object({
    FUZZ_SEED: z.coerce.number().int().optional(),
    FUZZ_RUNS: z.coerce.number().int().positive().default(2_000),
  })
  .parse(process.env);
const RUNS = knobs.FUZZ_RUNS;
const SEED = knobs.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31);
const REPLAY = `replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} npm test -- test/integration/endpointFuzz.test.ts`;
const CONCURRENCY = 8;
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const VERBS = ['survey.saveSection', 'survey.answer', 'survey.scale', 'invite.renew', 'ask', 'nope', ''];
const LEAKS =
  /\bat [\w.<>]+ \(|TypeError|ReferenceError|SyntaxError|RangeError|Cannot read prop|is not a function|undefined is not|ENOTFOUND|ECONNREFUSED|\bstack\b|node_modules|\.ts:\d+/;

/** Any JSON value, with prototype-named keys and some very long strings mixed in. */
const key = fc.oneof(
  fc.constantFrom(
    ...PROTOTYPE_KEYS,
    'code',
    'section',
    'bankVersion',
    'verb',
    'answer',
    'answers',
    'question',
    'scale',
    'text',
  ),
  fc.string({ maxLength: 12 }),
);
const rare = <T>(a: fc.Arbitrary<T>) => ({ arbitrary: a, weight: 1 });
const often = <T>(a: fc.Arbitrary<T>) => ({ arbitrary: a, weight: 40 });
const leaf = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('skip', '1', '5', '9', 'ABCD-EFGH-23', 'voice', 'text', '2025-29.1'),
);
const huge = fc.integer({ min: 10_000, max: 120_000 }).map((n) => 'x'.repeat(n));
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    often(leaf),
    rare(huge),
    often(fc.array(tie('value'), { maxLength: 4 })),
    often(fc.dictionary(key, tie('value'), { maxKeys: 5 })),
  ),
})).value;

/** Mostly a well-formed field, sometimes any JSON at all. */
const mostly = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: valid, weight: 30 }, { arbitrary: json, weight: 1 });

const text = fc.oneof(
  often(fc.string({ maxLength: 200 })),
  often(fc.string({ unit: 'grapheme', maxLength: 100 })),
  rare(huge),
  rare(json),
  often(
    fc.constantFrom(
      'help',
      'constructor',
      '__proto__',
      'invite review AR-1042 parent',
      'my invitations',
      'current wait for SALT',
      'ABCD-EFGH-23',
      '<at>bot</at> help',
      '[x](https://x.invalid)',
      '',
      '   ',
      '\u0000',
      'unanswered questions',
      'confirm erase review AR-1',
    ),
  ),
);

const activity: fc.Arbitrary<Activity> = fc
  .record(
    {
      type: fc.oneof(
        often(
          fc.constantFrom(
            'message',
            'invoke',
            'event',
            'conversationUpdate',
            'installationUpdate',
            'messageReaction',
            'typing',
            'endOfConversation',
          ),
        ),
        rare(fc.string({ maxLength: 20 })),
        rare(json),
      ),
      text,
      value: fc.oneof(
        json,
        fc.record(
          {
            verb: fc.constantFrom(...VERBS),
            code: fc.oneof(leaf, json),
            section: leaf,
            bankVersion: leaf,
            answer: leaf,
            answers: json,
            text: text,
          },
          { requiredKeys: [] },
        ),
      ),
      name: mostly(
        fc.oneof(
          fc.constantFrom('adaptiveCard/action', 'survey/start', 'signin/verifyState', 'composeExtension/query'),
          fc.string({ maxLength: 20 }),
        ),
      ),
      action: mostly(fc.constantFrom('add', 'remove')),
      channelId: fc.oneof(
        often(fc.constantFrom('msteams', 'directline', 'webchat', 'emulator')),
        rare(fc.string({ maxLength: 10 })),
        rare(json),
      ),
      from: fc.oneof(
        often(
          fc.record(
            {
              id: fc.oneof(often(fc.string({ minLength: 1, maxLength: 20 })), rare(json)),
              aadObjectId: fc.oneof(often(fc.uuid()), rare(json)),
            },
            { requiredKeys: ['id'] },
          ),
        ),
        rare(json),
      ),
      conversation: fc.oneof(
        often(
          fc.record(
            {
              id: fc.oneof(often(fc.string({ minLength: 1, maxLength: 30 })), rare(json)),
              conversationType: fc.oneof(often(fc.constantFrom('personal', 'channel', 'groupChat')), rare(json)),
              tenantId: fc.oneof(often(fc.uuid()), rare(json)),
            },
            { requiredKeys: ['id'] },
          ),
        ),
        rare(json),
      ),
      recipient: mostly(fc.record({ id: fc.string({ maxLength: 10 }) })),
      channelData: mostly(fc.dictionary(fc.oneof(key, fc.constant('tenant')), json, { maxKeys: 3 })),
      membersAdded: mostly(fc.array(fc.record({ id: fc.string({ maxLength: 10 }) }), { maxLength: 3 })),
      replyToId: mostly(fc.string({ maxLength: 10 })),
    },
    { requiredKeys: ['type', 'channelId', 'from', 'conversation'] },
  )
  .map((a) => ({ serviceUrl: 'http://127.0.0.1:1/', id: 'fuzz', ...a }));

/**
 * Generated activities through the real endpoint (real Azurite): nothing a client sends may produce a 500,
 * a crash, a stack trace or a library message in a reply, or a stored answer; and the bot still answers after.
 */
describe('endpoint fuzzing (HTTP endpoint, real Azurite)', function () {
  this.timeout(600_000);
  let bot: BotHarness;
  before(async () => (bot = await BotHarness.start()));
  after(async () => bot?.stop());

  it(`answers ${RUNS.toLocaleString('en-GB')} generated activities without a 500, a crash, a leak or a stored row`, async () => {
    const samples = fc.sample(activity, { numRuns: RUNS, seed: SEED });
    const problems: string[] = [];
    let next = 0;
    const statuses = new Map<number, number>();
    const worker = async () => {
      for (let i = next++; i < samples.length; i = next++) {
        const body = { ...samples[i], deliveryMode: 'expectReplies' };
        const res = await fetch(`${bot.baseUrl}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        const reply = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500) problems.push(`#${i}: HTTP ${res.status} ${reply.slice(0, 200)}`);
        if (LEAKS.test(reply)) problems.push(`#${i}: leak in reply ${reply.match(LEAKS)?.[0]}`);
        if (/something went wrong on my side/.test(reply))
          problems.push(`#${i}: the turn failed for ${JSON.stringify(body).slice(0, 300)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    // One line for the record: how many reached the bot's logic (200) and how many were refused at the edge.
    console.log(
      `      fuzz: ${samples.length} activities (seed ${SEED}), HTTP statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(
      problems.slice(0, 10),
      `${problems.length} problems; statuses ${JSON.stringify([...statuses])}; ${REPLAY}`,
    ).to.deep.equal([]);

    let answers = 0;
    for await (const e of (await bot.store.table('answers')).listEntities<{ kind?: string }>())
      if (e.kind === 'answer') answers++;
    expect(answers, `no answer stored from invalid input; ${REPLAY}`).to.equal(0);
    let invitations = 0;
    for await (const _ of (await bot.store.table('invitations')).listEntities()) invitations++;
    expect(invitations, `no invitation made without a role; ${REPLAY}`).to.equal(0);

    const help = await bot.user().say('help');
    expect(help.status).to.equal(200);
    expect(texts(help.activities).join(' ')).to.match(/survey/i);
  });
});
