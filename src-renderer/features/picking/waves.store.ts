import { createStore, type StoreApi } from 'zustand';
import type { Api } from '../../api/client';
import type { OpInput, OpOutput } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';

export type WaveFilters = OpInput<'waves.create'>;
export type WavePreview = OpOutput<'waves.preview'>;
export type WaveRow = OpOutput<'waves.list'>['rows'][number];

export interface WavesState {
  warehouses: { code: string; name: string }[];
  carriers: { code: string; name: string }[];
  waves: WaveRow[];
  preview: WavePreview | null;
  /** Field problems from the core, by field name. */
  issues: Record<string, string>;
  error: AppError | null;
  notice: { kind: 'created'; waveId: number; orders: number } | { kind: 'printed'; printer: string } | null;
  busy: boolean;
}

export interface WavesActions {
  load(): Promise<void>;
  loadWaves(): Promise<void>;
  runPreview(filters: WaveFilters): Promise<void>;
  create(filters: WaveFilters): Promise<number | null>;
  printPickList(waveId: number): Promise<void>;
  pickListPdf(waveId: number, language: 'zh' | 'en'): Promise<Blob | null>;
  dismiss(): void;
}

export type WavesStore = StoreApi<WavesState & WavesActions>;

const byField = (e: AppError): Record<string, string> =>
  Object.fromEntries((e.issues ?? []).map((i) => [i.path.split('.')[0] ?? i.path, i.message]));

const fromBase64 = (b64: string, mime: string): Blob =>
  new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: mime });

export function createWavesStore(api: Api): WavesStore {
  // A newer preview request makes older answers stale (filters typed quickly).
  let previewSeq = 0;

  return createStore<WavesState & WavesActions>()((set, get) => {
    /** The orders a wave still holds: its pick list is printed for these. */
    const waveOrders = async (waveId: number): Promise<number[] | null> => {
      const r = await api.call('waves.get', { id: waveId });
      if (!r.ok) {
        set({ error: r.error });
        return null;
      }
      return r.value.orders.filter((o) => !o.removed).map((o) => o.orderId);
    };

    return {
      warehouses: [],
      carriers: [],
      waves: [],
      preview: null,
      issues: {},
      error: null,
      notice: null,
      busy: false,
      async load() {
        const [w, c] = await Promise.all([api.call('warehouses.list', {}), api.call('carriers.list', {})]);
        if (w.ok) set({ warehouses: w.value.rows.filter((x) => x.active) });
        else set({ error: w.error });
        if (c.ok) set({ carriers: c.value.rows.filter((x) => x.active) });
        await get().loadWaves();
      },
      async loadWaves() {
        const r = await api.call('waves.list', { limit: 100 });
        if (r.ok) set({ waves: r.value.rows });
        else set({ error: r.error });
      },
      async runPreview(filters) {
        const mine = ++previewSeq;
        const r = await api.call('waves.preview', filters);
        if (mine !== previewSeq) return;
        if (r.ok) set({ preview: r.value, issues: {} });
        else set({ preview: null, issues: byField(r.error) });
      },
      async create(filters) {
        set({ busy: true });
        const r = await api.call('waves.create', filters);
        set({ busy: false });
        if (!r.ok) {
          set({ error: r.error, issues: byField(r.error) });
          return null;
        }
        const orders = r.value.orders.length;
        set({ error: null, issues: {}, notice: { kind: 'created', waveId: r.value.id, orders } });
        await Promise.all([get().loadWaves(), get().runPreview(filters)]);
        return r.value.id;
      },
      async printPickList(waveId) {
        const orderIds = await waveOrders(waveId);
        if (!orderIds) return;
        const r = await api.call('printing.print', { document: 'pick_list', orderIds });
        if (!r.ok) return set({ error: r.error });
        set({ error: null, notice: { kind: 'printed', printer: r.value.jobs[0]?.printerName ?? '' } });
      },
      async pickListPdf(waveId, language) {
        const orderIds = await waveOrders(waveId);
        if (!orderIds) return null;
        const r = await api.call('documents.render', { kind: 'pick_list', orderIds, language });
        if (!r.ok) {
          set({ error: r.error });
          return null;
        }
        return fromBase64(r.value.base64, r.value.mime);
      },
      dismiss() {
        set({ error: null, notice: null });
      },
    };
  });
}
