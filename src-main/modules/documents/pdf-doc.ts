import PDFDocument from 'pdfkit';
import { cjkFont } from './pdf-fonts';

export type Pdf = PDFKit.PDFDocument;

export const MM = 72 / 25.4;

/** A new PDF with the CJK font registered as 'body' and 'bold'. */
export function newPdf(size: [number, number] | 'A4', opts: { margin?: number; title?: string } = {}): Pdf {
  const doc = new PDFDocument({
    size,
    margin: opts.margin ?? 0,
    autoFirstPage: false,
    info: { Title: opts.title ?? 'Packdesk', Producer: 'Packdesk', Creator: 'Packdesk' },
  });
  doc.registerFont('body', cjkFont('regular'));
  doc.registerFont('bold', cjkFont('bold'));
  return doc;
}

/** Ends the document and resolves with its bytes. */
export function pdfBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
