import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier, RoutingConfig } from '../../../src-shared/contract/routing.contract';
import { ROUTING_REGIONS } from '../../../src-shared/contract/routing.contract';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { formatMajor, parseMajor } from '../../../src-shared/domain/money';
import { RateImportErrors, RateTableView } from './rate-table.view';

const CAPABILITIES = ['coldChain', 'freight', 'batteryAllowed', 'cod'] as const;
type CarrierDraft = Pick<
  Carrier,
  'code' | 'name' | 'mode' | 'volumetricDivisor' | (typeof CAPABILITIES)[number]
>;
const emptyCarrier: CarrierDraft = {
  code: '',
  name: '',
  mode: 'ground',
  volumetricDivisor: 6000,
  coldChain: false,
  freight: false,
  batteryAllowed: false,
  cod: false,
};

/** 自动分仓与物流匹配: carriers and their rate tables, region → warehouse preferences, splits and the delivery promise. */
export function RoutingSettingsView() {
  const { t } = useTranslation();
  const api = useApi();
  const [carriers, setCarriers] = useState<Carrier[]>([]);
  const [config, setConfig] = useState<RoutingConfig | null>(null);
  const [draft, setDraft] = useState<CarrierDraft>(emptyCarrier);
  const [csv, setCsv] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A refused rate file is listed row by row under the import, not in the page banner.
  const [rateError, setRateError] = useState<AppError | null>(null);
  const [ratesVersion, setRatesVersion] = useState(0);

  const load = useCallback(async () => {
    const [c, g] = await Promise.all([api.call('carriers.list', {}), api.call('routing.config.get', {})]);
    if (c.ok) setCarriers(c.value.rows);
    else setError(c.error);
    if (g.ok) setConfig(g.value);
    else setError(g.error);
  }, [api]);
  useEffect(() => void load(), [load]);

  const done = (r: { ok: boolean; error?: AppError }, message: string): boolean => {
    if (!r.ok) {
      setError(r.error ?? null);
      setNotice(null);
      return false;
    }
    setError(null);
    setNotice(message);
    void load();
    return true;
  };

  const saveCarrier = async (e: FormEvent) => {
    e.preventDefault();
    if (done(await api.call('carriers.save', draft), t('routing.settings.saved'))) setDraft(emptyCarrier);
  };
  const importRates = async () => {
    const r = await api.call('rates.import', { csv });
    setRateError(r.ok ? null : r.error);
    if (!r.ok) return setNotice(null);
    setRatesVersion((v) => v + 1);
    if (
      done(
        r,
        r.ok
          ? t('routing.settings.imported', { rows: r.value.imported, carriers: r.value.carriers.join(', ') })
          : '',
      )
    )
      setCsv('');
  };
  const saveConfig = async () =>
    config && done(await api.call('routing.config.save', config), t('routing.settings.saved'));
  const regionWarehouses = (region: string) =>
    config?.regions.find((r) => r.region === region)?.warehouses.join(', ') ?? '';
  const setRegion = (region: (typeof ROUTING_REGIONS)[number], text: string) =>
    config &&
    setConfig({
      ...config,
      regions: [
        ...config.regions.filter((r) => r.region !== region),
        { region, warehouses: text.split(/[,，\s]+/).filter(Boolean) },
      ].filter((r) => r.warehouses.length),
    });

  return (
    <div className="routing-settings">
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {notice && <p className="notice">{notice}</p>}
      <section>
        <h2>{t('routing.settings.carriers')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('routing.settings.code')}</th>
              <th>{t('routing.settings.name')}</th>
              <th>{t('routing.settings.mode')}</th>
              <th>{t('routing.settings.capabilities')}</th>
              <th className="num">{t('routing.settings.divisor')}</th>
              <th className="num">{t('routing.settings.rateRows')}</th>
            </tr>
          </thead>
          <tbody>
            {carriers.map((c) => (
              <tr key={c.code}>
                <td className="mono">{c.code}</td>
                <td>{c.name}</td>
                <td>{t(`routing.settings.${c.mode}`)}</td>
                <td>
                  {CAPABILITIES.filter((k) => c[k])
                    .map((k) => t(`routing.settings.${k}`))
                    .join(' · ') || '—'}
                </td>
                <td className="num">{c.volumetricDivisor}</td>
                <td className="num">
                  {c.rateRows || <span className="muted">{t('routing.settings.noRates')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <form className="stock-form-grid" onSubmit={(e) => void saveCarrier(e)}>
          <label>
            {t('routing.settings.code')}
            <input
              value={draft.code}
              onChange={(e) => setDraft({ ...draft, code: e.target.value })}
              required
            />
          </label>
          <label>
            {t('routing.settings.name')}
            <input
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
              required
            />
          </label>
          <label>
            {t('routing.settings.mode')}
            <select
              value={draft.mode}
              onChange={(e) => setDraft({ ...draft, mode: e.target.value as 'ground' | 'air' })}
            >
              <option value="ground">{t('routing.settings.ground')}</option>
              <option value="air">{t('routing.settings.air')}</option>
            </select>
          </label>
          <label>
            {t('routing.settings.divisor')}
            <input
              value={draft.volumetricDivisor}
              inputMode="numeric"
              onChange={(e) => setDraft({ ...draft, volumetricDivisor: Number(e.target.value) || 0 })}
            />
          </label>
          {CAPABILITIES.map((k) => (
            <label key={k} className="checkbox">
              <input
                type="checkbox"
                checked={draft[k]}
                onChange={(e) => setDraft({ ...draft, [k]: e.target.checked })}
              />
              {t(`routing.settings.${k}`)}
            </label>
          ))}
          <div className="form-actions">
            <button type="submit" className="btn">
              {t('routing.settings.saveCarrier')}
            </button>
          </div>
        </form>
      </section>
      <section>
        <h2>{t('routing.settings.rates')}</h2>
        <p className="muted small">{t('routing.settings.ratesHelp')}</p>
        <textarea
          className="mono"
          rows={6}
          value={csv}
          onChange={(e) => setCsv(e.target.value)}
          aria-label={t('routing.settings.rates')}
        />
        <div className="form-actions">
          <input
            type="file"
            accept=".csv,text/csv"
            aria-label={t('routing.settings.file')}
            onChange={(e) => void e.target.files?.[0]?.text().then(setCsv)}
          />
          <button type="button" className="btn" disabled={!csv.trim()} onClick={() => void importRates()}>
            {t('routing.settings.import')}
          </button>
        </div>
        {rateError && <RateImportErrors error={rateError} onDismiss={() => setRateError(null)} />}
        <RateTableView carriers={carriers} version={ratesVersion} />
      </section>
      {config && (
        <section>
          <h2>{t('routing.settings.preferences')}</h2>
          <div className="stock-form-grid">
            {ROUTING_REGIONS.map((region) => (
              <label key={region}>
                {t(`routing.region.${region}`)}
                <input
                  defaultValue={regionWarehouses(region)}
                  placeholder="SH, GZ"
                  onBlur={(e) => setRegion(region, e.target.value)}
                />
              </label>
            ))}
            {config.handling.map((h, i) => (
              <label key={h.warehouse}>
                {t('routing.settings.handling', { warehouse: h.warehouse })}
                <input
                  defaultValue={formatMajor(h.handlingMinor, 'CNY')}
                  inputMode="decimal"
                  onBlur={(e) => {
                    let minor: number;
                    try {
                      minor = parseMajor(e.target.value, 'CNY');
                    } catch {
                      return setError({
                        code: 'invalid_input',
                        message: t('routing.settings.badAmount', { value: e.target.value }),
                      });
                    }
                    if (minor >= 0)
                      setConfig({
                        ...config,
                        handling: config.handling.map((x, j) =>
                          j === i ? { ...x, handlingMinor: minor } : x,
                        ),
                      });
                  }}
                />
              </label>
            ))}
            <label>
              {t('routing.settings.promiseDays')}
              <input
                value={config.promiseDays}
                inputMode="numeric"
                onChange={(e) => setConfig({ ...config, promiseDays: Number(e.target.value) || 0 })}
              />
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={config.allowSplit}
                onChange={(e) => setConfig({ ...config, allowSplit: e.target.checked })}
              />
              {t('routing.settings.allowSplit')}
            </label>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={config.autoMerge}
                onChange={(e) => setConfig({ ...config, autoMerge: e.target.checked })}
              />
              {t('routing.settings.autoMerge')}
            </label>
          </div>
          <div className="form-actions">
            <button type="button" className="btn btn-primary" onClick={() => void saveConfig()}>
              {t('common.save')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}
