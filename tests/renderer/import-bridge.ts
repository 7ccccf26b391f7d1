import type { ImportReport } from '../../src-shared/contract/intake.contract';
import { fakeBridge } from './fake-bridge';

/**
 * A bridge for the import screen: uploads are counted, the import answers with `report` (an
 * otherwise empty run), and there are no earlier runs nor unmatched SKUs.
 */
export const importBridge = (report: Partial<ImportReport> & { format?: string; runId?: number }) =>
  fakeBridge({
    handlers: {
      'intake.upload': (input) => ({ ok: true, value: { bytes: atob(input.chunkBase64).length } }),
      'intake.runs': () => ({ ok: true, value: { rows: [] } }),
      'intake.import': () => ({
        ok: true,
        value: {
          runId: 1,
          format: 'packdesk',
          channel: '',
          imported: 0,
          updated: 0,
          unchanged: 0,
          rejected: [],
          ...report,
        },
      }),
      'standardize.unmatched': () => ({ ok: true, value: { rows: [] } }),
    },
  });
