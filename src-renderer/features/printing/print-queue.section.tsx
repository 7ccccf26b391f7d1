import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { PrintJob } from '../../../src-shared/contract/printing.contract';
import { StateText, type Tone } from '../../ui/state-text';
import { formatDateTime } from '../../ui/format';
import { jobTitle } from './job-title';
import { printFaultText } from './print-fault-text';
import type { PrintingStore } from './printing.store';
import { CancelJobsForm, canMove, isPickable, MoveJobsForm, type QueueAction } from './queue-actions';

/** A failed job that may have printed is not retried (a second copy); it is reprinted with a reason. */
const canRetry = (j: PrintJob): boolean => j.status === 'failed' && !j.maybePrinted;

const JOB_TONE: Record<PrintJob['status'], Tone> = {
  queued: 'waiting',
  printing: 'busy',
  done: 'good',
  failed: 'bad',
  cancelled: 'waiting',
};

/** Text boxes and lists keep their letters; a checkbox or button lets c/m act on the selection. */
const isTyping = (t: EventTarget | null): boolean =>
  t instanceof HTMLElement &&
  (t.isContentEditable ||
    t.tagName === 'TEXTAREA' ||
    t.tagName === 'SELECT' ||
    (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(t.type)));

function ReprintForm({ store, job, onDone }: { store: PrintingStore; job: PrintJob; onDone(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [printerId, setPrinterId] = useState(job.printerId);
  // Another printer is offered for when the job's own printer is the problem; the core checks it
  // can print this document.
  const printers = useStore(store, (s) => s.printers).filter((p) => p.active || p.id === job.printerId);
  return (
    <form
      className="inline-form"
      aria-label={t('printing.queue.reprintOf', { title: jobTitle(t, job) })}
      onSubmit={(e) => {
        e.preventDefault();
        void store
          .getState()
          .reprint(job.id, reason, printerId === job.printerId ? undefined : printerId)
          .then((ok) => ok && onDone());
      }}
    >
      <input
        aria-label={t('printing.queue.reason')}
        placeholder={t('printing.queue.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        autoFocus
      />
      <select
        aria-label={t('printing.queue.printer')}
        value={printerId}
        onChange={(e) => setPrinterId(Number(e.target.value))}
      >
        {printers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <button type="submit" className="btn btn-primary" disabled={!reason.trim()}>
        {t('printing.queue.reprint')}
      </button>
      <button type="button" className="btn" onClick={onDone}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

export function PrintQueueSection({ store }: { store: PrintingStore }) {
  const { t } = useTranslation();
  const jobs = useStore(store, (s) => s.jobs);
  const [reprinting, setReprinting] = useState<number | null>(null);
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const [action, setAction] = useState<QueueAction | null>(null);
  const waiting = jobs.filter(isPickable);
  // A job that started printing (or finished) since it was ticked drops out of the selection.
  const selected = waiting.filter((j) => picked.has(j.id));
  const movable = selected.length > 0 && selected.every(canMove);
  const toggle = (id: number) =>
    setPicked((p) => {
      const next = new Set(p);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const allPicked = waiting.length > 0 && selected.length === waiting.length;
  const finish = (ok: boolean) => {
    setAction(null);
    if (ok) setPicked(new Set());
  };
  return (
    <section
      className="settings-section"
      aria-labelledby="printing-queue"
      onKeyDown={(e) => {
        if (e.altKey || e.ctrlKey || e.metaKey || isTyping(e.target) || action || !selected.length) return;
        const to = ({ c: 'cancel', m: 'move' } as const)[e.key];
        if (to && (to === 'cancel' || movable)) {
          e.preventDefault();
          setAction(to);
        }
      }}
    >
      <h2 id="printing-queue">{t('printing.queue.title')}</h2>
      <p className="muted small">{t('printing.queue.intro')}</p>
      {waiting.length > 0 && (
        <div className="queue-toolbar">
          <button
            type="button"
            className="btn btn-danger"
            aria-keyshortcuts="c"
            disabled={!selected.length}
            onClick={() => setAction('cancel')}
          >
            {t('printing.queue.cancelSelected', { count: selected.length })}
          </button>
          <button
            type="button"
            className="btn"
            aria-keyshortcuts="m"
            disabled={!movable}
            onClick={() => setAction('move')}
          >
            {t('printing.queue.moveSelected', { count: selected.length })}
          </button>
          <span className="muted small">{t('printing.queue.keys')}</span>
          {selected.length > 0 && !movable && (
            <span className="muted small" role="note">
              {t('printing.queue.moveBlocked')}
            </span>
          )}
        </div>
      )}
      {action === 'cancel' && selected.length > 0 && (
        <CancelJobsForm store={store} jobIds={selected.map((j) => j.id)} onDone={finish} />
      )}
      {action === 'move' && movable && <MoveJobsForm store={store} jobs={selected} onDone={finish} />}
      {jobs.length === 0 ? (
        <p className="empty-note">{t('printing.queue.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th>
                  {waiting.length > 0 && (
                    <input
                      type="checkbox"
                      aria-label={t('printing.queue.selectWaiting')}
                      checked={allPicked}
                      onChange={() => setPicked(new Set(allPicked ? [] : waiting.map((j) => j.id)))}
                    />
                  )}
                </th>
                <th>{t('printing.queue.time')}</th>
                <th>{t('printing.queue.what')}</th>
                <th>{t('printing.queue.printer')}</th>
                <th>{t('printing.queue.status')}</th>
                <th>{t('printing.queue.attempts')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {jobs.map((j) => (
                <tr key={j.id} aria-selected={isPickable(j) ? picked.has(j.id) : undefined}>
                  <td>
                    {isPickable(j) && (
                      <input
                        type="checkbox"
                        aria-label={t('printing.queue.select', { title: jobTitle(t, j) })}
                        checked={picked.has(j.id)}
                        onChange={() => toggle(j.id)}
                      />
                    )}
                  </td>
                  <td>{formatDateTime(j.createdAt)}</td>
                  <td>
                    {jobTitle(t, j)}
                    {j.reprintReason && (
                      <div className="muted small">
                        {t('printing.queue.reprintReason', { reason: j.reprintReason })}
                      </div>
                    )}
                  </td>
                  <td>{j.printerName}</td>
                  <td>
                    <StateText tone={JOB_TONE[j.status]}>{t(`printing.status.${j.status}`)}</StateText>
                    {j.status === 'cancelled' && (
                      <div className="muted small">
                        {t('printing.queue.cancelledBy', { who: j.cancelledBy, reason: j.cancelReason })}
                      </div>
                    )}
                    {j.lastFault && j.status !== 'cancelled' && (
                      <div className="field-error">
                        {t(`printing.fault.${j.lastFault}`, {
                          printer: j.printerName,
                          // A failed job is not tried again by itself: its text says to press Retry
                          // instead of promising that the job prints once the printer is back.
                          context: j.status === 'failed' ? 'failed' : undefined,
                          defaultValue: j.lastError ?? '',
                        })}
                      </div>
                    )}
                    {j.lastError && <div className="muted small">{printFaultText(t, j.lastError)}</div>}
                  </td>
                  <td>
                    {j.attempts}/{j.maxAttempts}
                  </td>
                  <td className="row-actions">
                    {canRetry(j) && (
                      <button
                        type="button"
                        className="btn-link"
                        onClick={() => void store.getState().retry(j.id)}
                      >
                        {t('printing.queue.retry')}
                      </button>
                    )}
                    {['done', 'failed', 'cancelled'].includes(j.status) &&
                      (reprinting === j.id ? (
                        <ReprintForm store={store} job={j} onDone={() => setReprinting(null)} />
                      ) : (
                        <button type="button" className="btn-link" onClick={() => setReprinting(j.id)}>
                          {t('printing.queue.reprint')}
                        </button>
                      ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
