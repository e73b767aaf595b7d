/**
 * Which uploads are accepted, and as what type. The type a browser declares is only a hint: images
 * and PDFs are recognised by their first bytes, so a script renamed to .png is refused, and the
 * type we store (and later serve) is one we chose, never free text from the client.
 */

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ODF = 'application/vnd.oasis.opendocument';

/** Office documents are zip archives underneath; the extension or declared type says which. */
const ZIP_DOCUMENTS: Record<string, string> = {
  docx: `${OOXML}.wordprocessingml.document`,
  xlsx: `${OOXML}.spreadsheetml.sheet`,
  pptx: `${OOXML}.presentationml.presentation`,
  odt: `${ODF}.text`,
  ods: `${ODF}.spreadsheet`,
  odp: `${ODF}.presentation`,
};

/** Pre-2007 Office files share one container format (OLE2). */
const OLE_DOCUMENTS: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

const TEXT_TYPES: Record<string, string> = {
  txt: 'text/plain',
  text: 'text/plain',
  log: 'text/plain',
  csv: 'text/csv',
  md: 'text/markdown',
  markdown: 'text/markdown',
};

export const ALLOWED_CONTENT_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/zip',
  ...Object.values(ZIP_DOCUMENTS),
  ...Object.values(OLE_DOCUMENTS),
  ...new Set(Object.values(TEXT_TYPES)),
];

/** Bytes needed to recognise a format (and to judge whether a file is text). */
export const SNIFF_BYTES = 4096;

type Sniffed =
  | 'image/png'
  | 'image/jpeg'
  | 'image/gif'
  | 'image/webp'
  | 'application/pdf'
  | 'zip'
  | 'ole'
  | 'text'
  | 'binary';

const startsWith = (head: Buffer, bytes: number[], at = 0) => bytes.every((byte, index) => head[at + index] === byte);

function sniff(head: Buffer): Sniffed {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (head.subarray(0, 6).toString('latin1') === 'GIF87a' || head.subarray(0, 6).toString('latin1') === 'GIF89a') {
    return 'image/gif';
  }
  if (head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') {
    return 'image/webp';
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  return looksLikeText(head) ? 'text' : 'binary';
}

/** Text has no NUL and no control characters other than tabs, line breaks, form feeds and ESC. */
function looksLikeText(head: Buffer): boolean {
  for (const byte of head) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) return false;
    if (byte === 0x7f) return false;
  }
  return true;
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

function pick(table: Record<string, string>, extension: string, declared: string): string | null {
  if (table[extension]) return table[extension];
  return Object.values(table).includes(declared) ? declared : null;
}

/**
 * The content type to store for an upload, or null when it is not an accepted kind of file.
 * `head` is the first SNIFF_BYTES of the file (less for a smaller file).
 */
export function acceptedContentType(head: Buffer, fileName: string, declaredType: string): string | null {
  const declared = (declaredType.split(';')[0] ?? '').trim().toLowerCase();
  const extension = extensionOf(fileName);
  const sniffed = sniff(head);
  switch (sniffed) {
    case 'zip':
      return pick(ZIP_DOCUMENTS, extension, declared) ?? 'application/zip';
    case 'ole':
      return pick(OLE_DOCUMENTS, extension, declared);
    case 'text': {
      if (TEXT_TYPES[extension]) return TEXT_TYPES[extension];
      // Without a known extension, accept only what the browser also calls text (not html, svg, js).
      if (
        extension === '' &&
        (Object.values(TEXT_TYPES).includes(declared) || ['', 'application/octet-stream'].includes(declared))
      ) {
        return Object.values(TEXT_TYPES).includes(declared) ? declared : 'text/plain';
      }
      return null;
    }
    case 'binary':
      return null;
    default:
      return sniffed;
  }
}

/** Images are the only files shown in the page; everything else downloads. */
export const isInlineImage = (contentType: string): boolean => contentType.startsWith('image/');
