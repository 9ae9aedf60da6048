import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  type Analysis,
  analyzeText,
  LineIndex,
  type Statement,
  type WorkspaceHost,
} from '../src/index';

// Input → expected outline and diagnostics. `npm run test:update-snapshots` rewrites the
// expected files; review their diff like code.
const update = process.env.UPDATE_SNAPSHOTS === '1';
const inputs = [
  ...readdirSync('grammar/test/snapshots')
    .filter((f) => f.endsWith('.kompass'))
    .map((f) => join('grammar/test/snapshots', f)),
  ...readdirSync('samples')
    .filter((f) => f.endsWith('.kompass'))
    .map((f) => join('samples', f)),
];

const host: WorkspaceHost = {
  resolve: (from, path) => join(dirname(from), path),
  readFile: (uri) => (existsSync(uri) ? { text: readFileSync(uri, 'utf8') } : { error: 'missing' }),
};

function outline(a: Analysis, lines: LineIndex) {
  const at = (o: number) => {
    const p = lines.position(o);
    return `${p.line + 1}:${p.character + 1}`;
  };
  const stmt = (s: Statement): unknown => {
    const head = `${s.kind} ${at(s.start)}-${at(s.end)}`;
    if (s.kind === 'area' && s.body) return { [head]: s.body.statements.map(stmt) };
    return head;
  };
  return a.parse.document.blocks.map((b) => ({
    [`${b.kind} ${b.name?.value ?? '?'} ${at(b.start)}-${at(b.end)}`]: (
      b.body?.statements ?? []
    ).map(stmt),
  }));
}

function meaning(a: Analysis) {
  return a.evaluations.map((e) => ({
    [`${e.label}`]: [
      `framework ${e.framework?.id ?? e.frameworkId ?? '-'}; evaluators ${e.evaluators.join(' | ') || '-'}`,
      `about ${e.about === undefined ? '-' : JSON.stringify(e.about)}`,
      ...e.comparisons.map((c) => `compare ${c.path} → ${c.label ?? '?'}`),
      ...e.areas.map(
        (r) =>
          `area ${r.number} "${r.title}" ${r.score ?? '-'}/${r.max}; ${r.headings.length} headings; ${r.questions
            .map((q) => `${q.id} ${q.points ?? '-'}/${q.max ?? '-'}`)
            .join(', ')}`,
      ),
    ],
  }));
}

function snapshot(file: string): string {
  const text = readFileSync(file, 'utf8');
  const a = analyzeText(text, { uri: file, host });
  const lines = new LineIndex(text);
  const pos = (o: number) => {
    const p = lines.position(o);
    return `${p.line + 1}:${p.character + 1}`;
  };
  return `${JSON.stringify(
    {
      outline: outline(a, lines),
      totals: a.evaluations.map((e) => `${e.name}: ${e.total}/${e.max} (${e.percent} %)`),
      // For the language's own inputs, what the document means too: the habits files show that
      // `14 av 15`, `13,5` and ”…” read as the plain forms do, in either keyword language.
      ...(file.startsWith('grammar/test/snapshots/') ? { meaning: meaning(a) } : {}),
      diagnostics: a.diagnostics.map(
        (d) => `${pos(d.start)}-${pos(d.end)} ${d.severity} ${d.code}: ${d.message}`,
      ),
    },
    null,
    2,
  )}\n`;
}

describe('snapshots', () => {
  for (const file of inputs) {
    it(file, () => {
      const expectedFile = join(
        'grammar/test/snapshots/expected',
        `${basename(file, '.kompass')}.json`,
      );
      const actual = snapshot(file);
      if (update || !existsSync(expectedFile)) {
        mkdirSync(dirname(expectedFile), { recursive: true });
        writeFileSync(expectedFile, actual);
        if (!update)
          assert.fail(`${expectedFile} was missing and has been written; run the tests again`);
        return;
      }
      assert.equal(actual, readFileSync(expectedFile, 'utf8'));
    });
  }
});
