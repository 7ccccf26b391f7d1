import { createStore, type StoreApi } from 'zustand';
import type { Api } from '../../api/client';
import type { FolderStatus } from '../../../src-shared/contract/intake.contract';
import type { AppError } from '../../../src-shared/result';

export interface FoldersState {
  folders: FolderStatus[] | null;
  scanning: number | 'all' | null;
  error: AppError | null;
}

export interface FoldersActions {
  load(): Promise<void>;
  scanNow(channelId?: number): Promise<void>;
  /** The core pushes folders.changed after every scan (its own timer's too). */
  listen(): () => void;
}

export type FoldersStore = StoreApi<FoldersState & FoldersActions>;

export function createFoldersStore(api: Api): FoldersStore {
  return createStore<FoldersState & FoldersActions>()((set, get) => ({
    folders: null,
    scanning: null,
    error: null,
    async load() {
      const r = await api.call('folders.status', {});
      if (r.ok) set({ folders: r.value.folders, error: null });
      else set({ error: r.error });
    },
    async scanNow(channelId) {
      set({ scanning: channelId ?? 'all' });
      const r = await api.call('folders.scanNow', channelId === undefined ? {} : { channelId });
      set({ scanning: null, ...(r.ok ? {} : { error: r.error }) });
      await get().load();
    },
    listen() {
      const offFolders = api.on('folders.changed', () => void get().load());
      const offSettings = api.on('settings.changed', (p) => {
        if (p.what === 'channels') void get().load();
      });
      return () => {
        offFolders();
        offSettings();
      };
    },
  }));
}
