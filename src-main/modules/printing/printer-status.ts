import type { PrinterStatus } from '../../../src-shared/contract/printing.contract';
import { PrinterError, where } from '../../adapters/printers/printer-error';
import type { StatusLanguage } from '../../adapters/printers/raw-status';
import { checkRawTcpStatus } from '../../adapters/printers/raw-tcp.driver';
import { componentStatus } from './waybill.driver';
import type { PrintQueueDeps } from './print-queue';
import type { PrinterRow } from './printing.repo';

type Found = { state: PrinterStatus['state']; fault: string | null; message: string };

const faultOf = (e: PrinterError): Found => ({ state: 'fault', fault: e.fault, message: e.message });

async function systemStatus(p: PrinterRow, deps: PrintQueueDeps): Promise<Found> {
  const port = deps.systemPrinters;
  if (!port.available)
    return faultOf(
      new PrinterError(
        'unavailable',
        'System printers are only reachable from the Packdesk desktop app',
        false,
      ),
    );
  const all = await port.list();
  const name = p.deviceName;
  const found = name ? all.find((x) => x.name === name) : (all.find((x) => x.isDefault) ?? all[0]);
  const label = name ? `System printer "${name}"` : 'The default system printer';
  if (!found)
    return {
      state: 'fault',
      fault: 'offline',
      message: name
        ? `${label} is not installed on this computer; reconnect or reinstall it, or choose another printer`
        : 'No printer is installed on this computer',
    };
  // CUPS printer-state 5 = stopped; Windows reports no state through Electron.
  if (found.status === 5)
    return {
      state: 'fault',
      fault: 'offline',
      message: `${label} is stopped in the system's print queue; resume it in the system's printer settings`,
    };
  return {
    state: found.status === 0 ? 'unknown' : 'ready',
    fault: null,
    message:
      found.status === 0
        ? `${label} is installed; the system does not report whether it has paper`
        : `${label} is installed and idle`,
  };
}

/**
 * How a printer is right now, asked the way a job would reach it, without printing anything:
 * raw printers answer their language's status query, system printers are looked up in the
 * OS list, print components are asked for their printers.
 */
export async function printerStatus(
  p: PrinterRow,
  deps: PrintQueueDeps,
  now: number,
): Promise<PrinterStatus> {
  let found: Found;
  try {
    if (p.kind === 'raw_tcp') {
      const target = { name: p.name, host: p.host, port: p.port };
      const r = await checkRawTcpStatus(target, p.language as StatusLanguage, {
        connectTimeoutMs: deps.rawTcp?.connectTimeoutMs ?? 3_000,
        statusTimeoutMs: deps.rawTcp?.statusTimeoutMs ?? 800,
      });
      found = r.error
        ? faultOf(r.error)
        : r.answered
          ? { state: 'ready', fault: null, message: `${where(target)} is ready` }
          : {
              state: 'unknown',
              fault: null,
              message: `${where(target)} is reachable but does not report its status; jobs are still sent to it`,
            };
    } else if (p.kind === 'system') {
      found = await systemStatus(p, deps);
    } else {
      found = await componentStatus(p);
    }
  } catch (e) {
    found =
      e instanceof PrinterError
        ? faultOf(e)
        : {
            state: 'fault',
            fault: 'rejected',
            message: `Could not ask the printer: ${(e as Error).message}`,
          };
  }
  return { printerId: p.id, ...found, checkedAt: new Date(now).toISOString() };
}
