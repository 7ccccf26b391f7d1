import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  OPERATORS_BY_KIND,
  OPERATOR_SYMBOLS,
  REVIEW_FIELDS,
  REVIEW_FIELD_NAMES,
  type Operator,
  type ReviewField,
} from '../../../src-shared/contract/review-fields';
import { ruleIssueText as issueText } from './review-issue-text';
import { newLeaf, type UiNode } from './rule-draft';

type Path = (string | number)[];

/** An enum value's label: order types have their names in the shell (orderType.*), as in the queue. */
const enumLabel = (t: TFunction, field: ReviewField, value: string): string =>
  field === 'type' ? t(`orderType.${value}`) : t(`review.enum.${value}`, { defaultValue: value });
export type Edit = (path: Path, fn: (n: UiNode) => UiNode | null) => void;

const key = (path: Path): string => ['condition', ...path].join('.');

interface Props {
  node: UiNode;
  path: Path;
  edit: Edit;
  /** Problems by path ("condition.all.1.value"), from the shared schema or the server. */
  issues: Record<string, string>;
}

/** AND/OR groups, NOT and field/operator/value rows; choices come from the core's field catalogue. */
export function ConditionBuilder({ node, path, edit, issues }: Props) {
  const { t } = useTranslation();
  const own = issues[key(path)];
  if (node.kind === 'leaf') return <LeafRow node={node} path={path} edit={edit} issues={issues} />;
  if (node.kind === 'not') {
    return (
      <div className="cond-not">
        <div className="cond-head">
          <strong>{t('review.cond.not')}</strong>
          <button
            type="button"
            className="btn-link"
            onClick={() => edit(path, (n) => (n.kind === 'not' ? n.child : n))}
          >
            {t('review.cond.unwrap')}
          </button>
        </div>
        <ConditionBuilder node={node.child} path={[...path, 'not']} edit={edit} issues={issues} />
      </div>
    );
  }
  return (
    <fieldset className="cond-group">
      <legend>
        <select
          aria-label={t('review.cond.combine')}
          value={node.kind}
          onChange={(e) =>
            edit(path, (n) =>
              n.kind === 'all' || n.kind === 'any' ? { ...n, kind: e.target.value as 'all' | 'any' } : n,
            )
          }
        >
          <option value="all">{t('review.cond.all')}</option>
          <option value="any">{t('review.cond.any')}</option>
        </select>
      </legend>
      {own && <div className="field-error">{issueText(t, own)}</div>}
      {node.children.map((c, i) => (
        <div className="cond-child" key={i}>
          <ConditionBuilder node={c} path={[...path, node.kind, i]} edit={edit} issues={issues} />
        </div>
      ))}
      <div className="cond-tools">
        <button
          type="button"
          className="btn-link"
          onClick={() =>
            edit(path, (n) =>
              n.kind === node.kind ? { ...node, children: [...node.children, newLeaf()] } : n,
            )
          }
        >
          {t('review.cond.addRow')}
        </button>
        <button
          type="button"
          className="btn-link"
          onClick={() =>
            edit(path, (n) =>
              n.kind === node.kind
                ? { ...node, children: [...node.children, { kind: 'any', children: [newLeaf()] }] }
                : n,
            )
          }
        >
          {t('review.cond.addGroup')}
        </button>
        {path.length > 0 && (
          <button type="button" className="btn-link" onClick={() => edit(path, () => null)}>
            {t('review.cond.removeGroup')}
          </button>
        )}
      </div>
    </fieldset>
  );
}

function LeafRow({ node, path, edit, issues }: Props & { node: Extract<UiNode, { kind: 'leaf' }> }) {
  const { t } = useTranslation();
  const def = REVIEW_FIELDS[node.field] as {
    kind: keyof typeof OPERATORS_BY_KIND;
    options?: readonly string[];
    unit?: string;
  };
  const ops = OPERATORS_BY_KIND[def.kind];
  const errs = (['', '.field', '.op', '.value'] as const)
    .map((s) => issues[key(path) + s])
    .filter(Boolean) as string[];
  const bad = (part: string) => (issues[`${key(path)}.${part}`] ? true : undefined);
  const set = (patch: Partial<Extract<UiNode, { kind: 'leaf' }>>) =>
    edit(path, (n) => (n.kind === 'leaf' ? { ...n, ...patch } : n));
  const list = node.op === 'in' || node.op === 'not_in';
  const rowLabel = key(path);
  let value = null;
  if (node.op !== 'exists') {
    const choices =
      def.kind === 'boolean'
        ? ['true', 'false']
        : def.kind === 'enum' && !list
          ? [...(def.options ?? [])]
          : null;
    value = choices ? (
      <select
        aria-label={t('review.cond.value')}
        aria-invalid={bad('value')}
        value={node.text}
        onChange={(e) => set({ text: e.target.value })}
      >
        <option value="">—</option>
        {choices.map((o) => (
          <option key={o} value={o}>
            {enumLabel(t, node.field, o)}
          </option>
        ))}
      </select>
    ) : (
      <input
        aria-label={t('review.cond.value')}
        aria-invalid={bad('value')}
        value={node.text}
        placeholder={list ? t('review.cond.listHint') : def.unit === 'minor' ? t('review.cond.yuanHint') : ''}
        onChange={(e) => set({ text: e.target.value })}
      />
    );
  }
  return (
    <div
      className={`cond-row${errs.length ? ' has-error' : ''}`}
      role="group"
      aria-label={rowLabel}
      data-path={rowLabel}
    >
      <select
        aria-label={t('review.cond.field')}
        aria-invalid={bad('field')}
        value={node.field}
        onChange={(e) => {
          const field = e.target.value as ReviewField;
          const kind = REVIEW_FIELDS[field].kind;
          // Keep the operator when the new field allows it; a value of the old kind rarely fits.
          set({
            field,
            op: OPERATORS_BY_KIND[kind].includes(node.op) ? node.op : OPERATORS_BY_KIND[kind][0]!,
            text: '',
          });
        }}
      >
        {REVIEW_FIELD_NAMES.map((f) => (
          <option key={f} value={f}>
            {t(`review.field.${f}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('review.cond.op')}
        aria-invalid={bad('op')}
        value={node.op}
        onChange={(e) => set({ op: e.target.value as Operator })}
      >
        {ops.map((o) => (
          <option key={o} value={o}>
            {t(`review.op.${o}`, { defaultValue: OPERATOR_SYMBOLS[o] })}
          </option>
        ))}
      </select>
      {value}
      <button
        type="button"
        className="btn-link"
        onClick={() => edit(path, (n) => ({ kind: 'not', child: n }))}
      >
        {t('review.cond.negate')}
      </button>
      <button
        type="button"
        className="btn-link"
        aria-label={t('review.cond.removeRow')}
        onClick={() => edit(path, () => null)}
      >
        ✕
      </button>
      {errs.map((m, i) => (
        <div key={i} className="field-error" role="alert">
          {issueText(t, m)}
        </div>
      ))}
    </div>
  );
}
