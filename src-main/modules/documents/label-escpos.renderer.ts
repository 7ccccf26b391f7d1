import { EscPosBuilder } from './escpos.builder';
import { formatWeight, LABEL_WORDS, type LabelModel } from './label.model';

/** A shipping label on a receipt printer: for shops that have no label printer yet. */
export function renderLabelEscpos(m: LabelModel): Buffer {
  const w = LABEL_WORDS[m.language];
  const b = new EscPosBuilder()
    .init()
    .align('center')
    .bold(true)
    .size(2, 2)
    .line(m.carrierName)
    .size(1, 1)
    .bold(false);
  if (m.service) b.line(m.service);
  if (m.cod) b.bold(true).line(`${w.cod} ${m.cod.text}`).bold(false);
  b.code128(m.barcode, 90, 2).line();
  b.align('left').bold(true).line(`${w.to}: ${m.recipient.name} ${m.recipient.phone}`).bold(false);
  for (const l of m.recipient.addressLines) b.line(l);
  b.line(`${w.from}: ${m.sender.name} ${m.sender.phone}`);
  for (const l of m.sender.addressLines) b.line(l);
  b.line(`${w.order}: ${m.orderRef}`).line(
    `${w.weight}: ${formatWeight(m.weightGrams)}  ${m.itemCount} ${w.items}`,
  );
  if (m.linesSummary) b.line(m.linesSummary);
  if (m.qrPayload) b.align('center').qr(m.qrPayload, 6).line();
  return b.feed(2).cut().build();
}
