import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sample = 'samples/vasteras-2012.kompass';

function kompass(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/kompass.js', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('kompass CLI', function () {
  this.timeout(60_000);
  let dir: string;

  before(() => {
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kompass-cli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('check', () => {
    it('passes the Västerås sample with exit 0', () => {
      const r = kompass('check', sample);
      assert.equal(r.code, 0, r.out + r.err);
      // The document's language (Swedish) words the count.
      assert.equal(r.out, '0 fel, 0 varningar i 1 fil\n');
    });

    it('prints PATH:LINE:COLUMN: SEVERITY CODE: MESSAGE and exits 1 on errors', () => {
      const r = kompass('check', 'samples/alla-diagnostiker.kompass');
      assert.equal(r.code, 1);
      const lines = r.out.trimEnd().split('\n');
      const last = lines.pop()!;
      assert.match(last, /^\d+ fel, \d+ varningar i 1 fil$/);
      for (const l of lines) {
        assert.match(
          l,
          /^samples\/alla-diagnostiker\.kompass:\d+:\d+: (error|warning) KK\d{3}: \S/,
        );
      }
      for (const code of [
        'KK001',
        'KK010',
        'KK011',
        'KK012',
        'KK013',
        'KK014',
        'KK015',
        'KK016',
        'KK020',
        'KK021',
        'KK022',
        'KK030',
        'KK031',
        'KK040',
        'KK041',
      ]) {
        assert.ok(
          lines.some((l) => l.includes(` ${code}: `)),
          code,
        );
      }
      assert.ok(
        lines.includes(
          'samples/alla-diagnostiker.kompass:19:84: error KK010: 16 poäng överstiger max 15 för fråga 1.1',
        ),
      );
    });

    it('gives the same as JSON', () => {
      const r = kompass('check', '--format', 'json', 'samples/alla-diagnostiker.kompass');
      assert.equal(r.code, 1);
      const j = JSON.parse(r.out) as {
        errors: number;
        warnings: number;
        items: { code: string; line: number; column: number }[];
      };
      assert.ok(j.errors > 0);
      assert.equal(j.items.filter((i) => i.code === 'KK010')[0]?.line, 19);
    });

    it('checks every file under a folder, frameworks shared', () => {
      const r = kompass('check', 'samples');
      const files = readdirSync('samples').filter((f) => f.endsWith('.kompass')).length;
      assert.match(r.out, new RegExp(`in ${files} files\\n$`));
      assert.ok(
        !r.out.includes('egen-utvardering.kompass:'),
        'the own framework resolves from its sibling file',
      );
    });

    it('exits 2 with one line on stderr for a missing file', () => {
      const r = kompass('check', 'nope.kompass');
      assert.equal(r.code, 2);
      assert.equal(r.err, 'kompass: nope.kompass: no such file or folder\n');
      assert.equal(r.out, '');
    });

    it('exits 2 for binary and non-UTF-8 input', () => {
      writeFileSync(join(dir, 'bin.kompass'), Buffer.from([0x65, 0x00, 0x01]));
      writeFileSync(join(dir, 'latin1.kompass'), Buffer.from([0x65, 0xe5, 0x0a]));
      assert.equal(kompass('check', join(dir, 'bin.kompass')).code, 2);
      const r = kompass('check', join(dir, 'latin1.kompass'));
      assert.equal(r.code, 2);
      assert.match(r.err, /not valid UTF-8/);
    });

    it('exits 2 on bad flags and without paths', () => {
      assert.equal(kompass('check', '--bogus', sample).code, 2);
      assert.equal(kompass('check', '--format', 'xml', sample).code, 2);
      assert.equal(kompass('check').code, 2);
      assert.equal(kompass('frobnicate').code, 2);
    });

    it('reads CRLF and BOM files', () => {
      const r = kompass('check', 'grammar/test/snapshots/bom-crlf.kompass');
      assert.equal(r.code, 1);
      assert.ok(r.out.includes('bom-crlf.kompass:4:18: error KK010:'), r.out);
    });
  });

  describe('summary', () => {
    it('shows every area and 561/800', () => {
      const r = kompass('summary', sample);
      assert.equal(r.code, 0, r.err);
      assert.ok(r.out.includes('Totalt 561/800 (70\u00a0%)'), r.out);
      const scores = [58, 69, 82, 65, 68, 64, 74, 81];
      scores.forEach((s, i) => {
        assert.match(r.out, new RegExp(`^\\s*${i + 1}  .*\\s${s}\\s+100\\s+${s}\u00a0%$`, 'm'));
      });
      assert.doesNotMatch(r.out, /Jämfört med/);
    });

    it('writes percentages as the report does: 63% in English', () => {
      const r = kompass('summary', 'samples/exempelby-2014.kompass');
      assert.equal(r.code, 0, r.err);
      assert.ok(r.out.includes('Total 506/800 (63%)'), r.out);
      assert.match(r.out, /^Compared with Exempelby kommun 2010: 448\/800, difference \+58$/m);
    });

    it('shows stated against computed where they differ', () => {
      const r = kompass('summary', 'grammar/test/snapshots/recovery.kompass');
      assert.equal(r.code, 1);
      // Area 2's points over the max count as the max: 274, not 275.
      assert.match(r.out, /Angiven totalpoäng 9999 skiljer sig från summan 274/);
    });

    it('answers JSON', () => {
      const j = JSON.parse(kompass('summary', '--format', 'json', sample).out) as {
        total: number;
        max: number;
      }[];
      assert.equal(j[0]!.total, 561);
      assert.equal(j[0]!.max, 800);
    });

    it('says where there is no evaluation', () => {
      const r = kompass('summary', 'grammar/frameworks');
      assert.equal(r.code, 2);
      assert.match(r.err, /no evaluation in grammar\/frameworks/);
    });
  });

  describe('export', () => {
    it('warns of characters the PDF cannot show, with their first lines, and still writes it', () => {
      const source = join(dir, 'tecken.kompass');
      const q = '"""';
      writeFileSync(
        source,
        `evaluation "Västerås stad 東京" {\n  framework "kommunkompassen-2.0"\n  language sv\n` +
          `  summary ${q}\n    En tumme upp 👍, ”citat” och å ä ö.\n  ${q}\n}\n`,
      );
      const out = join(dir, 'tecken.pdf');
      const r = kompass('export', source, '--format', 'pdf', '-o', out);
      assert.match(
        r.err,
        /tecken\.kompass: varning: PDF:en kan inte visa 東 \(rad 1\), 京 \(rad 1\), 👍 \(rad 5\): rapportens typsnitt/,
      );
      assert.equal(readFileSync(out).subarray(0, 5).toString('latin1'), '%PDF-');
      const html = kompass('export', source, '--format', 'html', '-o', join(dir, 't.html'));
      assert.doesNotMatch(html.err, /varning/);
      const pdf = kompass('export', sample, '--format', 'pdf', '-o', join(dir, 'v.pdf'));
      assert.equal(pdf.code, 0, pdf.err);
      assert.doesNotMatch(pdf.err, /varning/);
    });

    it('writes CSV with all 45 rows of the seed tables', () => {
      const out = join(dir, 'v.csv');
      const r = kompass('export', sample, '--format', 'csv', '-o', out);
      assert.equal(r.code, 0, r.err);
      const rows = readFileSync(out, 'utf8').trimEnd().split(/\r?\n/);
      assert.equal(rows.length, 46);
      assert.match(rows[0]!, /^area,question,title,points,max,percent/);
      assert.ok(
        rows.some((l) => /^1,1\.4,.*,17,30,57$/.test(l)),
        'question 1.4 is 17/30, 57 %',
      );
    });

    it('writes CSV for Excel with ; and a BOM', () => {
      const out = join(dir, 'v.csv');
      assert.equal(
        kompass('export', sample, '--format', 'csv', '--csv-separator', ';', '--bom', '-o', out)
          .code,
        0,
      );
      const bytes = readFileSync(out);
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      assert.match(bytes.toString('utf8'), /^\uFEFFarea;question;title;points;max;percent/);
    });

    it('writes the versioned JSON model', () => {
      const out = join(dir, 'v.json');
      assert.equal(kompass('export', sample, '--format', 'json', '-o', out).code, 0);
      const j = JSON.parse(readFileSync(out, 'utf8')) as { schemaVersion: number };
      assert.equal(j.schemaVersion, 1);
      assert.ok(JSON.stringify(j).includes('561'));
    });

    it('writes a Word document with --format docx, its problems with line numbers', () => {
      const out = join(dir, 'v.docx');
      assert.equal(kompass('export', sample, '--format', 'docx', '-o', out).code, 0);
      assert.equal(readFileSync(out).subarray(0, 2).toString('latin1'), 'PK');
      const md = join(dir, 'broken.md');
      const r = kompass(
        'export',
        'report/test/fixtures/broken.kompass',
        '--format',
        'md',
        '-o',
        md,
      );
      // Written all the same, exit 1, the errors listed on stderr in the document's language.
      assert.equal(r.code, 1);
      assert.match(r.err, /: 5 fel \(se ovan\)/);
      const problems = readFileSync(md, 'utf8').match(/^(> )?- .*KK\d{3}.*$/gm) ?? [];
      assert.ok(problems.length > 0);
      for (const p of problems) assert.match(p, /rad \d+/, p);
    });

    it('refuses to overwrite without --force, and overwrites with it', () => {
      const out = join(dir, 'v.md');
      writeFileSync(out, 'mine');
      const r = kompass('export', sample, '--format', 'md', '-o', out);
      assert.equal(r.code, 2);
      // Worded in the document's language (Swedish).
      assert.match(r.err, /finns redan \(använd --force/);
      assert.equal(readFileSync(out, 'utf8'), 'mine');
      assert.equal(kompass('export', sample, '--format', 'md', '-o', out, '--force').code, 0);
      assert.notEqual(readFileSync(out, 'utf8'), 'mine');
    });

    it('never writes over its input, even with --force', () => {
      const src = join(dir, 'v.kompass');
      copyFileSync(sample, src);
      const before = readFileSync(src, 'utf8');
      for (const target of [src, join(dir, 'other.kompass')]) {
        const r = kompass('export', src, '--format', 'json', '-o', target, '--force');
        assert.equal(r.code, 2, target);
      }
      assert.equal(readFileSync(src, 'utf8'), before);
    });

    it('writes beside the source by default and leaves no temporary files', () => {
      const src = join(dir, 'v.kompass');
      copyFileSync(sample, src);
      assert.equal(kompass('export', src, '--format', 'html').code, 0);
      assert.deepEqual(readdirSync(dir).sort(), ['v.html', 'v.kompass']);
    });

    it('writes to standard output with -o -', () => {
      const r = kompass('export', sample, '--format', 'md', '-o', '-');
      assert.equal(r.code, 0);
      assert.match(r.out, /Västerås stad/);
    });

    it('exits 2 on an unknown format', () => {
      const r = kompass('export', sample, '--format', 'odt');
      assert.equal(r.code, 2);
      assert.match(r.err, /--format must be html, pdf, docx, md, json or csv/);
    });
  });
});
