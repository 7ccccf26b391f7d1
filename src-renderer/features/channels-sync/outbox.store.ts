import { createStore, type StoreApi } from 'zustand';
import type { Api } from '../../api/client';
import type { OpOutput } from '../../../src-shared/contract';
import type { OUTBOX_STATUSES } from '../../../src-shared/contract/outbox.contract';
import type { AppError } from '../../../src-shared/result';

export type OutboxList = OpOutput<'outbox.list'>;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export type ExportedFile = OpOutput<'outbox.export'>;

export interface OutboxState {
  list: OutboxList | null;
  /** null = every status. */
  filter: OutboxStatus | null;
  error: AppError | null;
  /** The last file handed to the browser to save, for the notice. */
  exported: ExportedFile | null;
  busy: boolean;
}

export interface OutboxActions {
  load(): Promise<void>;
  setFilter(filter: OutboxStatus | null): Promise<void>;
  retry(ids: number[]): Promise<void>;
  /** Every refused or given-up push (up to 500) back to the queue, e.g. after fixing credentials. */
  retryAllFailed(): Promise<void>;
  /** Builds the channel's bulk-shipping file and saves it; `save` is the browser download. */
  exportFile(channelId: number, save: (f: ExportedFile) => void): Promise<void>;
  /** Live updates: the core pushes outbox.changed whenever a push is tried, retried or exported. */
  listen(): () => void;
}

export type OutboxStore = StoreApi<OutboxState & OutboxActions>;

export function createOutboxStore(api: Api): OutboxStore {
  return createStore<OutboxState & OutboxActions>()((set, get) => ({
    list: null,
    filter: null,
    error: null,
    exported: null,
    busy: false,

    async load() {
      const f = get().filter;
      const r = await api.call('outbox.list', f ? { status: [f], limit: 200 } : { limit: 200 });
      if (r.ok) set({ list: r.value, error: null });
      else set({ error: r.error });
    },

    async setFilter(filter) {
      set({ filter });
      await get().load();
    },

    async retry(ids) {
      const r = await api.call('outbox.retry', { ids });
      if (!r.ok) set({ error: r.error });
      await get().load();
    },

    async retryAllFailed() {
      const r = await api.call('outbox.list', { status: ['failed', 'dead'], limit: 500 });
      if (!r.ok) {
        set({ error: r.error });
        return;
      }
      if (r.value.rows.length) await get().retry(r.value.rows.map((j) => j.id));
    },

    async exportFile(channelId, save) {
      set({ busy: true });
      try {
        const r = await api.call('outbox.export', { channelId });
        if (!r.ok) {
          set({ error: r.error });
          return;
        }
        save(r.value);
        set({ exported: r.value, error: null });
        await get().load();
      } finally {
        set({ busy: false });
      }
    },

    listen() {
      // Bursts (a bulk shipment queues hundreds) collapse into one reload.
      let pending: ReturnType<typeof setTimeout> | null = null;
      const off = api.on('outbox.changed', () => {
        if (pending) return;
        pending = setTimeout(() => {
          pending = null;
          void get().load();
        }, 200);
      });
      return () => {
        off();
        if (pending) clearTimeout(pending);
      };
    },
  }));
}
