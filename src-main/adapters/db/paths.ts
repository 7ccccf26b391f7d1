import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Finds the folder that ships `migrations/` and `assets/`: the repository in development and
 * tests, the bundle's parent in `dist/`, and `resources/` in a packaged app (set by the host).
 */
export function appRoot(): string {
  const fromEnv = process.env.PACKDESK_APP_ROOT;
  if (fromEnv) return resolve(fromEnv);
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'migrations', 'meta', '_journal.json'))) return dir;
    dir = dirname(dir);
  }
  throw new Error(`Cannot find Packdesk's migrations folder above ${__dirname}; set PACKDESK_APP_ROOT`);
}

export const migrationsDir = (): string => join(appRoot(), 'migrations');
