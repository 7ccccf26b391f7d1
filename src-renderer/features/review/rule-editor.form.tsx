import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ErrorBanner } from '../../ui/error-banner';
import { FormField } from '../../ui/form-field';
import { ruleIssueText as issueText } from './review-issue-text';
import { ActionList } from './action-list';
import { ConditionBuilder } from './condition-builder';
import { ruleReasonText } from './review-reason-text';
import { SIMULATE_MAX, type RulesStore, type Simulation } from './review-rules.store';

/** One rule: name, condition tree, actions; "Simulate" shows the effect on recent orders before saving. */
export function RuleEditorForm({ store }: { store: RulesStore }) {
  const { t } = useTranslation();
  const s = useStore(store);
  const d = s.draft;
  if (!d) return null;
  const issue = (p: string) => (s.issues[p] ? issueText(t, s.issues[p]) : undefined);
  const title = d.id ? t('review.rules.editTitle', { name: d.name }) : t('review.rules.newTitle');
  return (
    <form
      className="rule-editor edit-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void s.save();
      }}
    >
      <h2>{title}</h2>
      <div className="form-grid">
        <FormField label={t('review.rules.name')} error={issue('name')} wide>
          <input value={d.name} maxLength={80} onChange={(e) => s.change({ name: e.target.value })} />
        </FormField>
        <FormField
          label={t('review.rules.priority')}
          error={issue('priority')}
          hint={t('review.rules.priorityHint')}
        >
          <input
            type="number"
            min={0}
            max={100}
            value={d.priority}
            onChange={(e) => s.change({ priority: Number(e.target.value) })}
          />
        </FormField>
        <label className="check-field">
          <input
            type="checkbox"
            checked={d.enabled}
            onChange={(e) => s.change({ enabled: e.target.checked })}
          />
          {t('review.rules.enabled')}
        </label>
      </div>
      <h3>{t('review.rules.when')}</h3>
      <ConditionBuilder node={d.condition} path={[]} edit={s.editCondition} issues={s.issues} />
      <h3>{t('review.rules.then')}</h3>
      <ActionList actions={d.actions} onChange={(actions) => s.change({ actions })} issues={s.issues} />
      {s.error && <ErrorBanner error={s.error} />}
      {Object.keys(s.issues).length > 0 && (
        <div className="error-banner" role="alert">
          {t('review.rules.fixMarked', { count: Object.keys(s.issues).length })}
        </div>
      )}
      {s.simulation && <SimulationResult sim={s.simulation} />}
      <div className="form-actions">
        <label className="sim-limit">
          {t('review.sim.limit')}
          <input
            type="number"
            min={1}
            max={SIMULATE_MAX}
            value={s.simulateLimit}
            onChange={(e) => s.setSimulateLimit(Number(e.target.value))}
          />
        </label>
        <button type="button" className="btn" disabled={s.busy} onClick={() => void s.simulate()}>
          {t('review.rules.simulate')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={s.busy}>
          {s.busy ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" className="btn-link" onClick={s.close}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

const OUTCOMES = ['approved', 'held', 'blocked', 'unchanged'] as const;

function SimulationResult({ sim }: { sim: Simulation }) {
  const { t } = useTranslation();
  return (
    <section className="simulation" aria-label={t('review.sim.title')}>
      <h3>{t('review.sim.title')}</h3>
      <p>
        {t('review.sim.summary', { considered: sim.considered, matched: sim.matched, changed: sim.changed })}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th />
            {OUTCOMES.map((o) => (
              <th key={o} className="num">
                {t(`review.outcome.${o}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(['before', 'after'] as const).map((k) => (
            <tr key={k}>
              <th scope="row">{t(`review.sim.${k}`)}</th>
              {OUTCOMES.map((o) => (
                <td key={o} className="num">
                  {sim[k][o]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {sim.sample.length > 0 && (
        <ul className="sim-sample">
          {sim.sample.map((o) => (
            <li key={o.id}>
              <span className="mono">{o.externalId}</span> {t(`review.outcome.${o.before}`)} →{' '}
              <strong>{t(`review.outcome.${o.after}`)}</strong>
              <div className="muted small">{o.reasons.map((r) => ruleReasonText(t, r)).join(' · ')}</div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
