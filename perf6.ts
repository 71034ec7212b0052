import { startEmbeddedAzurite } from './src/storage/embeddedAzurite.js';
import { buildServices } from './src/composition.js';
import { loadConfig } from './src/config/config.js';
import { sectionOrder, sectionQuestionIds } from './src/domain/survey/sections.js';
const az = await startEmbeddedAzurite();
const s = buildServices(loadConfig({ STORAGE_CONNECTION_STRING: az.connectionString, BOT_TODAY: '2026-11-22' }), az.connectionString);
async function family(f: number, surveys: number) {
  let answers = 0;
  for (let k = 0; k < surveys; k++) {
    const role = (f + k) % 2 ? 'cyp' as const : 'pc' as const;
    const inv = await s.invitationService.invite(`IN-${f}${String(k).padStart(4, '0')}`, role, 'bench');
    if (inv.kind !== 'created') throw new Error();
    await s.survey.redeem(`c-${f}-${k}`, inv.code);
    for (const section of sectionOrder(s.bank)) {
      const value: Record<string, unknown> = { verb: 'survey.saveSection', code: inv.code, section, bankVersion: s.bank.version };
      for (const [i, q] of sectionQuestionIds(s.bank, section, role).entries()) value[q] = section === 'text' ? 'x' : String(1 + ((f + i + k) % 5));
      const r = await s.survey.saveSection(`c-${f}-${k}`, value);
      if (r.kind === 'saved') answers += r.answers.answers.length;
    }
  }
  return answers;
}
const cpu0 = process.cpuUsage();
const t = performance.now();
const n = (await Promise.all(Array.from({ length: 20 }, (_, f) => family(f, 6)))).reduce((a, b) => a + b, 0);
const secs = (performance.now() - t) / 1000;
const cpu = process.cpuUsage(cpu0);
console.log(`answers/s ${(n / secs).toFixed(0)}; bench process CPU ${(((cpu.user + cpu.system) / 1e6 / secs) * 100).toFixed(0)}%`);
await az.stop();
