import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../../src-shared/contract/settings.contract';
import { ErrorBanner } from '../../ui/error-banner';
import { ChannelForm } from './channel.form';
import { useSettingsList } from './use-settings-list';

export function ChannelsSection() {
  const { t } = useTranslation();
  const { rows, error, reload } = useSettingsList('channels.list', 'channels');
  const [editing, setEditing] = useState<Channel | null | undefined>(undefined);

  return (
    <section className="settings-section" aria-labelledby="settings-channels">
      <div className="section-head">
        <h2 id="settings-channels">{t('settings.channels.title')}</h2>
        <button type="button" className="btn" onClick={() => setEditing(null)} disabled={editing === null}>
          + {t('settings.channels.new')}
        </button>
      </div>
      <p className="muted small">{t('settings.channels.intro')}</p>
      {error && <ErrorBanner error={error} />}
      {editing !== undefined && (
        <ChannelForm
          key={editing?.id ?? 'new'}
          channel={editing}
          onCancel={() => setEditing(undefined)}
          onSaved={() => {
            setEditing(undefined);
            void reload();
          }}
        />
      )}
      {rows && rows.length === 0 && <p className="empty-note">{t('settings.channels.empty')}</p>}
      {rows && rows.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('settings.channels.field.code')}</th>
              <th>{t('settings.channels.field.name')}</th>
              <th>{t('settings.channels.field.kind')}</th>
              <th>{t('settings.channels.field.currency')}</th>
              <th className="num">{t('settings.channels.orders')}</th>
              <th>{t('settings.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td className="mono">{c.code}</td>
                <td>{c.name}</td>
                <td>{t(`channelKind.${c.kind}`)}</td>
                <td className="mono">{c.currency}</td>
                <td className="num">{c.orderCount}</td>
                <td>
                  {c.enabled ? (
                    t('settings.enabled')
                  ) : (
                    <span className="muted">{t('settings.disabled')}</span>
                  )}
                </td>
                <td className="actions">
                  <button type="button" className="btn-link" onClick={() => setEditing(c)}>
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
