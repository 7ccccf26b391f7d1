import { useEffect, useRef } from 'react';
import { ScanDetector, isWeightReading, type ScanOptions } from './scan-detector';

/** Events the hook dispatches itself when it gives typed keys back; it must not read them again. */
const replayed = new WeakSet<Event>();

type TextField = HTMLInputElement | HTMLTextAreaElement;

const isTextField = (t: EventTarget | null): t is TextField =>
  t instanceof HTMLTextAreaElement ||
  (t instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(t.type));

/** Targets whose typing the hook leaves alone entirely. */
const isOptedOut = (t: EventTarget | null): boolean =>
  t instanceof HTMLSelectElement ||
  (t instanceof HTMLElement && (t.isContentEditable || !!t.closest('[data-no-scan]')));

/** Puts typed text back where the caret is, and tells React through a native input event. */
function insertText(el: TextField, text: string): void {
  try {
    el.setRangeText(text, el.selectionStart ?? el.value.length, el.selectionEnd ?? el.value.length, 'end');
  } catch {
    // number/email inputs have no selection API: append through the prototype's setter, which
    // React's value tracker does not see, so its onChange still fires.
    const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el) as object, 'value')?.set;
    setter?.call(el, el.value + text);
  }
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/** A field marked `data-scan-weight`: a scale typing its reading there is not a scan. */
const isWeightField = (t: EventTarget | null): t is TextField =>
  isTextField(t) && t.closest('[data-scan-weight]') !== null;

/**
 * A scale's reading burst goes into the weight field in place of what was there, then its Enter
 * goes to the field as a typed Enter would (the bench completes on it).
 */
function enterReading(el: TextField, reading: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(el) as object, 'value')?.set;
  setter?.call(el, reading);
  el.dispatchEvent(new Event('input', { bubbles: true }));
  const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
  replayed.add(enter);
  el.dispatchEvent(enter);
}

function release(target: EventTarget | null, keys: string[]): void {
  if (!keys.length) return;
  if (isTextField(target) && document.activeElement === target) return insertText(target, keys.join(''));
  const to = target instanceof Node && target.isConnected ? target : document.body;
  for (const key of keys) {
    const ev = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
    replayed.add(ev);
    to.dispatchEvent(ev);
  }
}

/**
 * Reads keyboard-wedge barcode scanners on the screen that calls it, whatever has focus: a scan
 * typed into a search box or the weight field is taken out of it and handed to `onScan`, and
 * keys a person types reach their field or shortcut a few milliseconds later, in order.
 * A weight field marked `data-scan-weight` takes a scale's reading burst ("2300⏎", "2.30kg⏎") as
 * typed, Enter included; a product barcode scanned there is still a scan.
 * Listens on window in the capture phase, ahead of the app's shortcuts (on document), so a
 * scanned "G…" never triggers "g"-navigation. Elements inside `[data-no-scan]` are left alone.
 */
export function useScanner(
  onScan: (code: string) => void,
  opts: ScanOptions & { enabled?: boolean } = {},
): void {
  const handler = useRef(onScan);
  handler.current = onScan;
  const { maxGapMs, minLength, enabled = true } = opts;

  useEffect(() => {
    if (!enabled) return;
    const detector = new ScanDetector({ maxGapMs, minLength });
    let heldTarget: EventTarget | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const flush = () => {
      clearTimeout(timer);
      release(heldTarget, detector.timeout());
      heldTarget = null;
    };
    const swallow = (e: KeyboardEvent) => {
      e.preventDefault();
      e.stopImmediatePropagation();
    };

    const onKey = (e: KeyboardEvent) => {
      if (replayed.has(e) || e.isComposing || e.keyCode === 229) return;
      if (e.ctrlKey || e.metaKey || e.altKey || isOptedOut(e.target)) {
        if (detector.holding) flush();
        return;
      }
      const step = detector.key(e.key, e.timeStamp || performance.now());
      if (step.type === 'pass') return;
      clearTimeout(timer);
      if (step.type === 'release') {
        release(heldTarget, step.keys);
        heldTarget = null;
        if (step.then === 'pass') return;
      }
      swallow(e);
      if (step.type === 'scan') {
        const field = heldTarget ?? e.target;
        heldTarget = null;
        if (isWeightField(field) && document.activeElement === field && isWeightReading(step.code))
          return enterReading(field, step.code);
        handler.current(step.code);
        return;
      }
      heldTarget ??= e.target;
      timer = setTimeout(flush, detector.gapMs + 10);
    };

    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      flush();
    };
  }, [enabled, maxGapMs, minLength]);
}
