import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackingStore } from './packing.store';

/** A supervisor vouches for a parcel the checks refused; the core audits the name and reason. */
export function OverrideForm({ store }: { store: PackingStore }) {
  const { t } = useTranslation();
  const [supervisor, setSupervisor] = useState('');
  const [reason, setReason] = useState('');
  const ready = supervisor.trim() && reason.trim();
  return (
    <form
      className="pack-override"
      aria-label={t('packing.override.title')}
      data-no-scan
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) void store.getState().complete({ supervisor: supervisor.trim(), reason: reason.trim() });
      }}
    >
      <h3>{t('packing.override.title')}</h3>
      <label className="pack-field">
        <span>{t('packing.override.supervisor')}</span>
        <input
          className="pack-input"
          aria-label={t('packing.override.supervisor')}
          value={supervisor}
          onChange={(e) => setSupervisor(e.target.value)}
          autoFocus
        />
      </label>
      <label className="pack-field">
        <span>{t('packing.override.reason')}</span>
        <input
          className="pack-input"
          aria-label={t('packing.override.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <div className="form-actions">
        <button type="submit" className="btn btn-danger btn-big" disabled={!ready}>
          {t('packing.override.submit')}
        </button>
        <button type="button" className="btn" onClick={() => store.getState().cancelOverride()}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
