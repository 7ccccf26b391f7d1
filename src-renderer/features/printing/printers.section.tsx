import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { LABEL_SIZES } from '../../../src-shared/contract/documents.contract';
import {
  PRINTER_KIND_LANGUAGES,
  PRINTER_KINDS,
  PRINTER_ROLE_LANGUAGES,
  PRINTER_ROLES,
  type Printer,
  type PrinterStatus,
} from '../../../src-shared/contract/printing.contract';
import { FormField } from '../../ui/form-field';
import { StateText, type Tone } from '../../ui/state-text';
import type { PrinterDraft, PrintingStore } from './printing.store';

const blank: PrinterDraft = {
  name: '',
  kind: 'raw_tcp',
  language: 'zpl',
  host: '',
  port: 9100,
  deviceName: '',
  labelSize: '100x150',
  dpi: 203,
  cjkFont: false,
  statusCheck: true,
  defaultFor: null,
  active: true,
};

/** A default role the draft's language cannot print is dropped (the core would refuse it). */
const fitRole = (d: PrinterDraft): PrinterDraft =>
  d.defaultFor && !PRINTER_ROLE_LANGUAGES[d.defaultFor].includes(d.language) ? { ...d, defaultFor: null } : d;

function PrinterForm({
  store,
  printer,
  onDone,
}: {
  store: PrintingStore;
  printer: Printer | null;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const issues = useStore(store, (s) => s.issues);
  const [d, setD] = useState<PrinterDraft>(printer ?? blank);
  const systemPrinters = useStore(store, (s) => s.systemPrinters);
  // The OS printer names are offered once a system printer is being set up.
  useEffect(() => {
    if (d.kind === 'system') void store.getState().loadSystemPrinters();
  }, [d.kind, store]);
  const systemList = d.kind === 'system' && systemPrinters?.available ? systemPrinters.printers : null;
  const set = <K extends keyof PrinterDraft>(k: K, v: PrinterDraft[K]) => setD((x) => ({ ...x, [k]: v }));
  const statusHintId = useId();
  const title = printer ? t('printing.printers.edit') : t('printing.printers.new');
  return (
    <form
      className="edit-form"
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void store
          .getState()
          .savePrinter(d)
          .then((ok) => ok && onDone());
      }}
    >
      <h3>{title}</h3>
      <div className="form-grid">
        <FormField label={t('printing.field.name')} error={issues.name}>
          <input value={d.name} onChange={(e) => set('name', e.target.value)} />
        </FormField>
        <FormField label={t('printing.field.kind')} error={issues.kind}>
          <select
            value={d.kind}
            onChange={(e) => {
              // Only the languages this kind speaks are offered; keep the choice when it still fits.
              const kind = e.target.value as PrinterDraft['kind'];
              const speaks = PRINTER_KIND_LANGUAGES[kind];
              setD((x) =>
                fitRole({ ...x, kind, language: speaks.includes(x.language) ? x.language : speaks[0]! }),
              );
            }}
          >
            {PRINTER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`printing.kind.${k}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('printing.field.language')} error={issues.language}>
          <select
            value={d.language}
            onChange={(e) =>
              setD((x) => fitRole({ ...x, language: e.target.value as PrinterDraft['language'] }))
            }
          >
            {PRINTER_KIND_LANGUAGES[d.kind].map((l) => (
              <option key={l} value={l}>
                {t(`printing.language.${l}`)}
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('printing.field.host')} error={issues.host} hint={t('printing.hint.host')}>
          <input value={d.host} onChange={(e) => set('host', e.target.value)} />
        </FormField>
        <FormField label={t('printing.field.port')} error={issues.port}>
          <input type="number" value={d.port} onChange={(e) => set('port', Number(e.target.value))} />
        </FormField>
        <FormField
          label={t('printing.field.deviceName')}
          error={issues.deviceName}
          hint={
            d.kind !== 'system'
              ? t('printing.hint.deviceName')
              : systemPrinters && !systemPrinters.available
                ? t('printing.hint.systemDesktopOnly')
                : t('printing.hint.systemDevice', { count: systemList?.length ?? 0 })
          }
        >
          <input
            value={d.deviceName}
            list={systemList ? 'printing-system-printers' : undefined}
            onChange={(e) => set('deviceName', e.target.value)}
          />
        </FormField>
        {systemList && (
          <datalist id="printing-system-printers">
            {systemList.map((p) => (
              <option key={p.name} value={p.name}>
                {p.displayName}
              </option>
            ))}
          </datalist>
        )}
        <FormField label={t('printing.field.labelSize')} error={issues.labelSize}>
          <select
            value={d.labelSize}
            onChange={(e) => set('labelSize', e.target.value as PrinterDraft['labelSize'])}
          >
            {LABEL_SIZES.map((s) => (
              <option key={s} value={s}>
                {s} mm
              </option>
            ))}
          </select>
        </FormField>
        <FormField label={t('printing.field.dpi')} error={issues.dpi}>
          <select value={d.dpi} onChange={(e) => set('dpi', Number(e.target.value))}>
            <option value={203}>203 dpi</option>
            <option value={300}>300 dpi</option>
          </select>
        </FormField>
        <FormField label={t('printing.field.defaultFor')} error={issues.defaultFor}>
          <select
            value={d.defaultFor ?? ''}
            onChange={(e) => set('defaultFor', (e.target.value || null) as PrinterDraft['defaultFor'])}
          >
            <option value="">—</option>
            {/* Only the roles this printer's language can print (a label printer never gets A4 documents). */}
            {PRINTER_ROLES.filter((r) => PRINTER_ROLE_LANGUAGES[r].includes(d.language)).map((r) => (
              <option key={r} value={r}>
                {t(`printing.role.${r}`)}
              </option>
            ))}
          </select>
        </FormField>
        <label className="check-field">
          <input
            type="checkbox"
            checked={d.cjkFont ?? false}
            onChange={(e) => set('cjkFont', e.target.checked)}
          />
          {t('printing.field.cjkFont')}
        </label>
        {/* Only network printers are asked before a job (~HS, <ESC>!?, DLE EOT); others ignore it. */}
        {d.kind === 'raw_tcp' && (
          <div className="field">
            <label className="check-field">
              <input
                type="checkbox"
                checked={d.statusCheck ?? true}
                aria-describedby={statusHintId}
                onChange={(e) => set('statusCheck', e.target.checked)}
              />
              {t('printing.field.statusCheck')}
            </label>
            <div className="field-hint" id={statusHintId}>
              {t('printing.hint.statusCheck')}
            </div>
          </div>
        )}
        <label className="check-field">
          <input
            type="checkbox"
            checked={d.active ?? true}
            onChange={(e) => set('active', e.target.checked)}
          />
          {t('printing.field.active')}
        </label>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary">
          {t('common.save')}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The last status check of one printer: a short verdict in the user's language, then the core's detail. */
const PRINTER_TONE: Record<PrinterStatus['state'], Tone> = {
  ready: 'good',
  unknown: 'waiting',
  fault: 'bad',
};

function StatusCell({
  printer,
  status,
}: {
  printer: Printer;
  status: PrinterStatus | 'checking' | undefined;
}) {
  const { t } = useTranslation();
  if (status === undefined) return <span className="muted">{t('printing.printerState.notChecked')}</span>;
  if (status === 'checking') return <span className="muted">{t('printing.printerState.checking')}</span>;
  return (
    <div role="status" aria-live="polite">
      <StateText tone={PRINTER_TONE[status.state]}>
        {status.fault
          ? t(`printing.fault.${status.fault}`, { printer: printer.name, defaultValue: status.message })
          : t(`printing.printerState.${status.state}`)}
      </StateText>
      <div className="muted small">{status.message}</div>
    </div>
  );
}

export function PrintersSection({ store }: { store: PrintingStore }) {
  const { t } = useTranslation();
  const printers = useStore(store, (s) => s.printers);
  const statuses = useStore(store, (s) => s.statuses);
  const [editing, setEditing] = useState<Printer | null | undefined>(undefined);
  return (
    <section className="settings-section" aria-labelledby="printing-printers">
      <div className="section-head">
        <h2 id="printing-printers">{t('printing.printers.title')}</h2>
        <button type="button" className="btn" onClick={() => setEditing(null)} disabled={editing === null}>
          + {t('printing.printers.new')}
        </button>
      </div>
      <p className="muted small">{t('printing.printers.intro')}</p>
      {editing !== undefined && (
        <PrinterForm
          key={editing?.id ?? 'new'}
          store={store}
          printer={editing}
          onDone={() => setEditing(undefined)}
        />
      )}
      {printers.length === 0 ? (
        <p className="empty-note">{t('printing.printers.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('printing.field.name')}</th>
                <th>{t('printing.field.kind')}</th>
                <th>{t('printing.field.language')}</th>
                <th>{t('printing.field.address')}</th>
                <th>{t('printing.field.labelSize')}</th>
                <th>{t('printing.field.defaultFor')}</th>
                <th>{t('printing.field.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {printers.map((p) => (
                <tr key={p.id} className={p.active ? '' : 'muted'}>
                  <td>{p.name}</td>
                  <td>{t(`printing.kind.${p.kind}`)}</td>
                  <td>{t(`printing.language.${p.language}`)}</td>
                  <td>{p.kind === 'system' ? p.deviceName : `${p.host || '127.0.0.1'}:${p.port}`}</td>
                  <td>
                    {p.labelSize} · {p.dpi} dpi
                  </td>
                  <td>{p.defaultFor ? t(`printing.role.${p.defaultFor}`) : '—'}</td>
                  <td>
                    <StatusCell printer={p} status={statuses[p.id]} />
                    {p.kind === 'raw_tcp' && !p.statusCheck && (
                      <div className="muted small">{t('printing.printerState.noCheckBeforeJobs')}</div>
                    )}
                  </td>
                  <td className="row-actions">
                    <button type="button" className="btn-link" onClick={() => setEditing(p)}>
                      {t('common.edit')}
                    </button>
                    {/* A print component prints platform waybills only; Check status is its test. */}
                    {p.language !== 'cainiao' && (
                      <button
                        type="button"
                        className="btn-link"
                        onClick={() => void store.getState().testPrint(p.id)}
                      >
                        {t('printing.printers.test')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="btn-link"
                      disabled={statuses[p.id] === 'checking'}
                      onClick={() => void store.getState().checkStatus(p.id)}
                    >
                      {t('printing.printers.checkStatus')}
                    </button>
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
