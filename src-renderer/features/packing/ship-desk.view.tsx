import { useCallback, useEffect, useRef, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { errorText } from '../../i18n/error-text';
import { prepareCues } from '../../ui/feedback-sound';
import { useScanner } from '../../ui/use-scanner';
import { ShipBulk } from './ship-bulk.section';
import { ShipFile } from './ship-file.section';
import { ShipManifest } from './ship-manifest.section';
import type { ShipStore } from './ship.store';

/** Ship confirmation: scan a packed order then its tracking number; below, the bulk ways. */
export function ShipDesk({ store }: { store: ShipStore }) {
  const { t } = useTranslation();
  const carriers = useStore(store, (s) => s.carriers);
  const carrier = useStore(store, (s) => s.carrier);
  const [typed, setTyped] = useState('');
  const scanBox = useRef<HTMLInputElement>(null);

  const onScan = useCallback((code: string) => void store.getState().scan(code), [store]);
  useScanner(onScan);
  useEffect(() => {
    prepareCues();
    scanBox.current?.focus();
  }, []);

  return (
    <div className="ship-desk">
      <ShipBand store={store} />
      <form
        className="pack-scan-row"
        onSubmit={(e) => {
          e.preventDefault();
          void store.getState().scan(typed);
          setTyped('');
        }}
      >
        <label className="pack-field pack-scan-field">
          <span>{t('shipping.scanBox')}</span>
          <input
            ref={scanBox}
            className="pack-input"
            aria-label={t('shipping.scanBox')}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <label className="pack-field">
          <span>{t('shipping.carrier')}</span>
          <select
            className="pack-input"
            aria-label={t('shipping.carrier')}
            value={carrier}
            onChange={(e) => store.getState().setCarrier(e.target.value)}
          >
            {!carriers.some((c) => c.code === carrier) && <option value={carrier}>{carrier || '—'}</option>}
            {carriers.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} · {c.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-big">
          {t('packing.enter')}
        </button>
        <button type="button" className="btn" onClick={() => store.getState().resetScan()}>
          {t('shipping.restart')}
        </button>
      </form>
      <ShipBulk store={store} />
      <ShipFile store={store} />
      <ShipManifest store={store} />
    </div>
  );
}

function ShipBand({ store }: { store: ShipStore }) {
  const { t } = useTranslation();
  const order = useStore(store, (s) => s.scannedOrder);
  const carrier = useStore(store, (s) => s.carrier);
  const outcome = useStore(store, (s) => s.outcome);
  const error = useStore(store, (s) => s.error);
  const fromTracking = useStore(store, (s) => s.carrierFromTracking);
  const picked = useStore(store, (s) => s.carrierPicked);
  const choices = useStore(store, (s) => s.carrierChoices);
  let tone = 'neutral';
  let headline: string;
  const detail: string[] = [];
  if (error) {
    tone = 'bad';
    const e = errorText(t, error);
    headline = t(`shipping.band.error.${error.code}`, { defaultValue: e.title });
    detail.push(trackingRefusal(t, e.detail) ?? e.detail.replace(/^trackingNumber: /, ''));
    if (order) detail.push(t('shipping.band.rescan', { order, carrier }));
  } else if (order && choices) {
    tone = 'bad';
    headline = t('shipping.band.whichCarrier');
    detail.push(
      t('shipping.band.whichCarrierDetail', {
        tracking: choices.tracking,
        carriers: choices.carriers.join(', '),
      }),
    );
  } else if (order) {
    headline = t('shipping.band.order', { order });
    detail.push(t(fromTracking ? 'shipping.band.trackingAny' : 'shipping.band.tracking', { carrier }));
  } else if (outcome) {
    tone = 'good';
    headline = t('shipping.band.done', {
      shipped: outcome.shipped.length,
      unchanged: outcome.unchanged.length,
    });
    detail.push(t('shipping.band.jobs', { count: outcome.jobsQueued }));
    if (picked) detail.push(t('shipping.band.carrierPicked', { carrier: picked }));
  } else {
    headline = t('shipping.band.ready');
    detail.push(t('shipping.band.readyHint'));
  }
  return (
    <div
      className={`pack-band pack-band-${tone}`}
      role="status"
      aria-live="assertive"
      data-testid="ship-feedback"
    >
      <div className="pack-band-headline">{headline}</div>
      {detail.map((d, i) => (
        <div key={i} className="pack-band-detail">
          {d}
        </div>
      ))}
    </div>
  );
}

/**
 * The core refuses a number that does not fit the carrier in English (tracking-patterns.ts); the
 * expected shape is read back per carrier into the screen's language. Null: another refusal.
 */
function trackingRefusal(t: TFunction, message: string): string | null {
  const m =
    /^trackingNumber: "(?<tracking>[^"]*)" is not a (?<carrier>\S+) tracking number \(expected (?<shape>.*)\)$/.exec(
      message,
    )?.groups;
  if (!m) return null;
  const shape = t(`shipping.shape.${m.carrier!.toUpperCase()}`, { defaultValue: m.shape });
  return t('shipping.notCarrierTracking', { tracking: m.tracking, carrier: m.carrier, shape });
}
