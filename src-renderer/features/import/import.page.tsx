import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { fileRefusalText } from './file-refusal-text';
import { ImportDrop } from './import-drop';
import { ImportReport } from './import-report';
import { createImportStore, type ImportFormatChoice } from './import.store';
import { SkuMappingView } from './sku-mapping.view';
import { SynonymsView } from './synonyms.view';
import './import.css';

const FORMATS: ImportFormatChoice[] = [
  'auto',
  'shopify',
  'woocommerce',
  'amazon',
  'taobao',
  'pdd',
  'douyin',
  'alibaba1688',
  'packdesk',
];
const TABS = ['file', 'mapping', 'synonyms'] as const;

/** 导入: channel exports and the Packdesk template, with progress and a per-row report; SKU mapping. */
export function ImportPage() {
  const { t } = useTranslation();
  const api = useApi();
  const [store] = useState(() => createImportStore(api));
  const s = useStore(store);
  const [tab, setTab] = useState<(typeof TABS)[number]>('file');
  const busy = s.phase === 'uploading' || s.phase === 'importing';
  return (
    <div className="import-page">
      <div className="page-head">
        <h1>{t('nav.import')}</h1>
        <div role="tablist">
          {TABS.map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={tab === k}
              className={tab === k ? 'btn btn-primary' : 'btn'}
              onClick={() => setTab(k)}
            >
              {t(`intake.tab.${k}`)}
            </button>
          ))}
        </div>
      </div>
      {s.error && (
        <ErrorBanner
          error={s.fileRefused ? fileRefusalText(t, s.error) : s.error}
          title={s.fileRefused ? t('intake.fileRefused', { file: s.fileName }) : undefined}
          onDismiss={() => store.getState().setError(null)}
        />
      )}
      {tab === 'file' ? (
        <>
          <div className="import-options">
            <label>
              {t('intake.format')}
              <select
                value={s.format}
                disabled={busy}
                onChange={(e) => store.getState().setFormat(e.target.value as ImportFormatChoice)}
              >
                {FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {t(`intake.formats.${f}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('intake.channel')}
              <input
                value={s.channel}
                disabled={busy}
                placeholder={t('intake.channelPlaceholder')}
                onChange={(e) => store.getState().setChannel(e.target.value)}
              />
            </label>
          </div>
          <ImportDrop disabled={busy} onFile={(f) => void store.getState().importFile(f)} />
          {busy && (
            <div className="import-progress">
              <span>
                {t(s.phase === 'uploading' ? 'intake.uploading' : 'intake.importing', { file: s.fileName })}
              </span>
              <progress max={1} value={s.progress} aria-label={t('intake.progress')} />
              <span>{s.progressText}</span>
            </div>
          )}
          {s.result && <ImportReport result={s.result} fileName={s.fileName} />}
          <p className="muted">{t('intake.templateHint')}</p>
        </>
      ) : tab === 'mapping' ? (
        <SkuMappingView store={store} />
      ) : (
        <SynonymsView />
      )}
    </div>
  );
}
