import type { KeyboardEvent } from 'react';

/**
 * True while an input method (拼音, 五笔…) is composing: its Enter picks a candidate and its Esc
 * drops the composition, so neither may submit, pick or close anything. Chromium reports
 * `isComposing`; older WebKit only the legacy keyCode 229.
 */
export const isComposing = (e: KeyboardEvent): boolean => e.nativeEvent.isComposing || e.keyCode === 229;

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab inside a modal: from its last control Tab goes back to the first, Shift+Tab from the
 * first to the last. Without it focus walks out behind the backdrop onto the page's shortcuts.
 * Radio groups count once (the browser tabs to the checked one only).
 */
export function keepTabInside(e: KeyboardEvent, container: HTMLElement): void {
  if (e.key !== 'Tab' || e.ctrlKey || e.altKey || e.metaKey) return;
  const all = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !(el instanceof HTMLInputElement && el.type === 'radio' && !el.checked),
  );
  if (!all.length) return;
  const first = all[0]!;
  const last = all[all.length - 1]!;
  const at = document.activeElement;
  if (e.shiftKey && (at === first || !container.contains(at))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (at === last || !container.contains(at))) {
    e.preventDefault();
    first.focus();
  }
}
