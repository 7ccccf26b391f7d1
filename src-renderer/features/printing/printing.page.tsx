import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ErrorBanner } from '../../ui/error-banner';
import { useLiveStore } from '../../ui/use-live-store';
import { createPrintingStore } from './printing.store';
import { PrintersSection } from './printers.section';
import { PrintQueueSection } from './print-queue.section';
import { TemplatesSection } from './templates.section';
import './printing.css';

/** Printers, the print queue with its history, and the shop's document templates. */
export function PrintingPage() {
  const { t } = useTranslation();
  const store = useLiveStore(createPrintingStore);
  const error = useStore(store, (s) => s.error);
  const notice = useStore(store, (s) => s.notice);

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
