import { createStore, type StoreApi } from 'zustand';
import type { Api } from '../../api/client';
import type { OpInput, OpOutput } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';

export type SyncStatus = OpOutput<'sync.status'>;
export type TestResult = OpOutput<'channels.testConnection'>;
export type CredentialsInput = OpInput<'channels.setCredentials'>['credentials'];

export interface ConnectionDraft {
  url: string;
  intervalMinutes: number;
  syncEnabled: boolean;
  credentials: CredentialsInput | null;
}

export interface ChannelsSyncState {
  status: SyncStatus | null;
  error: AppError | null;
  /** Per channel: the last test-connection answer, field problems of the last save. */
  tests: Record<number, TestResult | 'testing'>;
  issues: Record<number, Record<string, string>>;
  saving: number | null;
}

export interface ChannelsSyncActions {
  load(): Promise<void>;
  syncNow(channelId?: number): Promise<void>;
  save(channelId: number, draft: ConnectionDraft): Promise<boolean>;
  /** Tests the saved settings, or (from the form) the typed address and credentials without saving them. */
  test(channelId: number, typed?: { url: string; credentials: CredentialsInput | null }): Promise<void>;
  /** Live updates: the core pushes sync.progress while a pull runs. */
  listen(): () => void;
}

export type ChannelsSyncStore = StoreApi<ChannelsSyncState & ChannelsSyncActions>;

const byPath = (issues: { path: string; message: string }[] | undefined): Record<string, string> =>
  Object.fromEntries((issues ?? []).map((i) => [i.path, i.message]));

export function createChannelsSyncStore(api: Api): ChannelsSyncStore {
  return createStore<ChannelsSyncState & ChannelsSyncActions>()((set, get) => ({
    status: null,
    error: null,
    tests: {},
    issues: {},
    saving: null,

    async load() {
      const r = await api.call('sync.status', {});
      if (r.ok) set({ status: r.value, error: null });
      else set({ error: r.error });
    },

    async syncNow(channelId) {
      const r = await api.call('sync.now', channelId === undefined ? {} : { channelId });
      if (!r.ok) set({ error: r.error });
      await get().load();
    },

    async save(channelId, draft) {
      set({ saving: channelId, issues: { ...get().issues, [channelId]: {} } });
      try {
        const c = await api.call('sync.configure', {
          channelId,
          url: draft.url,
          intervalMinutes: draft.intervalMinutes,
          syncEnabled: draft.syncEnabled,
        });
        if (!c.ok) {
          set({ issues: { ...get().issues, [channelId]: byPath(c.error.issues) }, error: c.error });
          return false;
        }
        if (draft.credentials) {
          const s = await api.call('channels.setCredentials', { channelId, credentials: draft.credentials });
          if (!s.ok) {
            set({ issues: { ...get().issues, [channelId]: byPath(s.error.issues) }, error: s.error });
            return false;
          }
        }
        set({ error: null });
        await get().load();
        return true;
      } finally {
        set({ saving: null });
      }
    },

    async test(channelId, typed) {
      set({ tests: { ...get().tests, [channelId]: 'testing' } });
      const r = await api.call('channels.testConnection', {
        channelId,
        ...(typed?.url.trim() ? { url: typed.url.trim() } : {}),
        ...(typed?.credentials ? { credentials: typed.credentials } : {}),
      });
      if (r.ok) set({ tests: { ...get().tests, [channelId]: r.value } });
      else
        set({
          tests: { ...get().tests, [channelId]: { ok: false, shopName: null, message: r.error.message } },
        });
    },

    listen() {
      const offProgress = api.on('sync.progress', (p) => {
        const status = get().status;
        if (!status) return;
        if (p.state === 'running') {
          set({
            status: {
              ...status,
              channels: status.channels.map((c) =>
                c.channelId === p.channelId
                  ? {
                      ...c,
                      running: true,
                      state: 'running' as const,
                      lastCounts: { imported: p.imported, updated: p.updated, unchanged: p.unchanged },
                    }
                  : c,
              ),
            },
          });
        } else void get().load();
      });
      const offSettings = api.on('settings.changed', (p) => {
        if (p.what === 'channels') void get().load();
      });
      return () => {
        offProgress();
        offSettings();
      };
    },
  }));
}
