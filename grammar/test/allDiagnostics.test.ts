import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Code, Workspace, type WorkspaceHost } from '../src/index';

const samples = join(import.meta.dirname, '..', '..', 'samples');
const sampleUri = (name: string) => `file://${join(samples, name)}`;
const host: WorkspaceHost = {
  resolve: (from, path) => new URL(path, from).href,
  readFile: (uri) => {
    const path = new URL(uri).pathname;
    return existsSync(path) ? { text: readFileSync(path, 'utf8') } : { error: 'missing' };
  },
};

function workspace(maxDocumentSize?: number): Workspace {
  const ws = new Workspace(host, maxDocumentSize ? { maxDocumentSize } : {});
  // The frameworks of the other samples are known, as in an editor or `kompass check samples`.
  for (const name of ['alla-diagnostiker.kompass', 'egen-ramverk.kompass'])
    ws.set(sampleUri(name), readFileSync(join(samples, name), 'utf8'));
  return ws;
}

describe('samples/alla-diagnostiker.kompass', () => {
  const uri = sampleUri('alla-diagnostiker.kompass');

  it('triggers every diagnostic code but KK050', () => {
    const found = new Set(
      workspace()
        .analyze(uri)
        .diagnostics.map((d) => d.code),
    );
    const missing = Object.values(Code).filter((c) => c !== Code.TooLarge && !found.has(c));
    assert.deepEqual(missing, []);
  });

  it('triggers KK050 when the size limit is below its size', () => {
    const codes = workspace(1000)
      .analyze(uri)
      .diagnostics.map((d) => d.code);
    assert.deepEqual(codes, [Code.TooLarge]);
  });

  it('marks every code it triggers with a `// KKnnn:` comment', () => {
    const text = readFileSync(join(samples, 'alla-diagnostiker.kompass'), 'utf8');
    const marked = new Set([...text.matchAll(/\/\/ (KK\d{3}):/g)].map((m) => m[1]));
    const found = new Set(
      workspace()
        .analyze(uri)
        .diagnostics.map((d) => d.code),
    );
    assert.deepEqual(
      [...found].filter((c) => !marked.has(c)),
      [],
    );
  });
});
