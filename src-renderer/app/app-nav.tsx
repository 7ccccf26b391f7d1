import { useTranslation } from 'react-i18next';
import { SCREENS, type ScreenId } from './screens';
import { useOpenAlerts } from './use-open-alerts';

export function AppNav({ current, go }: { current: ScreenId; go(id: ScreenId): void }) {
  const { t } = useTranslation();
  const alerts = useOpenAlerts(current);
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {SCREENS.map((s, i) => (
          <li key={s.id}>
            <a
              href={`#/${s.id}`}
              aria-current={current === s.id ? 'page' : undefined}
              title={t('nav.shortcut', { n: i + 1, key: s.key })}
              onClick={(e) => {
                e.preventDefault();
                go(s.id);
              }}
            >
              <span className="nav-icon" aria-hidden="true">
                {s.icon}
              </span>
              <span className="nav-label">{t(`nav.${s.id}`)}</span>
              {s.id === 'inventory' && alerts > 0 && (
                <span className="nav-badge" title={t('nav.alerts', { count: alerts })}>
                  <span aria-hidden="true">{alerts}</span>
                  <span className="sr-only">{t('nav.alerts', { count: alerts })}</span>
                </span>
              )}
              <kbd className="nav-kbd" aria-hidden="true">
                {i + 1}
              </kbd>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
