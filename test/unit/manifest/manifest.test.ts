import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import AjvModule from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { expect } from 'chai';
import { PNG } from 'pngjs';
import { fromRoot } from '../../../src/config/projectPaths.js';
import { buildManifest, LOCAL_BOT_ID, LOCAL_TEAMS_APP_ID } from '../../../src/manifest/buildManifest.js';

// Both are CommonJS with a default export; under NodeNext the class is on .default.
const Ajv = AjvModule.default;
const addFormats = addFormatsModule.default;

describe('Teams app package', () => {
  const manifest = buildManifest({
    teamsAppId: LOCAL_TEAMS_APP_ID,
    botId: LOCAL_BOT_ID,
    publicBaseUrl: 'https://outcomes.example.org',
  });

  it('validates against the official Teams manifest schema (offline, from @microsoft/app-manifest)', () => {
    const version = String(manifest.manifestVersion);
    const require = createRequire(import.meta.url);
    const schemaFile = path.join(
      path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
      'build',
      'json-schemas',
      'teams',
      `v${version}`,
      'MicrosoftTeams.schema.json',
    );
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const ok = validate(manifest);
    expect(validate.errors ?? [], JSON.stringify(validate.errors, null, 2)).to.deep.equal([]);
    expect(ok).to.equal(true);
    expect(String(manifest.$schema)).to.include(`v${version}/`);
  });

  it('offers the bot in personal, team and group-chat scopes with the command list', () => {
    const bot = (
      manifest.bots as { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[]
    )[0];
    expect(bot.botId).to.equal(LOCAL_BOT_ID);
    expect(bot.scopes).to.have.members(['personal', 'team', 'groupChat']);
    const titles = bot.commandLists[0].commands.map((c) => c.title).join(' | ');
    for (const word of ['help', 'invite', 'scores', 'wait', 'digest']) expect(titles).to.include(word);
  });

  it('fills ids and the domain from configuration', () => {
    expect(manifest.id).to.equal(LOCAL_TEAMS_APP_ID);
    expect(manifest.validDomains).to.deep.equal(['outcomes.example.org']);
  });

  it('has a 192×192 colour icon and a 32×32 outline icon that is white on transparent', () => {
    const color = PNG.sync.read(readFileSync(fromRoot('manifest', 'color.png')));
    expect([color.width, color.height]).to.deep.equal([192, 192]);
    const outline = PNG.sync.read(readFileSync(fromRoot('manifest', 'outline.png')));
    expect([outline.width, outline.height]).to.deep.equal([32, 32]);
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      expect(a === 0 || (r === 255 && g === 255 && b === 255), `pixel ${i / 4}`).to.equal(true);
    }
  });
});
