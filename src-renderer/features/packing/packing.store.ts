import { createStore, type StoreApi } from 'zustand';
import type { Api } from '../../api/client';
import type { PackSession } from '../../../src-shared/contract/fulfillment.contract';
import type { PackBox } from '../../../src-shared/contract/settings.contract';
import type { AppError } from '../../../src-shared/result';
import { parcelGrams, weightTolerance, weightWithin } from '../../../src-shared/domain/pack-weight';
import { playCue } from '../../ui/feedback-sound';
import {
  isOrderCode,
  judgeScan,
  missingOf,
  withScans,
  type Missing,
  type PackLine,
  type Verdict,
} from './pack-judge';

export interface ScanEntry {
  seq: number;
  code: string;
  verdict: Verdict;
  sku: string | null;
  /** The core has answered (until then the verdict is the bench's own judgement). */
  settled: boolean;
}

export interface PrintPlace {
  document: string;
  jobId: number;
  printer: string | null;
  status: string | null;
  /** Why it has not printed yet (printer off, no paper…), as the queue says. */
  error: string | null;
}

export interface WeightCheck {
  grams: number;
  /** Items plus the chosen box's tare. */
  expected: number;
  tolerance: number;
  within: boolean;
}

/** What the big coloured band says; its colour follows from the kind (see toneOf). */
export type Feedback =
  | { kind: 'ready' }
  | { kind: 'opened'; orderId: number; externalId: string }
  | {
      kind: 'scan';
      seq: number;
      verdict: Verdict;
      code: string;
      sku: string | null;
      title: string | null;
      scanned: number;
      expected: number;
    }
  | {
      kind: 'blocked';
      missing: Missing[];
      refused: ScanEntry[];
      weight: WeightCheck | null;
      /** The core's refusal, when it saw a problem the bench did not. */
      message: string | null;
    }
  | { kind: 'box'; box: PackBox }
  | { kind: 'packed'; orderId: number; externalId: string; prints: PrintPlace[]; warnings: string[] }
  | { kind: 'error'; error: AppError };

export type Tone = 'neutral' | 'good' | 'bad';

export const toneOf = (f: Feedback): Tone =>
  f.kind === 'packed' || (f.kind === 'scan' && f.verdict === 'ok')
    ? 'good'
    : f.kind === 'scan' || f.kind === 'blocked' || f.kind === 'error'
      ? 'bad'
      : 'neutral';

export interface Override {
  supervisor: string;
  reason: string;
  /** Sent when the shop has set a supervisor PIN. */
  pin?: string;
}

export interface PackingState {
  /** The core's last word on the open parcel. */
  session: PackSession | null;
  /** The lines as shown: the core's counts plus scans it has not answered yet. */
  lines: PackLine[];
  /** Scans judged `ok` here and still on their way to the core (line indexes). */
  pending: { seq: number; index: number }[];
  /** This parcel's scans, newest first. */
  log: ScanEntry[];
  feedback: Feedback;
  weight: string;
  /** The box code as typed or scanned; it counts only when it is in `boxes`. */
  box: string;
  /** The shop's box catalogue (boxes.list). */
  boxes: PackBox[];
  /** Whether a supervisor PIN guards overrides; null until the core has said. */
  pinSet: boolean | null;
  /** The core's refusal of the last override (wrong PIN, paused), shown in the override form. */
  overrideError: AppError | null;
  toleranceSettings: { pct: unknown; grams: unknown };
  overrideOpen: boolean;
  busy: boolean;
}

export interface PackingActions {
  load(): Promise<void>;
  /** A scan from the scanner or the scan box: an order/tote code with no parcel open, else an item. */
  scan(code: string): void;
  setWeight(v: string): void;
  setBox(v: string): void;
  complete(override?: Override): Promise<void>;
  cancelOverride(): void;
  /** Puts the parcel aside (it stays open in the core) and waits for the next order. */
  close(): void;
  /** Follows the last parcel's label and slip through the print queue. */
  refreshPrints(): Promise<void>;
  /** Settles once every scan sent so far has its answer. */
  settled(): Promise<void>;
}

export type PackingStore = StoreApi<PackingState & PackingActions>;

const BOX_KEY = 'packdesk.packing.box';
const LOG_SIZE = 12;

const rememberedBox = (): string => {
  try {
    return localStorage.getItem(BOX_KEY) ?? '';
  } catch {
    return '';
  }
};

const cueFor = (v: Verdict) => (v === 'ok' ? 'ok' : 'error');

/** The catalogue box with this code (any case), as the core matches it. */
export const boxOf = (boxes: PackBox[], code: string): PackBox | null =>
  boxes.find((b) => b.code.toUpperCase() === code.trim().toUpperCase()) ?? null;

/** The chosen box when the typed code is in the catalogue. */
export const chosenBox = (s: PackingState): PackBox | null => (s.box.trim() ? boxOf(s.boxes, s.box) : null);

/** What the parcel should weigh: the items (when their weights are known) plus the chosen box. */
export function expectedParcel(s: PackingState): number {
  const items = s.session?.expectedWeightGrams ?? 0;
  return items > 0 ? parcelGrams(items, chosenBox(s)?.tareGrams) : 0;
}

/** The weight check for the typed reading, or null when nothing (valid) is typed or nothing is expected. */
export function weightCheck(s: PackingState): WeightCheck | null {
  const grams = Number(s.weight);
  const expected = expectedParcel(s);
  if (!s.weight.trim() || !Number.isInteger(grams) || grams <= 0 || expected <= 0) return null;
  const tolerance = weightTolerance(expected, s.toleranceSettings.pct, s.toleranceSettings.grams);
  return { grams, expected, tolerance, within: weightWithin(grams, expected, tolerance) };
}

export const refusedOf = (log: ScanEntry[]): ScanEntry[] =>
  log.filter((e) => e.settled && e.verdict !== 'ok');

export function createPackingStore(api: Api): PackingStore {
  let seq = 0;
  // Core calls go one at a time, in scan order; the screen does not wait for them.
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (work: () => Promise<void>) => {
    chain = chain.then(work, work);
    return chain;
  };

  return createStore<PackingState & PackingActions>()((set, get) => {
    const fail = (error: AppError) => {
      playCue('error');
      set({ feedback: { kind: 'error', error } });
    };

    let opening = false;
    let completing: Promise<void> | null = null;
    const open = (code: string) => {
      opening = true;
      return enqueue(async () => {
        const r = await api.call('packing.open', { code });
        opening = false;
        if (!r.ok) return fail(r.error);
        // A reopened parcel keeps its wrong and extra scans: listed, and blocking here as in the core.
        const earlier: ScanEntry[] = (r.value.refused ?? [])
          .map((x) => ({ seq: ++seq, code: x.barcode, verdict: x.result, sku: x.sku, settled: true }))
          .reverse();
        set({
          session: r.value,
          lines: r.value.lines,
          pending: [],
          log: earlier.slice(0, LOG_SIZE),
          weight: '',
          overrideOpen: false,
          overrideError: null,
          feedback: { kind: 'opened', orderId: r.value.orderId, externalId: r.value.externalId },
        });
      });
    };

    const scanItem = (session: PackSession, code: string) => {
      const n = ++seq;
      const { lines, pending, log } = get();
      const { verdict, index } = judgeScan(lines, code);
      const line = lines[index];
      const nextPending = verdict === 'ok' ? [...pending, { seq: n, index }] : pending;
      // The answer on screen at the instant of the scan; the core confirms or corrects it below.
      set({
        pending: nextPending,
        lines: verdict === 'ok' ? withScans(lines, [index]) : lines,
        log: [{ seq: n, code, verdict, sku: line?.sku ?? null, settled: false }, ...log].slice(0, LOG_SIZE),
        feedback: {
          kind: 'scan',
          seq: n,
          verdict,
          code,
          sku: line?.sku ?? null,
          title: line?.title ?? null,
          scanned: line ? line.scanned + (verdict === 'ok' ? 1 : 0) : 0,
          expected: line?.expected ?? 0,
        },
      });
      // After React's render of the above (queued first), so starting the audio device the first
      // time never holds back the picture.
      queueMicrotask(() => playCue(cueFor(verdict)));
      void enqueue(async () => {
        const r = await api.call('packing.scan', { sessionId: session.sessionId, barcode: code });
        const now = get();
        if (now.session?.sessionId !== session.sessionId) return; // parcel put aside meanwhile
        const stillPending = now.pending.filter((p) => p.seq !== n);
        if (!r.ok) {
          set({
            pending: stillPending,
            lines: withScans(
              now.session.lines,
              stillPending.map((p) => p.index),
            ),
            log: now.log.filter((e) => e.seq !== n),
          });
          return fail(r.error);
        }
        const answer = r.value;
        const shown = answer.session.lines.find((l) => l.sku === answer.sku);
        set({
          session: answer.session,
          pending: stillPending,
          lines: withScans(
            answer.session.lines,
            stillPending.map((p) => p.index),
          ),
          log: now.log.map((e) =>
            e.seq === n ? { ...e, verdict: answer.result, sku: answer.sku, settled: true } : e,
          ),
        });
        if (answer.result !== verdict) playCue(cueFor(answer.result));
        const f = get().feedback;
        if (f.kind === 'scan' && f.seq === n && (answer.result !== verdict || answer.sku !== f.sku))
          set({
            feedback: {
              ...f,
              verdict: answer.result,
              sku: answer.sku,
              title: shown?.title ?? null,
              scanned: shown?.scanned ?? 0,
              expected: shown?.expected ?? 0,
            },
          });
      });
    };

    /** Where the label and slip went: the queue knows each job's printer. */
    const printPlaces = async (orderId: number, jobs: { document: string; jobId: number }[]) => {
      if (!jobs.length) return [];
      const r = await api.call('printing.jobs.list', { orderId, limit: 50 });
      const rows = r.ok ? r.value.rows : [];
      return jobs.map((j) => {
        const row = rows.find((x) => x.id === j.jobId);
        return {
          ...j,
          printer: row?.printerName ?? null,
          status: row?.status ?? null,
          error: row?.status === 'done' ? null : (row?.lastError ?? null),
        };
      });
    };

    /** Completes the open parcel (all checks here first, then the core), once at a time. */
    const finish = async (override?: Override): Promise<void> => {
      await chain;
      const s = get();
      if (!s.session) return;
      const weight = weightCheck(s);
      const missing = missingOf(s.lines);
      const refused = refusedOf(s.log);
      if (!override && (missing.length || refused.length || (weight && !weight.within))) {
        playCue('error');
        set({
          overrideOpen: true,
          feedback: {
            kind: 'blocked',
            missing,
            refused,
            weight: weight?.within ? null : weight,
            message: null,
          },
        });
        return;
      }
      set({ busy: true });
      const grams = Number(s.weight);
      const box = s.box.trim();
      const r = await api.call('packing.complete', {
        sessionId: s.session.sessionId,
        ...(s.weight.trim() && Number.isInteger(grams) && grams > 0 ? { weightGrams: grams } : {}),
        ...(box ? { box } : {}),
        ...(override ? { override } : {}),
      });
      if (!r.ok) {
        set({ busy: false });
        // A wrong or missing PIN: the form stays open with the core's words in it.
        if (override && r.error.code === 'forbidden') {
          playCue('error');
          set({ overrideOpen: true, overrideError: r.error });
          return;
        }
        if (r.error.code !== 'conflict') return fail(r.error);
        // The core saw something the bench did not (a wrong scan from before a reload, say).
        playCue('error');
        set({
          overrideOpen: true,
          feedback: { kind: 'blocked', missing, refused, weight: null, message: r.error.message },
        });
        return;
      }
      try {
        if (box) localStorage.setItem(BOX_KEY, box);
      } catch {
        // No storage (private window): the box is simply not remembered.
      }
      const prints = await printPlaces(r.value.orderId, r.value.printJobs);
      playCue('done');
      set({
        busy: false,
        session: null,
        lines: [],
        pending: [],
        log: [],
        weight: '',
        overrideOpen: false,
        overrideError: null,
        feedback: {
          kind: 'packed',
          orderId: r.value.orderId,
          externalId: s.session.externalId,
          prints,
          warnings: r.value.warnings,
        },
      });
    };

    return {
      session: null,
      lines: [],
      pending: [],
      log: [],
      feedback: { kind: 'ready' },
      weight: '',
      box: rememberedBox(),
      boxes: [],
      pinSet: null,
      overrideError: null,
      toleranceSettings: { pct: null, grams: null },
      overrideOpen: false,
      busy: false,

      async load() {
        const [r, boxes, pin] = await Promise.all([
          api.call('settings.get', { keys: ['packing.weightTolerancePct', 'packing.weightToleranceGrams'] }),
          api.call('boxes.list', {}),
          api.call('settings.supervisorPin.status', {}),
        ]);
        if (boxes.ok) {
          // A remembered box the catalogue no longer has (or an old free-text one) would only be
          // refused at "Pack complete": start without it instead.
          const { box } = get();
          const gone = box.trim() !== '' && !boxOf(boxes.value.rows, box);
          set({ boxes: boxes.value.rows, ...(gone ? { box: '' } : {}) });
        }
        if (pin.ok) set({ pinSet: pin.value.set });
        if (r.ok)
          set({
            toleranceSettings: {
              pct: r.value.values['packing.weightTolerancePct'],
              grams: r.value.values['packing.weightToleranceGrams'],
            },
          });
      },

      scan(raw) {
        const code = raw.trim();
        if (!code) return;
        // The next order scanned while "Pack complete" is on its way opens once the parcel is done.
        if (completing) return void completing.then(() => get().scan(code));
        const { session, lines, boxes } = get();
        // A box's code scanned (from the sheet of box barcodes at the bench) chooses that box,
        // unless it is also one of this parcel's item codes.
        const box = boxOf(boxes, code);
        if (box && !isOrderCode(code) && !lines.some((l) => l.barcodes.includes(code))) {
          set({ box: box.code, feedback: { kind: 'box', box } });
          return;
        }
        // Items scanned while the order is still opening wait for it rather than open "orders".
        if (opening && !isOrderCode(code)) void enqueue(async () => get().scan(code));
        else if (!session || isOrderCode(code)) void open(code);
        else scanItem(session, code);
      },

      setWeight: (weight) => set({ weight }),
      setBox: (box) => set({ box }),

      complete(override) {
        completing ??= finish(override).finally(() => (completing = null));
        return completing;
      },

      cancelOverride: () => set({ overrideOpen: false, overrideError: null }),

      close() {
        set({
          session: null,
          lines: [],
          pending: [],
          log: [],
          weight: '',
          overrideOpen: false,
          overrideError: null,
          feedback: { kind: 'ready' },
        });
      },

      async refreshPrints() {
        const f = get().feedback;
        if (f.kind !== 'packed' || !f.prints.length) return;
        const prints = await printPlaces(f.orderId, f.prints);
        // Only if the band still shows that parcel.
        if (get().feedback === f) set({ feedback: { ...f, prints } });
      },

      settled: () => chain,
    };
  });
}
