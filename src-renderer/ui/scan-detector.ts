/**
 * Tells a barcode scanner from a person at the keyboard. USB scanners are keyboard-wedge
 * devices: they type the code as a burst of keystrokes a few milliseconds apart and end it with
 * Enter (or Tab). People type slower than `maxGapMs` between keys, so a burst of at least
 * `minLength` fast characters ending in a terminator is a scan.
 *
 * The detector is pure (times come from the caller) so the rules are tested without a DOM; the
 * hook in use-scanner.ts feeds it key events and carries out its answers. Every printable key
 * is held back until it is known whether it belongs to a scan; when it turns out to be typing,
 * the held keys are released in order, so nothing a person types is lost.
 */
export interface ScanOptions {
  /** Longest pause between two keys of one scan. Scanners send a key every 1–30 ms. */
  maxGapMs?: number;
  /** Shortest code accepted as a scan; shorter bursts are treated as typing. */
  minLength?: number;
}

export type ScanStep =
  /** Not ours: let the event do what it normally does. */
  | { type: 'pass' }
  /** Held back: it may be part of a scan. */
  | { type: 'hold' }
  /** A complete scan; the terminator is swallowed. */
  | { type: 'scan'; code: string }
  /** Typing after all: put `keys` back first, then hold or pass the current key. */
  | { type: 'release'; keys: string[]; then: 'hold' | 'pass' };

export const SCAN_DEFAULTS = { maxGapMs: 50, minLength: 4 } as const;

const TERMINATORS = new Set(['Enter', 'Tab']);
/** Keys a scanner presses around the characters themselves (Shift for capitals). */
const MODIFIERS = new Set(['Shift', 'CapsLock', 'Control', 'Alt', 'AltGraph', 'Meta']);

/** One printable character, except space (a space on a focused button is a click). */
export const isScanChar = (key: string): boolean => [...key].length === 1 && key !== ' ';

export class ScanDetector {
  private held: string[] = [];
  private last = 0;
  private readonly maxGap: number;
  private readonly minLength: number;

  constructor(opts: ScanOptions = {}) {
    this.maxGap = opts.maxGapMs ?? SCAN_DEFAULTS.maxGapMs;
    this.minLength = opts.minLength ?? SCAN_DEFAULTS.minLength;
  }

  get holding(): boolean {
    return this.held.length > 0;
  }

  /** Feeds one keydown (its `key` and time in ms) and says what to do with it. */
  key(key: string, at: number): ScanStep {
    if (MODIFIERS.has(key)) return { type: 'pass' };
    const fast = this.held.length > 0 && at - this.last <= this.maxGap;
    if (TERMINATORS.has(key)) {
      if (fast && this.held.length >= this.minLength) return { type: 'scan', code: this.take().join('') };
      return this.held.length ? { type: 'release', keys: this.take(), then: 'pass' } : { type: 'pass' };
    }
    if (!isScanChar(key)) {
      return this.held.length ? { type: 'release', keys: this.take(), then: 'pass' } : { type: 'pass' };
    }
    if (this.held.length && !fast) {
      const keys = this.take();
      this.hold(key, at);
      return { type: 'release', keys, then: 'hold' };
    }
    this.hold(key, at);
    return { type: 'hold' };
  }

  /** No key came within the gap: whatever is held was typed by a person. */
  timeout(): string[] {
    return this.take();
  }

  /** Milliseconds until held keys count as typing. */
  get gapMs(): number {
    return this.maxGap;
  }

  private hold(key: string, at: number) {
    this.held.push(key);
    this.last = at;
  }

  private take(): string[] {
    const keys = this.held;
    this.held = [];
    return keys;
  }
}

/**
 * A USB scale in keyboard-wedge mode types its reading as fast as a scanner ("2300⏎", "2.30⏎",
 * "2.305kg⏎"). In a field marked as a weight field such a burst is the reading, not a product:
 * digits (six at most, so an EAN-8/EAN-13/UPC code never fits) with an optional decimal part and
 * an optional unit g/kg.
 */
const WEIGHT_READING = /^(?<int>\d+)(?:[.,](?<dec>\d+))?\s?(?<unit>kg|g)?$/i;

export function isWeightReading(code: string): boolean {
  const m = WEIGHT_READING.exec(code.trim())?.groups;
  return !!m && (m.int ?? '').length + (m.dec ?? '').length <= 6;
}

/**
 * The reading in whole grams, or null when it is not a reading. A decimal without a unit is
 * kilograms: scales in gram mode type whole grams, in kilogram mode "2.30".
 */
export function readingGrams(code: string): number | null {
  if (!isWeightReading(code)) return null;
  const m = WEIGHT_READING.exec(code.trim())!.groups!;
  const value = Number(`${m.int}.${m.dec ?? '0'}`);
  const kg = m.unit ? m.unit.toLowerCase() === 'kg' : m.dec !== undefined;
  return Math.round(kg ? value * 1000 : value);
}
