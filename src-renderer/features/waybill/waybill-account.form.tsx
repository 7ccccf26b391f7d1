import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier } from '../../../src-shared/contract/routing.contract';
import {
  WAYBILL_ACCOUNT_PLATFORMS,
  type WaybillAccount,
} from '../../../src-shared/contract/waybill.contract';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { FormActions } from '../../ui/form-actions';
import { FormField } from '../../ui/form-field';
import { keychainReasonText } from '../channels-sync/keychain-reason-text';
import { useSaveForm } from '../settings/use-save-form';

const SENDER = ['name', 'mobile', 'phone', 'province', 'city', 'district', 'town', 'detail'] as const;
type SenderKey = (typeof SENDER)[number];

type Platform = WaybillAccount['platform'];

interface Values {
  [key: string]: unknown;
  carrier: string;
  platform: Platform;
  cpCode: string;
  templateUrl: string;
  sender: Record<SenderKey, string>;
  storeCode: string;
  gatewayUrl: string;
  active: boolean;
}

const CP_CODES = ['ZTO', 'YTO', 'STO', 'YUNDA', 'SF', 'EMS', 'JT', 'DBKD', 'JD'];

/** Texts that differ per platform: Pinduoduo's and Douyin's own names (wp_code, logistics_code…). */
type PlatformText =
  'cpCode' | 'cpCodeHint' | 'templateHint' | 'gatewayHint' | 'none' | 'appKey' | 'appSecret' | 'sessionKey';
const PLACEHOLDER: Record<Platform, { template: string; gateway: string }> = {
  cainiao: {
    template: 'http://cloudprint.cainiao.com/template/standard/101',
    gateway: 'https://eco.taobao.com/router/rest',
  },
  pdd: { template: '', gateway: 'https://gw-api.pinduoduo.com/api/router' },
  douyin: { template: '', gateway: 'https://openapi-fxg.jinritemai.com' },
};

/**
 * One carrier's e-waybill account on one platform (Cainiao for most orders, Pinduoduo for PDD
 * orders, Douyin for Douyin orders). The platform is chosen when the account is added and fixed
 * afterwards (the stored credentials are that platform's). The credentials — Cainiao's app key,
 * secret and session key, Pinduoduo's client ID, client secret and access token, Douyin's app
 * key, app secret and access token — are write-only: they start empty (the
 * core never sends them back) and left empty keep what is stored. "Test connection" checks the
 * typed values (or the stored ones) against the platform without saving anything.
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
      platform: a?.platform ?? 'cainiao',
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
    ['carrier', 'platform', 'cpCode', 'templateUrl', 'sender', 'storeCode', 'gatewayUrl'],
  );
  const platform = form.values.platform;
  /** The platform's wording of a text (Pinduoduo and Douyin override some of Cainiao's). */
  const pt = (key: PlatformText) =>
    platform !== 'cainiao'
      ? t(`waybill.accounts.${platform}.${key}`)
      : t(
          key === 'cpCode' || key.startsWith('app') || key === 'sessionKey'
            ? `waybill.accounts.field.${key}`
            : `waybill.accounts.${key}`,
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
      platform: v.platform,
      cpCode: v.cpCode,
      templateUrl: v.templateUrl,
      sender: v.sender,
      // The store code is Cainiao's (warehouse accounts); Pinduoduo and Douyin have none.
      storeCode: v.platform === 'cainiao' ? v.storeCode : '',
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
      platform,
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
    <FormField key={k} label={pt(k)} hint={k === 'appKey' ? keep : undefined}>
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
        <FormField
          label={t('waybill.accounts.field.platform')}
          hint={a ? t('waybill.accounts.platformFixed') : t('waybill.accounts.platformHint')}
          error={form.fieldErrors.platform}
        >
          <select
            value={platform}
            disabled={!!a}
            onChange={(e) => {
              form.set('platform', e.target.value as Platform);
              setTest(null);
            }}
          >
            {WAYBILL_ACCOUNT_PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {t(`waybill.platform.${p}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={pt('cpCode')} hint={pt('cpCodeHint')} error={form.fieldErrors.cpCode}>
          <input
            list={platform === 'douyin' ? undefined : 'waybill-cp-codes'}
            value={form.values.cpCode}
            spellCheck={false}
            // Douyin's logistics_code is kept as typed (see waybill.contract platformCase).
            onChange={(e) =>
              form.set('cpCode', platform === 'douyin' ? e.target.value : e.target.value.toUpperCase())
            }
          />
        </FormField>
        <datalist id="waybill-cp-codes">
          {CP_CODES.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <FormField
          label={t('waybill.accounts.field.templateUrl')}
          hint={pt('templateHint')}
          error={form.fieldErrors.templateUrl}
          wide
        >
          <input
            value={form.values.templateUrl}
            spellCheck={false}
            placeholder={PLACEHOLDER[platform].template}
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
        {platform === 'cainiao' && (
          <FormField
            label={t('waybill.accounts.field.storeCode')}
            hint={t('waybill.accounts.storeHint')}
            error={form.fieldErrors.storeCode}
          >
            <input value={form.values.storeCode} onChange={(e) => form.set('storeCode', e.target.value)} />
          </FormField>
        )}
        <FormField
          label={t('waybill.accounts.field.gatewayUrl')}
          hint={pt('gatewayHint')}
          error={form.fieldErrors.gatewayUrl}
        >
          <input
            value={form.values.gatewayUrl}
            spellCheck={false}
            placeholder={PLACEHOLDER[platform].gateway}
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
            ? t('waybill.accounts.noKeychain', { reason: keychainReasonText(t, props.keychain.reason) })
            : a?.hasCredentials
              ? t('waybill.accounts.stored', { backend: a.credentialsBackend })
              : pt('none')}
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
