import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type PdfReading, pdftotext, readPdf, requirePoppler } from '../../test/poppler';
import { renderPdf } from '../src/index';
import { analyse } from './helpers';

/** A line of text as pdftotext -bbox-layout places it: its words with their left edges. */
interface BoxLine {
  x: number;
  words: { x: number; text: string }[];
}

/** The blocks of text on every page, each a list of lines with positions. */
function boxes(bytes: Uint8Array): BoxLine[][] {
  const dir = mkdtempSync(join(tmpdir(), 'kompass-bbox-'));
  try {
    const file = join(dir, 'r.pdf');
    writeFileSync(file, bytes);
    const xml = execFileSync(pdftotext, ['-bbox-layout', file, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return [...xml.matchAll(/<block [^>]*>([\s\S]*?)<\/block>/g)].map((b) =>
      [...b[1]!.matchAll(/<line xMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)].map((l) => ({
        x: Number(l[1]),
        words: [...l[2]!.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((w) => ({
          x: Number(w[1]),
          text: w[2]!,
        })),
      })),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('report: the PDF layout of the sample (issue checklist)', function () {
  this.timeout(120_000);
  const { analysis, text } = analyse('samples/vasteras-2012.kompass');
  let bytes: Uint8Array;
  let pdf: PdfReading;

  before(async function () {
    requirePoppler(this, 'the PDF layout checks');
    bytes = await renderPdf(analysis, { sourceText: text });
    pdf = readPdf(bytes);
  });

  it('indents the wrapped lines of a bullet under its text, not under the bullet', () => {
    let wrapped = 0;
    for (const block of boxes(bytes)) {
      let textX: number | undefined;
      for (const line of block) {
        if (line.words[0]?.text === '•') textX = line.words[1]?.x;
        else if (textX !== undefined) {
          wrapped++;
          assert.ok(
            Math.abs(line.x - textX) < 1,
            `"${line.words.map((w) => w.text).join(' ')}" starts at ${line.x}, its text at ${textX}`,
          );
        }
      }
    }
    // Strengths, improvements and topics wrap in the sample: the check saw them.
    assert.ok(wrapped >= 20, `${wrapped} wrapped bullet lines`);
  });

  it('keeps the radar and the bars on one page', () => {
    const radar = pdf.pages.findIndex((p) => p.includes('Profil per område'));
    const bars = pdf.pages.findIndex((p) => p.includes('Poäng per område'));
    assert.ok(radar > 0, 'the radar is drawn');
    assert.equal(bars, radar);
  });

  it('has each area’s question table once, and the overview’s once per area', () => {
    const sections = pdf.tree.split(/^ {2}H[12] \(block\)\n/m);
    for (let n = 1; n <= 8; n++) {
      const area = sections.find((s) => new RegExp(`^\\s+"Område ${n}  `).test(s));
      assert.ok(area, `area ${n}`);
      assert.equal(
        area.match(/TH:?\s*\n(?:\s+\/Scope \/\w+\n)?\s+"Uppnått"/g)?.length,
        1,
        `area ${n}: one question table`,
      );
    }
    const overview = sections.find((s) => /^\s+"4 {2}Översikt av poängfördelning"/.test(s))!;
    assert.equal(
      overview.match(/TH:?\s*\n(?:\s+\/Scope \/\w+\n)?\s+"Uppnått"/g)?.length,
      8,
      'the overview: one per area',
    );
  });

  it('says the total once where it is shown', () => {
    const all = pdf.pages.join('\n');
    assert.equal(all.match(/^\s*561 av 800 poäng · 70 %\s*$/gm)?.length, 1, 'the summary');
    assert.equal(all.match(/^\s*Totalt 561\/800 · 70 %\s*$/gm)?.length, 1, 'the overview');
    assert.doesNotMatch(all, /561\/800\s*561 av 800/);
    assert.doesNotMatch(all, /561\/800\s*poäng/);
  });

  it('groups every number in Kortfakta the same way', () => {
    const facts = pdf.tree.slice(pdf.tree.lastIndexOf('Kortfakta om Västerås stad'));
    const values = [...facts.matchAll(/TD\s*\n\s+"([^"]*)"/g)].map((m) => m[1]!);
    const numbers = values.filter((v) => /^[\d\s\u00a0\u202f]+$/.test(v));
    assert.deepEqual(
      numbers.map((v) => v.replace(/\D/g, '')),
      ['140499', '1790', '9811'],
    );
    const separators = new Set(numbers.flatMap((v) => [...v.replace(/\d/g, '')]));
    assert.equal(
      separators.size,
      1,
      `one separator: ${[...separators].map((c) => c.charCodeAt(0))}`,
    );
  });

  it('never splits an area number from its title in the radar labels', () => {
    const radar = /Figure\s*\n\s+"(20406080100[^"]*)"/.exec(pdf.tree)?.[1];
    assert.ok(radar, 'the radar figure’s text');
    for (const a of analysis.evaluations[0]!.areas)
      assert.match(radar, new RegExp(`${a.number}\\.\\s${a.title.split(' ')[0]}`), a.title);
  });
});
