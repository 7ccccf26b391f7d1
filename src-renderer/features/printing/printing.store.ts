import { createStore, type StoreApi } from 'zustand';
import type { Api } from '../../api/client';
import type { OpInput } from '../../../src-shared/contract';
import type { Printer, PrinterStatus, PrintJob } from '../../../src-shared/contract/printing.contract';
import type { DocumentKind, DocumentTemplate } from '../../../src-shared/contract/documents.contract';
import type { AppError } from '../../../src-shared/result';

export type PrinterDraft = OpInput<'printing.printers.save'>;
export type TemplateDraft = OpInput<'documents.templates.save'>;

export interface PrintingState {
  printers: Printer[];
  jobs: PrintJob[];
  template: DocumentTemplate | null;
  /** The OS printers (desktop app), for choosing a system printer's device name; null until asked. */
  systemPrinters: { available: boolean; printers: { name: string; displayName: string }[] } | null;
  /** The last "check status" answer per printer id; 'checking' while it is asked. */
  statuses: Record<number, PrinterStatus | 'checking'>;
  /** Field problems from the core, by field name. */
  issues: Record<string, string>;
  error: AppError | null;
  notice: string | null;
}

export interface PrintingActions {
  load(): Promise<void>;
  loadJobs(): Promise<void>;
  savePrinter(draft: PrinterDraft): Promise<boolean>;
  testPrint(id: number): Promise<void>;
  checkStatus(id: number): Promise<void>;
  loadSystemPrinters(): Promise<void>;
  retry(jobId: number): Promise<void>;
  /** A second copy, on the job's printer or on `printerId` (when the first one is broken). */
  reprint(jobId: number, reason: string, printerId?: number): Promise<boolean>;
  /** Stops waiting jobs before they are sent; false (with the core's reason in `error`) when refused. */
  cancelJobs(jobIds: number[], reason: string): Promise<boolean>;
  /** Sends waiting jobs to another printer instead. */
  moveJobs(jobIds: number[], printerId: number): Promise<boolean>;
  loadTemplate(kind: DocumentKind): Promise<void>;
  saveTemplate(draft: TemplateDraft): Promise<boolean>;
  dismiss(): void;
  /** Follows the core's events until the returned function is called. */
  listen(): () => void;
}

export type PrintingStore = StoreApi<PrintingState & PrintingActions>;

const byField = (e: AppError): Record<string, string> =>
  Object.fromEntries((e.issues ?? []).map((i) => [i.path.split('.')[0] ?? i.path, i.message]));

export function createPrintingStore(api: Api): PrintingStore {
  return createStore<PrintingState & PrintingActions>()((set, get) => {
    const fail = (error: AppError) => set({ error, issues: byField(error) });
    return {
      printers: [],
      jobs: [],
      template: null,
      statuses: {},
      systemPrinters: null,
      issues: {},
      error: null,
      notice: null,
      async load() {
        const r = await api.call('printing.printers.list', {});
        if (r.ok) set({ printers: r.value.rows });
        else fail(r.error);
        await get().loadJobs();
      },
      async loadJobs() {
        const r = await api.call('printing.jobs.list', { limit: 200 });
        if (r.ok) set({ jobs: r.value.rows });
        else fail(r.error);
      },
      listen() {
        // Jobs move on their own (printing, retries): follow them live.
        const offJobs = api.on('jobs.changed', () => void get().loadJobs());
        const offSettings = api.on('settings.changed', () => void get().load());
        return () => {
          offJobs();
          offSettings();
        };
      },
      async savePrinter(draft) {
        const r = await api.call('printing.printers.save', draft);
        if (!r.ok) {
          fail(r.error);
          return false;
        }
        set({ issues: {}, error: null });
        await get().load();
        return true;
      },
      async testPrint(id) {
        const r = await api.call('printing.printers.test', { id });
        if (!r.ok) return fail(r.error);
        set({ notice: r.value.title });
        await get().loadJobs();
      },
      async checkStatus(id) {
        set({ statuses: { ...get().statuses, [id]: 'checking' } });
        const r = await api.call('printing.printers.status', { id });
        const { [id]: _asked, ...rest } = get().statuses;
        if (!r.ok) {
          set({ statuses: rest });
          return fail(r.error);
        }
        set({ statuses: { ...rest, [id]: r.value } });
      },
      async loadSystemPrinters() {
        const r = await api.call('printing.system.list', {});
        if (r.ok) set({ systemPrinters: r.value });
        else fail(r.error);
      },
      async retry(jobId) {
        const r = await api.call('printing.jobs.retry', { jobId });
        if (!r.ok) return fail(r.error);
        await get().loadJobs();
      },
      async reprint(jobId, reason, printerId) {
        const r = await api.call('printing.reprint', {
          jobId,
          reason,
          ...(printerId === undefined ? {} : { printerId }),
        });
        if (!r.ok) {
          fail(r.error);
          return false;
        }
        await get().loadJobs();
        return true;
      },
      async cancelJobs(jobIds, reason) {
        const r = await api.call('printing.jobs.cancel', { jobIds, reason });
        if (!r.ok) {
          fail(r.error);
          return false;
        }
        set({ error: null });
        await get().loadJobs();
        return true;
      },
      async moveJobs(jobIds, printerId) {
        const r = await api.call('printing.jobs.move', { jobIds, printerId });
        if (!r.ok) {
          fail(r.error);
          return false;
        }
        set({ error: null });
        await get().loadJobs();
        return true;
      },
      async loadTemplate(kind) {
        const r = await api.call('documents.templates.get', { kind });
        if (r.ok) set({ template: r.value });
        else fail(r.error);
      },
      async saveTemplate(draft) {
        const r = await api.call('documents.templates.save', draft);
        if (!r.ok) {
          fail(r.error);
          return false;
        }
        set({ template: r.value, error: null, issues: {} });
        return true;
      },
      dismiss() {
        set({ error: null, notice: null, issues: {} });
      },
    };
  });
}
