/**
 * The report as a Word document (DOCX), laid out from the report's structure with the `docx`
 * library: built-in Heading 1–3 styles (Word's navigation pane and its own table of contents work),
 * a table of contents field, tables whose header row repeats, bulleted lists, the charts as
 * pictures with alternative text followed by their numbers as a table, page numbers, the
 * document's language and its core properties.
 */

import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { barsSvg, radarSvg } from './chart';
import { trendSvg } from './compareChart';
import type {
  Block,
  Cell,
  ContentsBlock,
  FigureBlock,
  ReportDocument,
  Row,
  Run,
  TableBlock,
} from './document';
import { labelsFor } from './labels';
import { markdownBlocks, type TextBlockPart } from './markdown-text';
import type { Deflate, ReportOptions } from './options';
import { chartPng } from './raster';
import type { ContentsEntry } from './view';

type Child = Paragraph | Table | TableOfContents;

const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

const colors = { muted: '5B6470', head: 'EEF1F5', border: 'C7CCD3', warn: '9A5B00' };

/**
 * Renders the report's structure as the bytes of a .docx file; `options.deflate` compresses the
 * charts' pictures (fflate when omitted).
 */
export async function renderDocxDocument(
  doc: ReportDocument,
  options: Pick<ReportOptions, 'deflate'> = {},
): Promise<Uint8Array> {
  const children: Child[] = [];
  for (const part of doc.parts) {
    const blocks = layoutBlocks(part.blocks, doc, options.deflate);
    const first = blocks[0];
    if (part.newPage && children.length > 0) children.push(pageBreak());
    else if (!first) continue;
    children.push(...blocks);
  }
  const document = new Document({
    title: doc.title,
    creator: doc.author ?? 'Kompass',
    lastModifiedBy: 'Kompass',
    ...(doc.subject ? { subject: doc.subject, description: doc.subject } : {}),
    keywords: 'Kommunkompassen',
    features: { updateFields: true },
    styles: {
      default: {
        document: {
          run: { font: 'Calibri', size: 22, language: { value: doc.lang } },
        },
      },
    },
    sections: [
      {
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: doc.header, size: 16, color: colors.muted })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 18,
                    color: colors.muted,
                    children: [
                      `${doc.pageLabel} `,
                      PageNumber.CURRENT,
                      ' / ',
                      PageNumber.TOTAL_PAGES,
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  });
  // An ArrayBuffer, not a Node Buffer: the same code runs in the web extension.
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

function pageBreak(): Paragraph {
  return new Paragraph({ pageBreakBefore: true, children: [] });
}

function runs(
  list: readonly Run[],
  extra: { size?: number; color?: string } = {},
): ParagraphChild[] {
  return list.map((r) => {
    const text = new TextRun({
      text: r.text,
      ...(r.bold ? { bold: true } : {}),
      ...(r.italic ? { italics: true } : {}),
      ...(r.code ? { font: 'Consolas' } : {}),
      ...(extra.size ? { size: extra.size } : {}),
      ...(extra.color ? { color: extra.color } : {}),
      ...(r.link ? { style: 'Hyperlink' } : {}),
    });
    return r.link ? new ExternalHyperlink({ link: r.link, children: [text] }) : text;
  });
}

function layoutBlocks(blocks: readonly Block[], doc: ReportDocument, deflate?: Deflate): Child[] {
  const out: Child[] = [];
  for (const b of blocks) out.push(...layoutBlock(b, doc, deflate));
  return out;
}

function layoutBlock(b: Block, doc: ReportDocument, deflate?: Deflate): Child[] {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({
          heading: headingLevels[b.level - 1],
          keepNext: true,
          children: [new TextRun(b.number ? `${b.number} ${b.text}` : b.text)],
        }),
      ];
    case 'paragraph': {
      const style = b.style;
      if (style === 'title')
        return [new Paragraph({ heading: HeadingLevel.TITLE, children: runs(b.runs) })];
      const size =
        style === 'kicker' ? 40 : style === 'year' ? 36 : style === 'total' ? 28 : undefined;
      const color = style === 'label' ? colors.muted : undefined;
      return [
        new Paragraph({
          spacing: { after: 120 },
          children: runs(
            style === 'label' ? b.runs.map((r) => ({ ...r, text: r.text.toUpperCase() })) : b.runs,
            { ...(size ? { size } : {}), ...(color ? { color } : {}) },
          ),
        }),
      ];
    }
    case 'text':
      return textBlock(b.source, b.level);
    case 'keyValue':
      return [keyValueTable(b.rows), new Paragraph({ children: [] })];
    case 'table':
      return [table(b), new Paragraph({ children: [] })];
    case 'list':
      return b.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) }));
    case 'figure':
      return figure(b, doc.lang, deflate);
    case 'note':
      return [
        new Paragraph({
          children: runs([{ text: b.text, italic: true }], {
            ...(b.tone === 'info' ? {} : { color: colors.warn }),
          }),
        }),
      ];
    case 'contents':
      return contentsField(b, doc);
    case 'columns':
      return b.columns.flatMap((c) => layoutBlocks(c, doc, deflate));
    case 'score':
      return [
        new Paragraph({
          spacing: { after: 60 },
          children: [
            new TextRun({ text: `${b.label} `, color: colors.muted }),
            new TextRun({
              text: b.score,
              bold: true,
              size: 32,
              ...(b.missing ? { italics: true } : {}),
            }),
            new TextRun({ text: ` ${b.of}` }),
          ],
        }),
        ...(b.topics.length > 0
          ? [
              new Paragraph({
                keepNext: true,
                children: [new TextRun({ text: b.topicsLabel, bold: true })],
              }),
              ...b.topics.map(
                (t) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(t)] }),
              ),
            ]
          : []),
      ];
  }
}

/** A text block of the evaluation: its headings go below `level`, lists become bullets. */
function textBlock(source: string, level: number): Child[] {
  return markdownBlocks(source).map((part) => textPart(part, level));
}

function textPart(part: TextBlockPart, level: number): Child {
  switch (part.kind) {
    case 'heading':
      return new Paragraph({
        heading: headingLevels[Math.min(6, level + part.level) - 1],
        keepNext: true,
        children: runs(part.runs),
      });
    case 'paragraph':
      if (part.marker === '•')
        return new Paragraph({
          bullet: { level: Math.max(0, part.indent - 1) },
          children: runs(part.runs),
        });
      return new Paragraph({
        spacing: { after: 120 },
        ...(part.indent > 0 ? { indent: { left: 360 * part.indent } } : {}),
        children: runs(part.marker ? [{ text: `${part.marker} ` }, ...part.runs] : part.runs),
      });
    case 'code':
      return new Paragraph({
        indent: { left: 360 * (part.indent + 1) },
        children: part.text
          .split('\n')
          .map(
            (line, i) =>
              new TextRun({ text: line, font: 'Consolas', ...(i > 0 ? { break: 1 } : {}) }),
          ),
      });
    case 'rule':
      return new Paragraph({
        border: {
          bottom: { style: BorderStyle.SINGLE, size: 6, color: colors.border, space: 1 },
        },
        children: [],
      });
  }
}

function cell(
  text: string,
  options: { header?: boolean; numeric?: boolean; missing?: boolean; span?: number } = {},
): TableCell {
  return new TableCell({
    ...(options.span && options.span > 1 ? { columnSpan: options.span } : {}),
    ...(options.header
      ? { shading: { type: ShadingType.CLEAR, fill: colors.head, color: 'auto' } }
      : {}),
    children: [
      new Paragraph({
        ...(options.numeric ? { alignment: AlignmentType.RIGHT } : {}),
        children: [
          new TextRun({
            text,
            ...(options.header ? { bold: true } : {}),
            ...(options.missing ? { italics: true, color: colors.warn } : {}),
          }),
        ],
      }),
    ],
  });
}

function bodyRow(r: Row, bold = false): TableRow {
  return new TableRow({
    cantSplit: true,
    children: r.cells.map((c) =>
      cell(c.text, {
        header: bold,
        ...(c.numeric ? { numeric: true } : {}),
        ...(c.missing ? { missing: true } : {}),
        ...(c.span ? { span: c.span } : {}),
      }),
    ),
  });
}

/** The text width of an A4 page with the default margins, in twentieths of a point. */
const pageWidth = 9026;

/** Column widths: numbers narrow, text columns share the rest; read from a body row, which spans nothing. */
function widths(t: TableBlock): number[] {
  const columns: readonly Cell[] = t.rows[0]?.cells ?? t.head;
  const numeric = columns.filter((c) => c.numeric).length;
  const number = Math.min(1300, Math.floor((pageWidth * 0.6) / Math.max(1, numeric)));
  const text = Math.floor((pageWidth - number * numeric) / Math.max(1, columns.length - numeric));
  return columns.map((c) => (c.numeric ? number : text));
}

/** A table whose first row is marked as its header, so Word repeats it on every page. */
function table(t: TableBlock): Table {
  const rows = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: t.head.map((c) =>
        cell(c.text, {
          header: true,
          ...(c.numeric ? { numeric: true } : {}),
          ...(c.span ? { span: c.span } : {}),
        }),
      ),
    }),
    ...t.rows.map((r) => bodyRow(r)),
    ...(t.foot ? [bodyRow(t.foot, true)] : []),
  ];
  return new Table({
    width: { size: pageWidth, type: WidthType.DXA },
    columnWidths: widths(t),
    rows,
  });
}

function keyValueTable(rows: readonly { key: string; value: string }[]): Table {
  return new Table({
    width: { size: pageWidth, type: WidthType.DXA },
    columnWidths: [Math.round(pageWidth * 0.35), pageWidth - Math.round(pageWidth * 0.35)],
    rows: rows.map(
      (r) =>
        new TableRow({
          cantSplit: true,
          children: [cell(r.key, { header: true }), cell(r.value)],
        }),
    ),
  });
}

/**
 * The chart as an SVG picture with a PNG fallback, its caption, then its numbers as a table;
 * `lang` is the report's, for the chart's words and percentages.
 */
function figure(f: FigureBlock, lang: string, deflate?: Deflate): Child[] {
  const labels = labelsFor(lang.split('-')[0]);
  const svg = standaloneSvg(
    f.chart === 'radar'
      ? radarSvg(f.data, labels)
      : f.chart === 'bars'
        ? barsSvg(f.data, labels)
        : trendSvg(f.data, f.caption, labels.lang),
  );
  const png = chartPng(f.chart, f.data, 560, deflate);
  const width = 450;
  const height = Math.round((png.height * width) / png.width);
  return [
    new Paragraph({
      keepNext: true,
      children: [new TextRun({ text: f.caption, bold: true })],
    }),
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: 'svg',
          data: new TextEncoder().encode(svg),
          fallback: { type: 'png', data: png.png },
          transformation: { width, height },
          altText: { name: f.caption, title: f.caption, description: f.alt },
        }),
      ],
    }),
    table(f.table),
    new Paragraph({ children: [] }),
  ];
}

/** The chart's SVG with its styles inside, as a picture outside the report's stylesheet needs. */
function standaloneSvg(svg: string): string {
  const style =
    '<style>text{font-family:Calibri,"DejaVu Sans",sans-serif;font-size:11px;fill:#1b1f24}.kk-tick{fill:#5b6470;font-size:9px}.kk-grid{stroke:#c7ccd3;stroke-width:1;fill:none}.kk-axis{stroke:#c7ccd3;stroke-width:1}</style>';
  return svg.replace(/^(<svg[^>]*>)/, `$1${style}`);
}

/** A table of contents field over Heading 1–3, written with its entries so it reads before Word updates it. */
function contentsField(b: ContentsBlock, doc: ReportDocument): Child[] {
  const entries: { title: string; level: number }[] = [];
  const walk = (list: readonly ContentsEntry[], level: number) => {
    for (const e of list) {
      entries.push({ title: e.number ? `${e.number} ${e.title}` : e.title, level });
      walk(e.children, level + 1);
    }
  };
  walk(b.entries, 1);
  return [
    new TableOfContents(doc.title, {
      hyperlink: true,
      headingStyleRange: '1-3',
      cachedEntries: entries,
    }),
  ];
}
