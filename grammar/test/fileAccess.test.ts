import assert from 'node:assert/strict';
import {
  decodeDocument,
  describeReadProblem,
  type ReadResult,
  uriInside,
  Workspace,
  type WorkspaceHost,
} from '../src/index';

const fw = 'framework "kommunkompassen-2.0"';
const ev = (name: string, compares: string[]) =>
  `evaluation "${name}" { ${fw} ${compares.map((c) => `compare "${c}"`).join(' ')} area 1 score 5 }`;

/** A host whose reads answer later, as the web build's reads through the extension host do. */
function asyncHost(files: Record<string, string>, reads: string[] = []): WorkspaceHost {
  return {
    resolve: (_from, path) => `mem:/${path}`,
    readFile: async (uri): Promise<ReadResult> => {
      reads.push(uri);
      await new Promise((r) => setTimeout(r, 1));
      const t = files[uri.slice('mem:/'.length)];
      return t === undefined ? { error: 'missing' } : { text: t };
    },
  };
}

function syncHost(files: Record<string, string>): WorkspaceHost {
  return {
    resolve: (_from, path) => `mem:/${path}`,
    readFile: (uri) => {
      const t = files[uri.slice('mem:/'.length)];
      return t === undefined ? { error: 'missing' } : { text: t };
    },
  };
}

const kk031 = (ws: Workspace, uri: string) =>
  ws
    .analyze(uri)
    .diagnostics.filter((d) => d.code === 'KK031')
    .map((d) => d.message);

describe('file access in the core', () => {
  it('an asynchronous host: analyze shows a target as pending, analyzeSettled resolves it', async () => {
    const ws = new Workspace(asyncHost({ 'b.kompass': ev('B', []) }));
    ws.set('mem:/a.kompass', ev('A', ['b.kompass']));
    const early = ws.analyze('mem:/a.kompass');
    assert.equal(early.evaluations[0]!.comparisons[0]!.problem, 'pending');
    assert.deepEqual(
      early.diagnostics.filter((d) => d.code === 'KK031'),
      [],
    );
    const done = await ws.analyzeSettled('mem:/a.kompass');
    assert.equal(done.evaluations[0]!.comparisons[0]!.problem, undefined);
    assert.equal(done.evaluations[0]!.comparisons[0]!.target?.name, 'B');
  });

  it('an asynchronous host: a missing target and a cycle are reported once settled', async () => {
    const reads: string[] = [];
    const ws = new Workspace(
      asyncHost(
        { 'b.kompass': ev('B', ['c.kompass']), 'c.kompass': ev('C', ['a.kompass']) },
        reads,
      ),
    );
    ws.set('mem:/a.kompass', ev('A', ['b.kompass', 'nope.kompass']));
    const a = await ws.analyzeSettled('mem:/a.kompass');
    const msgs = a.diagnostics.filter((d) => d.code === 'KK031').map((d) => d.message);
    assert.equal(msgs.length, 2);
    assert.match(msgs[0]!, /a\.kompass → b\.kompass → c\.kompass → a\.kompass/);
    assert.match(msgs[1]!, /finns inte/);
    assert.equal(new Set(reads).size, reads.length, 'each file is read once');
  });

  it('an asynchronous host: onRead fires when a read lands, for re-checking dependents', async () => {
    const landed: string[] = [];
    const ws = new Workspace(asyncHost({ 'b.kompass': ev('B', []) }), {
      onRead: (uri) => landed.push(uri),
    });
    ws.set('mem:/a.kompass', ev('A', ['b.kompass']));
    await ws.analyzeSettled('mem:/a.kompass');
    assert.deepEqual(landed, ['mem:/b.kompass']);
  });

  it('a three-file compare cycle is reported with all three files', () => {
    const ws = new Workspace(
      syncHost({ 'b.kompass': ev('B', ['c.kompass']), 'c.kompass': ev('C', ['a.kompass']) }),
    );
    ws.set('mem:/a.kompass', ev('A', ['b.kompass']));
    assert.deepEqual(kk031(ws, 'mem:/a.kompass'), [
      'Jämförelserna bildar en slinga: a.kompass → b.kompass → c.kompass → a.kompass',
    ]);
  });

  it('a compare cycle of 100 files is reported in full', () => {
    const files: Record<string, string> = {};
    for (let i = 1; i < 100; i++)
      files[`f${i}.kompass`] = ev(`F${i}`, [`f${(i + 1) % 100}.kompass`]);
    const ws = new Workspace(syncHost(files));
    ws.set('mem:/f0.kompass', ev('F0', ['f1.kompass']));
    const [msg] = kk031(ws, 'mem:/f0.kompass');
    assert.ok(msg, 'the cycle is reported');
    assert.equal(msg.split(' → ').length, 101);
  });

  it('a chain that does not come back is no cycle, even through a cycle of others', () => {
    const ws = new Workspace(
      syncHost({ 'b.kompass': ev('B', ['c.kompass']), 'c.kompass': ev('C', ['b.kompass']) }),
    );
    ws.set('mem:/a.kompass', ev('A', ['b.kompass']));
    assert.deepEqual(kk031(ws, 'mem:/a.kompass'), []);
  });

  it('an unreadable target says why, in the document language', () => {
    const ws = new Workspace({
      resolve: (_f, p) => `mem:/${p}`,
      readFile: () => ({ error: 'notFile', detail: 'FIFO' }),
    });
    ws.set('mem:/a.kompass', ev('A', ['pipe.kompass']));
    assert.deepEqual(kk031(ws, 'mem:/a.kompass'), [
      'Jämförelsefilen ”pipe.kompass” kan inte läsas: ingen vanlig fil (FIFO)',
    ]);
  });

  it('decodes UTF-8 and refuses binary or invalid bytes', () => {
    assert.deepEqual(decodeDocument(new TextEncoder().encode('\uFEFFå')), { text: 'å' });
    assert.deepEqual(decodeDocument(new Uint8Array([65, 0])), {
      error: 'notText',
      detail: 'binary',
    });
    assert.deepEqual(decodeDocument(new Uint8Array([0xff])), { error: 'notText', detail: 'utf8' });
  });

  it('words every read problem in Swedish and English', () => {
    assert.equal(describeReadProblem({ error: 'notText', detail: 'utf8' }), 'not valid UTF-8');
    assert.equal(
      describeReadProblem({ error: 'notFile', detail: 'folder' }, 'sv'),
      'ingen vanlig fil (en mapp)',
    );
    assert.equal(describeReadProblem({ error: 'missing' }), 'no such file');
  });

  it('tells whether a URI lies inside folders by whole path segments', () => {
    assert.ok(uriInside('file:///ws/a.kompass', ['file:///ws']));
    assert.ok(uriInside('file:///ws/a.kompass', ['file:///ws/']));
    assert.ok(!uriInside('file:///ws2/a.kompass', ['file:///ws']));
  });
});
