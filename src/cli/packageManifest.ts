import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yazl from 'yazl';
import { loadPackageSettings } from '../config/config.js';
import { fromRoot } from '../config/projectPaths.js';
import { buildManifest, LOCAL_BOT_ID, LOCAL_TEAMS_APP_ID } from '../manifest/buildManifest.js';
import { lines, runCli, type CliIo } from './cliStorage.js';

/**
 * npm run package [-- <out.zip>]: builds the Teams app package (manifest.json and the two icons), by default
 * manifest/build/send-outcomes-bot.zip. It needs only MicrosoftAppId, TEAMS_APP_ID and PUBLIC_BASE_URL.
 */
export async function main(io: CliIo): Promise<number> {
  const settings = loadPackageSettings(io.env);
  const botId = settings.appId ?? LOCAL_BOT_ID;
  const teamsAppId = settings.teamsAppId ?? LOCAL_TEAMS_APP_ID;
  if (!settings.appId)
    lines(io).err(
      'MicrosoftAppId is not set: the package uses a placeholder bot id and will only work for local testing.',
    );
  const manifest = buildManifest({ teamsAppId, botId, publicBaseUrl: settings.publicBaseUrl });
  const out = path.resolve(io.argv[0] ?? fromRoot('manifest', 'build', 'send-outcomes-bot.zip'));
  mkdirSync(path.dirname(out), { recursive: true });
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
  zip.addBuffer(readFileSync(fromRoot('manifest', 'color.png')), 'color.png');
  zip.addBuffer(readFileSync(fromRoot('manifest', 'outline.png')), 'outline.png');
  zip.end();
  await new Promise<void>((resolve, reject) =>
    zip.outputStream.pipe(createWriteStream(out)).on('close', resolve).on('error', reject),
  );
  lines(io).out(`Wrote ${out} (app id ${teamsAppId}, bot id ${botId}).`);
  return 0;
}

runCli(import.meta.url, main);
