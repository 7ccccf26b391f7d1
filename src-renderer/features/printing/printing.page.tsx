import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { createPrintingStore } from './printing.store';
import { PrintersSection } from './printers.section';
import { PrintQueueSection } from './print-queue.section';
import { TemplatesSection } from './templates.section';
import './printing.css';

/** Printers, the print queue with its history, and the shop's document templates. */
export function PrintingPage() {
  const { t } = useTranslation();
  const api = useApi();
  const store = useMemo(() => createPrintingStore(api), [api]);
  const error = useStore(store, (s) => s.error);
  const notice = useStore(store, (s) => s.notice);

  useEffect(() => {
    void store.getState().load();
    // Jobs move on their own (printing, retries): follow them live.
    const offJobs = api.on('jobs.changed', () => void store.getState().loadJobs());
    const offSettings = api.on('settings.changed', () => void store.getState().load());
    return () => {
      offJobs();
      offSettings();
    };
  }, [api, store]);

  return (
    <div className="settings-page printing-page">
      <div className="page-head">
        <h1>{t('nav.printing')}</h1>
      </div>
      {error && <ErrorBanner error={error} onDismiss={() => store.getState().dismiss()} />}
      {notice && (
        <p className="notice" role="status">
          {t('printing.queued', { title: notice })}
        </p>
      )}
      <PrintersSection store={store} />
      <PrintQueueSection store={store} />
      <TemplatesSection store={store} />
    </div>
  );
}
