import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { PickItem, Wave } from '../../../src-shared/contract/fulfillment.contract';
import { nextStop, remainingOf, slotFill } from './pick-model';
import type { PickStore } from './pick.store';
import { toneOf } from './scan-feedback';

/* The panels around the scan feedback: where to walk next, what a short pick did, the pick list and the totes. */

export function NextStop({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const stop = nextStop(wave);
  if (!stop)
    return (
      <div className="next-stop is-done" role="note">
        {t('picking.scan.waveDone')}
      </div>
    );
  return (
    <div className="next-stop" role="note" aria-label={t('picking.next.label')}>
      <span className="next-label">{t('picking.next.label')}</span>
      <span className="next-bin">{stop.bin ?? t('picking.noBin')}</span>
      <span className="next-items">{stop.items.map((p) => `${remainingOf(p)} × ${p.sku}`).join(' · ')}</span>
    </div>
  );
}

export function ShortOutcome({ store }: { store: PickStore }) {
  const { t } = useTranslation();
  const short = useStore(store, (s) => s.short);
  if (!short) return null;
  return (
    <div className="short-outcome" role="status">
      <strong>{t('picking.short.outcome', { sku: short.sku, found: short.found })}</strong>
      <p>
        {t('picking.short.writtenOff', {
          units: short.shortage.writtenOff,
          bin: short.shortage.bin ?? t('picking.noBin'),
        })}
      </p>
      {short.released.length === 0 ? (
        <p>{t('picking.short.noneReleased')}</p>
      ) : (
        <ul>
          {short.released.map((r) => (
            <li key={r.orderId} data-outcome={r.outcome}>
              {t('picking.short.released', { slot: r.slot, order: r.externalId, tote: r.tote })}{' '}
              <strong>
                {t(`picking.short.then.${r.outcome}`, { warehouse: r.warehouse, carrier: r.carrier })}
              </strong>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn-link" onClick={() => store.getState().dismiss()}>
        {t('common.dismiss')}
      </button>
    </div>
  );
}

export function ScanLog({ store }: { store: PickStore }) {
  const { t } = useTranslation();
  const scans = useStore(store, (s) => s.scans);
  if (scans.length < 2) return null;
  return (
    <details className="scan-log">
      <summary>{t('picking.scan.log', { count: scans.length })}</summary>
      <ol>
        {scans.map((s) => (
          <li key={s.seq} className={`tone-${toneOf(s)}`}>
            <code>{s.code}</code>
            {s.quantity > 1 && ` ×${s.quantity}`} ·{' '}
            {t(`picking.scan.kind_${s.refused ? 'refused' : s.verdict.kind}`)}
            {!s.confirmed && ` · ${t('picking.scan.checking')}`}
          </li>
        ))}
      </ol>
    </details>
  );
}

export function PickListPanel(props: { store: PickStore; wave: Wave; onShort(p: PickItem): void }) {
  const { t } = useTranslation();
  const currentBin = useStore(props.store, (s) => s.currentBin);
  const { wave } = props;
  return (
    <section className="pick-panel" aria-labelledby="pick-list-title">
      <h2 id="pick-list-title">{t('picking.list.title')}</h2>
      <ol className="pick-list">
        {wave.pickList.map((p) => {
          const left = remainingOf(p);
          return (
            <li
              key={p.sku}
              data-sku={p.sku}
              className={`pick-item${left === 0 ? ' is-done' : ''}${p.bin && p.bin === currentBin ? ' is-here' : ''}`}
            >
              <span className="pick-bin">{p.bin ?? t('picking.noBin')}</span>
              <span className="pick-sku">
                <strong>{p.sku}</strong> <span className="muted">{p.title}</span>
                <span className="pick-slots">
                  {p.slots
                    .map((s) => t('picking.list.slotShare', { slot: s.slot, qty: s.quantity }))
                    .join('  ')}
                </span>
              </span>
              <span className="pick-count" aria-label={t('picking.list.countLabel', { sku: p.sku })}>
                {p.picked}/{p.required}
              </span>
              {left > 0 && (
                <button type="button" className="btn btn-short" onClick={() => props.onShort(p)}>
                  {t('picking.short.button')}
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <p className="muted small">
        {t('picking.list.totals', {
          skus: wave.pickList.length,
          units: wave.progress.required,
        })}
      </p>
    </section>
  );
}

export function TotesPanel({ wave }: { wave: Wave }) {
  const { t } = useTranslation();
  const fill = slotFill(wave);
  return (
    <section className="pick-panel" aria-labelledby="totes-title">
      <h2 id="totes-title">{t('picking.totes.title')}</h2>
      <ul className="tote-grid">
        {wave.orders.map((o) => {
          const f = fill.get(o.slot) ?? { put: 0, need: 0 };
          const full = !o.removed && f.need > 0 && f.put >= f.need;
          return (
            <li
              key={o.orderId}
              className={`tote${o.removed ? ' is-removed' : full ? ' is-full' : ''}`}
              data-slot={o.slot}
            >
              <span className="tote-slot">{o.slot}</span>
              <span className="tote-body">
                <span className="mono">{o.tote}</span>
                <span className="muted small">{o.externalId}</span>
                <span className="small">
                  {o.removed
                    ? t('picking.totes.removed')
                    : o.lines.map((l) => `${l.quantity}×${l.sku}`).join(', ')}
                </span>
              </span>
              <span className="tote-fill">{o.removed ? '—' : `${f.put}/${f.need}`}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
