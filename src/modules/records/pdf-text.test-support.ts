/**
 * The text of an uncompressed pdfkit PDF: pdfkit writes each run as a TJ array of hex strings
 * (kerning numbers between them), so the hex parts of each array, decoded, are the run's text.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const runs: string[] = [];
  for (const match of raw.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
    const hex = [...(match[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((part) => part[1] ?? '').join('');
    runs.push(Buffer.from(hex, 'hex').toString('latin1'));
  }
  return runs.join('\n');
}
