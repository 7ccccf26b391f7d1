import { createStore, type StoreApi } from 'zustand';
import type { Api } from '../../api/client';
import type { OpOutput } from '../../../src-shared/contract';
import type { Wave } from '../../../src-shared/contract/fulfillment.contract';
import type { AppError } from '../../../src-shared/result';
import { playCue, type Cue } from '../../ui/feedback-sound';
import { readScan, withPicked, type Verdict } from './pick-model';

/** One scan as the screen shows it: first the screen's own reading, then the core's answer. */
export interface ScanEntry {
  seq: number;
  code: string;
  quantity: number;
  verdict: Verdict;
  /** Set when the core refused the scan (wrong item, over-pick, unknown code…). */
  refused: AppError | null;
  /** The core has answered; until then the entry is the screen's prediction. */
  confirmed: boolean;
}

export interface ShortOutcome {
  sku: string;
  found: number;
  /** Units written off pending a count, and what stays free on that shelf. */
  shortage: { bin: string | null; writtenOff: number; available: number };
  /** Each order that left the wave and where routing sent it next. */
  released: {
    orderId: number;
    externalId: string;
    slot: number;
    tote: string;
    outcome: 'reallocated' | 'backordered' | 'split' | 'exception';
    warehouse: string | null;
    carrier: string | null;
  }[];
}

export interface PickState {
  wave: Wave | null;
  /** Units scanned but not yet answered by the core, per SKU. */
  pending: Record<string, number>;
  /** Newest first, a short history so a late refusal of an earlier scan stays visible. */
  scans: ScanEntry[];
  currentBin: string | null;
  short: ShortOutcome | null;
  error: AppError | null;
}

export interface PickActions {
  load(id: number): Promise<void>;
  scan(code: string, quantity?: number): void;
  reportShort(sku: string, found: number): Promise<boolean>;
  /** Resolves when every scan sent so far has its answer. */
  settled(): Promise<void>;
  dismiss(): void;
}

export type PickStore = StoreApi<PickState & PickActions>;

/** The wave as the clerk should see it: the core's counts plus scans still on their way. */
export function shownWave(s: Pick<PickState, 'wave' | 'pending'>): Wave | null {
  if (!s.wave) return null;
  let w = s.wave;
  for (const [sku, n] of Object.entries(s.pending)) {
    const p = w.pickList.find((x) => x.sku === sku);
    if (p && n) w = withPicked(w, sku, p.picked + n);
  }
  return w;
}

const good = (v: Verdict) => v.kind === 'bin' || v.kind === 'item';
const cueOf = (v: Verdict, done: boolean): Cue => (!good(v) ? 'error' : done ? 'done' : 'ok');

type ScanReply = OpOutput<'picking.scan'>;

/** Turns the core's reply into the same shape as the screen's own reading. */
function verdictOf(r: ScanReply, code: string, wave: Wave): Verdict {
  const title = (sku: string) => wave.pickList.find((p) => p.sku === sku)?.title ?? '';
  if (r.kind === 'bin')
    return r.items.length
      ? { kind: 'bin', bin: code, items: r.items.map((i) => ({ ...i, title: title(i.sku) })) }
      : { kind: 'empty_bin', bin: code };
  const sku = r.sku ?? code;
  return { kind: 'item', sku, title: title(sku), picked: r.picked, required: r.required, slots: r.slots };
}

export function createPickStore(api: Api, sound: (cue: Cue) => void = playCue): PickStore {
  // Scans go to the core one after another, in the order they were read.
  let chain: Promise<void> = Promise.resolve();
  let seq = 0;

  return createStore<PickState & PickActions>()((set, get) => {
    const patch = (n: number, change: Partial<ScanEntry>) =>
      set((s) => ({ scans: s.scans.map((e) => (e.seq === n ? { ...e, ...change } : e)) }));
    const unpend = (sku: string | null, q: number) =>
      set((s) => {
        const left = sku ? (s.pending[sku] ?? 0) - q : 0;
        if (!sku) return {};
        const pending = { ...s.pending, [sku]: left };
        if (left <= 0) delete pending[sku];
        return { pending };
      });

    async function send(entry: ScanEntry, predictedSku: string | null): Promise<void> {
      const wave = get().wave;
      if (!wave) return;
      const r = await api.call('picking.scan', {
        waveId: wave.id,
        barcode: entry.code,
        ...(entry.quantity > 1 ? { quantity: entry.quantity } : {}),
      });
      unpend(predictedSku, entry.quantity);
      if (!r.ok) {
        // Only a scan the screen had accepted needs a second, corrective sound.
        if (good(entry.verdict)) sound('error');
        patch(entry.seq, { refused: r.error, confirmed: true });
        return;
      }
      const verdict = verdictOf(r.value, entry.code, wave);
      if (r.value.kind === 'item' && r.value.sku)
        set((s) => ({ wave: s.wave && withPicked(s.wave, r.value.sku!, r.value.picked) }));
      if (r.value.kind === 'bin') set({ currentBin: entry.code });
      if (good(verdict) !== good(entry.verdict)) sound(cueOf(verdict, r.value.waveDone));
      patch(entry.seq, { verdict, confirmed: true });
      // A finished wave: take the core's full picture (orders may have left or been cancelled).
      if (r.value.waveDone) await get().load(wave.id);
    }

    return {
      wave: null,
      pending: {},
      scans: [],
      currentBin: null,
      short: null,
      error: null,
      async load(id) {
        const r = await api.call('waves.get', { id });
        if (r.ok) set({ wave: r.value, error: null });
        else set({ error: r.error });
      },
      scan(raw, quantity = 1) {
        const code = raw.trim();
        const wave = shownWave(get());
        if (!code || !wave) return;
        const verdict = readScan(wave, code, quantity);
        const entry: ScanEntry = { seq: ++seq, code, quantity, verdict, refused: null, confirmed: false };
        const sku = verdict.kind === 'item' ? verdict.sku : null;
        set((s) => ({
          scans: [entry, ...s.scans].slice(0, 12),
          pending: sku ? { ...s.pending, [sku]: (s.pending[sku] ?? 0) + quantity } : s.pending,
          currentBin: verdict.kind === 'bin' || verdict.kind === 'empty_bin' ? verdict.bin : s.currentBin,
          short: null,
        }));
        const done = sku !== null && shownWave(get())?.progress.done === true;
        sound(cueOf(verdict, done));
        chain = chain.then(() => send(entry, sku)).catch(() => undefined);
      },
      async reportShort(sku, found) {
        await get().settled();
        const wave = get().wave;
        if (!wave) return false;
        const r = await api.call('picking.short', { waveId: wave.id, sku, found });
        if (!r.ok) {
          sound('error');
          set({ error: r.error });
          return false;
        }
        const before = new Map(wave.orders.map((o) => [o.orderId, o]));
        set({
          wave: r.value.wave,
          error: null,
          short: {
            sku,
            found,
            shortage: r.value.shortage,
            released: r.value.released.map((x) => ({
              orderId: x.orderId,
              slot: x.slot,
              externalId: before.get(x.orderId)?.externalId ?? String(x.orderId),
              tote: before.get(x.orderId)?.tote ?? '',
              outcome: x.outcome,
              warehouse: x.warehouse,
              carrier: x.carrier,
            })),
          },
        });
        sound(r.value.wave.progress.done ? 'done' : 'ok');
        return true;
      },
      settled: () => chain,
      dismiss() {
        set({ error: null, short: null });
      },
    };
  });
}
