import { useTranslation } from 'react-i18next';
import type { ScreenId } from './screens';

/** Screens not built yet say plainly what they will do, rather than showing made-up data. */
export function PlaceholderPage({ screen }: { screen: Exclude<ScreenId, 'orders' | 'settings'> }) {
  const { t } = useTranslation();
  const points = t(`placeholder.${screen}.points`, { returnObjects: true }) as unknown;
  return (
    <div className="placeholder-page">
      <div className="page-head">
        <h1>{t(`nav.${screen}`)}</h1>
      </div>
      <div className="placeholder-panel">
        <p className="placeholder-lead">
          {t('placeholder.arrives', { capability: t(`placeholder.${screen}.capability`) })}
        </p>
        <p>{t(`placeholder.${screen}.what`)}</p>
        {Array.isArray(points) && (
          <ul>
            {points.map((p, i) => (
              <li key={i}>{String(p)}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
