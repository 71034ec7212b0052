import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { azuriteProcesses } from '../support/azuriteProcesses.js';
import getPort from 'get-port';
import { fromRoot } from '../../src/config/projectPaths.js';
import { devConnectionString } from '../../src/storage/embeddedAzurite.js';
import { TableStore } from '../../src/storage/tableStore.js';
import { BotProcess, waitUntil, type Activity } from '../support/botProcess.js';

const FAMILIES = 10;
const ROUNDS = 3;

/**
 * Nothing a family was told was saved is lost, whatever is killed and whenever: the real bot process (with
 * its embedded Azurite on disk), 10 families saving sections over HTTP, `kill -9` of the whole process
 * group at a random moment, three times; after each, restarts killed again while they recover (mid-replay,
 * at random moments, once after waiting longer than the old 30 s replay window). Then every acknowledged
 * section is there, each respondent's answer rows are exactly the sections its state records, a survey
 * whose end card was shown is still complete, the aggregates match a rebuild, and only ever one Azurite
 * runs on the data folder.
 */
describe('crash safety of the embedded store (real processes)', function () {
  this.timeout(600_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'send-bot-crash-'));
  let port: number;
  let bot: BotProcess | undefined;

  before(async () => (port = await getPort({ host: '127.0.0.1' })));
  after(async () => {
    bot?.killGroup('SIGTERM');
    await waitUntil(() => azuriteProcesses(dataDir).length === 0, 20_000).catch(() => undefined);
  });

  const env = {
    DATA_DIR: dataDir,
    DEV_ROLES: 'practitioner,admin',
    DEMO_DATA: 'false',
    BOT_TODAY: '2026-11-22',
  };

  async function start(): Promise<void> {
    bot = await BotProcess.start(port, env);
  }

  const post = (activity: Activity) => bot!.post(activity);

  const cardsOf = (activities: Activity[]) =>
    activities.flatMap((a) => (a.attachments ?? []).map((x: Activity) => x.content));
  const inputsOf = (card: Activity): Activity[] => {
    const out: Activity[] = [];
    const walk = (items: Activity[] = []) => items.forEach((e) => (out.push(e), walk(e.items)));
    walk(card.body);
    return out.filter((e) => e.type === 'Input.ChoiceSet' || e.type === 'Input.Text');
  };

  /** One family after another on one worker: take an invitation, answer sections until stopped. */
  async function family(
    worker: number,
    round: number,
    acknowledged: Map<string, Record<string, string>>,
    stop: { now: boolean },
    completed: Set<string>,
  ): Promise<void> {
    for (let n = 0; !stop.now; n++) {
      const ref = `CR-${round}${String(worker).padStart(2, '0')}${String(n).padStart(3, '0')}`;
      const made = await post({
        type: 'message',
        text: `invite review ${ref} parent`,
        channelId: 'msteams',
        from: { id: `staff-${worker}` },
        conversation: { id: `staff-${worker}` },
      }).catch(() => undefined);
      const code = /code ([A-Z0-9-]{12})/.exec(JSON.stringify(made?.activities ?? []))?.[1];
      if (!code) return;
      const conversation = { id: `family-${ref}` };
      let card = cardsOf(
        (
          await post({
            type: 'message',
            text: code,
            channelId: 'directline',
            from: { id: `f-${ref}` },
            conversation,
          }).catch(() => ({ activities: [] }))
        ).activities,
      ).at(-1);
      while (card && !stop.now) {
        const values: Record<string, string> = {};
        for (const [i, input] of inputsOf(card).entries())
          values[input.id] = input.type === 'Input.Text' ? `words ${ref} ${i}` : String(((i + n + worker) % 5) + 1);
        const reply = await post({
          type: 'message',
          value: { ...card.actions[0].data, ...values },
          channelId: 'directline',
          from: { id: `f-${ref}` },
          conversation,
        }).catch(() => undefined);
        if (!reply || reply.status !== 200) return;
        // Acknowledged: the family saw "Saved" (at the top of the next card, or the end card).
        if (!/✅ Saved/.test(JSON.stringify(reply.activities))) return;
        for (const [id, v] of Object.entries(values)) acknowledged.set(`${ref}|${id}`, { ref, id, value: v });
        card = cardsOf(reply.activities).at(-1);
        if (!card?.actions) {
          // The end card: this family was told its survey is complete.
          completed.add(ref);
          break;
        }
      }
    }
  }

  type Respondent = { sections: Set<string>; completedAt?: string; rows: Set<string> };

  /** Every answer, and per respondent the sections its state records beside the sections its rows are in. */
  async function stored(): Promise<{ answers: Map<string, string>; respondents: Map<string, Respondent> }> {
    const marker = JSON.parse(readFileSync(path.join(dataDir, 'azurite-endpoint.json'), 'utf8')) as { port: number };
    const table = await new TableStore(devConnectionString(marker.port)).table('answers');
    const answers = new Map<string, string>();
    const respondents = new Map<string, Respondent>();
    const of = (pk: string) =>
      respondents.get(pk) ?? (respondents.set(pk, { sections: new Set(), rows: new Set() }), respondents.get(pk)!);
    for await (const e of table.listEntities<{
      kind?: string;
      questionId: string;
      section?: string;
      score?: number;
      text?: string;
      sections?: string;
      completedAt?: string;
    }>()) {
      const pk = String(e.partitionKey);
      if (e.kind === 'answer') {
        answers.set(`${pk.split('~')[0]}|${e.questionId}`, e.text ?? String(e.score));
        of(pk).rows.add(String(e.section));
      } else if (e.kind === 'state') {
        const r = of(pk);
        r.sections = new Set(Object.keys(JSON.parse(e.sections ?? '{}') as object));
        r.completedAt = e.completedAt;
      }
    }
    return { answers, respondents };
  }

  /** Restarts the bot and kills its whole process group while it starts; says what it hit. */
  async function killWhileStarting(aim: 'mid-replay' | number): Promise<string> {
    const starting = BotProcess.launch(port, env);
    bot = starting;
    const began = Date.now();
    if (aim === 'mid-replay') {
      await waitUntil(() => /"replaying"|bot listening/.test(starting.output) || starting.exited, 60_000);
      await new Promise((r) => setTimeout(r, Math.random() * 200));
    } else {
      await waitUntil(
        () => Date.now() - began >= aim || /bot listening/.test(starting.output) || starting.exited,
        60_000,
      );
    }
    starting.killGroup('SIGKILL');
    await waitUntil(() => starting.exited, 10_000);
    await waitUntil(() => azuriteProcesses(dataDir).length === 0, 10_000);
    const out = starting.output;
    const stage = /bot listening/.test(out)
      ? 'after listening'
      : /recovery finished/.test(out)
        ? 'after recovery, before listening'
        : /"replaying"/.test(out)
          ? `while replaying ${/"entries":(\d+)/.exec(out)?.[1]} entries`
          : /recovery started/.test(out)
            ? 'while starting Azurite to recover'
            : /waiting for another process/.test(out)
              ? 'while waiting for the lock a killed start left'
              : 'before recovery';
    return `killed ${((Date.now() - began) / 1000).toFixed(1)} s into a restart, ${stage}`;
  }

  /**
   * Each round: families saving, then the whole group killed; then restarts killed while they start (one
   * as soon as recovery starts, others at random moments, once after waiting longer than the old 30 s
   * replay window); then a full start, checked.
   */
  const ROUND_PLANS: { waitBeforeRestartMs: number; attacks: ('mid-replay' | 'random')[] }[] = [
    { waitBeforeRestartMs: 0, attacks: ['mid-replay', 'random'] },
    { waitBeforeRestartMs: 35_000, attacks: ['mid-replay'] },
    { waitBeforeRestartMs: 0, attacks: ['random', 'mid-replay'] },
  ];

  it(`keeps every acknowledged save through ${ROUNDS} kill -9s of the whole process group and kills while it recovers, with one Azurite`, async () => {
    const acknowledged = new Map<string, Record<string, string>>();
    const completed = new Set<string>();
    await start();
    for (let round = 1; round <= ROUNDS; round++) {
      const plan = ROUND_PLANS[round - 1]!;
      const stop = { now: false };
      const workers = Array.from({ length: FAMILIES }, (_, w) => family(w, round, acknowledged, stop, completed));
      await new Promise((r) => setTimeout(r, 1_500 + Math.random() * 2_500));
      bot!.killGroup('SIGKILL');
      stop.now = true;
      await Promise.all(workers);
      await waitUntil(() => azuriteProcesses(dataDir).length === 0, 10_000);
      const hits: string[] = [];
      await new Promise((r) => setTimeout(r, plan.waitBeforeRestartMs));
      for (const attack of plan.attacks)
        hits.push(await killWhileStarting(attack === 'random' ? 500 + Math.random() * 7_500 : attack));
      const recovered = await start().then(() => /"replayed":(\d+)/.exec(bot!.output)?.[1]);
      console.log(`      round ${round}: ${hits.join('; ')}; then started, replaying ${recovered} entries`);
      expect(azuriteProcesses(dataDir), `round ${round}: one Azurite on the data folder`).to.have.length(1);
      const { answers, respondents } = await stored();
      const lost = [...acknowledged.entries()].filter(([key, a]) => answers.get(key) !== a.value);
      expect(
        lost.length,
        `round ${round}: ${acknowledged.size} acknowledged answers, lost: ${lost
          .slice(0, 5)
          .map(([k]) => k)
          .join(', ')}`,
      ).to.equal(0);
      const mismatched = [...respondents.entries()].filter(
        ([, r]) => [...r.rows].some((s) => !r.sections.has(s)) || [...r.sections].some((s) => !r.rows.has(s)),
      );
      expect(
        mismatched.length,
        `round ${round}: respondents whose answer rows and saved state disagree, of ${respondents.size}: ${mismatched
          .slice(0, 3)
          .map(([pk, r]) => `${pk} rows [${[...r.rows].join(',')}] state [${[...r.sections].join(',')}]`)
          .join('; ')}`,
      ).to.equal(0);
      const reopened = [...completed].filter((ref) => !respondents.get(`${ref}~pc`)?.completedAt);
      expect(reopened, `round ${round}: of ${completed.size} completed surveys, reopened`).to.deep.equal([]);
    }
    expect(acknowledged.size, 'the families saved something').to.be.greaterThan(100);

    const rebuild = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/rebuildAggregates.ts'], {
      cwd: fromRoot(),
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    });
    expect(rebuild.stdout).to.match(/No difference/);
    expect(azuriteProcesses(dataDir), 'the command attached to the same Azurite').to.have.length(1);
  });

  it('adopts the Azurite a bot killed on its own left running, rather than starting a second one', async () => {
    const before = azuriteProcesses(dataDir);
    expect(before).to.have.length(1);
    bot!.child.kill('SIGKILL'); // the bot only: its Azurite lives on
    await waitUntil(() => bot!.exited, 10_000);
    expect(azuriteProcesses(dataDir), 'the orphan is still running').to.deep.equal(before);
    await start();
    expect(azuriteProcesses(dataDir), 'still the one Azurite').to.deep.equal(before);
    expect(bot!.output).to.match(/"attached":false/);
    // A clean stop of the adopting bot stops the adopted Azurite too.
    // Azurite gets 20 s to save before it is killed: waiting longer than that shows a stop that never asked.
    const stopping = bot!;
    stopping.child.kill('SIGTERM');
    await waitUntil(
      () => azuriteProcesses(dataDir).length === 0,
      30_000,
      () => `Azurite still running: ${azuriteProcesses(dataDir).join(', ')}\nbot output:\n${stopping.output}`,
    );
    await waitUntil(
      () => stopping.exited,
      10_000,
      () => stopping.output,
    );
    expect(stopping.output).to.match(/Azurite saved and stopped/);
    bot = undefined;
  });
});
