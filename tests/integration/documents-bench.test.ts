import { benchEscposReceipts, benchLabelPdf } from '../../src-main/modules/documents';
import { sampleLabels } from '../../src-main/modules/documents/documents.bench';
import { renderLabelsPdf } from '../../src-main/modules/documents/label-pdf.renderer';
import { pdfBarcodes } from '../fixtures/decode';

// Figures on this shared machine are not asserted; the shape and the comparison are.
describe('documents benchmarks (small runs)', () => {
  it('label PDF figure has the bench shape, and vector barcodes make a smaller PDF than embedded PNGs', async () => {
    const r = await benchLabelPdf(20);
    expect(r.figure).toMatchObject({ unit: 'labels/s', target: 100 });
    expect(r.figure.value).toBeGreaterThan(0);
    expect(r.figure.baseline).toBeGreaterThan(0);
    expect(r.figure.meets).toBe(r.figure.value >= 100);
    expect(r.bytes).toBeLessThan(r.baselineBytes);
  });

  it('the PNG baseline prints the same decodable barcodes, so the comparison is fair', async () => {
    const labels = sampleLabels(2);
    const [vec, png] = await Promise.all([
      renderLabelsPdf(labels, { size: '100x150' }),
      renderLabelsPdf(labels, { size: '100x150', barcodes: 'png' }),
    ]);
    expect(pdfBarcodes(png, 200)).toEqual(pdfBarcodes(vec, 200));
  });

  it('ESC/POS receipts figure', () => {
    const f = benchEscposReceipts(200);
    expect(f).toMatchObject({ unit: 'receipts/s', target: 1000 });
    expect(f.value).toBeGreaterThan(0);
  });
});
