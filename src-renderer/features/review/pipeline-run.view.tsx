import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context';
import { ErrorBanner } from '../../ui/error-banner';
import type { AppError } from '../../../src-shared/result';
import type { PipelineRun } from '../../../src-shared/contract/pipeline.contract';

/**
 * Review and routing in one go: the button runs them now, the switch lets the core run them by
 * itself when orders arrive, and the line shows what the last run (by hand or automatic) did.
 */
export function PipelineRunBar() {
  const { t } = useTranslation();
  const api = useApi();
  const [auto, setAuto] = useState<boolean | null>(null);
  const [last, setLast] = useState<PipelineRun | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const refresh = useCallback(async () => {
    const r = await api.call('pipeline.status', {});
    if (r.ok) {
      setAuto(r.value.auto);
      setLast(r.value.last);
    }
  }, [api]);
  useEffect(() => {
    void refresh();
    // An automatic run announces its results as order changes: show its counts.
    return api.on('orders.changed', ({ reason }) => {
      if (reason === 'review rules' || reason === 'routing') void refresh();
    });
  }, [api, refresh]);

  const runNow = async () => {
    setBusy(true);
    const r = await api.call('pipeline.run', {});
    setBusy(false);
    if (r.ok) {
      setLast(r.value);
      setError(null);
    } else setError(r.error);
  };
  const toggle = async (on: boolean) => {
    const r = await api.call('settings.set', { key: 'pipeline.auto', value: on ? 'on' : 'off' });
    if (r.ok) {
      setAuto(on);
      setError(null);
    } else setError(r.error);
  };

  return (
    <div className="pipeline-bar">
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void runNow()}>
        {busy ? t('review.pipeline.running') : t('review.pipeline.run')}
      </button>
      <label className="pipeline-auto">
        <input
          type="checkbox"
          checked={auto ?? false}
          disabled={auto === null}
          onChange={(e) => void toggle(e.target.checked)}
        />
        {t('review.pipeline.auto')}
      </label>
      {last && (
        <span className="muted small" role="status" aria-label={t('review.pipeline.lastLabel')}>
          {last.error
            ? t('review.pipeline.failed', { error: last.error })
            : t('review.pipeline.last', {
                approved: last.review.approved,
                held: last.review.held,
                blocked: last.review.blocked,
                allocated: last.routing.allocated,
                backordered: last.routing.backordered,
                exception: last.routing.exception,
              })}{' '}
          ({last.actor === 'auto' ? t('review.pipeline.byAuto') : last.actor},{' '}
          {new Date(last.at).toLocaleTimeString()})
        </span>
      )}
      {error && <ErrorBanner error={error} onDismiss={() => setError(null)} />}
    </div>
  );
}
