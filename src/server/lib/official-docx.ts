import { AlignmentType, Document, Footer, LineRuleType, Packer, PageNumber, Paragraph, TextRun } from 'docx';

/**
 * Official documents laid out per GB/T 9704-2012 (党政机关公文格式): A4, type area
 * 156 mm × 225 mm (margins top 37, bottom 35, left 28, right 26 mm), 22 lines of 28
 * characters; issuing body in red 小标宋, title in 2号 (22 pt) 小标宋 centred, body in
 * 3号 (16 pt) 仿宋 with a two-character first-line indent, first-level headings in 黑体
 * and second-level in 楷体, the date right-aligned, page numbers `— 1 —` in 4号 宋体.
 * Fonts are named as the standard names them; a reader without them substitutes.
 */
export interface OfficialDocument {
  /** 发文机关标志, e.g. 诸城市社会管理办公室; printed red above the title. */
  issuer: string;
  /** 发文字号 or 期号 under the issuer (optional). */
  reference?: string | undefined;
  title: string;
  /** 主送机关 (optional). */
  addressees?: string | undefined;
  sections: { heading?: string | undefined; subheading?: string | undefined; paragraphs: string[] }[];
  /** 发文机关署名 and 成文日期 at the end. */
  signature: string;
  date: Date;
}

const MM = 56.7; // twips per millimetre
const BODY = 32; // 3号 = 16 pt, in half-points
const TITLE = 44; // 2号 = 22 pt
const LINE = 579; // 28.95 pt: 22 lines in the 225 mm type area (twentieths of a point)
const FANGSONG = '仿宋_GB2312';
const XIAOBIAOSONG = '方正小标宋简体';
const HEITI = '黑体';
const KAITI = '楷体_GB2312';

const run = (text: string, font: string, size = BODY, color?: string) =>
  new TextRun({ text, size, color, font: { ascii: font, eastAsia: font, hAnsi: font } });
const line = { line: LINE, lineRule: LineRuleType.EXACT };

/** 2026年9月28日 (成文日期 in Arabic numerals, GB/T 9704-2012 7.3.5.3). */
export function chineseDate(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}

export async function officialDocx(doc: OfficialDocument): Promise<Buffer> {
  const children: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run(doc.issuer, XIAOBIAOSONG, 52, 'FF0000')],
    }),
  ];
  if (doc.reference)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: line,
        children: [run(doc.reference, FANGSONG)],
      }),
    );
  children.push(
    new Paragraph({
      border: { bottom: { style: 'single', size: 12, color: 'FF0000', space: 4 } },
      children: [],
    }),
    new Paragraph({ spacing: line, children: [] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
      children: [run(doc.title, XIAOBIAOSONG, TITLE)],
    }),
    new Paragraph({ spacing: line, children: [] }),
  );
  if (doc.addressees)
    children.push(new Paragraph({ spacing: line, children: [run(`${doc.addressees}：`, FANGSONG)] }));
  for (const section of doc.sections) {
    if (section.heading)
      children.push(
        new Paragraph({ spacing: line, indent: { firstLine: 640 }, children: [run(section.heading, HEITI)] }),
      );
    if (section.subheading)
      children.push(
        new Paragraph({
          spacing: line,
          indent: { firstLine: 640 },
          children: [run(section.subheading, KAITI)],
        }),
      );
    for (const text of section.paragraphs) {
      children.push(
        new Paragraph({ spacing: line, indent: { firstLine: 640 }, children: [run(text, FANGSONG)] }),
      );
    }
  }
  children.push(
    new Paragraph({ spacing: line, children: [] }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: line,
      indent: { right: 1280 },
      children: [run(doc.signature, FANGSONG)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: line,
      indent: { right: 1280 },
      children: [run(chineseDate(doc.date), FANGSONG)],
    }),
  );
  const document = new Document({
    creator: doc.issuer,
    title: doc.title,
    sections: [
      {
        properties: {
          page: {
            size: { width: Math.round(210 * MM), height: Math.round(297 * MM) },
            margin: {
              top: Math.round(37 * MM),
              bottom: Math.round(35 * MM),
              left: Math.round(28 * MM),
              right: Math.round(26 * MM),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: '宋体' }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}
