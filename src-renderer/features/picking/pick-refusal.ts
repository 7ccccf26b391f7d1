import type { TFunction } from 'i18next';

/**
 * The picking core refuses a scan in English (picking.service). Its three refusals carry what the
 * picker needs (which SKU, how many the wave needs, how many are picked), so they are read back
 * into the screen's language instead of showing English on a Chinese floor. Null: not one of them.
 */
const REFUSALS: [RegExp, (m: Record<string, string>) => [string, Record<string, string | number>]][] = [
  [/^(?<sku>\S+) \((?<title>.*)\) is not in wave (?<wave>\d+)$/, (m) => ['picking.refusal.notInWave', m]],
  [
    /^Over-pick: wave (?<wave>\d+) needs (?<required>\d+) × (?<sku>\S+) and (?<picked>\d+) are already picked/,
    (m) =>
      Number(m.picked) >= Number(m.required)
        ? ['picking.refusal.overPickBack', m]
        : ['picking.refusal.overPickMore', { ...m, more: Number(m.required) - Number(m.picked) }],
  ],
  [
    /^barcode: "(?<code>.*)" is neither a product barcode nor a bin of (?<warehouse>.+)$/,
    (m) => ['picking.refusal.unknownCode', m],
  ],
];

export function refusalText(t: TFunction, message: string): string | null {
  for (const [re, toKey] of REFUSALS) {
    const groups = re.exec(message)?.groups;
    if (!groups) continue;
    const [key, values] = toKey(groups);
    return t(key, values);
  }
  return null;
}
