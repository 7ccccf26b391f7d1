import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '../../../src-shared/contract/routing.contract';
import type { WaybillAccount } from '../../../src-shared/contract/waybill.contract';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { FormActions } from '../../ui/form-actions';
import { FormField } from '../../ui/form-field';
import { useSaveForm } from '../settings/use-save-form';

const SENDER = ['name', 'mobile', 'phone', 'province', 'city', 'district', 'town', 'detail'] as const;
type SenderKey = (typeof SENDER)[number];

interface Values {
  [key: string]: unknown;
  carrier: string;
  cpCode: string;
  templateUrl: string;
  sender: Record<SenderKey, string>;
  storeCode: string;
  gatewayUrl: string;
  active: boolean;
}

const CP_CODES = ['ZTO', 'YTO', 'STO', 'YUNDA', 'SF', 'EMS', 'JT', 'DBKD', 'JD'];

/**
 * One carrier's e-waybill account. The app key, secret and session key are write-only: they start
 * empty (the core never sends them back) and left empty keep what is stored. "Test connection"
 * checks the typed values (or the stored ones) against the platform without saving anything.
 */
export function WaybillAccountForm(props: {
  account: WaybillAccount | null;
  carriers: Carrier[];
  keychain: { available: boolean; reason: string | null };
  onSaved(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const a = props.account;
  const form = useSaveForm<Values>(
    {
      carrier: a?.carrier ?? props.carriers[0]?.code ?? '',
      cpCode: a?.cpCode ?? '',
      templateUrl: a?.templateUrl ?? '',
      sender: {
        name: '',
        mobile: '',
        phone: '',
        province: '',
        city: '',
        district: '',
        town: '',
        detail: '',
        ...a?.sender,
      },
      storeCode: a?.storeCode ?? '',
      gatewayUrl: a?.gatewayUrl ?? '',
      active: a?.active ?? true,
    },
    ['carrier', 'cpCode', 'templateUrl', 'sender', 'storeCode', 'gatewayUrl'],
  );
  const [creds, setCreds] = useState({ appKey: '', appSecret: '', sessionKey: '' });
  const [test, setTest] = useState<{ ok: boolean; message: string } | null>(null);
  const [testing, setTesting] = useState(false);
  const [senderErrors, setSenderErrors] = useState<Partial<Record<SenderKey | 'credentials', string>>>({});
  const typed = creds.appKey.trim() || creds.appSecret.trim() || creds.sessionKey.trim();
  const keep = a?.hasCredentials ? t('waybill.accounts.keepStored') : '';
  const setSender = (k: SenderKey, v: string) => form.set('sender', { ...form.values.sender, [k]: v });

  const save = async () => {
    const v = form.values;
    const input = {
      carrier: v.carrier,
      cpCode: v.cpCode,
      templateUrl: v.templateUrl,
      sender: v.sender,
      storeCode: v.storeCode,
      gatewayUrl: v.gatewayUrl,
      active: v.active,
      ...(a && { id: a.id }),
    };
    let failedOn: Record<string, string> = {};
    const saved = await form.submit(async () => {
      const r = await api.call('waybill.accounts.save', input);
      if (!r.ok) {
        failedOn = Object.fromEntries(
          (r.error.issues ?? [])
            .filter((i) => i.path.startsWith('sender.'))
            .map((i) => [i.path.slice(7), i.message]),
        );
        return r;
      }
      if (!typed) return r;
      const c = await api.call('waybill.accounts.setCredentials', {
        id: r.value.id,
        credentials: {
          appKey: creds.appKey.trim(),
          appSecret: creds.appSecret.trim(),
          sessionKey: creds.sessionKey.trim(),
        },
      });
      if (!c.ok) failedOn = { credentials: c.error.message };
      return c.ok ? r : c;
    });
    setSenderErrors(failedOn);
    if (saved) props.onSaved();
  };

  const runTest = async () => {
    setTesting(true);
    setTest(null);
    const r = await api.call('waybill.accounts.test', {
      cpCode: form.values.cpCode,
      gatewayUrl: form.values.gatewayUrl,
      ...(typed
        ? {
            credentials: {
              appKey: creds.appKey.trim(),
              appSecret: creds.appSecret.trim(),
              sessionKey: creds.sessionKey.trim(),
            },
          }
        : { id: a!.id }),
    });
    setTesting(false);
    setTest(r.ok ? r.value : { ok: false, message: r.error.message });
  };
  const canTest = !!form.values.cpCode.trim() && (!!typed || !!a?.hasCredentials) && !testing;
  const credField = (k: keyof typeof creds) => (
    <FormField key={k} label={t(`waybill.accounts.field.${k}`)} hint={k === 'appKey' ? keep : undefined}>
      <input
        type="password"
        value={creds[k]}
        autoComplete="new-password"
        spellCheck={false}
        onChange={(e) => setCreds((c) => ({ ...c, [k]: e.target.value }))}
      />
    </FormField>
  );

  return (
    <form
      className="edit-form"
      aria-label={a ? t('waybill.accounts.edit') : t('waybill.accounts.new')}
      noValidate
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{a ? t('waybill.accounts.edit') : t('waybill.accounts.new')}</h3>
      {form.error && <ErrorBanner error={form.error} onDismiss={() => form.setError(null)} />}
      <div className="form-grid">
        <FormField label={t('waybill.accounts.field.carrier')} error={form.fieldErrors.carrier}>
          <select value={form.values.carrier} onChange={(e) => form.set('carrier', e.target.value)}>
            {props.carriers.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} · {c.name}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('waybill.accounts.field.platform')}>
          <select value="cainiao" disabled>
            <option value="cainiao">{t('waybill.platform.cainiao')}</option>
          </select>
        </FormField>
        <FormField
          label={t('waybill.accounts.field.cpCode')}
          hint={t('waybill.accounts.cpCodeHint')}
          error={form.fieldErrors.cpCode}
        >
          <input
            list="waybill-cp-codes"
            value={form.values.cpCode}
            spellCheck={false}
            onChange={(e) => form.set('cpCode', e.target.value.toUpperCase())}
          />
        </FormField>
        <datalist id="waybill-cp-codes">
          {CP_CODES.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <FormField
          label={t('waybill.accounts.field.templateUrl')}
          hint={t('waybill.accounts.templateHint')}
          error={form.fieldErrors.templateUrl}
          wide
        >
          <input
            value={form.values.templateUrl}
            spellCheck={false}
            placeholder="http://cloudprint.cainiao.com/template/standard/101"
            onChange={(e) => form.set('templateUrl', e.target.value)}
          />
        </FormField>
      </div>
      <fieldset>
        <legend>{t('waybill.accounts.sender')}</legend>
        <div className="form-grid">
          {SENDER.map((k) => (
            <FormField
              key={k}
              label={t(`waybill.accounts.field.sender.${k}`)}
              error={senderErrors[k]}
              wide={k === 'detail'}
            >
              <input value={form.values.sender[k]} onChange={(e) => setSender(k, e.target.value)} />
            </FormField>
          ))}
        </div>
      </fieldset>
      <div className="form-grid">
        <FormField
          label={t('waybill.accounts.field.storeCode')}
          hint={t('waybill.accounts.storeHint')}
          error={form.fieldErrors.storeCode}
        >
          <input value={form.values.storeCode} onChange={(e) => form.set('storeCode', e.target.value)} />
        </FormField>
        <FormField
          label={t('waybill.accounts.field.gatewayUrl')}
          hint={t('waybill.accounts.gatewayHint')}
          error={form.fieldErrors.gatewayUrl}
        >
          <input
            value={form.values.gatewayUrl}
            spellCheck={false}
            placeholder="https://eco.taobao.com/router/rest"
            onChange={(e) => form.set('gatewayUrl', e.target.value)}
          />
        </FormField>
        <label className="check-field">
          <input
            type="checkbox"
            checked={form.values.active}
            onChange={(e) => form.set('active', e.target.checked)}
          />
          {t('waybill.accounts.field.active')}
        </label>
      </div>
      <fieldset disabled={!props.keychain.available}>
        <legend>{t('waybill.accounts.credentials')}</legend>
        <p className="muted small">
          {!props.keychain.available
            ? t('waybill.accounts.noKeychain', { reason: props.keychain.reason ?? '' })
            : a?.hasCredentials
              ? t('waybill.accounts.stored', { backend: a.credentialsBackend })
              : t('waybill.accounts.none')}
        </p>
        {senderErrors.credentials && (
          <div className="field-error" role="alert">
            {senderErrors.credentials}
          </div>
        )}
        <div className="form-grid">{(['appKey', 'appSecret', 'sessionKey'] as const).map(credField)}</div>
      </fieldset>
      <div className="sync-form-test">
        <button type="button" className="btn" disabled={!canTest} onClick={() => void runTest()}>
          {testing ? t('waybill.accounts.testing') : t('waybill.accounts.test')}
        </button>
        {test && (
          <span role="status" className={test.ok ? 'state-good' : 'field-error'}>
            {test.ok ? t('waybill.accounts.testOk') : t('waybill.accounts.testFailed')} {test.message}
          </span>
        )}
      </div>
      <FormActions busy={form.busy} onCancel={props.onCancel} />
    </form>
  );
}
