import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { OpOutput } from '../../../src-shared/contract';
import type { Allocation } from '../../../src-shared/contract/routing.contract';
import { useApi } from '../../api/api-context';
import { formatMoney } from '../../ui/format';
import { routingClauseText } from './routing-reason-text';

type Explain = OpOutput<'routing.explain'>;

/**
 * The decision in the UI language, from the same facts the table shows. The core's reasons are
 * English lines that repeat the table; they are the detail of exceptions and splits only, read
 * back into the UI language (routing-reason-text.ts).
 * A backorder names what is still missing at its warehouse (need − available), not the whole line.
 */
function decisionText(t: TFunction, a: Allocation): string | null {
  if (a.outcome === 'allocated' && a.warehouse && a.carrier) {
    const ready = a.alternatives.filter((o) => o.inStock && o.carrier).length;
    const why = t(ready > 1 ? 'routing.explain.whyCheapest' : 'routing.explain.whyOnly');
    return t('routing.explain.chose', { warehouse: a.warehouse, carrier: a.carrier, why });
  }
  const at = a.outcome === 'backordered' && a.alternatives.find((o) => o.warehouse === a.warehouse);
  if (!at || at.short.length === 0) return null;
  const items = at.short.map((s) => `${s.need - s.available} × ${s.sku}`).join(t('routing.explain.listJoin'));
  return t('routing.explain.waiting', { warehouse: at.warehouse, items });
}

/**
 * Why an order went to its warehouse and carrier: every warehouse considered with its cost.
 * Meant for the order drawer: `<AllocationExplain orderId={order.id} />`.
 */
export function AllocationExplain({ orderId }: { orderId: number }) {
  const { t } = useTranslation();
  const api = useApi();
  const [data, setData] = useState<Explain | null>(null);

  useEffect(() => {
    let current = true;
    const load = async () => {
      const r = await api.call('routing.explain', { id: orderId });
      if (current && r.ok) setData(r.value);
    };
    void load();
    const off = api.on('orders.changed', ({ ids }) => {
      if (ids.includes(orderId)) void load();
    });
    return () => {
      current = false;
      off();
    };
  }, [api, orderId]);

  if (!data) return null;
  const a = data.latest;
  const decision = a ? decisionText(t, a) : null;
  return (
    <div className="allocation-explain">
      {!a ? (
        <p className="muted small">{t('routing.explain.none')}</p>
      ) : (
        <>
          <p>
            <strong>{t(`routing.outcome.${a.outcome}`)}</strong>
            {a.warehouse && ` · ${a.warehouse}`}
            {a.carrier && ` · ${a.carrier}`}
            {a.shippingMinor !== null &&
              ` · ${formatMoney(a.shippingMinor + (a.handlingMinor ?? 0), a.currency)}`}
          </p>
          {a.alternatives.length > 0 && (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th>{t('inventory.col.warehouse')}</th>
                  <th>{t('routing.explain.stock')}</th>
                  <th>{t('routing.explain.carrier')}</th>
                  <th className="num">{t('routing.explain.cost')}</th>
                  <th className="num">{t('routing.explain.days')}</th>
                </tr>
              </thead>
              <tbody>
                {a.alternatives.map((o) => (
                  <tr key={o.warehouse} className={o.warehouse === a.warehouse ? 'chosen' : undefined}>
                    <td className="mono">{o.warehouse}</td>
                    <td>
                      {o.inStock
                        ? t('routing.explain.inStock')
                        : t('routing.explain.short', {
                            skus: o.short.map((s) => `${s.sku} ${s.available}/${s.need}`).join(', '),
                          })}
                    </td>
                    <td title={o.note ?? undefined}>{o.carrier ?? t('routing.explain.noCarrier')}</td>
                    <td className="num">
                      {o.totalMinor !== null ? formatMoney(o.totalMinor, a.currency) : '—'}
                    </td>
                    <td className="num">{o.transitDays ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {decision ? (
            <p className="allocation-decision">{decision}</p>
          ) : (
            <ul className="reasons">
              {a.reasons.map((r, i) => (
                <li key={i}>{routingClauseText(t, r)}</li>
              ))}
            </ul>
          )}
        </>
      )}
      {data.links.map((l) => (
        <p key={`${l.kind}-${l.direction}-${l.orderId}`} className="small">
          {t(`routing.link.${l.kind}.${l.direction}`, { id: l.orderId })}
        </p>
      ))}
    </div>
  );
}
