import { createStore, type StoreApi } from 'zustand';
import type { Api } from '../../api/client';
import type { OpOutput } from '../../../src-shared/contract';
import { UPLOAD_CHUNK_BYTES } from '../../../src-shared/contract/intake.contract';
import type { AppError } from '../../../src-shared/result';

export type ImportFormatChoice =
  'auto' | 'shopify' | 'woocommerce' | 'amazon' | 'taobao' | 'pdd' | 'douyin' | 'alibaba1688' | 'packdesk';
export type ImportResult = OpOutput<'intake.import'>;
export type UnmatchedRow = OpOutput<'standardize.unmatched'>['rows'][number];

export interface ImportState {
  format: ImportFormatChoice;
  channel: string;
  phase: 'idle' | 'uploading' | 'importing' | 'done';
  fileName: string | null;
  /** 0…1 of the bytes sent, then of the orders committed. */
  progress: number;
  progressText: string;
  result: ImportResult | null;
  unmatched: UnmatchedRow[];
  error: AppError | null;
  /** The file itself was refused (damaged, unknown layout…): nothing of it was written. */
  fileRefused: boolean;
}

export interface ImportActions {
  setFormat(f: ImportFormatChoice): void;
  setChannel(c: string): void;
  importFile(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<void>;
  loadUnmatched(): Promise<void>;
  mapSku(row: UnmatchedRow, sku: string): Promise<boolean>;
  setError(e: AppError | null): void;
}

export type ImportStore = StoreApi<ImportState & ImportActions>;

/** Base64 without a call per byte and without blowing the argument limit of fromCharCode. */
export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** getRandomValues works on plain-HTTP LAN pages too, where randomUUID does not. */
export function newUploadId(): string {
  const b = new Uint8Array(12);
  crypto.getRandomValues(b);
  return 'u' + Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

/**
 * The file travels as 1 MiB base64 chunks (intake.upload), the same op over IPC and HTTP; then
 * intake.import runs it page by page while the screen polls intake.runs for the committed count.
 */
export function createImportStore(api: Api, pollMs = 400): ImportStore {
  return createStore<ImportState & ImportActions>()((set, get) => ({
    format: 'auto',
    channel: '',
    phase: 'idle',
    fileName: null,
    progress: 0,
    progressText: '',
    result: null,
    unmatched: [],
    error: null,
    fileRefused: false,
    setFormat: (format) => set({ format }),
    setChannel: (channel) => set({ channel }),
    setError: (error) => set({ error, fileRefused: false }),
    async importFile(file) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const uploadId = newUploadId();
      const chunks = Math.max(1, Math.ceil(bytes.length / UPLOAD_CHUNK_BYTES));
      set({
        phase: 'uploading',
        fileName: file.name,
        progress: 0,
        result: null,
        error: null,
        fileRefused: false,
        progressText: '',
      });
      for (let seq = 0; seq < chunks; seq++) {
        const part = bytes.subarray(seq * UPLOAD_CHUNK_BYTES, (seq + 1) * UPLOAD_CHUNK_BYTES);
        const r = await api.call('intake.upload', {
          uploadId,
          seq,
          fileName: file.name,
          chunkBase64: toBase64(part),
        });
        if (!r.ok)
          return set({ phase: 'idle', error: r.error, fileRefused: r.error.code === 'invalid_input' });
        set({ progress: (seq + 1) / chunks, progressText: `${Math.round(((seq + 1) / chunks) * 100)}%` });
      }
      set({ phase: 'importing', progress: 0 });
      let polling = true;
      const poll = async () => {
        while (polling) {
          await new Promise((r) => setTimeout(r, pollMs));
          if (!polling) break;
          const runs = await api.call('intake.runs', { limit: 5 });
          const run = runs.ok
            ? runs.value.rows.find((x) => x.fileName === file.name && x.status === 'running')
            : undefined;
          if (run && polling)
            set({
              progress: run.totalOrders ? run.doneOrders / run.totalOrders : 0,
              progressText: `${run.doneOrders} / ${run.totalOrders}`,
            });
        }
      };
      void poll();
      const { format, channel } = get();
      const r = await api.call('intake.import', {
        uploadId,
        format,
        ...(channel.trim() ? { channel: channel.trim() } : {}),
      });
      polling = false;
      if (!r.ok) return set({ phase: 'idle', error: r.error, fileRefused: r.error.code === 'invalid_input' });
      set({ phase: 'done', progress: 1, result: r.value, progressText: '' });
      void get().loadUnmatched();
    },
    async loadUnmatched() {
      const r = await api.call('standardize.unmatched', { limit: 200 });
      if (r.ok) set({ unmatched: r.value.rows });
      else set({ error: r.error, fileRefused: false });
    },
    async mapSku(row, sku) {
      const r = await api.call('standardize.mapSku', { title: row.title, spec: row.spec, sku });
      if (!r.ok) {
        set({ error: r.error, fileRefused: false });
        return false;
      }
      await get().loadUnmatched();
      return true;
    },
  }));
}
