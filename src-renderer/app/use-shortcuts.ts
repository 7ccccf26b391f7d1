import { useEffect } from 'react';
import { SCREENS, type ScreenId } from './screens';

/** How long after "g" the second key of a "g o"-style sequence still counts. */
const SEQUENCE_MS = 1200;

const isTyping = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName));

/** App-wide keys. Screen keys (j/k, Enter…) are handled by the focused screen itself. */
export function useShortcuts(opts: { go(id: ScreenId): void; toggleHelp(): void }): void {
  const { go, toggleHelp } = opts;
  useEffect(() => {
    let gAt = 0;
    const onKey = (e: KeyboardEvent) => {
      // Alt+1…9 uses the physical key, because on macOS Alt+1 types "¡".
      if (e.altKey && !e.ctrlKey && !e.metaKey && /^Digit[1-9]$/.test(e.code)) {
        const screen = SCREENS[Number(e.code.slice(5)) - 1];
        if (screen) {
          e.preventDefault();
          e.stopPropagation();
          go(screen.id);
        }
        return;
      }
      if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target)) return;
      if (e.key === '/') {
        const search = document.querySelector<HTMLElement>('[data-shortcut-search]');
        if (search) {
          e.preventDefault();
          search.focus();
        }
      } else if (e.key === '?') {
        e.preventDefault();
        toggleHelp();
      } else if (e.key === 'g') {
        gAt = Date.now();
      } else if (gAt && Date.now() - gAt < SEQUENCE_MS) {
        gAt = 0;
        const screen = SCREENS.find((s) => s.key === e.key);
        if (screen) {
          // Stopped here so the queue does not also read "k" as "cursor up".
          e.preventDefault();
          e.stopPropagation();
          go(screen.id);
        }
      }
    };
    // Capture phase on document: the shell sees keys before any screen, so sequences win over
    // screen keys; the barcode reader (use-scanner, on window) sees them first, so a scanned
    // "G…" is never read as "g"-navigation.
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [go, toggleHelp]);
}
