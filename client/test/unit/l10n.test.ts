import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '../../..');

/** Every `.ts` file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sources(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** The message keys the extension passes to `vscode.l10n.t` (also as a local `t`). */
function usedKeys(): Set<string> {
  const keys = new Set<string>();
  for (const file of sources(join(root, 'client/src'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'((?:\\.|[^'\\])*)'/g))
      keys.add(m[1]!.replace(/\\(.)/g, '$1'));
  }
  return keys;
}

const bundle = (name: string) =>
  JSON.parse(readFileSync(join(root, 'l10n', name), 'utf8')) as Record<string, string>;

describe('the extension’s translations', () => {
  const used = usedKeys();

  it('finds the messages in the sources', () => {
    // A broken pattern would make the checks below pass on nothing.
    assert.ok(used.size > 50, `${used.size} keys`);
    assert.ok(used.has('Comparison: {0}, {1}'));
  });

  for (const name of ['bundle.l10n.json', 'bundle.l10n.sv.json']) {
    it(`${name} translates every message the extension shows, and nothing else`, () => {
      const keys = new Set(Object.keys(bundle(name)));
      assert.deepEqual(
        [...used].filter((k) => !keys.has(k)),
        [],
        'shown untranslated',
      );
      assert.deepEqual(
        [...keys].filter((k) => !used.has(k)),
        [],
        'translated but never shown',
      );
    });
  }

  it('keeps every placeholder of a message in its Swedish translation', () => {
    for (const [key, sv] of Object.entries(bundle('bundle.l10n.sv.json'))) {
      const holes = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
      assert.deepEqual(holes(sv), holes(key), key);
    }
  });
});
