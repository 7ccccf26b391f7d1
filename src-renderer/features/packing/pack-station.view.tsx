import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { prepareCues } from '../../ui/feedback-sound';
import { readingGrams } from '../../ui/scan-detector';
import { useScanner } from '../../ui/use-scanner';
import { OverrideForm } from './override.form';
import { PackFeedback } from './pack-feedback';
import { splitScanHead } from './pack-judge';
import { PackLines } from './pack-lines';
import { PackWaybill } from '../waybill/pack-waybill';
import { chosenBox, expectedParcel, weightCheck, type PackingStore } from './packing.store';

/** The field holds whole grams: a scale's "2.30kg" is 2300; other typing keeps its digits. */
const gramsTyped = (v: string): string => String(readingGrams(v) ?? v.replace(/[^\d]/g, ''));

/**
 * The packing bench, driven by the scanner: scan an order or tote, scan every item, type the
 * scale reading (Enter completes), and the label and slip print; the next scan opens the next
 * order. Ctrl+Enter completes from anywhere, Esc puts the parcel aside.
 */
export function PackStation({ store }: { store: PackingStore }) {
  const { t } = useTranslation();
  const session = useStore(store, (s) => s.session);
  const lines = useStore(store, (s) => s.lines);
  const feedback = useStore(store, (s) => s.feedback);
  const log = useStore(store, (s) => s.log);
  const weight = useStore(store, (s) => s.weight);
  const box = useStore(store, (s) => s.box);
  const boxes = useStore(store, (s) => s.boxes);
  const chosen = useStore(store, chosenBox);
  const expected = useStore(store, expectedParcel);
  const overrideOpen = useStore(store, (s) => s.overrideOpen);
  const busy = useStore(store, (s) => s.busy);
  const check = useStore(store, useShallow(weightCheck));
  const [typed, setTyped] = useState('');
  const scanBox = useRef<HTMLInputElement>(null);
  const weightBox = useRef<HTMLInputElement>(null);

  const onScan = useCallback(
    (code: string) => {
      const { lines, setWeight } = store.getState();
      const field = document.activeElement;
      const own = field === scanBox.current ? setTyped : field === weightBox.current ? setWeight : null;
      if (own && field instanceof HTMLInputElement) {
        const k = splitScanHead(lines, field.value, code);
        if (k) {
          const head = field.value.slice(-k);
          own(field.value.slice(0, -k));
          code = head + code;
        }
      }
      store.getState().scan(code);
    },
    [store],
  );
  useScanner(onScan);
  useEffect(prepareCues, []);

  const allIn = lines.length > 0 && lines.every((l) => l.scanned >= l.expected);
  // Hands stay on the scanner: a new order puts the caret in the scan box, a full parcel in the weight.
  useEffect(() => {
    if (!session && !overrideOpen) scanBox.current?.focus();
  }, [session, overrideOpen]);
  useEffect(() => {
    if (allIn) weightBox.current?.focus();
  }, [allIn]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        void store.getState().complete();
      } else if (e.key === 'Escape' && !e.defaultPrevented) {
        if (store.getState().overrideOpen) store.getState().cancelOverride();
        else store.getState().close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  const submitOnEnter = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      void store.getState().complete();
    }
  };

  return (
    <div className="pack-station">
      <PackFeedback feedback={feedback} />
      <form
        className="pack-scan-row"
        onSubmit={(e) => {
          e.preventDefault();
          store.getState().scan(typed);
          setTyped('');
        }}
      >
        <label className="pack-field pack-scan-field">
          <span>{t(session ? 'packing.scanItem' : 'packing.scanOrder')}</span>
          <input
            ref={scanBox}
            className="pack-input"
            aria-label={t('packing.scanBox')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <button type="submit" className="btn btn-big">
          {t('packing.enter')}
        </button>
      </form>

      {session && (
        <div className="pack-body">
          <section className="pack-order" aria-labelledby="pack-order-head">
            <h2 id="pack-order-head" className="pack-order-head">
              {t('packing.order', { order: session.externalId, id: session.orderId })}
            </h2>
            <PackLines lines={lines} />
            {log.length > 0 && (
              <ol className="pack-log" reversed aria-label={t('packing.log')}>
                {log.map((e) => (
                  <li key={e.seq} className={`pack-log-${e.verdict}`}>
                    <span className="mono">{e.code}</span> {e.sku ?? ''} — {t(`packing.verdict.${e.verdict}`)}
                    {!e.settled && <span className="muted"> …</span>}
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section className="pack-side" aria-label={t('packing.finish')}>
            <PackWaybill orderId={session.orderId} />
            <label className="pack-field">
              <span>{t('packing.weight')}</span>
              <input
                ref={weightBox}
                className="pack-input"
                inputMode="decimal"
                // A USB scale types its reading here as fast as a scanner: the hook leaves it in.
                data-scan-weight
                aria-label={t('packing.weight')}
                value={weight}
                onChange={(e) => store.getState().setWeight(gramsTyped(e.target.value))}
                onKeyDown={submitOnEnter}
              />
            </label>
            <p
              className={`pack-weight ${check ? (check.within ? 'pack-weight-ok' : 'pack-weight-off') : ''}`}
            >
              {expected > 0
                ? check
                  ? t(check.within ? 'packing.weightWithin' : 'packing.weightOutside', { ...check })
                  : chosen
                    ? t('packing.weightExpectedBox', {
                        expected,
                        items: session.expectedWeightGrams,
                        box: chosen.code,
                        tare: chosen.tareGrams,
                      })
                    : t('packing.weightExpected', { expected })
                : t('packing.weightUnknown')}
            </p>
            <label className="pack-field">
              <span>{t('packing.box')}</span>
              <input
                className="pack-input"
                aria-label={t('packing.box')}
                value={box}
                onChange={(e) => store.getState().setBox(e.target.value)}
                onKeyDown={submitOnEnter}
                list="pack-boxes"
                autoComplete="off"
              />
              <datalist id="pack-boxes">
                {boxes.map((b) => (
                  <option key={b.code} value={b.code}>
                    {t('packing.boxOption', { ...b })}
                  </option>
                ))}
              </datalist>
            </label>
            {/* Scanning a box's code anywhere on this screen chooses it too. */}
            <p
              className={`small ${box.trim() && !chosen ? 'pack-weight-off' : 'muted'}`}
              data-testid="pack-box"
            >
              {chosen
                ? t('packing.boxDetail', { ...chosen })
                : box.trim()
                  ? t('packing.boxUnknown', { box: box.trim() })
                  : t('packing.boxHint')}
            </p>
            <button
              type="button"
              className="btn btn-primary btn-big"
              disabled={busy}
              onClick={() => void store.getState().complete()}
            >
              {t('packing.complete')}
            </button>
            <p className="muted">{t('packing.keysHint')}</p>
            <button type="button" className="btn" onClick={() => store.getState().close()}>
              {t('packing.aside')}
            </button>
            {overrideOpen && <OverrideForm store={store} />}
          </section>
        </div>
      )}
    </div>
  );
}
