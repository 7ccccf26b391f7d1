/** One order's share of a SKU in a wave, in the slot (tote) it is sorted into. */
export interface SlotShare {
  slot: number;
  orderId: number;
  quantity: number;
}

/**
 * Splits units [from, from+count) of a SKU over the slots that need it, in slot order: the
 * first units picked fill the lowest slot first. The core answers scans with it and the picking
 * screen predicts the same answer before the reply arrives, so both must use this one rule.
 */
export function slotsFor(lines: readonly SlotShare[], from: number, count: number): SlotShare[] {
  const out: SlotShare[] = [];
  let start = 0;
  for (const l of lines) {
    const end = start + l.quantity;
    const a = Math.max(start, from);
    const b = Math.min(end, from + count);
    if (b > a) out.push({ slot: l.slot, orderId: l.orderId, quantity: b - a });
    start = end;
  }
  return out;
}
