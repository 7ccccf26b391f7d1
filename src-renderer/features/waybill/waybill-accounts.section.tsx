import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '../../../src-shared/contract/routing.contract';
import type { WaybillAccount } from '../../../src-shared/contract/waybill.contract';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { WaybillAccountForm } from './waybill-account.form';

/**
 * E-waybill (电子面单) accounts, one per carrier: orders routed to a carrier listed here get their
 * number from the platform ahead of packing, and the bench prints the platform's label.
 */
export function WaybillAccountsSection() {
  const { t } = useTranslation();
  const api = useApi();
  const [rows, setRows] = useState<WaybillAccount[] | null>(null);
  const [carriers, setCarriers] = useState<Carrier[]>([]);
  const [keychain, setKeychain] = useState<{ available: boolean; reason: string | null }>({
    available: true,
    reason: null,
  });
  const [error, setError] = useState<AppError | null>(null);
  // undefined: no form; null: a new account; otherwise the account being edited.
  const [editing, setEditing] = useState<WaybillAccount | null | undefined>(undefined);

  const reload = useCallback(async () => {
    const r = await api.call('waybill.accounts.list', {});
    if (!r.ok) return setError(r.error);
    setRows(r.value.rows);
    setKeychain(r.value.secretStore);
    setError(null);
  }, [api]);
  // The carriers to choose from, read when a form opens (they change on another screen).
  const open = async (a: WaybillAccount | null) => {
    const c = await api.call('carriers.list', {});
    if (!c.ok) return setError(c.error);
    setCarriers(c.value.rows);
    setEditing(a);
  };
  useEffect(() => {
    void reload();
    return api.on('settings.changed', (p) => {
      if (p.key === 'waybill.accounts') void reload();
    });
  }, [api, reload]);

  return (
    <section className="settings-section" aria-labelledby="settings-waybill">
      <div className="section-head">
        <h2 id="settings-waybill">{t('waybill.accounts.title')}</h2>
        <button type="button" className="btn" onClick={() => void open(null)} disabled={editing === null}>
          + {t('waybill.accounts.new')}
        </button>
      </div>
      <p className="muted small">{t('waybill.accounts.intro')}</p>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {editing !== undefined && (
        <WaybillAccountForm
          key={editing?.id ?? 'new'}
          account={editing}
          carriers={carriers}
          keychain={keychain}
          onCancel={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            void reload();
          }}
        />
      )}
      {rows && rows.length === 0 && <p className="empty-note">{t('waybill.accounts.empty')}</p>}
      {rows && rows.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('waybill.accounts.field.carrier')}</th>
              <th>{t('waybill.accounts.field.platform')}</th>
              <th>{t('waybill.accounts.field.cpCode')}</th>
              <th>{t('waybill.accounts.sender')}</th>
              <th>{t('waybill.accounts.credentials')}</th>
              <th>{t('settings.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id}>
                <td className="mono">{a.carrier}</td>
                <td>{t(`waybill.platform.${a.platform}`)}</td>
                <td className="mono">{a.cpCode}</td>
                <td>
                  {a.sender.name} · {a.sender.city}
                  {a.sender.district}
                </td>
                <td>
                  {a.hasCredentials ? (
                    t('waybill.accounts.storedShort', { backend: a.credentialsBackend })
                  ) : (
                    <span className="muted">{t('waybill.accounts.noneShort')}</span>
                  )}
                </td>
                <td>
                  {a.active ? t('settings.active') : <span className="muted">{t('settings.inactive')}</span>}
                </td>
                <td className="actions">
                  <button
                    type="button"
                    className="btn-link"
                    aria-label={t('waybill.accounts.editOne', {
                      carrier: a.carrier,
                      platform: t(`waybill.platform.${a.platform}`),
                    })}
                    onClick={() => void open(a)}
                  >
                    {t('common.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
