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

  it('keeps the core a plain library: grammar/src imports only itself and chevrotain', () => {
    const foreign = files.flatMap((f) =>
      f.path.startsWith('grammar/src/')
        ? [...f.text.matchAll(/^import[^;]*?from '([^']+)'/gms)]
            .map((m) => m[1]!)
            .filter(
              (spec) => !spec.startsWith('./') && !spec.startsWith('../') && spec !== 'chevrotain',
            )
            .map((spec) => `${f.path}: ${spec}`)
        : [],
    );
    assert.deepEqual(foreign, []);
    const outside = files.flatMap((f) =>
      f.path.startsWith('grammar/src/') && /from '\.\.\/\.\.\//.test(f.text) ? [f.path] : [],
    );
    assert.deepEqual(outside, []);
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

  it('keeps the words of hover, completion, inlay hints and code actions in one table', () => {
    // grammar/src/features/texts.ts holds them; no editor feature, core or server, picks between
    // a Swedish and an English wording inline.
    const inline = [
      /\bsay\(/g,
      /===\s*['"]sv['"]/g,
      /['"]sv['"]\s*===/g,
      /\bsv:\s*['"`]/g,
      /['"`][^'"`\n]*[åäöÅÄÖ][^'"`\n]*['"`]/g,
    ];
    const found = files.flatMap((f) =>
      (f.path.startsWith('grammar/src/features/') && f.path !== 'grammar/src/features/texts.ts') ||
      f.path.startsWith('server/src/')
        ? inline.flatMap((re) => [...f.text.matchAll(re)].map((m) => `${f.path}: ${m[0]}`))
        : [],
    );
    assert.deepEqual(found, []);
    assert.ok(files.some((f) => f.path === 'grammar/src/features/texts.ts'));
  });
});
