import type { CoreContext } from '../../core-context';
import type { SecretStore } from '../../adapters/secrets/secret-store.port';
import { PrinterError } from '../../adapters/printers/printer-error';
import type { WaybillDocument } from '../../adapters/printers/print-component.client';
import { printParams } from '../../adapters/waybills/douyin-waybill.client';
import { AppFailure } from '../../../src-shared/result';
import { componentWaybill, type PrintQueueDeps } from '../printing';
import { loadAccountCredentials } from './waybill-accounts.service';
import { findAccount } from './waybill.repo';

/** In a queued Douyin document: the id of the account whose credentials sign its `params`. */
export const DOUYIN_PARAMS_OF = 'packdeskParamsOfAccount';

type SendWaybill = NonNullable<PrintQueueDeps['waybill']>;

/**
 * Wraps the print queue's e-waybill sender: a Douyin document gets its `params` (the signed
 * logistics.getShopKey query the Douyin component calls to open the print data) just before it
 * is sent. Signed then because it carries a timestamp Douyin checks and the shop's access token,
 * which must not sit in print_jobs in plain text; other platforms' documents pass unchanged.
 */
export function withDouyinPrintParams(
  ctx: CoreContext,
  secrets: SecretStore,
  send: SendWaybill = componentWaybill(),
): SendWaybill {
  return async (printer, payload, job) => {
    const documents = JSON.parse(payload.toString('utf8')) as WaybillDocument[];
    const marked = documents.flatMap((d) => d.contents).filter((c) => DOUYIN_PARAMS_OF in c);
    if (!marked.length) return send(printer, payload, job);
    for (const content of marked) {
      const accountId = Number(content[DOUYIN_PARAMS_OF]);
      delete content[DOUYIN_PARAMS_OF];
      const account = findAccount(ctx.sqlite, accountId);
      if (!account)
        throw new PrinterError(
          'rejected',
          `The Douyin e-waybill account ${accountId} that issued this waybill no longer exists, so its print data cannot be opened`,
          false,
        );
      try {
        content.params = printParams(await loadAccountCredentials(secrets, account), ctx.now());
      } catch (e) {
        if (!(e instanceof AppFailure)) throw e;
        throw new PrinterError('rejected', `Douyin e-waybill not sent: ${e.message}`, false);
      }
    }
    return send(printer, Buffer.from(JSON.stringify(documents), 'utf8'), job);
  };
}
