import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the database lives unless --db or $PACKDESK_DB says otherwise: the per-user data folder,
 * the same one Electron's `app.getPath('userData')` gives for an app named Packdesk.
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Packdesk');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Packdesk');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Packdesk');
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.PACKDESK_DB || join(userDataDir(env), 'packdesk.db');
}
