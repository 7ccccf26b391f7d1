export { documentsHandlers } from './documents.handlers';
export {
  renderLabelBytes,
  labelModelFor,
  templateAssets,
  renderSalesReceiptEscpos,
  saveCustoms,
} from './documents.service';
export { renderReceiptEscpos } from './receipt-escpos.renderer';
export { renderDocumentBytes } from './documents-render.service';
export { chineseCapitalAmount } from './chinese-amount';
export { EscPosBuilder } from './escpos.builder';
export type { LabelModel } from './label.model';
export { orderIdFromBarcode } from './label.model';
export { renderTestPage, TEST_BARCODE, type TestPageTarget } from './test-page.renderer';
export { benchLabelPdf, benchEscposReceipts, type BenchFigure } from './documents.bench';
