/**
 * Where the application's own files are (the dataset, the map, the built web application). Found
 * from this module's own address, not the working directory, so that the sources run by tsx
 * (src/config/paths.ts) and the build (dist/server/main.js, where this module is bundled) find the
 * same files whichever directory the server was started from.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function nearestPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json in ${from} or above it`);
  }
}

/** The directory with package.json: the repository, or the copy of it that is deployed. */
export const PROJECT_ROOT = nearestPackageRoot(dirname(fileURLToPath(import.meta.url)));

export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
