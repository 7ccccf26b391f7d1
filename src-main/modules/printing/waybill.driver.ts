import {
  COMPONENT_DEFAULTS,
  flavorOf,
  PrintComponentClient,
  type WaybillDocument,
} from '../../adapters/printers/print-component.client';
import type { PrinterRow, PrintJobRow } from './printing.repo';

/**
 * Sends an e-waybill job to the platform's print component. The task ID is the job's, so the
 * component's own history (getTaskStatus) can be matched with ours after a reconnect.
 */
export function componentWaybill(opts: { timeoutMs?: number; resultTimeoutMs?: number } = {}) {
  return async (p: PrinterRow, payload: Buffer, job: PrintJobRow): Promise<void> => {
    const flavor = flavorOf(p.kind);
    const port = p.port === 9100 ? COMPONENT_DEFAULTS[flavor].port : p.port;
    const client = new PrintComponentClient(`ws://${p.host || '127.0.0.1'}:${port}`, flavor, opts);
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
  const port = p.port === 9100 ? COMPONENT_DEFAULTS[flavor].port : p.port;
  const client = new PrintComponentClient(`ws://${p.host || '127.0.0.1'}:${port}`, flavor, opts);
  try {
    const { defaultPrinter, printers } = await client.getPrinters();
    const name = p.deviceName || defaultPrinter;
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
