import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { keywordSpecs } from '../src/tokens';

const root = join(import.meta.dirname, '..', '..');
const sourceDirs = ['grammar/src', 'server/src', 'client/src', 'cli/src', 'report/src'];

function sources(): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(root, dir))) {
      const rel = `${dir}/${name}`;
      if (statSync(join(root, rel)).isDirectory()) walk(rel);
      else if (name.endsWith('.ts') && !name.endsWith('.generated.ts'))
        out.push({ path: rel, text: readFileSync(join(root, rel), 'utf8') });
    }
  };
  for (const d of sourceDirs) walk(d);
  return out;
}

describe('one home for each fact', () => {
  const files = sources();

  it('finds the source files it checks', () => {
    assert.ok(files.length > 40, `only ${files.length} files`);
    assert.ok(files.some((f) => f.path === 'grammar/src/diagnostics.ts'));
  });

  it('writes diagnostic codes only as the named constants of grammar/src/diagnostics.ts', () => {
    const raw = files.flatMap((f) =>
      f.path === 'grammar/src/diagnostics.ts'
        ? []
        : [...f.text.matchAll(/['"`]KK\d{3}['"`]/g)].map((m) => `${f.path}: ${m[0]}`),
    );
    assert.deepEqual(raw, []);
  });

  it('spells Swedish keywords only in the keyword table of grammar/src/tokens.ts', () => {
    // Keywords whose Swedish spelling is no everyday word a label might use (`poäng`, `max`).
    const swedish = keywordSpecs
      .filter((k) => k.sv !== k.en && !['poäng', 'av', 'till', 'titel'].includes(k.sv))
      .map((k) => k.sv);
    const pattern = new RegExp(`['"(|](?:${swedish.join('|')})['")|]`, 'g');
    const found = files.flatMap((f) =>
      f.path === 'grammar/src/tokens.ts'
        ? []
        : [...f.text.matchAll(pattern)].map((m) => `${f.path}: ${m[0]}`),
    );
    assert.deepEqual(found, []);
  });
});
