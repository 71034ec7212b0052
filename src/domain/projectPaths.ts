import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project root, found from this file so seeds and cards load the same under tsx, tsc output and tests. */
export const projectRoot = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  // src/domain -> project root; dist/src/domain -> dist, so step out of dist too.
  import.meta.url.includes('/dist/') ? '../../..' : '../..',
);

export function fromRoot(...parts: string[]): string {
  return path.join(projectRoot, ...parts);
}
