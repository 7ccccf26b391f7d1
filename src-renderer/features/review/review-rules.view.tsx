import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import type { AppError } from '../../../src-shared/result';
import { createRulesStore } from './review-rules.store';
import { RuleEditorForm } from './rule-editor.form';

/** The rule list in evaluation order, with the editor for the rule being changed. */
export function ReviewRulesView() {
  const { t } = useTranslation();
  const api = useApi();
  const store = useMemo(() => createRulesStore(api), [api]);
  const s = useStore(store);
  useEffect(() => void store.getState().load(), [store]);

  return (
    <section className="review-rules" aria-label={t('review.rules.title')}>
      <HomeProvince />
      <div className="section-head">
        <h2>{t('review.rules.title')}</h2>
        <button type="button" className="btn" onClick={() => s.edit(null)}>
          {t('review.rules.new')}
        </button>
      </div>
      <p className="muted small">{t('review.rules.how')}</p>
      {s.error && !s.draft && <ErrorBanner error={s.error} />}
      <table className="data-table">
        <thead>
          <tr>
            <th className="num">#</th>
            <th>{t('review.rules.name')}</th>
            <th>{t('review.rules.enabled')}</th>
            <th className="num">{t('review.rules.priority')}</th>
            <th>{t('review.rules.then')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {s.rules.map((r, i) => (
            <tr key={r.id}>
              <td className="num">{r.position}</td>
              <td>{r.name}</td>
              <td>
                <input
                  type="checkbox"
                  aria-label={t('review.rules.enableRule', { name: r.name })}
                  checked={r.enabled}
                  onChange={() => void s.toggle(r)}
                />
              </td>
              <td className="num">{r.priority}</td>
              <td className="small">{r.actions.map((a) => t(`review.action.${a.type}`)).join(', ')}</td>
              <td className="actions">
                <button
                  type="button"
                  className="btn-link"
                  disabled={i === 0}
                  aria-label={t('review.rules.up', { name: r.name })}
                  onClick={() => void s.move(r.id, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="btn-link"
                  disabled={i === s.rules.length - 1}
                  aria-label={t('review.rules.down', { name: r.name })}
                  onClick={() => void s.move(r.id, 1)}
                >
                  ↓
                </button>
                <button type="button" className="btn-link" onClick={() => s.edit(r)}>
                  {t('common.edit')}
                </button>
                <button
                  type="button"
                  className="btn-link"
                  onClick={() => {
                    if (window.confirm(t('review.rules.confirmDelete', { name: r.name })))
                      void s.remove(r.id);
                  }}
                >
                  {t('review.rules.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <RuleEditorForm store={store} />
    </section>
  );
}

/** Which province counts as "local" for the distance field. */
function HomeProvince() {
  const { t } = useTranslation();
  const api = useApi();
  const [value, setValue] = useState('');
  const [effective, setEffective] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  useEffect(() => {
    void api.call('review.settings.get', {}).then((r) => {
      if (r.ok) {
        setValue(r.value.homeProvince);
        setEffective(r.value.effectiveHomeProvince);
      }
    });
  }, [api]);
  const save = async () => {
    const r = await api.call('review.settings.save', { homeProvince: value });
    if (r.ok) {
      setEffective(r.value.effectiveHomeProvince);
      setError(null);
    } else setError(r.error);
  };
  return (
    <form
      className="home-province"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        {t('review.home.label')}
        <input value={value} placeholder={effective} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit" className="btn">
        {t('common.save')}
      </button>
      <span className="muted small">
        {effective ? t('review.home.effective', { province: effective }) : t('review.home.none')}
      </span>
      {error && <ErrorBanner error={error} />}
    </form>
  );
}
