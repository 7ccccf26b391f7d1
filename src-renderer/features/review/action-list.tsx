import { useTranslation } from 'react-i18next';
import { ACTION_TYPES, DOCUMENTS, type RuleAction } from '../../../src-shared/contract/review-rule.schema';
import { ruleIssueText as issueText } from './review-issue-text';

const blank = (type: RuleAction['type']): RuleAction => {
  switch (type) {
    case 'hold':
    case 'block':
      return { type, reason: '' };
    case 'require_document':
      return { type, document: DOCUMENTS[0] };
    case 'add_tag':
      return { type, tag: '' };
    case 'set_priority':
      return { type, priority: 5 };
    default:
      return { type: 'approve' };
  }
};

/** What a matching rule does; several actions may combine (e.g. hold and tag). */
export function ActionList(props: {
  actions: RuleAction[];
  onChange(a: RuleAction[]): void;
  issues: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { actions, onChange, issues } = props;
  const put = (i: number, a: RuleAction) => onChange(actions.map((x, k) => (k === i ? a : x)));
  return (
    <div className="action-list">
      {actions.map((a, i) => {
        const errs = Object.entries(issues).filter(
          ([p]) => p === `actions.${i}` || p.startsWith(`actions.${i}.`),
        );
        return (
          <div
            className={`action-row${errs.length ? ' has-error' : ''}`}
            key={i}
            role="group"
            aria-label={`actions.${i}`}
          >
            <select
              aria-label={t('review.action.type')}
              value={a.type}
              onChange={(e) => put(i, blank(e.target.value as RuleAction['type']))}
            >
              {ACTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`review.action.${type}`)}
                </option>
              ))}
            </select>
            {(a.type === 'hold' || a.type === 'block') && (
              <input
                aria-label={t('review.action.reason')}
                aria-invalid={issues[`actions.${i}.reason`] ? true : undefined}
                value={a.reason}
                onChange={(e) => put(i, { ...a, reason: e.target.value })}
              />
            )}
            {a.type === 'add_tag' && (
              <input
                aria-label={t('review.action.tag')}
                aria-invalid={issues[`actions.${i}.tag`] ? true : undefined}
                value={a.tag}
                onChange={(e) => put(i, { ...a, tag: e.target.value })}
              />
            )}
            {a.type === 'set_priority' && (
              <input
                type="number"
                min={0}
                max={9}
                aria-label={t('review.action.priority')}
                value={a.priority}
                onChange={(e) => put(i, { ...a, priority: Number(e.target.value) })}
              />
            )}
            {a.type === 'require_document' && (
              <select
                aria-label={t('review.action.document')}
                value={a.document}
                onChange={(e) => put(i, { ...a, document: e.target.value as (typeof DOCUMENTS)[number] })}
              >
                {DOCUMENTS.map((d) => (
                  <option key={d} value={d}>
                    {t(`review.document.${d}`)}
                  </option>
                ))}
              </select>
            )}
            {actions.length > 1 && (
              <button
                type="button"
                className="btn-link"
                aria-label={t('review.action.remove')}
                onClick={() => onChange(actions.filter((_, k) => k !== i))}
              >
                ✕
              </button>
            )}
            {errs.map(([p, m]) => (
              <div key={p} className="field-error" role="alert">
                {issueText(t, m)}
              </div>
            ))}
          </div>
        );
      })}
      {issues.actions && <div className="field-error">{issueText(t, issues.actions)}</div>}
      <button type="button" className="btn-link" onClick={() => onChange([...actions, blank('add_tag')])}>
        {t('review.action.add')}
      </button>
    </div>
  );
}
