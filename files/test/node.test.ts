import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeFiles, pathToUri, readDocumentFile, walkDocuments } from '../src/node';

const limit = 1_000_000;

describe('file access over Node fs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kompass-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a regular file as text, dropping a BOM', () => {
    writeFileSync(join(dir, 'a.kompass'), '\uFEFFevaluation "x" {}');
    assert.deepEqual(readDocumentFile(join(dir, 'a.kompass'), limit), {
      text: 'evaluation "x" {}',
    });
  });

  it('refuses a character device without reading it (/dev/zero)', () => {
    assert.deepEqual(readDocumentFile('/dev/zero', limit), { error: 'notFile', detail: 'device' });
  });

  it('refuses a link to a device, judging what the link points at', () => {
    symlinkSync('/dev/zero', join(dir, 'zero.kompass'));
    assert.deepEqual(readDocumentFile(join(dir, 'zero.kompass'), limit), {
      error: 'notFile',
      detail: 'device',
    });
  });

  it('refuses a FIFO at once instead of blocking on it', () => {
    const fifo = join(dir, 'pipe.kompass');
    execFileSync('mkfifo', [fifo]);
    const started = Date.now();
    assert.deepEqual(readDocumentFile(fifo, limit), { error: 'notFile', detail: 'FIFO' });
    assert.ok(Date.now() - started < 1000);
  });

  it('refuses a socket', async () => {
    const path = join(dir, 's.kompass');
    const server: Server = createServer();
    await new Promise<void>((r) => server.listen(path, r));
    try {
      assert.deepEqual(readDocumentFile(path, limit), { error: 'notFile', detail: 'socket' });
    } finally {
      server.close();
    }
  });

  it('refuses a folder', () => {
    assert.deepEqual(readDocumentFile(dir, limit), { error: 'notFile', detail: 'folder' });
  });

  it('refuses a huge sparse file by its size, without reading it', () => {
    const big = join(dir, 'big.kompass');
    writeFileSync(big, '');
    truncateSync(big, 2_000_000_000);
    const started = Date.now();
    const r = readDocumentFile(big, limit);
    assert.equal('error' in r && r.error, 'tooLarge');
    assert.ok(Date.now() - started < 1000);
  });

  it('answers missing for an absent file and a path through a file', () => {
    writeFileSync(join(dir, 'f'), 'x');
    assert.deepEqual(readDocumentFile(join(dir, 'nope.kompass'), limit), { error: 'missing' });
    assert.deepEqual(readDocumentFile(join(dir, 'f', 'x.kompass'), limit), { error: 'missing' });
  });

  it('refuses binary and non-UTF-8 files with their reason', () => {
    writeFileSync(join(dir, 'bin'), Buffer.from([1, 0, 2]));
    writeFileSync(join(dir, 'latin1'), Buffer.from([0x68, 0xe5, 0x6a]));
    assert.deepEqual(readDocumentFile(join(dir, 'bin'), limit), {
      error: 'notText',
      detail: 'binary',
    });
    assert.deepEqual(readDocumentFile(join(dir, 'latin1'), limit), {
      error: 'notText',
      detail: 'utf8',
    });
  });

  it('applies the trust scope to where a link resolves, not to its name', () => {
    const inside = join(dir, 'ws');
    const outside = join(dir, 'secret');
    mkdirSync(inside);
    mkdirSync(outside);
    writeFileSync(join(outside, 'other.kompass'), 'evaluation "x" {}');
    writeFileSync(join(inside, 'own.kompass'), 'evaluation "y" {}');
    symlinkSync(join(outside, 'other.kompass'), join(inside, 'link.kompass'));
    const files = new NodeFiles({ maxBytes: () => limit, scope: () => [inside] });
    assert.deepEqual(files.readFile(pathToUri(join(inside, 'link.kompass'))), { error: 'outside' });
    assert.deepEqual(files.readFile(pathToUri(join(inside, 'own.kompass'))), {
      text: 'evaluation "y" {}',
    });
    const trusted = new NodeFiles({ maxBytes: () => limit });
    assert.ok('text' in trusted.readFile(pathToUri(join(inside, 'link.kompass'))));
  });

  it('walks folders without following folder links, so a link to a parent cannot loop', () => {
    mkdirSync(join(dir, 'd'));
    writeFileSync(join(dir, 'd', 'a.kompass'), '');
    writeFileSync(join(dir, 'd', 'b.txt'), '');
    symlinkSync('..', join(dir, 'd', 'up'));
    mkdirSync(join(dir, 'd', 'node_modules'));
    writeFileSync(join(dir, 'd', 'node_modules', 'x.kompass'), '');
    assert.deepEqual(walkDocuments(join(dir, 'd'), { maxFiles: 100, maxDepth: 8 }), [
      join(dir, 'd', 'a.kompass'),
    ]);
  });

  it('stops a walk at its depth and file limits', () => {
    let p = dir;
    for (let i = 0; i < 5; i++) {
      p = join(p, `l${i}`);
      mkdirSync(p);
      writeFileSync(join(p, `f${i}.kompass`), '');
    }
    assert.equal(walkDocuments(dir, { maxFiles: 100, maxDepth: 2 }).length, 2);
    assert.equal(walkDocuments(dir, { maxFiles: 3, maxDepth: 10 }).length, 3);
  });

  it('resolves compare paths in the form they were asked in', () => {
    const files = new NodeFiles({ maxBytes: () => limit });
    assert.equal(files.resolve('/a/b/c.kompass', '../d.kompass'), '/a/d.kompass');
    assert.equal(files.resolve('file:///a/b/c.kompass', 'd.kompass'), 'file:///a/b/d.kompass');
  });

  it('names files in the editor’s URI encoding, so a file on disk and the open one are one', () => {
    // What VS Code's Uri.file(...).toString() gives for these paths.
    assert.equal(
      pathToUri('/rapporter/Västerås (2012), slutlig #2.kompass'),
      'file:///rapporter/V%C3%A4ster%C3%A5s%20%282012%29%2C%20slutlig%20%232.kompass',
    );
    assert.equal(pathToUri('/a/100%.kompass'), 'file:///a/100%25.kompass');
    const files = new NodeFiles({ maxBytes: () => limit });
    assert.equal(
      files.resolve('file:///r/a%20%281%29.kompass', 'b (2).kompass'),
      'file:///r/b%20%282%29.kompass',
    );
    const folder = mkdtempSync(join(tmpdir(), 'kompass-uri-'));
    writeFileSync(join(folder, 'x (1).kompass'), 'evaluation "X" {}');
    assert.ok('text' in files.readFile(pathToUri(join(folder, 'x (1).kompass'))));
    rmSync(folder, { recursive: true });
  });
});
