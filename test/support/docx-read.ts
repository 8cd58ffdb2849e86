// Reading a generated .docx back for tests: the parts as XML, the tables as cell text, the text in order (mammoth).
import JSZip from 'jszip';
import mammoth from 'mammoth';

export interface DocxParts {
  document: string;
  styles: string;
  settings: string;
  fontTable: string;
  footers: string[];
}

export async function readDocxParts(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  const footerNames = Object.keys(zip.files).filter((n) => /^word\/footer\d+\.xml$/.test(n)).sort();
  return {
    document: await text('word/document.xml'),
    styles: await text('word/styles.xml'),
    settings: await text('word/settings.xml'),
    fontTable: await text('word/fontTable.xml'),
    footers: await Promise.all(footerNames.map(text)),
  };
}

function decode(xml: string): string {
  return xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The text of an XML fragment: its w:t runs, paragraphs joined with \n. */
export function runText(xml: string): string {
  return xml
    .split(/<\/w:p>/)
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1] ?? '')).join(''))
    .filter((t, i, all) => t !== '' || i < all.length - 1)
    .join('\n')
    .replace(/\n+$/, '');
}

/** Every table of the document as rows of cell texts (the paragraphs of a cell joined without a separator). */
export function docxTables(documentXml: string): string[][][] {
  return [...documentXml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((table) =>
    [...(table[1] ?? '').matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((row) =>
      [...(row[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => runText(cell[1] ?? '').replace(/\n/g, '')),
    ),
  );
}

/** The document's paragraphs in reading order (mammoth's raw text). */
export async function docxParagraphs(bytes: Uint8Array): Promise<string[]> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return value
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The XML of one style (w:style with this styleId). */
export function styleXml(stylesXml: string, styleId: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${styleId}"[^>]*>[\\s\\S]*?</w:style>`).exec(stylesXml)?.[0] ?? '';
}
