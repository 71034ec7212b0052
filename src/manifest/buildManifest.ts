import { readFileSync } from 'node:fs';
import { fromRoot } from '../config/projectPaths.js';

/** Placeholder ids for a local package only; a real one needs MicrosoftAppId and TEAMS_APP_ID. */
export const LOCAL_BOT_ID = '00000000-0000-4000-8000-000000000b07';
export const LOCAL_TEAMS_APP_ID = '00000000-0000-4000-8000-0000000a9901';

export type ManifestValues = { teamsAppId: string; botId: string; publicBaseUrl: string };

/** Fills the manifest template in manifest/ with ids and addresses from configuration. */
export function buildManifest(values: ManifestValues): Record<string, unknown> {
  const template = readFileSync(fromRoot('manifest', 'manifest.template.json'), 'utf8');
  const url = new URL(values.publicBaseUrl);
  const filled = template
    .replaceAll('{{TEAMS_APP_ID}}', values.teamsAppId)
    .replaceAll('{{BOT_ID}}', values.botId)
    .replaceAll('{{PUBLIC_BASE_URL}}', url.origin)
    .replaceAll('{{PUBLIC_HOST}}', url.host);
  if (filled.includes('{{')) throw new Error('manifest template has a placeholder with no value');
  return JSON.parse(filled) as Record<string, unknown>;
}
