import { useTranslation } from 'react-i18next';

/**
 * A select's warehouse choices, shown as "上海仓 (SH)" everywhere in inventory. A warehouse
 * switched off in settings says so: it takes no receipts or transfers in, but its stock can still
 * be seen, counted and moved out.
 */
export function WarehouseOptions({
  warehouses,
}: {
  warehouses: readonly { code: string; name: string; active?: boolean }[];
}) {
  const { t } = useTranslation();
  return (
    <>
      {warehouses.map((w) => (
        <option key={w.code} value={w.code}>
          {w.name} ({w.code}){w.active === false ? ` · ${t('inventory.warehouseOff')}` : ''}
        </option>
      ))}
    </>
  );
}
