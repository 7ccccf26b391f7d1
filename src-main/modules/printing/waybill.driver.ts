import { JdPrintComponentClient } from '../../adapters/printers/jd-print-component.client';
import {
  COMPONENT_DEFAULTS,
  flavorOf,
  PrintComponentClient,
  type WaybillDocument,
} from '../../adapters/printers/print-component.client';
import type { PrinterRow, PrintJobRow } from './printing.repo';

/** The client for a printer row's component, at its registered address (9100 = the platform's port). */
export function componentClient(p: PrinterRow, opts: { timeoutMs?: number; resultTimeoutMs?: number } = {}) {
  const flavor = flavorOf(p.kind);
  const info = COMPONENT_DEFAULTS[flavor];
  const url = `ws://${p.host || '127.0.0.1'}:${p.port === 9100 ? info.port : p.port}${info.path}`;
  return flavor === 'jd'
    ? new JdPrintComponentClient(url, opts)
    : new PrintComponentClient(url, flavor, opts);
}

/**
 * Sends an e-waybill job to the platform's print component. The task ID is the job's, so the
 * component's own history (getTaskStatus) can be matched with ours after a reconnect.
 */
export function componentWaybill(opts: { timeoutMs?: number; resultTimeoutMs?: number } = {}) {
  return async (p: PrinterRow, payload: Buffer, job: PrintJobRow): Promise<void> => {
    const client = componentClient(p, opts);
    try {
      await client.print({
        taskID: `packdesk-${job.id}`,
        printer: p.deviceName,
        documents: JSON.parse(payload.toString('utf8')) as WaybillDocument[],
      });
    } finally {
      client.close();
    }
  };
}

/** The component is running and knows the printer (the printers screen's "check status"). */
export async function componentStatus(
  p: PrinterRow,
  opts: { timeoutMs?: number } = {},
): Promise<{ state: 'ready' | 'fault'; fault: string | null; message: string }> {
  const flavor = flavorOf(p.kind);
  const client = componentClient(p, opts);
  try {
    const { defaultPrinter, printers } = await client.getPrinters();
    const name = p.deviceName || defaultPrinter;
    // JD names no default printer: an empty device name means the component's own default.
    if (!name)
      return {
        state: 'ready',
        fault: null,
        message: `The ${COMPONENT_DEFAULTS[flavor].name} is running; jobs go to its default printer`,
      };
    const known = printers.find((x) => x.name === name);
    if (!known)
      return {
        state: 'fault',
        fault: 'offline',
        message: `The ${COMPONENT_DEFAULTS[flavor].name} is running but does not know printer "${name}"; it has ${printers.map((x) => x.name).join(', ') || 'no printers'}`,
      };
    return {
      state: 'ready',
      fault: null,
      message: `The ${COMPONENT_DEFAULTS[flavor].name} is running and has printer "${name}"`,
    };
  } finally {
    client.close();
  }
}
