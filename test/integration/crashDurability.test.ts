import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { azuriteProcesses } from '../support/azuriteProcesses.js';
import getPort from 'get-port';
import { fromRoot } from '../../src/config/projectPaths.js';
import { devConnectionString } from '../../src/storage/embeddedAzurite.js';
import { isRunning } from '../../src/storage/processStop.js';
import { TableStore } from '../../src/storage/tableStore.js';
import { BotProcess, waitUntil, type Activity } from '../support/botProcess.js';
import { compiledEntry, launchStoreStart } from '../support/compiledBot.js';

const FAMILIES = 4;

/**
 * Nothing a family was told was saved is lost, whatever is killed and whenever: the real bot process (with
 * its embedded Azurite on disk), families saving sections over HTTP, `kill -9` of the whole process group at
 * a random moment while they save; then restarts killed at the steps of the recovery that follows, in turn
 * (each recovering what the last left); then a full start, checked: every acknowledged section is there, each
 * respondent's answer rows are exactly the sections its state records, a survey whose end card was shown is
 * still complete, and only ever one Azurite runs on the data folder. Twice: the second crash hits a store
 * recovered after the first. Then the aggregates are checked against a rebuild (the real command, attached),
 * and the bot alone is killed while families save: the next start adopts its Azurite, and its clean stop
 * stops it.
 *
 * Every step of a recovery is hit once: its Azurite starting, the replay half done, the replay saved but the
 * logs not yet retired, the logs retired but the store not yet serving; and a start that waits out the lock a
 * killed start left. Those kills hit a process that opens the store exactly as the bot's start does and does
 * nothing else (launchStoreStart): the same files, lock, marker and Azurite at the same steps, for a fraction
 * of a bot's start-up. The bot runs compiled once for this file (compiledBot.ts: the same code as under tsx,
 * half the start-up CPU). That a restart long after the crash recovers the same (the window is not counted
 * back from the restart, as it was when a 35 s wait lost answers) is shown without waiting, in
 * test/unit/storage/redoReplay.test.ts.
 */
describe('crash safety of the embedded store (real processes)', function () {
  this.timeout(600_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'send-bot-crash-'));
  const markerFile = path.join(dataDir, 'azurite-endpoint.json');
  let port: number;
  let bot: BotProcess | undefined;
  /** Whatever was started last, bot or store start: killed in after() should a test fail. */
  let lastStarted: { killGroup(signal: NodeJS.Signals): void } | undefined;

  before(async () => (port = await getPort({ host: '127.0.0.1' })));
  after(async () => {
    bot?.killGroup('SIGTERM');
    lastStarted?.killGroup('SIGKILL');
    await waitUntil(() => azuriteProcesses(dataDir).length === 0, 20_000).catch(() => undefined);
  });

  const env = {
    DATA_DIR: dataDir,
    DEV_ROLES: 'practitioner,admin',
    DEMO_DATA: 'false',
    BOT_TODAY: '2026-11-22',
  };

  /** Starts the bot (recovering what the last kill left) and says how long it took. */
  async function start(): Promise<string> {
    const began = Date.now();
    bot = BotProcess.launch(port, env, { compiled: true });
    lastStarted = bot;
    await bot.listening();
    return `${((Date.now() - began) / 1000).toFixed(1)} s`;
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

  type Load = {
    acknowledged: Map<string, Record<string, string>>;
    completed: Set<string>;
    /** Sections acknowledged in this round. */
    saves: number;
    stop: boolean;
  };

  /** One family after another on one worker: take an invitation, answer sections until stopped. */
  async function family(worker: number, round: number, load: Load): Promise<void> {
    for (let n = 0; !load.stop; n++) {
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
      while (card && !load.stop) {
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
        for (const [id, v] of Object.entries(values)) load.acknowledged.set(`${ref}|${id}`, { ref, id, value: v });
        load.saves++;
        card = cardsOf(reply.activities).at(-1);
        if (!card?.actions) {
          // The end card: this family was told its survey is complete.
          load.completed.add(ref);
          break;
        }
      }
    }
  }

  /**
   * Families save on every worker until `saves` sections of this round are acknowledged (and, if asked, a
   * survey completed), then for a random moment more, while `kill` hits; the families then stop (their
   * requests in flight fail).
   */
  async function killUnderLoad(
    round: number,
    load: Load,
    kill: () => void,
    options: { saves: number; untilCompleted?: boolean },
  ): Promise<string> {
    const began = Date.now();
    load.stop = false;
    load.saves = 0;
    const workers = Array.from({ length: FAMILIES }, (_, w) => family(w, round, load));
    await waitUntil(
      () => load.saves >= options.saves && (!options.untilCompleted || load.completed.size > 0),
      120_000,
      () => bot!.output,
      20,
    );
    await new Promise((r) => setTimeout(r, Math.random() * 500));
    kill();
    load.stop = true;
    await Promise.all(workers);
    return `${load.saves} sections acknowledged in ${((Date.now() - began) / 1000).toFixed(1)} s, then killed`;
  }

  type Respondent = { sections: Set<string>; completedAt?: string; rows: Set<string> };

  /** Every answer, and per respondent the sections its state records beside the sections its rows are in. */
  async function stored(): Promise<{ answers: Map<string, string>; respondents: Map<string, Respondent> }> {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8')) as { port: number };
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

  /** Every acknowledged answer stored, rows and saved state agreeing, no completed survey reopened. */
  async function expectNothingLost(when: string, load: Load): Promise<void> {
    const { answers, respondents } = await stored();
    const lost = [...load.acknowledged.entries()].filter(([key, a]) => answers.get(key) !== a.value);
    expect(
      lost.length,
      `${when}: ${load.acknowledged.size} acknowledged answers, lost: ${lost
        .slice(0, 5)
        .map(([k]) => k)
        .join(', ')}`,
    ).to.equal(0);
    const mismatched = [...respondents.entries()].filter(
      ([, r]) => [...r.rows].some((s) => !r.sections.has(s)) || [...r.sections].some((s) => !r.rows.has(s)),
    );
    expect(
      mismatched.length,
      `${when}: respondents whose answer rows and saved state disagree, of ${respondents.size}: ${mismatched
        .slice(0, 3)
        .map(([pk, r]) => `${pk} rows [${[...r.rows].join(',')}] state [${[...r.sections].join(',')}]`)
        .join('; ')}`,
    ).to.equal(0);
    const reopened = [...load.completed].filter((ref) => !respondents.get(`${ref}~pc`)?.completedAt);
    expect(reopened, `${when}: of ${load.completed.size} completed surveys, reopened`).to.deep.equal([]);
  }

  /** The steps of a start on a crashed folder, in order, at which a restart is killed. */
  type Aim = 'recovery Azurite starting' | 'mid-replay' | 'replay saved, logs not retired' | 'recovery finished';
  type Attack = {
    aim: Aim;
    /** The next start waits out the lock this killed start held (it is otherwise aged past its 10 s staleness). */
    waitOutLock?: boolean;
  };

  const readMarker = (): { azuritePid: number; recovering?: boolean } | undefined => {
    try {
      return JSON.parse(readFileSync(markerFile, 'utf8')) as { azuritePid: number; recovering?: boolean };
    } catch {
      return undefined;
    }
  };

  /**
   * Restarts the store as the bot's start opens it and kills its whole process group (with its Azurite) at the
   * step aimed at, watched every few milliseconds; says what it hit.
   */
  async function killWhileStarting(attack: Attack): Promise<string> {
    const starting = launchStoreStart(dataDir);
    lastStarted = starting;
    const began = Date.now();
    // Steps are awaited on the process's output as it comes; a moment between two steps is polled every 2 ms.
    const reached = (event: RegExp) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!event.test(starting.output) && !starting.exited) return;
          stopWatching();
          resolve();
        };
        const timer = setTimeout(() => {
          stopWatching();
          reject(new Error(`timed out waiting for ${event}:\n${starting.output}`));
        }, 60_000);
        const stopWatching = () => {
          clearTimeout(timer);
          starting.child.stdout!.off('data', check);
          starting.child.off('exit', check);
        };
        starting.child.stdout!.on('data', check);
        starting.child.on('exit', check);
        check();
      });
    const aimAt = (ok: () => boolean) => waitUntil(ok, 60_000, () => starting.output, 2);
    let recoveryAzurite: number | undefined;
    switch (attack.aim) {
      case 'recovery Azurite starting':
        // Spawned (its marker, saying it is recovering, is written then) but not yet ready.
        await reached(/recovery started/);
        await aimAt(() => readMarker()?.recovering === true || starting.exited);
        break;
      case 'mid-replay':
        await reached(/"replaying"/);
        await new Promise((r) => setTimeout(r, Math.random() * 100));
        break;
      case 'replay saved, logs not retired':
        // The recovery's Azurite stops by itself once it has saved the replay; the logs go only after that.
        await reached(/"replaying"/);
        recoveryAzurite = readMarker()?.azuritePid;
        await aimAt(() => recoveryAzurite === undefined || !isRunning(recoveryAzurite) || starting.exited);
        break;
      case 'recovery finished':
        await reached(/recovery finished/);
        break;
    }
    if (starting.exited) throw new Error(`the start ended before it was killed:\n${starting.output}`);
    const azuriteAliveAtKill = recoveryAzurite !== undefined && isRunning(recoveryAzurite);
    starting.killGroup('SIGKILL');
    await waitUntil(() => starting.exited, 10_000);
    await waitUntil(() => azuriteProcesses(dataDir).length === 0, 10_000);
    const lockDir = path.join(dataDir, 'azurite-start.lock');
    if (!attack.waitOutLock && existsSync(lockDir)) {
      // What waiting STALE_MS would do to the lock the killed start held: it is past its staleness.
      const aged = new Date(Date.now() - 60_000);
      utimesSync(lockDir, aged, aged);
    }
    const out = starting.output;
    const entries = /"entries":(\d+)/.exec(out)?.[1];
    const stage = /"event":"ready"/.test(out)
      ? 'with its store serving'
      : /recovery finished/.test(out)
        ? 'after recovery, before its store served'
        : /"replaying"/.test(out)
          ? recoveryAzurite !== undefined && !azuriteAliveAtKill && existsSync(path.join(dataDir, 'redo'))
            ? `after its Azurite saved the replay of ${entries} entries, before the logs were retired`
            : `while replaying ${entries} entries`
          : /recovery started/.test(out)
            ? 'while starting Azurite to recover'
            : /waiting for another process/.test(out)
              ? 'while waiting for the lock a killed start left'
              : 'before recovery';
    const waited = /waiting for another process/.test(out) ? ', having waited for the lock a killed start left' : '';
    return `killed ${((Date.now() - began) / 1000).toFixed(1)} s in, ${stage}${waited}`;
  }

  /**
   * Each round: families saving, then the whole group killed; then restarts killed at the steps of their
   * recovery in turn, each recovering what the last left; then a full start, checked. The first round's kill
   * waits for a survey to be completed; the second crashes a store recovered in the first, and its recovery
   * is killed at its last step. Between them every step of a recovery is hit once.
   */
  const ROUND_PLANS: { saves: number; untilCompleted?: boolean; attacks: Attack[] }[] = [
    {
      saves: 12,
      untilCompleted: true,
      attacks: [
        { aim: 'recovery Azurite starting', waitOutLock: true },
        { aim: 'mid-replay' },
        { aim: 'replay saved, logs not retired' },
      ],
    },
    { saves: 10, attacks: [{ aim: 'recovery finished' }] },
  ];

  const load: Load = { acknowledged: new Map(), completed: new Set(), saves: 0, stop: false };

  it(`keeps every acknowledged save through ${ROUND_PLANS.length} kill -9s of the whole process group under load and kills at each step of the recovery, with one Azurite`, async () => {
    console.log(`      first start: ${await start()}`);
    const hitStages: string[] = [];
    for (const [index, plan] of ROUND_PLANS.entries()) {
      const round = index + 1;
      const loaded = await killUnderLoad(round, load, () => bot!.killGroup('SIGKILL'), plan);
      await waitUntil(() => bot!.exited && azuriteProcesses(dataDir).length === 0, 10_000);
      const hits: string[] = [];
      for (const attack of plan.attacks) hits.push(await killWhileStarting(attack));
      hitStages.push(...hits);
      const took = await start();
      const recovered = /"replayed":(\d+)/.exec(bot!.output)?.[1];
      console.log(
        `      round ${round}: ${[loaded, ...hits].join('; ')}; then started in ${took}, replaying ${recovered} entries ` +
          `(${load.acknowledged.size} answers acknowledged so far, ${load.completed.size} surveys completed)`,
      );
      expect(azuriteProcesses(dataDir), `round ${round}: one Azurite on the data folder`).to.have.length(1);
      await expectNothingLost(`round ${round}`, load);
    }
    expect(load.acknowledged.size, 'the families saved something').to.be.greaterThan(100);
    expect(load.completed.size, 'a survey was completed').to.be.greaterThan(0);
    // The steps a kill lands on for certain (each lasts an Azurite start-up, the kill follows within ms).
    expect(hitStages.join('\n')).to.match(/while starting Azurite to recover/);
    expect(hitStages.join('\n')).to.match(/after recovery, before its store served/);
    expect(hitStages.join('\n')).to.match(/having waited for the lock a killed start left/);

    const rebuild = await promisify(execFile)(process.execPath, [compiledEntry('cli/rebuildAggregates')], {
      cwd: fromRoot(),
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    });
    expect(rebuild.stdout).to.match(/No difference/);
    expect(azuriteProcesses(dataDir), 'the command attached to the same Azurite').to.have.length(1);
  });

  it('adopts the Azurite a bot killed on its own left running, with writes it had not saved, rather than starting a second one', async () => {
    const before = azuriteProcesses(dataDir);
    expect(before).to.have.length(1);
    // The bot only: its Azurite lives on.
    const loaded = await killUnderLoad(3, load, () => bot!.child.kill('SIGKILL'), { saves: 10 });
    await waitUntil(() => bot!.exited, 10_000);
    expect(azuriteProcesses(dataDir), 'the orphan is still running').to.deep.equal(before);
    const took = await start();
    console.log(`      ${loaded}; the next start adopted its Azurite in ${took}`);
    expect(azuriteProcesses(dataDir), 'still the one Azurite').to.deep.equal(before);
    expect(bot!.output).to.match(/"attached":false/);
    expect(bot!.output, 'nothing to replay: its Azurite still held the writes').to.match(/"replayed":0/);
    await expectNothingLost('adopted', load);
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
