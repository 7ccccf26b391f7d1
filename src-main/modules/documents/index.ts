export { documentsHandlers } from './documents.handlers';
export { renderLabelBytes, labelModelFor, templateAssets } from './documents.service';
export { renderDocumentBytes } from './documents-render.service';
export { chineseCapitalAmount } from './chinese-amount';
export { EscPosBuilder } from './escpos.builder';
export type { LabelModel } from './label.model';
