import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import { watchedChannels } from '../channels';
import { folderStates } from './folder-state.repo';
import type { FolderWatcher } from './folder-watcher';

const iso = (ms: number | null | undefined) =>
  ms === null || ms === undefined ? null : new Date(ms).toISOString();

export const folderHandlers = (ctx: CoreContext, watcher: FolderWatcher) =>
  ({
    'folders.status': () => {
      const states = folderStates(ctx.sqlite);
      return {
        folders: watchedChannels(ctx.sqlite).map((c) => {
          const s = states.get(c.id);
          return {
            channelId: c.id,
            channel: c.code,
            name: c.name,
            dir: c.watch.dir,
            format: c.watch.format,
            enabled: c.enabled && c.watch.enabled,
            watching: watcher.watching && c.enabled && c.watch.enabled,
            lastScanAt: iso(s?.lastScanAt),
            lastFile: s?.lastFile ?? null,
            lastStatus: s?.lastStatus ?? null,
            lastMessage: s?.lastMessage ?? null,
            filesImported: s?.filesImported ?? 0,
            filesFailed: s?.filesFailed ?? 0,
          };
        }),
      };
    },
    'folders.scanNow': async ({ channelId }) => ({ files: await watcher.scanNow(channelId) }),
  }) satisfies Partial<Handlers>;
