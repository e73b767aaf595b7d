import PDFDocument from 'pdfkit';
import type { RecordDocument } from './export-record.ts';

const MARGIN = 56;
const INK = '#1f2933';
const MUTED = '#616e7c';
const RULE = '#d9dee3';

const dateTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso));

/**
 * The record as a readable A4 document: the parties and the terms version in force, then every
 * entry with its date, who acted, what happened and the start of its hash. Uncompressed so its
 * text stays searchable by tools (and tests) that read the raw file. Text flows, so pdfkit adds
 * pages as the record grows.
 */
export function renderRecordPdf(document: RecordDocument): Promise<Buffer> {
  const { export: record, contract } = document;
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: false,
    info: { Title: `Contract record: ${contract.title}`, Author: 'Workroom', Subject: 'Contract record' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - 2 * MARGIN;
  const rule = () => {
    const y = pdf.y + 4;
    pdf
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .strokeColor(RULE)
      .stroke();
    pdf.y = y + 8;
  };

  pdf.fillColor(INK).font('Helvetica-Bold').fontSize(20).text('Workroom contract record', MARGIN, MARGIN, { width });
  pdf.font('Helvetica-Bold').fontSize(13).text(contract.title, { width });
  pdf.moveDown(0.5).font('Helvetica').fontSize(10).fillColor(MUTED);
  pdf.text(`Client: ${contract.client.name}`, { width });
  pdf.text(`Freelancer: ${contract.freelancer.name}`, { width });
  pdf.text(`Terms version in force: ${contract.termsVersion}`, { width });
  pdf.text(`Contract ${contract.id}`, { width });
  pdf.text(`Exported ${dateTime(record.exportedAt)} UTC, ${record.entries.length} entries`, { width });
  pdf.text(record.head ? `Head hash: ${record.head.hash}` : 'The record is empty.', { width });
  pdf.moveDown(0.5);
  rule();

  for (const entry of record.entries) {
    pdf.font('Helvetica-Bold').fontSize(10).fillColor(INK);
    pdf.text(`#${entry.seq}  ${dateTime(entry.at)}  ${document.nameOf(entry.actorId)}`, MARGIN, pdf.y, { width });
    pdf.font('Helvetica').fontSize(10).fillColor(INK).text(entry.summary, { width });
    pdf
      .font('Courier')
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${entry.kind}  hash ${entry.hash.slice(0, 16)}`, { width });
    pdf.moveDown(0.3);
  }

  if (record.files.length > 0) {
    rule();
    pdf.font('Helvetica-Bold').fontSize(11).fillColor(INK).text('Files', MARGIN, pdf.y, { width });
    pdf.font('Helvetica').fontSize(9).fillColor(INK);
    for (const file of record.files) {
      pdf.text(`${file.name} (${file.sizeBytes} bytes)  SHA-256 ${file.sha256}`, { width });
    }
  }
  pdf.moveDown(1).font('Helvetica').fontSize(8).fillColor(MUTED);
  pdf.text(
    'Each entry carries the SHA-256 of the one before it. Check the JSON export offline with: npx workroom record verify FILE',
    MARGIN,
    pdf.y,
    { width },
  );
  pdf.end();
  return done;
}
