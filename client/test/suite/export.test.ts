import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { kompass, sampleText, scratchDir, writeScratch } from './helpers';

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
    const text = sampleText('vasteras-2012.kompass');
    const names = ['Alfa kommun', 'Beta kommun', 'Gamma kommun'];
    for (let round = 0; round < 4; round++) {
      const sources = names.map((name, i) =>
        writeScratch(
          `race-${round}-${i}.kompass`,
          text.replace('evaluation "Västerås stad"', `evaluation "${name}"`),
        ),
      );
      const target = vscode.Uri.file(path.join(scratchDir(), `race-${round}.md`));
      const results = await Promise.allSettled(
        sources.map((source) => api.exportReport({ source, target, format: 'md' })),
      );
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [names[i]!] : []));
      assert.equal(won.length, 1, `round ${round}: ${won.length} exports wrote the same new file`);
      for (const r of results)
        if (r.status === 'rejected') assert.match(String(r.reason), /already exists/);
      const written = fs.readFileSync(target.fsPath, 'utf8');
      for (const name of names)
        assert.equal(written.includes(name), name === won[0], `round ${round}: ${name}`);
    }
    const leftovers = fs.readdirSync(scratchDir()).filter((f) => f.startsWith('.kompass-tmp-'));
    assert.deepEqual(leftovers, [], 'no temporary file is left behind');
  });
});
