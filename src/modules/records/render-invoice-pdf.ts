import PDFDocument from 'pdfkit';
import { moneyText } from '../payouts/index.ts';
import type { InvoiceDocument, InvoiceParty } from './invoice-document.ts';

const MARGIN = 56;
const INK = '#1f2933';
const MUTED = '#616e7c';
const RULE = '#d9dee3';

const dateText = (at: Date) => new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(at);

/**
 * Draws a receipt or invoice as an A4 PDF. Uncompressed: the documents are small, and their text
 * stays searchable by tools (and tests) that read the raw file.
 */
export function renderInvoicePdf(document: InvoiceDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: false,
    info: { Title: `${document.title} ${document.number}`, Author: 'Workroom', Subject: document.title },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const money = (cents: number) => moneyText(cents, document.currency);
  const width = pdf.page.width - 2 * MARGIN;
  const right = pdf.page.width - MARGIN;

  pdf.fillColor(INK).font('Helvetica-Bold').fontSize(22).text('Workroom', MARGIN, MARGIN);
  pdf.font('Helvetica-Bold').fontSize(16).text(document.title, MARGIN, MARGIN, { width, align: 'right' });
  pdf.font('Helvetica').fontSize(10).fillColor(MUTED);
  pdf.text(`No. ${document.number}`, MARGIN, MARGIN + 24, { width, align: 'right' });
  pdf.text(`Date: ${dateText(document.issuedAt)}`, { width, align: 'right' });

  const partiesTop = MARGIN + 80;
  const party = (label: string, who: InvoiceParty, x: number) => {
    pdf.font('Helvetica-Bold').fontSize(9).fillColor(MUTED).text(label.toUpperCase(), x, partiesTop);
    pdf
      .font('Helvetica-Bold')
      .fontSize(11)
      .fillColor(INK)
      .text(who.name, x, partiesTop + 14, { width: width / 2 - 10 });
    pdf.font('Helvetica').fontSize(10).fillColor(MUTED);
    for (const line of who.lines) pdf.text(line, { width: width / 2 - 10 });
  };
  party('From', document.from, MARGIN);
  party(document.kind === 'receipt' ? 'Paid by' : 'Billed to', document.to, MARGIN + width / 2);

  let y = partiesTop + 80;
  pdf.font('Helvetica-Bold').fontSize(9).fillColor(MUTED);
  pdf.text('DESCRIPTION', MARGIN, y);
  pdf.text(`AMOUNT (${document.currency})`, MARGIN, y, { width, align: 'right' });
  y += 16;
  pdf.moveTo(MARGIN, y).lineTo(right, y).strokeColor(RULE).stroke();
  y += 8;
  pdf.font('Helvetica').fontSize(11).fillColor(INK);
  for (const item of document.items) {
    const height = pdf.heightOfString(item.description, { width: width - 130 });
    pdf.text(item.description, MARGIN, y, { width: width - 130 });
    pdf.text(money(item.amountCents), MARGIN, y, { width, align: 'right' });
    y += Math.max(height, 14) + 8;
  }
  pdf.moveTo(MARGIN, y).lineTo(right, y).strokeColor(RULE).stroke();
  y += 10;
  for (const total of document.totals) {
    pdf.font(total.strong ? 'Helvetica-Bold' : 'Helvetica').fontSize(total.strong ? 12 : 11);
    pdf.text(total.label, MARGIN + width / 2, y, { width: width / 2 - 130 });
    pdf.text(money(total.amountCents), MARGIN, y, { width, align: 'right' });
    y += 20;
  }

  y += 20;
  pdf.font('Helvetica').fontSize(9).fillColor(MUTED);
  for (const note of document.notes) {
    pdf.text(note, MARGIN, y, { width });
    y = pdf.y + 4;
  }
  pdf.text(`Amounts in ${document.currency}. Reference ${document.reference}.`, MARGIN, pdf.page.height - MARGIN - 20, {
    width,
    align: 'center',
  });
  pdf.end();
  return done;
}
