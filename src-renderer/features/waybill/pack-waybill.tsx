import { useTranslation } from 'react-i18next';
import { useOrderWaybill, WaybillState } from './order-waybill.section';

/**
 * The packing bench's e-waybill line for the open order: ready (the platform's label prints at
 * "pack complete"), still coming (it prints by itself when it arrives) or refused. Display only,
 * so the scanner keeps its focus.
 */
export function PackWaybill({ orderId }: { orderId: number }) {
  const { t } = useTranslation();
  const { view } = useOrderWaybill(orderId);
  if (!view?.platformLabel) return null;
  const state = view.current?.state ?? 'none';
  const tone = state === 'active' ? 'pack-weight-ok' : state === 'failed' ? 'pack-weight-off' : '';
  return (
    <div className={`pack-waybill ${tone}`} aria-label={t('waybill.title')} role="group">
      <strong>
        {view.current?.accountMissing
          ? t('waybill.bench.noAccount', {
              carrier: view.carrier ?? '',
              platform: t(`waybill.platform.${view.current.platform}`),
            })
          : t(`waybill.bench.${state}`, { carrier: view.carrier ?? '' })}
      </strong>
      <WaybillState view={view} />
    </div>
  );
}
