import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PickStore } from './pick.store';

export const SCAN_INPUT_ID = 'pick-scan-input';

/** Keys given back to the box this recently belong to the burst that follows them. */
const SPLIT_BURST_MS = 400;

/**
 * The scan line: the box a person types a code into (Enter sends it), the quantity for the next
 * item, and what the scanner hook hands over. Both paths end in the same scan.
 */
export function useScanLine(store: PickStore) {
  const [code, setCode] = useState('');
  const [qty, setQty] = useState('1');
  const input = useRef<HTMLInputElement>(null);
  const typedAt = useRef(0);

  const submit = (text: string) => {
    if (!text.trim()) return;
    store.getState().scan(text, Math.max(1, Math.floor(Number(qty)) || 1));
    setCode('');
    setQty('1');
  };

  return {
    code,
    qty,
    input,
    setQty,
    setCode(v: string) {
      typedAt.current = performance.now();
      setCode(v);
    },
    submit,
    /**
     * A scanner burst. On a busy handheld a burst can stall for a moment halfway; the hook then
     * gives its first keys back to the focused box as typing and reads only the rest as a scan.
     * Those keys arrived a moment ago, so they are joined back in front.
     */
    onBurst(burst: string) {
      const el = input.current;
      const recent =
        el && document.activeElement === el && performance.now() - typedAt.current < SPLIT_BURST_MS;
      submit((recent ? el.value : '') + burst);
    },
  };
}

export function ScanBox({ line }: { line: ReturnType<typeof useScanLine> }) {
  const { t } = useTranslation();
  return (
    <form
      className="scan-box"
      onSubmit={(e) => {
        e.preventDefault();
        // Read the field itself: keys the scanner hook gave back a moment ago are already in it.
        line.submit(line.input.current?.value ?? line.code);
        line.input.current?.focus();
      }}
    >
      <label className="scan-input">
        <span>{t('picking.scan.box')}</span>
        <input
          id={SCAN_INPUT_ID}
          ref={line.input}
          value={line.code}
          onChange={(e) => line.setCode(e.target.value)}
          placeholder={t('picking.scan.placeholder')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="go"
          autoFocus
        />
      </label>
      <label className="scan-qty">
        <span>{t('picking.scan.qty')}</span>
        <input
          type="number"
          inputMode="numeric"
          min={1}
          value={line.qty}
          onChange={(e) => line.setQty(e.target.value)}
        />
      </label>
      <button type="submit" className="btn btn-primary btn-big">
        {t('picking.scan.submit')}
      </button>
    </form>
  );
}
