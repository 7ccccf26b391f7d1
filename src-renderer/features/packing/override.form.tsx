import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ErrorBanner } from '../../ui/error-banner';
import type { PackingStore } from './packing.store';

/**
 * A supervisor vouches for a parcel the checks refused; the core audits the name and reason and,
 * once the shop has set one, checks the supervisor PIN. The whole form is [data-no-scan]: the
 * scanner hook leaves the PIN and the typing here alone.
 */
export function OverrideForm({ store }: { store: PackingStore }) {
  const { t } = useTranslation();
  const pinSet = useStore(store, (s) => s.pinSet);
  const error = useStore(store, (s) => s.overrideError);
  const [supervisor, setSupervisor] = useState('');
  const [reason, setReason] = useState('');
  const [pin, setPin] = useState('');
  const ready = supervisor.trim() && reason.trim() && (!pinSet || pin);
  return (
    <form
      className="pack-override"
      aria-label={t('packing.override.title')}
      data-no-scan
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        void store
          .getState()
          .complete({ supervisor: supervisor.trim(), reason: reason.trim(), ...(pinSet ? { pin } : {}) });
        // A refused PIN is typed again from scratch.
        setPin('');
      }}
    >
      <h3>{t('packing.override.title')}</h3>
      {pinSet === false && <p className="pack-override-nopin">{t('packing.override.noPin')}</p>}
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
      {pinSet && (
        <label className="pack-field">
          <span>{t('packing.override.pin')}</span>
          <input
            className="pack-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            aria-label={t('packing.override.pin')}
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </label>
      )}
      {error && <ErrorBanner error={error} />}
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
