import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** A drop zone that is also a file picker button, for the same single file. */
export function ImportDrop({ disabled, onFile }: { disabled: boolean; onFile: (f: File) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f && !disabled) onFile(f);
  };
  return (
    <div
      className={over ? 'import-drop over' : 'import-drop'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid="import-drop"
    >
      <p>{t('intake.dropHint')}</p>
      <button
        type="button"
        className="btn btn-primary"
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        {t('intake.choose')}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label={t('intake.choose')}
        accept=".csv,.txt,.tsv,.xlsx"
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = '';
        }}
      />
    </div>
  );
}
