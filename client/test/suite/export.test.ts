import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as vscode from 'vscode';
import { kompass, raceExportsToOneName, sampleText, scratchDir, writeScratch } from './helpers';

suite('export', () => {
  const checks: Record<string, (bytes: Buffer) => void> = {
    html: (b) => assert.match(b.toString('utf8'), /<html[\s\S]*Västerås stad[\s\S]*<\/html>/),
    pdf: (b) => assert.equal(b.subarray(0, 5).toString('latin1'), '%PDF-'),
    md: (b) => assert.match(b.toString('utf8'), /^#.*Västerås stad/m),
    json: (b) =>
      assert.ok(JSON.stringify(JSON.parse(b.toString('utf8'))).includes('Västerås stad')),
    csv: (b) => assert.ok(b.toString('utf8').split(/\r?\n/).length > 40, 'a row per question'),
  };

  for (const [format, check] of Object.entries(checks)) {
    test(`writes ${format}`, async () => {
      const api = await kompass();
      const source = writeScratch(`export-${format}.kompass`, sampleText('vasteras-2012.kompass'));
      const target = vscode.Uri.file(path.join(scratchDir(), `report.${format}`));
      const written = await api.exportReport({ source, target, format: format as 'html' });
      assert.equal(written.fsPath, target.fsPath);
      const bytes = fs.readFileSync(target.fsPath);
      assert.ok(bytes.length > 0);
      check(bytes);
      const leftovers = fs.readdirSync(scratchDir()).filter((f) => f.startsWith('.kompass-tmp-'));
      assert.deepEqual(leftovers, [], 'no temporary file is left behind');
    });
  }

  test('writes docx, its chart pictures compressed by Node’s zlib on the desktop', async () => {
    const api = await kompass();
    const source = writeScratch('export-docx.kompass', sampleText('vasteras-2012.kompass'));
    const target = vscode.Uri.file(path.join(scratchDir(), 'report.docx'));
    await api.exportReport({ source, target, format: 'docx' });
    const pngs = zipEntries(fs.readFileSync(target.fsPath)).filter((e) => e.name.endsWith('.png'));
    assert.equal(pngs.length, 2, 'a picture per chart');
    for (const png of pngs) {
      const idat = pngData(png.data);
      // fflate, which the web extension uses, writes other bytes for the same pixels.
      assert.deepEqual(idat, zlib.deflateSync(zlib.inflateSync(idat), { level: 6 }), png.name);
    }
  });

  test('refuses to write over the source', async () => {
    const api = await kompass();
    const text = sampleText('vasteras-2012.kompass');
    const source = writeScratch('refuse.kompass', text);
    await assert.rejects(
      api.exportReport({ source, target: source, format: 'html', overwrite: true }),
    );
    await assert.rejects(async () =>
      vscode.commands.executeCommand('kompass.exportReport', {
        source: source.fsPath,
        target: source.fsPath,
        format: 'md',
        overwrite: true,
      }),
    );
    assert.equal(fs.readFileSync(source.fsPath, 'utf8'), text, 'the source is untouched');
  });

  test('refuses an existing file unless told to overwrite', async () => {
    const api = await kompass();
    const source = writeScratch('overwrite.kompass', sampleText('vasteras-2012.kompass'));
    const target = vscode.Uri.file(path.join(scratchDir(), 'existing.json'));
    fs.writeFileSync(target.fsPath, 'keep');
    await assert.rejects(api.exportReport({ source, target, format: 'json' }));
    assert.equal(fs.readFileSync(target.fsPath, 'utf8'), 'keep');
    await api.exportReport({ source, target, format: 'json', overwrite: true });
    assert.notEqual(fs.readFileSync(target.fsPath, 'utf8'), 'keep');
  });

  test('refuses to write over the source through a symbolic or a hard link, even told to overwrite', async () => {
    const api = await kompass();
    const text = sampleText('vasteras-2012.kompass');
    const source = writeScratch('linked-source.kompass', text);
    const soft = path.join(scratchDir(), 'soft-link.html');
    const hard = path.join(scratchDir(), 'hard-link.html');
    fs.symlinkSync(source.fsPath, soft);
    fs.linkSync(source.fsPath, hard);
    for (const target of [soft, hard]) {
      await assert.rejects(
        api.exportReport({
          source,
          target: vscode.Uri.file(target),
          format: 'html',
          overwrite: true,
        }),
        /never written over its source/,
        target,
      );
    }
    assert.equal(fs.readFileSync(source.fsPath, 'utf8'), text, 'the source is untouched');
    assert.ok(fs.lstatSync(soft).isSymbolicLink(), 'the link is left as it was');
  });

  test('refuses a folder, a FIFO and a link to another file as target, even told to overwrite', async () => {
    const api = await kompass();
    const source = writeScratch('special-targets.kompass', sampleText('vasteras-2012.kompass'));
    const folder = path.join(scratchDir(), 'a-folder.html');
    fs.mkdirSync(folder);
    const fifo = path.join(scratchDir(), 'a-fifo.html');
    execFileSync('mkfifo', [fifo]);
    const other = path.join(scratchDir(), 'other.html');
    fs.writeFileSync(other, 'keep');
    const link = path.join(scratchDir(), 'link-to-other.html');
    fs.symlinkSync(other, link);
    const cases: [string, RegExp][] = [
      [folder, /is a folder/],
      [fifo, /not a regular file/],
      [link, /symbolic link/],
    ];
    for (const [target, why] of cases) {
      await assert.rejects(
        api.exportReport({
          source,
          target: vscode.Uri.file(target),
          format: 'md',
          overwrite: true,
        }),
        why,
        target,
      );
    }
    assert.ok(fs.statSync(folder).isDirectory());
    assert.ok(fs.lstatSync(fifo).isFIFO(), 'the FIFO is still a FIFO');
    assert.equal(fs.readFileSync(other, 'utf8'), 'keep', 'the linked file is untouched');
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    const leftovers = fs.readdirSync(scratchDir()).filter((f) => f.startsWith('.kompass-tmp-'));
    assert.deepEqual(leftovers, [], 'no temporary file is left behind');
  });
  test('of exports racing to one new name, one writes and the others are refused: nothing overwritten', async () => {
    const api = await kompass();
    await raceExportsToOneName('race', 4, (source, target) =>
      api.exportReport({ source, target, format: 'md' }),
    );
  });
});

/** The files of a zip archive (a .docx), read through its local headers. */
function zipEntries(zip: Buffer): { name: string; data: Buffer }[] {
  const out: { name: string; data: Buffer }[] = [];
  for (let at = 0; zip.readUInt32LE(at) === 0x04034b50; ) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const extra = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 30, at + 30 + nameLength);
    const start = at + 30 + nameLength + extra;
    const raw = zip.subarray(start, start + size);
    out.push({ name, data: method === 8 ? zlib.inflateRawSync(raw) : raw });
    at = start + size;
  }
  return out;
}

/** A PNG's image data: its IDAT chunks joined. */
function pngData(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT')
      parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return Buffer.concat(parts);
}
