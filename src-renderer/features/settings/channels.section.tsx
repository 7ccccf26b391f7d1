import { useTranslation } from 'react-i18next';
import { ChannelForm } from './channel.form';
import { SettingsListSection } from './settings-list.section';

export function ChannelsSection() {
  const { t } = useTranslation();
  return (
    <SettingsListSection
      kind="channels"
      columns={[
        { label: t('settings.channels.field.code') },
        { label: t('settings.channels.field.name') },
        { label: t('settings.channels.field.kind') },
        { label: t('settings.channels.field.currency') },
        { label: t('settings.channels.orders'), num: true },
        { label: t('settings.state') },
      ]}
      cells={(c) => [
        <span className="mono">{c.code}</span>,
        c.name,
        t(`channelKind.${c.kind}`),
        <span className="mono">{c.currency}</span>,
        c.orderCount,
        c.enabled ? t('settings.enabled') : <span className="muted">{t('settings.disabled')}</span>,
      ]}
      form={(channel, close) => (
        <ChannelForm channel={channel} onCancel={() => close(false)} onSaved={() => close(true)} />
      )}
    />
  );
}
