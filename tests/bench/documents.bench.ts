import { benchEscposReceipts, benchLabelPdf } from '../../src-main/modules/documents';
import { figure, type BenchContext, type Figure } from './harness';

/**
 * Printing throughput: 1,000 4×6 labels with vector barcodes into one PDF against the naive
 * embedded-PNG barcodes, and ESC/POS receipts against hand-concatenated bytes, same run.
 */
export async function benchDocuments(ctx: BenchContext): Promise<Figure[]> {
  ctx.log('documents: 1,000 labels into one PDF (vector vs PNG barcodes)…');
  const labels = await benchLabelPdf(1000);
  ctx.log('documents: ESC/POS receipts…');
  const receipts = benchEscposReceipts(5000);
  return [
    figure({
      name: 'label PDF: 1,000 4×6 labels with barcodes, one PDF',
      value: labels.figure.value,
      unit: 'labels/s',
      baseline: labels.figure.baseline,
      target: '≥ 100 labels/s',
      meets: labels.figure.value >= 100,
      note: `baseline: same labels with bwip-js PNG barcodes embedded; PDF ${Math.round(labels.bytes / 1024)} KiB vs ${Math.round(labels.baselineBytes / 1024)} KiB`,
    }),
    figure({
      name: 'ESC/POS sales receipts generated',
      value: receipts.value,
      unit: 'receipts/s',
      baseline: receipts.baseline,
      target: '≥ 1,000 receipts/s',
      meets: receipts.value >= 1000,
      note: 'baseline: fixed command bytes around one GB18030 encode of the same text (the floor, no layout)',
    }),
  ];
}
