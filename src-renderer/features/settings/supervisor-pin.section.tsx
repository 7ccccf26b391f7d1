import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { FormField } from '../../ui/form-field';

/**
 * The supervisor PIN that packing overrides need. The screen only learns whether one is set;
 * changing or removing it needs the current PIN, which the core checks (and rate-limits).
 */
export function SupervisorPinSection() {
  const { t } = useTranslation();
  const api = useApi();
  const [pinSet, setPinSet] = useState<boolean | null>(null);
  const [oldPin, setOldPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await api.call('settings.supervisorPin.status', {});
    if (r.ok) setPinSet(r.value.set);
    else setError(r.error);
  }, [api]);
  useEffect(() => void load(), [load]);

  const save = async (next: string | null) => {
    setBusy(true);
    const r = await api.call('settings.supervisorPin.set', {
      ...(pinSet ? { oldPin } : {}),
      newPin: next,
    });
    setBusy(false);
    setOldPin('');
    setNewPin('');
    if (!r.ok) {
      setDone(null);
      return setError(r.error);
    }
    setError(null);
    setDone(t(r.value.set ? 'settings.pin.saved' : 'settings.pin.removed'));
    setPinSet(r.value.set);
  };

  return (
    <section className="settings-section" aria-labelledby="settings-pin">
      <h2 id="settings-pin">{t('settings.pin.title')}</h2>
      <p className="muted small">{t(pinSet ? 'settings.pin.isSet' : 'settings.pin.notSet')}</p>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {done && (
        <p className="small" role="status">
          {done}
        </p>
      )}
      {pinSet !== null && (
        <form
          className="edit-form"
          aria-label={t('settings.pin.title')}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save(newPin);
          }}
        >
          <div className="form-grid">
            {pinSet && (
              <FormField label={t('settings.pin.old')}>
                <input
                  type="password"
                  inputMode="numeric"
                  autoComplete="off"
                  value={oldPin}
                  onChange={(e) => setOldPin(e.target.value)}
                />
              </FormField>
            )}
            <FormField label={t('settings.pin.new')} hint={t('settings.pin.hint')}>
              <input
                type="password"
                inputMode="numeric"
                autoComplete="new-password"
                value={newPin}
                onChange={(e) => setNewPin(e.target.value)}
              />
            </FormField>
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={busy || !newPin}>
              {t(pinSet ? 'settings.pin.change' : 'settings.pin.set')}
            </button>
            {pinSet && (
              <button
                type="button"
                className="btn"
                disabled={busy || !oldPin}
                onClick={() => void save(null)}
              >
                {t('settings.pin.remove')}
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
