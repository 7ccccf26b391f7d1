import { useTranslation } from 'react-i18next';
import type { Wave } from '../../../src-shared/contract/fulfillment.contract';
import { issueText } from '../../i18n/error-text';
import { refusalText } from './pick-refusal';
import type { ScanEntry } from './pick.store';

type Tone = 'ok' | 'bin' | 'warn' | 'error';

export const toneOf = (e: ScanEntry): Tone =>
  e.refused
    ? 'error'
    : e.verdict.kind === 'item'
      ? 'ok'
      : e.verdict.kind === 'bin'
        ? 'bin'
        : e.verdict.kind === 'empty_bin'
          ? 'warn'
          : 'error';

/**
 * The answer to the last scan, big enough to read from the cart: which slot (tote) the item goes
 * into, what to take from a bin, or a red refusal. Shown from the screen's own reading at once and
 * corrected in place when the core answers.
 */
export function ScanFeedback(props: { entry: ScanEntry | undefined; wave: Wave; currentBin: string | null }) {
  const { entry, wave, currentBin } = props;
  const { t } = useTranslation();
  const tote = (slot: number) => wave.orders.find((o) => o.slot === slot)?.tote ?? '';
  if (!entry)
    return (
      <div className="scan-feedback tone-idle" role="status" aria-live="assertive">
        <div className="fb-head">
          {wave.progress.done ? t('picking.scan.waveDone') : t('picking.scan.idle')}
        </div>
      </div>
    );
  const v = entry.verdict;
  const tone = toneOf(entry);
  return (
    <div
      className={`scan-feedback tone-${tone}`}
      role="status"
      aria-live="assertive"
      data-tone={tone}
      data-seq={entry.seq}
      data-confirmed={entry.confirmed}
    >
      {!entry.confirmed && <span className="fb-pending">{t('picking.scan.checking')}</span>}
      {entry.refused ? (
        <>
          <div className="fb-head">
            {v.kind === 'item' || v.kind === 'over_pick'
              ? t('picking.scan.refusedItem', { sku: v.sku })
              : t('picking.scan.wrong', { code: entry.code })}
          </div>
          <div className="fb-detail">
            {refusalText(t, entry.refused.message) ?? issueText(t, entry.refused.message)}
          </div>
        </>
      ) : v.kind === 'item' ? (
        <>
          <div className="fb-slots">
            {v.slots.map((s) => (
              <div key={s.slot} className="fb-slot">
                <span className="fb-slot-label">{t('picking.scan.slot')}</span>
                <span className="fb-slot-no" data-slot={s.slot}>
                  {s.slot}
                </span>
                <span className="fb-slot-qty">
                  ×{s.quantity} · {tote(s.slot)}
                </span>
              </div>
            ))}
          </div>
          <div className="fb-detail">
            <strong>{v.sku}</strong> {v.title} ·{' '}
            {t('picking.scan.count', { picked: v.picked, required: v.required })}
          </div>
          <ItemBin bin={wave.pickList.find((p) => p.sku === v.sku)?.bin ?? null} currentBin={currentBin} />
        </>
      ) : v.kind === 'bin' ? (
        <>
          <div className="fb-head">{t('picking.scan.bin', { bin: v.bin })}</div>
          <ul className="fb-take">
            {v.items.map((i) => (
              <li key={i.sku}>
                <strong>{i.remaining} ×</strong> {i.sku} <span className="muted">{i.title}</span>
              </li>
            ))}
          </ul>
        </>
      ) : v.kind === 'empty_bin' ? (
        <div className="fb-head">{t('picking.scan.emptyBin', { bin: v.bin })}</div>
      ) : v.kind === 'over_pick' ? (
        <>
          <div className="fb-head">{t('picking.scan.overPick', { sku: v.sku })}</div>
          <div className="fb-detail">{t('picking.scan.overPickDetail', { required: v.required })}</div>
        </>
      ) : (
        <>
          <div className="fb-head">{t('picking.scan.wrong', { code: v.code })}</div>
          <div className="fb-detail">{t('picking.scan.wrongDetail')}</div>
        </>
      )}
    </div>
  );
}

/** Where the item lives, and a nudge when it is not the bin the picker scanned last. */
function ItemBin({ bin, currentBin }: { bin: string | null; currentBin: string | null }) {
  const { t } = useTranslation();
  if (!bin) return null;
  const elsewhere = currentBin !== null && currentBin !== bin;
  return (
    <div className={`fb-bin${elsewhere ? ' is-elsewhere' : ''}`}>
      {elsewhere
        ? t('picking.scan.otherBin', { bin, current: currentBin })
        : t('picking.scan.fromBin', { bin })}
    </div>
  );
}
