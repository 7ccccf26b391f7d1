import type { PickItem, Wave } from '../../../src-shared/contract/fulfillment.contract';
import { slotsFor, type SlotShare } from '../../../src-shared/domain/wave-slots';

/**
 * The picking screen's own reading of a scan, made from the loaded pick list so the clerk sees
 * and hears the answer at once; the core's reply then confirms or corrects it. Pure functions:
 * the store keeps the state, these say what a scan means.
 */
export type Verdict =
  /** A bin of the pick list with something still to take. */
  | { kind: 'bin'; bin: string; items: { sku: string; title: string; remaining: number }[] }
  /** A bin with nothing (left) to take for this wave. */
  | { kind: 'empty_bin'; bin: string }
  /** An item of the wave: where its units go. */
  | { kind: 'item'; sku: string; title: string; picked: number; required: number; slots: SlotShare[] }
  /** An item of the wave whose units are all picked already. */
  | { kind: 'over_pick'; sku: string; title: string; required: number }
  /** Anything else: not on this pick list (a wrong item or wrong bin). */
  | { kind: 'unknown'; code: string };

export const remainingOf = (p: PickItem): number => Math.max(0, p.required - p.picked);

export const matchesItem = (p: PickItem, code: string): boolean =>
  p.sku === code || p.barcodes.includes(code);

export function readScan(wave: Wave, code: string, quantity = 1): Verdict {
  const inBin = wave.pickList.filter((p) => p.bin === code);
  if (inBin.length) {
    const items = inBin
      .filter((p) => remainingOf(p) > 0)
      .map((p) => ({ sku: p.sku, title: p.title, remaining: remainingOf(p) }));
    return items.length ? { kind: 'bin', bin: code, items } : { kind: 'empty_bin', bin: code };
  }
  const item = wave.pickList.find((p) => matchesItem(p, code));
  if (!item) return { kind: 'unknown', code };
  if (item.picked + quantity > item.required)
    return { kind: 'over_pick', sku: item.sku, title: item.title, required: item.required };
  return {
    kind: 'item',
    sku: item.sku,
    title: item.title,
    picked: item.picked + quantity,
    required: item.required,
    slots: slotsFor(item.slots, item.picked, quantity),
  };
}

/** The wave with `picked` of one SKU set, and progress recounted the way the core counts it. */
export function withPicked(wave: Wave, sku: string, picked: number): Wave {
  const pickList = wave.pickList.map((p) => (p.sku === sku ? { ...p, picked } : p));
  return { ...wave, pickList, progress: progressOf(pickList) };
}

export function progressOf(pickList: PickItem[]): Wave['progress'] {
  const required = pickList.reduce((s, p) => s + p.required, 0);
  const picked = pickList.reduce((s, p) => s + Math.min(p.picked, p.required), 0);
  return { required, picked, done: required > 0 && picked >= required };
}

/** Where to walk next: the first bin in walking order with something left, and what to take there. */
export function nextStop(wave: Wave): { bin: string | null; items: PickItem[] } | null {
  const first = wave.pickList.find((p) => remainingOf(p) > 0);
  if (!first) return null;
  return {
    bin: first.bin,
    items: wave.pickList.filter((p) => p.bin === first.bin && remainingOf(p) > 0 && (p.bin || p === first)),
  };
}

/** How full each slot (tote) is: units put in so far against units the order needs. */
export function slotFill(wave: Wave): Map<number, { put: number; need: number }> {
  const out = new Map<number, { put: number; need: number }>();
  for (const p of wave.pickList) {
    const put = slotsFor(p.slots, 0, Math.min(p.picked, p.required));
    for (const s of p.slots) {
      const f = out.get(s.slot) ?? { put: 0, need: 0 };
      f.need += s.quantity;
      f.put += put.find((x) => x.slot === s.slot)?.quantity ?? 0;
      out.set(s.slot, f);
    }
  }
  return out;
}
