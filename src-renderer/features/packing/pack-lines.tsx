import { useTranslation } from 'react-i18next';
import type { PackLine } from './pack-judge';

/** Expected against scanned, one row per SKU: done rows turn green, short ones stay marked. */
export function PackLines({ lines }: { lines: PackLine[] }) {
  const { t } = useTranslation();
  return (
    <table className="pack-lines">
      <thead>
        <tr>
          <th>{t('packing.sku')}</th>
          <th>{t('packing.item')}</th>
          <th className="num">{t('packing.scanned')}</th>
          <th className="num">{t('packing.expected')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => {
          const state = l.scanned >= l.expected ? 'done' : l.scanned > 0 ? 'part' : 'todo';
          return (
            <tr key={l.sku} className={`pack-line-${state}`} data-sku={l.sku}>
              <td className="mono">{l.sku}</td>
              <td>{l.title}</td>
              <td className="num pack-count">{l.scanned}</td>
              <td className="num pack-count">{l.expected}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
