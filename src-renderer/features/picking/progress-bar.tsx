import { useTranslation } from 'react-i18next';

/** Picked against required units, as a bar a picker can read at arm's length. */
export function ProgressBar(props: { picked: number; required: number; label: string; big?: boolean }) {
  const { t } = useTranslation();
  const pct = props.required ? Math.round((100 * props.picked) / props.required) : 0;
  return (
    <div className={`progress${props.big ? ' progress-big' : ''}`}>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={props.required}
        aria-valuenow={props.picked}
      >
        <div className={`progress-fill${pct >= 100 ? ' is-done' : ''}`} style={{ width: `${pct}%` }} />
      </div>
      <span className="progress-text">
        {t('picking.progress', { picked: props.picked, required: props.required, pct })}
      </span>
    </div>
  );
}
