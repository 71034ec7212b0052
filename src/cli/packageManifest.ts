import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import yazl from 'yazl';
import { loadConfig } from '../config/config.js';
import { fromRoot } from '../domain/projectPaths.js';
import { buildManifest, LOCAL_BOT_ID, LOCAL_TEAMS_APP_ID } from '../manifest/buildManifest.js';
import { runCli } from './cliStorage.js';

/** npm run package: builds manifest/build/send-outcomes-bot.zip (manifest.json and the two icons). */
runCli(async () => {
  const config = loadConfig();
  const botId = config.bot.appId ?? LOCAL_BOT_ID;
  const teamsAppId = config.teamsAppId ?? config.bot.appId ?? LOCAL_TEAMS_APP_ID;
  if (!config.bot.appId)
    console.warn(
      'MicrosoftAppId is not set: the package uses a placeholder bot id and will only work for local testing.',
    );
  const manifest = buildManifest({ teamsAppId, botId, publicBaseUrl: config.publicBaseUrl });
  mkdirSync(fromRoot('manifest', 'build'), { recursive: true });
  const out = fromRoot('manifest', 'build', 'send-outcomes-bot.zip');
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'manifest.json');
  zip.addBuffer(readFileSync(fromRoot('manifest', 'color.png')), 'color.png');
  zip.addBuffer(readFileSync(fromRoot('manifest', 'outline.png')), 'outline.png');
  zip.end();
  await new Promise<void>((resolve, reject) =>
    zip.outputStream.pipe(createWriteStream(out)).on('close', resolve).on('error', reject),
  );
  console.log(`Wrote ${out} (app id ${teamsAppId}, bot id ${botId}).`);
});
