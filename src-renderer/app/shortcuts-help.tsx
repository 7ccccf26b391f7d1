import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Key names are translated too ("Space" reads 空格 in Chinese), so both columns come from i18n. */
const ROWS = [
  'screens',
  'goTo',
  'search',
  'move',
  'toggle',
  'range',
  'all',
  'open',
  'newOrder',
  'close',
  'help',
] as const;

export function ShortcutsHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  // Give focus back to where it was (usually the queue), so the keyboard keeps working.
  // Read during the first render, before autoFocus moves focus into the dialog.
  const [before] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => () => before?.focus({ preventScroll: true }), [before]);
  return (
    <div
      className="modal-backdrop"
      onClick={onClose}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <table className="shortcuts">
          <tbody>
            {ROWS.map((row) => (
              <tr key={row}>
                <td>
                  <kbd>{t(`shortcuts.${row}.keys`)}</kbd>
                </td>
                <td>{t(`shortcuts.${row}.what`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="form-actions">
          <button type="button" className="btn" autoFocus onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}
