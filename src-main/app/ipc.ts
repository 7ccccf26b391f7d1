import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { contract, describeIssues, isOpName } from '../../src-shared/contract';
import { err, type Result } from '../../src-shared/result';
import type { CoreHost } from './core-host';
import { APP_ORIGIN, INVOKE_CHANNELS, IPC, isAppUrl } from './ipc-channels';

type InvokeEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;
export type InvokeHandler = (event: InvokeEvent, ...args: unknown[]) => Promise<Result<unknown>>;

const describeUrl = (url: string | undefined): string => {
  if (!url) return 'an unknown page';
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'an unparsable URL';
  }
};

/**
 * Decides whether an IPC message may reach a handler at all, in the spirit of VS Code's
 * validatedIpcMain: a known channel, sent by the top frame of a page on our app:// origin.
 * Returns the refusal as a Result (null when allowed) so it can travel back to the caller.
 */
export function refuseSender(event: InvokeEvent, channel: string): Result<never> | null {
  if (!INVOKE_CHANNELS.includes(channel))
    return err('forbidden', `Refused IPC on the unknown channel "${channel}".`);
  let frame: InvokeEvent['senderFrame'];
  try {
    frame = event.senderFrame;
  } catch {
    frame = null;
  }
  if (!frame) return err('forbidden', 'Refused IPC from a page that has already gone away.');
  if (!isAppUrl(frame.url))
    return err(
      'forbidden',
      `Refused IPC from ${describeUrl(frame.url)}: only pages on ${APP_ORIGIN} may call Packdesk.`,
    );
  if (frame.parent !== null)
    return err(
      'forbidden',
      'Refused IPC from an embedded frame: only the Packdesk window may call Packdesk.',
    );
  return null;
}

/**
 * ipcMain with the sender checks in front of every handler, and every failure (including a
 * handler that throws) returned as a Result: a thrown error would lose all but its message.
 */
export function createValidatedIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  log: (m: string) => void = console.warn,
) {
  return {
    handle(channel: string, handler: InvokeHandler): void {
      if (!INVOKE_CHANNELS.includes(channel))
        throw new Error(`IPC channel "${channel}" is not in the allowed list`);
      ipcMain.handle(channel, async (event, ...args: unknown[]) => {
        const refused = refuseSender(event, channel);
        if (refused) {
          log(`[packdesk] ${refused.ok ? '' : refused.error.message}`);
          return refused;
        }
        try {
          return await handler(event, ...args);
        } catch (e) {
          return err('internal', `Unexpected error: ${(e as Error)?.message ?? String(e)}`);
        }
      });
    },
  };
}

/**
 * The `packdesk:call` handler. Validates the operation name and its input against the contract
 * here in main as well, so malformed calls never reach the database process.
 */
export function createCallHandler(core: Pick<CoreHost, 'call'>, actor: string): InvokeHandler {
  return async (_event, ...args) => {
    if (args.length < 1 || args.length > 2)
      return err('invalid_input', 'A call takes an operation name and one input object.');
    const [op, input] = args;
    if (!isOpName(op)) {
      const name = typeof op === 'string' ? op.slice(0, 80) : `(${typeof op})`;
      return err('unknown_operation', `There is no operation called "${name}".`);
    }
    const parsed = contract[op].input.safeParse(input ?? {});
    if (!parsed.success) {
      const issues = describeIssues(parsed.error);
      return err(
        'invalid_input',
        `Invalid input for ${op}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
        issues,
      );
    }
    // The raw input goes on: the core parses it again and applies the schema's defaults itself.
    return core.call(op, input ?? {}, actor);
  };
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  core: Pick<CoreHost, 'call'>,
  actor: string,
): void {
  createValidatedIpc(ipcMain).handle(IPC.call, createCallHandler(core, actor));
}
