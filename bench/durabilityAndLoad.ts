import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { composeServices, type Core } from '../src/composeServices.js';
import type { Config } from '../src/config/config.js';
import { sectionOrder, sectionQuestionIds } from '../src/features/survey/domain/sections.js';
import { RedoLog } from '../src/storage/redoLog.js';
import { median, percentile } from './stats.js';

/**
 * The cost of durable acknowledgement: a section saved through the same service code with and without the
 * embedded store's redo log (appended and fsynced before the save returns), interleaved so both see the
 * same machine, against the same Azurite.
 */
export async function measureDurableSaves(config: Config, connectionString: string, saves = 200) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-redo-'));
  const redo = new RedoLog(dir);
  const plain = composeServices(config, { target: connectionString });
  const durable = composeServices(config, { target: connectionString, redo });
  const prepare = async (s: Core, prefix: string) => {
    const out: { conversation: string; code: string }[] = [];
    for (let i = 0; i < saves; i++) {
      const made = await s.services.invitationService.invite(`${prefix}-${String(i).padStart(5, '0')}`, 'pc', 'bench');
      if (made.kind !== 'created') throw new Error('invitation failed');
      const conversation = `bench-${prefix}-${i}`;
      await s.services.survey.redeem(conversation, made.code);
      out.push({ conversation, code: made.code });
    }
    return out;
  };
  const a = await prepare(plain, 'DP');
  const b = await prepare(durable, 'DD');
  const save = async (s: Core, r: { conversation: string; code: string }, i: number) => {
    const value: Record<string, unknown> = { code: r.code, section: 'voice', bankVersion: s.seeds.bank.version };
    for (const [k, q] of sectionQuestionIds(s.seeds.bank, 'voice', 'pc').entries())
      value[q] = String(1 + ((i + k) % 5));
    const t = performance.now();
    const result = await s.services.survey.saveSection(r.conversation, value);
    if (result.kind !== 'saved') throw new Error(`not saved: ${result.kind}`);
    return performance.now() - t;
  };
  const without: number[] = [];
  const withLog: number[] = [];
  for (let i = 0; i < saves; i++) {
    without.push(await save(plain, a[i], i));
    withLog.push(await save(durable, b[i], i));
  }
  await plain.stores.journal.flush();
  await durable.stores.journal.flush();
  await redo.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    without,
    withLog,
    medianRatio: median(withLog) / median(without),
    p95Ratio: percentile(withLog, 95) / percentile(without, 95),
  };
}

/**
 * A mixed load through HTTP: 20 practitioners asking a score question while 20 families save sections
 * (Action.Submit from Web Chat), against the same practitioners asking with no families.
 */
export async function measureMixedLoad(
  s: Core,
  url: string,
  opts: { practitioners: number; families: number; questionsEach: number },
) {
  const post = async (activity: Record<string, unknown>) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        deliveryMode: 'expectReplies',
        serviceUrl: 'http://127.0.0.1:1',
        id: randomUUID(),
        recipient: { id: 'bot' },
        ...activity,
      }),
    });
    const body = (await res.json()) as { activities?: { attachments?: { content: Record<string, any> }[] }[] };
    if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
    return body.activities ?? [];
  };
  const practitioner = async (p: number, times: number[]) => {
    for (let i = 0; i < opts.questionsEach; i++) {
      const t = performance.now();
      await post({
        type: 'message',
        text: 'outcome scores this term',
        channelId: 'msteams',
        from: { id: `bench-practitioner-${p}` },
        conversation: { id: `bench-practitioner-${p}` },
      });
      times.push(performance.now() - t);
    }
  };
  const asking = async () => {
    const times: number[] = [];
    await Promise.all(Array.from({ length: opts.practitioners }, (_, p) => practitioner(p, times)));
    return times;
  };
  const idle = await asking();

  let stop = false;
  let sectionsSaved = 0;
  const family = async (f: number) => {
    for (let n = 0; !stop; n++) {
      const made = await s.services.invitationService.invite(`ML-${f}${String(n).padStart(4, '0')}`, 'pc', 'bench');
      if (made.kind !== 'created') return;
      const conversation = { id: `bench-mixed-${f}-${n}` };
      const from = { id: `bench-family-${f}-${n}` };
      let replies = await post({ type: 'message', text: made.code, channelId: 'directline', from, conversation });
      for (const section of sectionOrder(s.seeds.bank)) {
        if (stop) return;
        const card = replies.flatMap((a) => a.attachments ?? []).at(-1)?.content;
        if (!card) return;
        const value: Record<string, unknown> = { ...card.actions[0].data };
        for (const [i, q] of sectionQuestionIds(s.seeds.bank, section, 'pc').entries())
          value[q] = section === 'text' ? 'a few words' : String(1 + ((f + i + n) % 5));
        replies = await post({ type: 'message', value, channelId: 'directline', from, conversation });
        sectionsSaved++;
      }
    }
  };
  const families = Array.from({ length: opts.families }, (_, f) => family(f));
  const started = performance.now();
  const loaded = await asking();
  const seconds = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(families);
  return {
    idle,
    loaded,
    sectionsPerSecond: sectionsSaved / seconds,
    p95Ratio: percentile(loaded, 95) / percentile(idle, 95),
  };
}
