import { createStore, type StoreApi } from 'zustand';
import type { Api } from '../../api/client';
import type { OrderSummary } from '../../../src-shared/contract/orders.contract';
import type { Carrier } from '../../../src-shared/contract/routing.contract';
import type { AppError } from '../../../src-shared/result';
import { carriersFitting } from '../../../src-shared/domain/tracking-patterns';
import { playCue } from '../../ui/feedback-sound';
import { parseCarrierFile, type CarrierRow, type RowProblem } from './carrier-file';

export interface ShipOutcome {
  shipped: number[];
  unchanged: number[];
  jobsQueued: number;
}

export interface ShipState {
  carriers: Carrier[];
  carrier: string;
  /** Packed orders waiting at the desk. */
  packed: OrderSummary[];
  selected: number[];
  /** Scan flow: the order scanned first, waiting for its tracking number. */
  scannedOrder: string | null;
  /**
   * The scanned order has no carrier (or the desk does not know it) and the clerk has not chosen
   * one since: the tracking number scanned next chooses the carrier whose pattern it fits.
   */
  carrierFromTracking: boolean;
  /** The carrier the tracking number chose, shown with the outcome. */
  carrierPicked: string | null;
  /** The number fits several carriers: the clerk chooses one and scans it again. */
  carrierChoices: { tracking: string; carriers: string[] } | null;
  outcome: ShipOutcome | null;
  error: AppError | null;
  /** The carrier's file as read, and the core's refusals by row (index into fileRows). */
  fileRows: CarrierRow[];
  fileProblems: RowProblem[];
  rowErrors: Record<number, string>;
  busy: boolean;
}

export interface ShipActions {
  load(): Promise<void>;
  loadPacked(): Promise<void>;
  setCarrier(code: string): void;
  /**
   * Scanner/scan box: first the packed order (or tote), then its tracking number; a platform
   * e-waybill number alone ships its order.
   */
  scan(code: string): Promise<void>;
  resetScan(): void;
  toggle(id: number): void;
  selectAll(on: boolean): void;
  shipSelected(trackingNumber: string): Promise<boolean>;
  readFile(text: string): void;
  shipFile(): Promise<void>;
  dismiss(): void;
}

export type ShipStore = StoreApi<ShipState & ShipActions>;

const CARRIER_KEY = 'packdesk.shipping.carrier';
const remembered = () => {
  try {
    return localStorage.getItem(CARRIER_KEY) ?? '';
  } catch {
    return '';
  }
};

export function createShipStore(api: Api): ShipStore {
  return createStore<ShipState & ShipActions>()((set, get) => {
    const done = async (r: ShipOutcome) => {
      playCue('done');
      set({ outcome: r, error: null, selected: [], busy: false });
      await get().loadPacked();
    };
    const refuse = (error: AppError) => {
      playCue('error');
      set({ error, outcome: null, busy: false });
    };

    /** One scan at the desk: the order first, then its tracking number. */
    const scanOnce = async (raw: string): Promise<void> => {
      const code = raw.trim();
      if (!code) return;
      const order = get().scannedOrder;
      if (!order) {
        // Known packed order: take its carrier, so only the tracking number is left to scan.
        const printed = /^PD(\d{8,15})$/i.exec(code); // the order barcode on label and slip
        const hit = get().packed.find(
          (o) => String(o.id) === code || o.externalId === code || o.id === Number(printed?.[1]),
        );
        if (hit?.carrier) get().setCarrier(hit.carrier);
        set({ carrierFromTracking: !hit?.carrier, carrierPicked: null, carrierChoices: null });
        if (!hit) {
          // A platform e-waybill on the parcel is both the order and its tracking number: one scan ships.
          const w = await api.call('waybill.byCode', { code });
          if (w.ok && w.value && (w.value.status === 'packed' || w.value.status === 'shipped')) {
            get().setCarrier(w.value.carrier);
            set({ busy: true });
            const r = await api.call('shipping.confirm', {
              scan: code,
              carrier: w.value.carrier,
              trackingNumber: code,
            });
            if (!r.ok) return refuse(r.error);
            return done(r.value);
          }
        }
        playCue('ok');
        set({ scannedOrder: code, outcome: null, error: null });
        return;
      }
      if (get().carrierFromTracking) {
        const { carriers, carrier } = get();
        const fits = carriersFitting(
          code,
          carriers.map((c) => c.code),
        );
        if (fits.length > 1 && !fits.includes(carrier)) {
          // Several carriers use this shape: the clerk says which (the order stays waiting).
          playCue('error');
          set({ carrierChoices: { tracking: code, carriers: fits }, error: null, outcome: null });
          return;
        }
        if (fits.length === 1 && fits[0] !== carrier) {
          get().setCarrier(fits[0]!);
          set({ carrierPicked: fits[0]!, carrierFromTracking: true });
        }
      }
      set({ busy: true, carrierChoices: null });
      const r = await api.call('shipping.confirm', {
        scan: order,
        carrier: get().carrier,
        trackingNumber: code,
      });
      if (!r.ok) return refuse(r.error); // the order stays; scan the tracking number again
      set({ scannedOrder: null });
      await done(r.value);
    };

    // Scans are handled one at a time in order: a tracking number scanned while the order is
    // still being confirmed waits for it instead of being dropped.
    let pending: Promise<void> = Promise.resolve();

    return {
      carriers: [],
      carrier: remembered(),
      packed: [],
      selected: [],
      scannedOrder: null,
      carrierFromTracking: false,
      carrierPicked: null,
      carrierChoices: null,
      outcome: null,
      error: null,
      fileRows: [],
      fileProblems: [],
      rowErrors: {},
      busy: false,

      async load() {
        const r = await api.call('carriers.list', {});
        if (r.ok) {
          const carriers = r.value.rows.filter((c) => c.active);
          set({ carriers, carrier: get().carrier || carriers[0]?.code || '' });
        } else set({ error: r.error });
        await get().loadPacked();
      },

      async loadPacked() {
        const r = await api.call('orders.list', {
          filter: { status: ['packed'] },
          sort: { field: 'placedAt', dir: 'asc' },
          limit: 500,
        });
        if (r.ok) {
          const ids = new Set(r.value.rows.map((o) => o.id));
          set({ packed: r.value.rows, selected: get().selected.filter((id) => ids.has(id)) });
        } else set({ error: r.error });
      },

      setCarrier(carrier) {
        // Chosen by hand (or from the order): the tracking number no longer chooses it.
        set({ carrier, carrierFromTracking: false, carrierPicked: null, carrierChoices: null });
        try {
          localStorage.setItem(CARRIER_KEY, carrier);
        } catch {
          // Not remembered without storage.
        }
      },

      scan(raw) {
        pending = pending.then(() => scanOnce(raw));
        return pending;
      },

      resetScan: () =>
        set({
          scannedOrder: null,
          error: null,
          carrierFromTracking: false,
          carrierPicked: null,
          carrierChoices: null,
        }),

      toggle(id) {
        const s = new Set(get().selected);
        if (s.has(id)) s.delete(id);
        else s.add(id);
        set({ selected: [...s] });
      },
      selectAll: (on) => set({ selected: on ? get().packed.map((o) => o.id) : [] }),

      async shipSelected(trackingNumber) {
        const { selected, carrier } = get();
        if (!selected.length) return false;
        set({ busy: true });
        const r = await api.call('shipping.confirm', { orderIds: selected, carrier, trackingNumber });
        if (!r.ok) {
          refuse(r.error);
          return false;
        }
        await done(r.value);
        return true;
      },

      readFile(text) {
        const { rows, problems } = parseCarrierFile(text, get().carrier);
        set({ fileRows: rows, fileProblems: problems, rowErrors: {}, outcome: null, error: null });
      },

      async shipFile() {
        const { fileRows, fileProblems } = get();
        if (!fileRows.length || fileProblems.length) return;
        set({ busy: true });
        const r = await api.call('shipping.confirmRows', {
          rows: fileRows.map(({ reference, trackingNumber, carrier }) => ({
            reference,
            trackingNumber,
            carrier,
          })),
        });
        if (!r.ok) {
          const rowErrors: Record<number, string> = {};
          for (const i of r.error.issues ?? []) {
            const m = /^rows\.(\d+)/.exec(i.path);
            if (m) rowErrors[Number(m[1])] = rowErrors[Number(m[1])] ?? i.message;
          }
          set({ rowErrors });
          return refuse(r.error);
        }
        set({ fileRows: [], rowErrors: {} });
        await done(r.value);
      },

      dismiss: () => set({ error: null, outcome: null }),
    };
  });
}
