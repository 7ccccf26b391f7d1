import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Carrier, RateTableRow } from '../../../src-shared/contract/routing.contract';
import { RATE_ZONES } from '../../../src-shared/contract/routing.contract';
import type { AppError } from '../../../src-shared/result';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import { formatMoney } from '../../ui/format';
import { rateIssueText } from './rate-issue-text';

const kg = (grams: number) => `${grams / 1000} kg`;

/**
 * One carrier's rate table as imported (rates.list): per zone, each weight step with the first
 * weight and its price, the additional weight and its price, the remote surcharge and transit
 * days, the way Chinese carriers quote. `version` changes after an import, to read it again.
 */
export function RateTableView({ carriers, version }: { carriers: Carrier[]; version: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const [code, setCode] = useState('');
  const [rows, setRows] = useState<RateTableRow[] | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const shown = code || carriers.find((c) => c.rateRows > 0)?.code || carriers[0]?.code || '';

  useEffect(() => {
    if (!shown) return;
    let current = true;
    void api.call('rates.list', { carrier: shown }).then((r) => {
      if (!current) return;
      setRows(r.ok ? r.value.rows : null);
      setError(r.ok ? null : r.error);
    });
    return () => {
      current = false;
    };
  }, [api, shown, version]);

  if (!carriers.length) return null;
  const zoneName = (zone: string) =>
    (RATE_ZONES as readonly string[]).includes(zone) ? t(`routing.rateTable.zone.${zone}`) : zone;
  return (
    <div className="rate-table">
      <label>
        {t('routing.rateTable.carrier')}
        <select value={shown} onChange={(e) => setCode(e.target.value)}>
          {carriers.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name} ({c.code})
            </option>
          ))}
        </select>
      </label>
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
      {rows && rows.length === 0 && (
        <p className="muted">{t('routing.rateTable.empty', { carrier: shown })}</p>
      )}
      {rows && rows.length > 0 && (
        <table className="data-table" aria-label={t('routing.rateTable.title', { carrier: shown })}>
          <thead>
            <tr>
              <th>{t('routing.rateTable.zoneHead')}</th>
              <th className="num">{t('routing.rateTable.upTo')}</th>
              <th className="num">{t('routing.rateTable.first')}</th>
              <th className="num">{t('routing.rateTable.additional')}</th>
              <th className="num">{t('routing.rateTable.surcharge')}</th>
              <th className="num">{t('routing.rateTable.days')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${r.zone}-${r.maxWeightGrams}`}>
                {/* The zone once, on its first weight step: the steps below belong to it. */}
                <td>{rows[i - 1]?.zone === r.zone ? '' : zoneName(r.zone)}</td>
                <td className="num">{kg(r.maxWeightGrams)}</td>
                <td className="num">
                  {t('routing.rateTable.per', {
                    weight: kg(r.firstWeightGrams),
                    price: formatMoney(r.firstMinor, r.currency),
                  })}
                </td>
                <td className="num">
                  {r.stepGrams > 0
                    ? t('routing.rateTable.per', {
                        weight: kg(r.stepGrams),
                        price: formatMoney(r.stepMinor, r.currency),
                      })
                    : '—'}
                </td>
                <td className="num">{r.surchargeMinor ? formatMoney(r.surchargeMinor, r.currency) : '—'}</td>
                <td className="num">{r.transitDays}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * Why a rate file was refused, one line per file row ("row 3.first_price" from the core becomes
 * row 3, column first_price), so the shop can fix the spreadsheet row by row.
 */
export function RateImportErrors({ error, onDismiss }: { error: AppError; onDismiss(): void }) {
  const { t } = useTranslation();
  const issues = (error.issues ?? []).map((i) => {
    const m = /^row (\d+)\.(.+)$/.exec(i.path);
    return m
      ? { row: m[1] as string, column: m[2] as string, message: i.message }
      : { row: '', column: i.path.replace(/^header\./, ''), message: i.message };
  });
  if (!issues.length) return <ErrorBanner error={error} onDismiss={onDismiss} />;
  return (
    <div className="error-banner" role="alert">
      <strong>{t('routing.rateTable.refused', { count: issues.length })}</strong>
      <table className="data-table">
        <thead>
          <tr>
            <th className="num">{t('routing.rateTable.row')}</th>
            <th>{t('routing.rateTable.column')}</th>
            <th>{t('routing.rateTable.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((i, n) => (
            <tr key={n}>
              <td className="num">{i.row || '—'}</td>
              <td className="mono">{i.column}</td>
              <td>{rateIssueText(t, i.message)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="btn-link" onClick={onDismiss}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}
