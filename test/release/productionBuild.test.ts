import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import getPort from 'get-port';
import { fromRoot } from '../../src/config/projectPaths.js';
import { startEmbeddedAzurite, type EmbeddedAzurite } from '../../src/storage/embeddedAzurite.js';
import { waitUntil } from '../support/botProcess.js';

const run = promisify(execFile);

/**
 * The production start, without Docker (no engine runs in CI): the Dockerfile's own steps, read from it,
 * on a clean copy of what its runtime stage copies — build, install production dependencies only, start
 * its CMD against Table Storage given by connection string — and the bot answers over HTTP.
 */
describe('production build and container image steps', function () {
  // npm ci of ~1,000 production packages: 2-4 minutes here, depending on what else the machine is doing.
  this.timeout(600_000);
  const dockerfile = parseDockerfile(readFileSync(fromRoot('Dockerfile'), 'utf8'));

  it('copies into the image every folder the app reads from the project root at run time', () => {
    const copied = dockerfile.runtime.copies.flatMap((c) => c.sources.map((s) => s.path));
    const needed = runtimeRootPaths();
    expect(needed).to.include.members(['seeds', 'cards', 'src/http/public']);
    for (const p of needed)
      expect(
        copied.some((c) => p === c || p.startsWith(`${c}/`)),
        p,
      ).to.equal(true);
    expect(copied).to.include.members(['dist', 'package.json', 'package-lock.json']);
    expect(dockerfile.runtime.from).to.match(/^node:20/);
    expect(dockerfile.runtime.user).to.match(/^(?!root$|0$)\w+/);
    expect(dockerfile.runtime.healthcheck).to.include('/healthz');
    expect(dockerfile.runtime.expose).to.equal('3978');
    expect(dockerfile.runtime.cmd).to.deep.equal(['node', 'dist/index.js']);
    const ignored = readFileSync(fromRoot('.dockerignore'), 'utf8').split('\n');
    expect(ignored).to.include.members(['.env', '.data/', 'node_modules/']);
  });

  describe('on a clean copy with production dependencies only', () => {
    let workDir: string;
    let azurite: EmbeddedAzurite | undefined;
    let bot: ChildProcess | undefined;
    let output = '';
    let port: number;

    before(async () => {
      // The runtime stage's COPY lines, from the files git tracks (their working-tree versions, so
      // untracked scratch stays out) and, once it is built, the build's dist/.
      workDir = mkdtempSync(path.join(tmpdir(), 'send-bot-prod-'));
      const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: fromRoot(), encoding: 'utf8' })
        .split('\0')
        .filter((f) => f && existsSync(fromRoot(f)));
      const copyIntoImage = (copy: Copy) => {
        for (const source of copy.sources) {
          const files = copy.fromStage ? [source.path] : tracked.filter((f) => within(f, source.path));
          expect(files, `COPY ${source.path}`).not.to.be.empty;
          for (const f of files) {
            mkdirSync(path.dirname(path.join(workDir, f)), { recursive: true });
            cpSync(fromRoot(f), path.join(workDir, f), { recursive: true });
          }
        }
      };
      for (const copy of dockerfile.runtime.copies) if (!copy.fromStage) copyIntoImage(copy);

      // The build stage (the same script the Dockerfile runs, here on this checkout's node_modules) and the
      // runtime stage's install share nothing: the runtime stage takes dist/ from the build only after its
      // install. So the two run at the same time, and dist/ is copied once both are done.
      const build = async () => {
        for (const step of dockerfile.build.steps) await run('sh', ['-c', step], { cwd: fromRoot() });
      };
      const install = async () => {
        for (const step of dockerfile.runtime.steps)
          await run('sh', ['-c', step], { cwd: workDir, env: { ...process.env, ...dockerfile.runtime.env } });
      };
      for (const stage of await Promise.allSettled([build(), install()]))
        if (stage.status === 'rejected') throw stage.reason;
      expect(existsSync(fromRoot('dist', 'index.js')), 'npm run build writes dist/index.js').to.equal(true);
      expect(existsSync(fromRoot('dist', 'src')), 'the build compiles src only').to.equal(false);
      for (const copy of dockerfile.runtime.copies) if (copy.fromStage) copyIntoImage(copy);

      azurite = await startEmbeddedAzurite();
      port = await getPort({ host: '127.0.0.1' });
      const [command, ...args] = dockerfile.runtime.cmd;
      bot = spawn(command!, args, {
        cwd: workDir,
        // Nothing inherited: no loader or option of the test runner may reach the production start.
        env: {
          PATH: process.env.PATH ?? '',
          ...dockerfile.runtime.env,
          PORT: String(port),
          STORAGE_CONNECTION_STRING: azurite.connectionString,
          DEV_ROLES: 'practitioner',
          DEMO_DATA: 'false',
          LOG_LEVEL: 'info',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      bot.stdout!.on('data', (d) => (output += d));
      bot.stderr!.on('data', (d) => (output += d));
      await waitUntil(
        () => {
          if (output.includes('bot listening')) return true;
          if (bot!.exitCode !== null) throw new Error(`the built bot exited before listening:\n${output}`);
          return false;
        },
        30_000,
        () => output,
      );
    });

    after(async () => {
      if (bot && bot.exitCode === null) {
        bot.kill('SIGTERM');
        await new Promise((r) => bot!.once('exit', r));
      }
      await azurite?.stop();
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    it('has no development tools installed', () => {
      const installed = readdirSync(path.join(workDir, 'node_modules'));
      expect(installed).to.include('botbuilder');
      expect(installed).not.to.include.members(['tsx']);
      expect(installed).not.to.include.members(['typescript']);
      // Web Chat's browser bundle is copied into dist/ by the build; its package (and React, speech SDKs) is not
      // needed at run time.
      expect(installed).not.to.include.members(['botframework-webchat']);
    });

    it('answers "help", makes an invitation, and opens the survey from the compiled bot', async () => {
      const staff = { channelId: 'msteams', from: { id: 'staff-1' }, conversation: { id: 'staff-conv-1' } };
      const help = await post(port, { type: 'message', text: 'help', ...staff });
      expect(help.status).to.equal(200);
      expect(JSON.stringify(help.activities)).to.match(/What I can do/);

      const made = await post(port, { type: 'message', text: 'invite review PB-0001 parent', ...staff });
      const code = /code ([A-Z0-9-]{12})/.exec(JSON.stringify(made.activities))?.[1];
      expect(code, JSON.stringify(made.activities)).to.be.a('string');

      // The survey's first card comes from cards/ and the question bank from seeds/, both found from dist/.
      const family = { channelId: 'directline', from: { id: 'family-1' }, conversation: { id: 'family-conv-1' } };
      const opened = await post(port, { type: 'message', text: code, ...family });
      expect(JSON.stringify(opened.activities)).to.include('application/vnd.microsoft.card.adaptive');

      // The family page and the Web Chat bundle it loads, served from dist/ (no botframework-webchat installed).
      const page = await fetch(`http://127.0.0.1:${port}/survey/${code}`);
      expect(page.status).to.equal(200);
      expect(await page.text()).to.include('/static/webchat.js');
      const bundle = await fetch(`http://127.0.0.1:${port}/static/webchat.js`);
      expect(bundle.status).to.equal(200);
      expect(bundle.headers.get('content-type')).to.match(/^text\/javascript/);
      expect((await bundle.arrayBuffer()).byteLength).to.be.greaterThan(1_000_000);
      expect(output).not.to.match(/AccountKey=|Eby8vdM02x/);
    });
  });
});

type Copy = { fromStage?: string; sources: { path: string }[] };
type Stage = {
  from: string;
  copies: Copy[];
  /** RUN lines that call scripts/container-steps.sh (the others only concern the image, not the app). */
  steps: string[];
  env: Record<string, string>;
  user?: string;
  healthcheck?: string;
  expose?: string;
  cmd: string[];
};

/** Just enough of the Dockerfile syntax this project's Dockerfile uses. */
function parseDockerfile(text: string): { build: Stage; runtime: Stage } {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of lines) {
    const [instruction, ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (instruction === 'FROM') {
      stages.push({ from: rest[0]!, copies: [], steps: [], env: {}, cmd: [] });
      continue;
    }
    const stage = stages.at(-1)!;
    if (instruction === 'COPY') {
      const flags = rest.filter((r) => r.startsWith('--'));
      const paths = rest.filter((r) => !r.startsWith('--'));
      const fromStage = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
      // Paths in another stage are under its WORKDIR (/app); here they are relative to the project root.
      const sources = paths.slice(0, -1).map((p) => ({ path: p.replace(/^\/app\//, '').replace(/\/$/, '') }));
      const dest = paths.at(-1)!;
      if (!dest.endsWith('/'))
        expect(dest.replace(/^\.\//, ''), `COPY keeps the project's layout: ${line}`).to.equal(sources[0]!.path);
      stage.copies.push({ ...(fromStage ? { fromStage } : {}), sources });
    } else if (instruction === 'RUN' && args.includes('scripts/container-steps.sh')) stage.steps.push(args);
    else if (instruction === 'ENV') {
      const [key, value] = args.split('=');
      stage.env[key!] = value!;
    } else if (instruction === 'USER') stage.user = args;
    else if (instruction === 'HEALTHCHECK') stage.healthcheck = args;
    else if (instruction === 'EXPOSE') stage.expose = args;
    else if (instruction === 'CMD') stage.cmd = JSON.parse(args) as string[];
  }
  expect(stages, 'a build stage and a runtime stage').to.have.length(2);
  return { build: stages[0]!, runtime: stages[1]! };
}

/**
 * Project-root paths the running app reads: the literal leading parts of every fromRoot(...) outside the
 * command-line tools and the demo-data writers (node_modules is installed, .data is DATA_DIR's default).
 */
function runtimeRootPaths(): string[] {
  const files = execFileSync('git', ['ls-files', 'src/*.ts'], { cwd: fromRoot(), encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && existsSync(fromRoot(f)) && !f.startsWith('src/cli/') && !/write\w*\.ts$/.test(f));
  const found = new Set<string>();
  for (const f of files)
    for (const call of readFileSync(fromRoot(f), 'utf8').matchAll(/fromRoot\(([^)]*)\)/g)) {
      const literal: string[] = [];
      for (const arg of call[1]!.split(',').map((a) => a.trim())) {
        const m = /^'([^'$]*)'$/.exec(arg);
        if (!m) break;
        literal.push(m[1]!);
      }
      // A file name is not a folder: keep folders, and files directly in the root.
      const folder = literal.length > 1 && /\.\w+$/.test(literal.at(-1)!) ? literal.slice(0, -1) : literal;
      if (folder.length && !['node_modules', '.data'].includes(folder[0]!)) found.add(folder.join('/'));
    }
  return [...found];
}

function within(file: string, dir: string): boolean {
  return file === dir || file.startsWith(`${dir}/`);
}

async function post(port: number, activity: Record<string, unknown>) {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      deliveryMode: 'expectReplies',
      serviceUrl: 'http://127.0.0.1:1/',
      id: `a-${Math.random()}`,
      recipient: { id: 'bot' },
      ...activity,
    }),
  });
  return { status: res.status, activities: ((await res.json()) as { activities?: unknown[] }).activities ?? [] };
}
