import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { CustomerMatch } from '../../../../src-shared/contract/customers.contract';
import { useApi } from '../../../api/api-context';
import { ENTRY_LIMITS } from '../../../../src-shared/contract/order-entry.schema';
import { Combobox } from '../../../ui/combobox';
import { FormField } from '../../../ui/form-field';
import { usualAddressText, type EntryStore, type IntlAddress } from './order-entry.store';

const INTL_FIELDS: { key: keyof IntlAddress; max: number; wide?: boolean }[] = [
  { key: 'country', max: 2 },
  { key: 'state', max: ENTRY_LIMITS.intlState },
  { key: 'city', max: ENTRY_LIMITS.intlCity },
  { key: 'postcode', max: ENTRY_LIMITS.postcode },
  { key: 'line1', max: ENTRY_LIMITS.intlLine, wide: true },
  { key: 'line2', max: ENTRY_LIMITS.intlLine, wide: true },
];

/** Who and where: a customer lookup that fills both, then the fields themselves. */
export function EntryRecipientSection({
  store,
  errorOf,
}: {
  store: EntryStore;
  errorOf(path: string): string | undefined;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const s = useStore(store);
  const v = s.values;
  const usual = s.customer?.usualAddress;
  const nameRef = useRef<HTMLInputElement>(null);
  const phoneRef = useRef<HTMLInputElement>(null);
  // No customer has that phone or name: it is a new one, so what was typed goes into its field and
  // the clerk carries on with the other, instead of typing it twice.
  const newCustomer = (text: string) => {
    const isPhone = /^\+?[\d\s()-]{5,}$/.test(text);
    s.set(isPhone ? 'phone' : 'name', text);
    (isPhone ? nameRef : phoneRef).current?.focus();
  };
  const fromUsual = usual && v.addressKind === 'cn' && v.addressText === usualAddressText(usual);
  return (
    <fieldset className="entry-recipient">
      <legend>{t('orders.entry.recipient')}</legend>
      <div className="entry-lookup">
        <Combobox<CustomerMatch>
          label={t('orders.entry.customerLookup')}
          placeholder={t('orders.entry.customerLookupPlaceholder')}
          emptyText={t('orders.entry.noCustomer')}
          autoFocus
          search={async (query) => {
            const r = await api.call('customers.lookup', { query, limit: 8 });
            return r.ok ? r.value.rows : [];
          }}
          itemKey={(c) => String(c.id)}
          renderItem={(c) => (
            <span className="customer-hit">
              <strong>{c.name}</strong>
              <span className="mono">{c.phone ?? ''}</span>
              <span className="muted small">
                {t('orders.entry.customerOrders', { count: c.orderCount })}
                {c.usualAddress && ` · ${usualAddressText(c.usualAddress)}`}
              </span>
            </span>
          )}
          onPick={(c) => s.pickCustomer(c)}
          onNoMatch={newCustomer}
        />
        {s.customer && (
          <span className="entry-customer-chip" role="status">
            {t('orders.entry.customerPicked', { name: s.customer.name, count: s.customer.orderCount })}
          </span>
        )}
      </div>
      <div className="form-grid">
        <FormField label={t('orders.entry.name')} error={errorOf('recipient.name')}>
          <input
            ref={nameRef}
            value={v.name}
            maxLength={ENTRY_LIMITS.name}
            onChange={(e) => s.set('name', e.target.value)}
          />
        </FormField>
        <FormField label={t('orders.entry.phone')} error={errorOf('recipient.phone')}>
          <input
            ref={phoneRef}
            value={v.phone}
            inputMode="tel"
            maxLength={ENTRY_LIMITS.phone}
            onChange={(e) => s.set('phone', e.target.value)}
          />
        </FormField>
        <div className="field" role="radiogroup" aria-label={t('orders.entry.addressKind')}>
          <span>{t('orders.entry.addressKind')}</span>
          <div className="entry-kind">
            {(['cn', 'intl'] as const).map((k) => (
              <label key={k} className="check-field">
                <input
                  type="radio"
                  name="address-kind"
                  checked={v.addressKind === k}
                  onChange={() => s.set('addressKind', k)}
                />
                {t(`orders.entry.addressKinds.${k}`)}
              </label>
            ))}
          </div>
        </div>
      </div>
      {v.addressKind === 'cn' ? (
        <FormField
          label={t('orders.entry.addressText')}
          error={errorOf('address.text')}
          hint={
            fromUsual
              ? t('orders.entry.usualAddressHint', { count: usual.uses })
              : t('orders.entry.addressHint')
          }
        >
          <textarea
            rows={2}
            value={v.addressText}
            maxLength={ENTRY_LIMITS.addressText}
            onChange={(e) => s.set('addressText', e.target.value)}
          />
        </FormField>
      ) : (
        <div className="form-grid">
          {INTL_FIELDS.map((f) => (
            <FormField
              key={f.key}
              wide={f.wide}
              label={t(`orders.entry.intl.${f.key}`)}
              error={errorOf(`address.${f.key}`)}
            >
              <input
                value={v.intl[f.key]}
                maxLength={f.max}
                onChange={(e) => s.setIntl(f.key, e.target.value)}
              />
            </FormField>
          ))}
        </div>
      )}
    </fieldset>
  );
}
