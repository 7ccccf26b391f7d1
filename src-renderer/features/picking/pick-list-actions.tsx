import { useTranslation } from 'react-i18next';
import type { WavesStore } from './waves.store';
import { saveFile } from './save-file';

/** Print the wave's pick list on the document printer, or save it as a PDF. */
export function PickListActions({ store, waveId }: { store: WavesStore; waveId: number }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <button type="button" className="btn" onClick={() => void store.getState().printPickList(waveId)}>
        {t('picking.waves.print')}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() =>
          void store
            .getState()
            .pickListPdf(waveId, i18n.language.startsWith('zh') ? 'zh' : 'en')
            .then((blob) => blob && saveFile(blob, `pick-list-wave-${waveId}.pdf`))
        }
      >
        {t('picking.waves.pdf')}
      </button>
    </>
  );
}
