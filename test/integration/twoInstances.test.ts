import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import getPort from 'get-port';
import { fromRoot } from '../../src/config/projectPaths.js';
import { BotProcess } from '../support/botProcess.js';
import { compiledEntry } from '../support/compiledBot.js';
import { rebuildAggregates } from '../../src/features/scores/aggregatesRebuild.js';
import { BotHarness, cardElements, cards, texts, type Activity, type ChatUser } from '../support/botHarness.js';
import { RecordingChannel } from '../support/recordingChannel.js';
import { loadThemeList } from '../../src/seeds/loadSeeds.js';

const FAMILIES = 20;
const SUBSCRIBERS = 12;
const MANAGER = '51111111-1111-1111-1111-111111111111';

/**
 * Two instances of the bot on one store, as in production behind a load balancer: each has its own
 * services and caches and nothing else in common. Families' turns land on either instance at random,
 * the crash-recovery sweep runs on both, and a digest send is started on both at once.
 */
describe('two instances on one store (HTTP endpoints, real Azurite)', function () {
  this.timeout(180_000);
  let a: BotHarness;
  let b: BotHarness;
  let channel: RecordingChannel;

  before(async () => {
    const env = { DEV_ROLES: 'practitioner,manager', DIGEST_SENDS_PER_SECOND: '50' };
    a = await BotHarness.start({ env });
    b = await BotHarness.start({ env, azurite: a.azurite });
    channel = await RecordingChannel.start();
  });
  after(async () => {
    await b?.stop();
    await a?.stop();
    await channel?.close();
  });

  /** The same chat, each turn sent to one of the two instances at random. */
  function either(user: (h: BotHarness) => ChatUser): {
    say(text: string, extra?: Activity): Promise<Activity[]>;
    submit(value: Activity): Promise<Activity[]>;
  } {
    const pick = () => (Math.random() < 0.5 ? a : b);
    return {
      say: async (text, extra) => (await user(pick()).say(text, extra)).activities,
      submit: async (value) => (await user(pick()).submit(value)).activities,
    };
  }

  it('keeps aggregates equal to a rebuild with families on both, sweeps on both, and sends each digest once though started on both', async () => {
    // Managers subscribe through either instance.
    const subscribers = Array.from({ length: SUBSCRIBERS }, (_, i) =>
      either((h) => h.user({ id: `manager-${i}`, aadObjectId: MANAGER, conversationId: `manager-conv-${i}` })),
    );
    for (const s of subscribers)
      expect(texts(await s.say('subscribe to the digest', { serviceUrl: channel.url })).join(' ')).to.match(
        /subscribed/,
      );

    // Families answer whole surveys, each turn on either instance, while both sweep.
    const codes: string[] = [];
    for (let f = 0; f < FAMILIES; f++) {
      const made = await a.services.invitationService.invite(
        `TI-${String(f).padStart(4, '0')}`,
        f % 2 ? 'cyp' : 'pc',
        'test',
      );
      if (made.kind !== 'created') throw new Error('no invitation');
      codes.push(made.code);
    }
    let sweeping = true;
    const sweeps = (async () => {
      while (sweeping) {
        await Promise.all([a.stores.respondents.sweep(), b.stores.respondents.sweep()]);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await Promise.all(
      codes.map(async (code, f) => {
        const family = either((h) =>
          h.user({ id: `family-${f}`, channelId: 'msteams', conversationId: `family-conv-${f}` }),
        );
        let card = cards(await family.say(code)).at(-1);
        for (let step = 0; card?.actions && step < 40; step++) {
          const faces = cardElements(card).filter((c) => c.type === 'Column' && c.selectAction);
          const inputs = cardElements(card).filter((e) => String(e.type).startsWith('Input.'));
          const value = faces.length
            ? faces[(f + step) % faces.length].selectAction.data
            : {
                ...card.actions[0].data,
                ...Object.fromEntries(
                  inputs.map((i, k) => [i.id, i.type === 'Input.Text' ? `words ${f}` : String(((f + k) % 5) + 1)]),
                ),
              };
          card = cards(await family.submit(value)).at(-1);
        }
      }),
    );
    sweeping = false;
    await sweeps;

    // Both instances start "confirm send digest" at the same moment.
    const [replyA, replyB] = await Promise.all([
      a
        .user({ aadObjectId: MANAGER, conversationId: 'manager-conv-0' })
        .say('confirm send digest', { serviceUrl: channel.url }),
      b
        .user({ aadObjectId: MANAGER, conversationId: 'manager-conv-1' })
        .say('confirm send digest', { serviceUrl: channel.url }),
    ]);
    const said = [...texts(replyA.activities), ...texts(replyB.activities)].join('\n');
    expect(said).to.match(/digest/i);
    // The sends run after the turns; each instance reports back to its manager when done.
    await channel.waitForText('manager-conv-0', /sent on request/);
    await channel.waitForText('manager-conv-1', /sent on request/);

    await a.stores.journal.flush();
    await b.stores.journal.flush();
    const completed = await Promise.all(
      codes.map(
        async (_c, f) =>
          (await a.stores.respondents.read(`TI-${String(f).padStart(4, '0')}`, f % 2 ? 'cyp' : 'pc'))?.completedAt,
      ),
    );
    expect(completed.filter(Boolean), 'every family finished').to.have.length(FAMILIES);
    const rebuild = await rebuildAggregates(a.seeds.bank, loadThemeList(), a.stores.respondents, a.stores.counters);
    expect(rebuild.differences, 'aggregates equal a rebuild').to.deep.equal([]);

    const digests = channel.received.filter((r) => JSON.stringify(r.body).includes('Termly digest'));
    const perConversation = new Map<string, number>();
    for (const d of digests) perConversation.set(d.conversationId, (perConversation.get(d.conversationId) ?? 0) + 1);
    expect(perConversation.size, 'every subscriber reached').to.equal(SUBSCRIBERS);
    expect(
      [...perConversation.values()].every((n) => n === 1),
      `each exactly once: ${JSON.stringify([...perConversation])}`,
    ).to.equal(true);
  });
});

/**
 * The same with two real bot processes on one data folder, started in the same instant: one starts
 * Azurite and the other attaches to it (one Azurite, as one storage account in production). Families'
 * turns and "confirm send digest" go to either process. The bots and the rebuild command run compiled
 * (compiledBot.ts: the same code as under tsx, half the start-up CPU).
 */
describe('two bot processes on one store (real processes)', function () {
  this.timeout(240_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'send-bot-two-'));
  let first: BotProcess;
  let second: BotProcess;
  let channel: RecordingChannel;

  before(async () => {
    const env = {
      DATA_DIR: dataDir,
      DEV_ROLES: 'practitioner,manager',
      DEMO_DATA: 'false',
      BOT_TODAY: '2026-11-22',
      DIGEST_SENDS_PER_SECOND: '50',
    };
    const ports = [await getPort({ host: '127.0.0.1' }), await getPort({ host: '127.0.0.1' })];
    [first, second] = await Promise.all(ports.map((port) => BotProcess.start(port, env, { compiled: true })));
    channel = await RecordingChannel.start();
  });
  after(async () => {
    second?.killGroup('SIGTERM');
    first?.killGroup('SIGTERM');
    await channel?.close();
  });

  it('keeps aggregates equal to a rebuild and sends each digest once, with turns and sends on both', async () => {
    expect(
      [first, second].map((bot) => /"attached":true/.test(bot.output)).sort(),
      'one started Azurite, the other attached to it',
    ).to.deep.equal([false, true]);
    const either = () => (Math.random() < 0.5 ? first : second);
    const managers = Array.from({ length: 8 }, (_, i) => ({
      channelId: 'msteams',
      serviceUrl: channel.url,
      from: { id: `m-${i}`, aadObjectId: MANAGER },
      conversation: { id: `proc-manager-${i}`, conversationType: 'personal' },
    }));
    for (const m of managers)
      expect(
        JSON.stringify((await either().post({ type: 'message', text: 'subscribe to the digest', ...m })).activities),
      ).to.match(/subscribed/);

    await Promise.all(
      Array.from({ length: 10 }, async (_, f) => {
        const ref = `TP-${String(f).padStart(4, '0')}`;
        const made = await either().post({
          type: 'message',
          text: `invite review ${ref} parent`,
          channelId: 'msteams',
          from: { id: `staff-${f}` },
          conversation: { id: `staff-${f}` },
        });
        const code = /code ([A-Z0-9-]{12})/.exec(JSON.stringify(made.activities))![1];
        const family = {
          channelId: 'directline',
          from: { id: `family-${f}` },
          conversation: { id: `proc-family-${f}` },
        };
        let card = cards((await either().post({ type: 'message', text: code, ...family })).activities).at(-1);
        while (card?.actions) {
          const inputs = cardElements(card).filter((e) => String(e.type).startsWith('Input.'));
          const value = {
            ...card.actions[0].data,
            ...Object.fromEntries(
              inputs.map((i, k) => [i.id, i.type === 'Input.Text' ? 'words' : String(((f + k) % 5) + 1)]),
            ),
          };
          card = cards((await either().post({ type: 'message', value, ...family })).activities).at(-1);
        }
      }),
    );

    await Promise.all(
      [first, second].map((bot, i) => bot.post({ type: 'message', text: 'confirm send digest', ...managers[i] })),
    );
    await channel.waitForText('proc-manager-0', /sent on request/);
    await channel.waitForText('proc-manager-1', /sent on request/);
    const digests = channel.received.filter((r) => JSON.stringify(r.body).includes('Termly digest'));
    const counts = new Map<string, number>();
    for (const d of digests) counts.set(d.conversationId, (counts.get(d.conversationId) ?? 0) + 1);
    expect(counts.size, 'every subscriber reached').to.equal(managers.length);
    expect(
      [...counts.values()].every((n) => n === 1),
      JSON.stringify([...counts]),
    ).to.equal(true);

    const rebuild = await promisify(execFile)(process.execPath, [compiledEntry('cli/rebuildAggregates')], {
      cwd: fromRoot(),
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    });
    expect(rebuild.stdout).to.match(/Read 10 respondents[\s\S]*No difference/);
  });
});
