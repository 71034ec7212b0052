import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { childEnvironment, loadConfig } from '../config/config.js';
import { fromRoot } from '../config/projectPaths.js';

/**
 * Opens the Microsoft 365 Agents Playground (a Teams-like client) against the local bot, with
 * telemetry off and its log kept out of the working tree. Run `npm start` first, in another terminal.
 */
const USAGE = `npm run playground [-- --port <playground port>]   (default 56150; the bot's PORT from the environment)`;
const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const portIndex = args.indexOf('--port');
const playgroundPort = portIndex >= 0 ? Number(args[portIndex + 1]) : 56150;
if (!Number.isInteger(playgroundPort) || playgroundPort < 1 || playgroundPort > 65535) {
  console.error(`--port must be a port number.\n${USAGE}`);
  process.exit(2);
}
const config = loadConfig();
const logDir = fromRoot('.data');
mkdirSync(logDir, { recursive: true });
const cli = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/package.json')),
  'cli.js',
);
const child = spawn(
  process.execPath,
  [
    cli,
    '-e',
    `http://127.0.0.1:${config.port}/api/messages`,
    '-c',
    'msteams',
    '-p',
    String(playgroundPort),
    '--disable-telemetry',
  ],
  {
    env: childEnvironment({
      TEAMSAPPTESTER_BROWSER: 'none',
      M365_AGENTS_PLAYGROUND_LOGFILE: path.join(logDir, 'playground.log'),
    }),
    stdio: ['inherit', 'pipe', 'inherit'],
  },
);
child.stdout.on('data', (chunk: Buffer) => {
  const text = chunk.toString();
  process.stdout.write(text);
  // It silently moves to another port when this one is taken, so the address comes from its own output.
  const port = /Listening on (\d+)/.exec(text)?.[1];
  if (port)
    console.log(
      `\nOpen http://localhost:${port} in a browser to chat with the bot (bot: http://127.0.0.1:${config.port}/api/messages).`,
    );
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
