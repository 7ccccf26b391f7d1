import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { useScanner } from '../../ui/use-scanner';
import type { PickItem } from '../../../src-shared/contract/fulfillment.contract';
import { createPickStore, shownWave } from './pick.store';
import { NextStop, PickListPanel, ScanLog, ShortOutcome, TotesPanel } from './pick-panels';
import { PickListActions } from './pick-list-actions';
import { ProgressBar } from './progress-bar';
import { ScanFeedback } from './scan-feedback';
import { ScanBox, SCAN_INPUT_ID, useScanLine } from './scan-box';
import { ShortPickDialog } from './short-pick.dialog';
import { createWavesStore } from './waves.store';

/** The picker's screen: scan a bin, scan items, drop each into the slot it names. */
export function PickView({ waveId, onBack }: { waveId: number; onBack(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const store = useMemo(() => createPickStore(api), [api]);
  const docs = useMemo(() => createWavesStore(api), [api]);
  const loaded = useStore(store, (s) => s.wave);
  const pending = useStore(store, (s) => s.pending);
  const wave = useMemo(() => shownWave({ wave: loaded, pending }), [loaded, pending]);
  const scans = useStore(store, (s) => s.scans);
  const currentBin = useStore(store, (s) => s.currentBin);
  const error = useStore(store, (s) => s.error);
  const docsError = useStore(docs, (s) => s.error);
  const printed = useStore(docs, (s) => s.notice);
  const [shortFor, setShortFor] = useState<PickItem | null>(null);

  // Back to the scan box, so typing by hand continues where it was.
  const closeShort = () => {
    setShortFor(null);
    requestAnimationFrame(() => document.getElementById(SCAN_INPUT_ID)?.focus());
  };

  useEffect(() => {
    void store.getState().load(waveId);
  }, [store, waveId]);
  const line = useScanLine(store);
  useScanner(line.onBurst, { enabled: shortFor === null && wave !== null });

  if (!wave)
    return (
      <div className="pick-view">
        <button type="button" className="btn" onClick={onBack}>
          ← {t('picking.back')}
        </button>
        {error ? <ErrorBanner error={error} /> : <p className="muted">{t('common.loading')}</p>}
      </div>
    );

  return (
    <div className="pick-view">
      <div className="page-head pick-head">
        <button type="button" className="btn" onClick={onBack}>
          ← {t('picking.back')}
        </button>
        <h1>
          {t('picking.waveN', { id: wave.id })} <span className="muted">· {wave.warehouse}</span>
        </h1>
        <div className="pick-docs pick-docs-top">
          <PickListActions store={docs} waveId={wave.id} />
        </div>
      </div>
      <ProgressBar
        big
        picked={wave.progress.picked}
        required={wave.progress.required}
        label={t('picking.waves.progressOf', { id: wave.id })}
      />
      {error && <ErrorBanner error={error} onDismiss={() => store.getState().dismiss()} />}
      {docsError && <ErrorBanner error={docsError} onDismiss={() => docs.getState().dismiss()} />}
      {printed?.kind === 'printed' && (
        <p className="notice" role="status">
          {t('picking.waves.printed', { printer: printed.printer })}
        </p>
      )}
      <div className="pick-grid">
        <div className="pick-col">
          <ShortOutcome store={store} />
          <ScanFeedback entry={scans[0]} wave={wave} currentBin={currentBin} />
          <ScanBox line={line} />
          <NextStop wave={wave} />
          <ScanLog store={store} />
        </div>
        <div className="pick-col">
          <PickListPanel store={store} wave={wave} onShort={setShortFor} />
          <TotesPanel wave={wave} />
          {/* On a handheld the document buttons wait below the lists, out of the picker's way. */}
          <div className="pick-docs pick-docs-bottom">
            <PickListActions store={docs} waveId={wave.id} />
          </div>
        </div>
      </div>
      {shortFor && (
        <ShortPickDialog
          item={shortFor}
          onCancel={closeShort}
          onSubmit={(found) =>
            void store
              .getState()
              .reportShort(shortFor.sku, found)
              .then((ok) => ok && closeShort())
          }
        />
      )}
    </div>
  );
}
