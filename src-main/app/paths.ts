import { join } from 'node:path';
import type { App } from 'electron';

type AppPaths = Pick<App, 'isPackaged' | 'getAppPath' | 'getPath'>;

/**
 * Where migrations/ and assets/ live for the core: shipped as extraResources beside app.asar
 * when packaged, the repository root (the app path) in development.
 */
export function appRootFor(app: AppPaths, resourcesPath: string = process.resourcesPath): string {
  return app.isPackaged ? resourcesPath : app.getAppPath();
}

/** $PACKDESK_DB wins, as for the CLI; otherwise the per-user data folder. */
export function dbPathFor(app: AppPaths, env: NodeJS.ProcessEnv = process.env): string {
  return env.PACKDESK_DB || join(app.getPath('userData'), 'packdesk.db');
}

/** The built renderer; inside app.asar when packaged. */
export const rendererRootFor = (app: AppPaths): string => join(app.getAppPath(), 'dist', 'renderer');
