import { fileURLToPath } from 'node:url';
import path from 'node:path';

/**
 * The project root, found from this file so seeds, cards and static files load the same under tsx
 * (src/config/projectPaths.ts) and the production build (dist/config/projectPaths.js): both sit two
 * folders below the root, because tsconfig.build.json compiles src/ alone into dist/.
 */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function fromRoot(...parts: string[]): string {
  return path.join(projectRoot, ...parts);
}
