import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { PrintJob } from '../../../src-shared/contract/printing.contract';
import type { PrintingStore } from './printing.store';

/**
 * A job not being sent can be picked: still waiting (queued, or queued again for a retry) or
 * failed. Each can be cancelled; see canMove for moving.
 */
export const isPickable = (j: PrintJob): boolean => j.status === 'queued' || j.status === 'failed';

/** A failed job that may already have printed is not sent again by a move: only a reprint does. */
export const canMove = (j: PrintJob): boolean =>
  j.status === 'queued' || (j.status === 'failed' && !j.maybePrinted);

export type QueueAction = 'cancel' | 'move';

/**
 * Cancels the chosen waiting or failed jobs with one reason. Several jobs are a second, explicit press
 * ("Yes, cancel 3 jobs"): a slip of the keyboard must not silently drop a morning's labels.
 */
export function CancelJobsForm(props: { store: PrintingStore; jobIds: number[]; onDone(ok: boolean): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const count = props.jobIds.length;
  return (
    <form
      className="inline-form queue-action-form"
      aria-label={t('printing.queue.cancelJobs', { count })}
      onSubmit={(e) => {
        e.preventDefault();
        if (count > 1 && !confirming) return setConfirming(true);
        void props.store
          .getState()
          .cancelJobs(props.jobIds, reason.trim())
          .then((ok) => ok && props.onDone(true));
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onDone(false)}
    >
      <input
        aria-label={t('printing.queue.cancelReason')}
        placeholder={t('printing.queue.cancelReason')}
        value={reason}
        maxLength={300}
        onChange={(e) => {
          setReason(e.target.value);
          setConfirming(false);
        }}
        autoFocus
      />
      <button
        type="submit"
        className={`btn btn-danger${confirming ? ' is-confirming' : ''}`}
        disabled={!reason.trim()}
      >
        {confirming
          ? t('printing.queue.cancelConfirm', { count })
          : t('printing.queue.cancelJobs', { count })}
      </button>
      <button type="button" className="btn" onClick={() => props.onDone(false)}>
        {t('printing.queue.keep')}
      </button>
      {confirming && (
        <span className="muted small" role="status">
          {t('printing.queue.cancelWarning', { count })}
        </span>
      )}
    </form>
  );
}

/**
 * Sends the chosen waiting or failed jobs to another active printer (queued there); the core draws them again when it
 * speaks another language and refuses a printer that cannot print one of them.
 */
export function MoveJobsForm(props: { store: PrintingStore; jobs: PrintJob[]; onDone(ok: boolean): void }) {
  const { t } = useTranslation();
  const printers = useStore(props.store, (s) => s.printers).filter((p) => p.active);
  const from = new Set(props.jobs.map((j) => j.printerId));
  // The printer the jobs are on is the problem: offer another one first.
  const [printerId, setPrinterId] = useState((printers.find((p) => !from.has(p.id)) ?? printers[0])?.id ?? 0);
  const count = props.jobs.length;
  return (
    <form
      className="inline-form queue-action-form"
      aria-label={t('printing.queue.moveJobs', { count })}
      onSubmit={(e) => {
        e.preventDefault();
        void props.store
          .getState()
          .moveJobs(
            props.jobs.map((j) => j.id),
            printerId,
          )
          .then((ok) => ok && props.onDone(true));
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onDone(false)}
    >
      <select
        aria-label={t('printing.queue.moveTo')}
        value={printerId}
        onChange={(e) => setPrinterId(Number(e.target.value))}
        autoFocus
      >
        {printers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name} ({p.language.toUpperCase()})
          </option>
        ))}
      </select>
      <button type="submit" className="btn btn-primary" disabled={!printerId}>
        {t('printing.queue.moveJobs', { count })}
      </button>
      <button type="button" className="btn" onClick={() => props.onDone(false)}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
