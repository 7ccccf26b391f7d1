/** A select's warehouse choices, shown as "上海仓 (SH)" everywhere in inventory. */
export function WarehouseOptions({ warehouses }: { warehouses: readonly { code: string; name: string }[] }) {
  return (
    <>
      {warehouses.map((w) => (
        <option key={w.code} value={w.code}>
          {w.name} ({w.code})
        </option>
      ))}
    </>
  );
}
