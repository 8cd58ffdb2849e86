// 公文 layout after GB/T 9704-2012, as Word measures it. One place for every number, so the writer and the tests
// that read the .docx back agree on what "right" is.
//
// 版心 156 mm × 225 mm on A4: margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm. Body 三号 (16 pt) with an
// exact line pitch of 28.95 pt, which is what fits 22 lines into the 225 mm 版心 (GB/T 9704: 每面22行、每行28字).

const TWIPS_PER_MM = 1440 / 25.4;
export const mm = (millimetres: number): number => Math.round(millimetres * TWIPS_PER_MM);

export const PAGE = {
  width: 11906,
  height: 16838,
  marginTop: mm(37),
  marginBottom: mm(35),
  marginLeft: mm(28),
  marginRight: mm(26),
  /** Header distance: there is no header text, but Word wants a value. */
  header: mm(15),
  /**
   * Footer distance from the page edge: the page number's 一字线 stands 7 mm below the 版心 (35 − 7 = 28 mm to its
   * top); a 四号 line is about 6 mm high, so its bottom sits near 22 mm.
   */
  footer: mm(22),
} as const;

/** Text width (版心宽) in twips: the width of every table. */
export const TEXT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

/** Exact line pitch of body text: 28.95 pt in twips. */
export const LINE_PITCH = 579;

/** Font sizes in half-points (w:sz). */
export const SIZE = {
  /** 二号 */
  title: 44,
  /** 三号 */
  body: 32,
  /** 四号 */
  pageNumber: 28,
  caption: 28,
  /** 五号 */
  table: 21,
  note: 24,
} as const;

/** One character of 三号 text, for indents (首行缩进二字 = 2 × 320). */
export const CHAR = 320;

/**
 * Font names as a government PC has them installed (方正/GB2312 fonts). Each is written in w:rFonts eastAsia so
 * Word picks it for Chinese text, and listed in the font table with an alternative (w:altName) and the GB2312
 * charset / family, so a PC without the font substitutes a serif (宋体) or sans (黑体) Chinese face rather than a
 * Latin one. LibreOffice maps them through fontconfig (scripts/check-report-visual.sh).
 */
export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

interface FontEntry {
  name: string;
  altName?: string;
  panose: string;
  charset: string;
  family: 'roman' | 'modern' | 'swiss' | 'script' | 'auto';
  pitch: 'variable' | 'fixed';
}

const FONT_TABLE: readonly FontEntry[] = [
  { name: FONTS.latin, panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
  { name: FONTS.title, altName: '宋体', panose: '02000000000000000000', charset: '86', family: 'roman', pitch: 'variable' },
  { name: FONTS.body, altName: '仿宋', panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONTS.heading1, altName: 'SimHei', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONTS.heading2, altName: '楷体', panose: '02010609030101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: FONTS.pageNumber, altName: 'SimSun', panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
  { name: '仿宋', altName: 'FangSong', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: '楷体', altName: 'KaiTi', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  { name: 'Noto Serif CJK SC', panose: '02020400000000000000', charset: '86', family: 'roman', pitch: 'variable' },
];

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** word/fontTable.xml naming every font the document uses, with its Chinese fallback. */
export function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${xmlEscape(f.name)}">${f.altName ? `<w:altName w:val="${xmlEscape(f.altName)}"/>` : ''}<w:panose1 w:val="${f.panose}"/><w:charset w:val="${f.charset}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${fonts}</w:fonts>`;
}
