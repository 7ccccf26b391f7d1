/**
 * The packing weight check, shared by the core (which enforces it) and the bench screen (which
 * shows it while the scale reading is typed): a parcel may differ from the items' weight by the
 * larger of a percentage of that weight and a fixed allowance in grams.
 */
export const WEIGHT_TOLERANCE_DEFAULTS = { pct: 10, grams: 50 } as const;

/** A setting typed wrong (empty, negative, text) falls back to the default rather than disabling the check. */
function settingNumber(raw: unknown, fallback: number, max: number): number {
  const n = raw === null || raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 && n <= max ? n : fallback;
}

/** Allowed difference in grams, from the raw settings packing.weightTolerancePct / packing.weightToleranceGrams. */
export function weightTolerance(expectedGrams: number, pctSetting: unknown, gramsSetting: unknown): number {
  const pct = settingNumber(pctSetting, WEIGHT_TOLERANCE_DEFAULTS.pct, 100);
  const grams = settingNumber(gramsSetting, WEIGHT_TOLERANCE_DEFAULTS.grams, 100_000);
  return Math.max(Math.round((expectedGrams * pct) / 100), grams);
}

export const weightWithin = (weightGrams: number, expectedGrams: number, tolerance: number): boolean =>
  Math.abs(weightGrams - expectedGrams) <= tolerance;

/**
 * What the parcel on the scale should weigh: the items plus the chosen box's tare. Both the core's
 * check and the bench's live check use it, so they never disagree about a box.
 */
export const parcelGrams = (itemsGrams: number, tareGrams: number | null | undefined): number =>
  itemsGrams + Math.max(0, tareGrams ?? 0);
