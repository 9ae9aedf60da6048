import assert from 'node:assert/strict';
import { builtinFrameworks, KompassWriter } from '../src/index';
import { analyze } from './helpers';

const kk = builtinFrameworks().find((f) => f.id === 'kommunkompassen-2.0')!;
const area1 = kk.areas[0]!;

describe('the .kompass writer', () => {
  it('writes a question without points as its max after a slash, to be scored later', () => {
    const w = new KompassWriter({ swedish: false });
    assert.equal(
      w.question({ id: '1.2', title: 'Hur informeras medborgarna?', max: 20 }),
      'question 1.2 "Hur informeras medborgarna?" /20',
    );
    assert.equal(w.question({ id: '1.2', title: 'T', max: 20 }, 14), 'question 1.2 "T" 14/20');
  });

  it('spells keywords from the keyword table in the document language', () => {
    const sv = new KompassWriter({ swedish: true }).area(area1);
    assert.match(sv[0]!, /^område 1 "Offentlighet och demokrati" \{$/);
    assert.match(sv[1]!, /^ {2}fråga 1\.1 ".*" \/15$/);
    const en = new KompassWriter({ swedish: false }).area(area1, true);
    assert.deepEqual(en, ['area 1 "Offentlighet och demokrati"']);
  });

  it('numbers tab stops in order and escapes snippet syntax in titles', () => {
    const w = new KompassWriter({ swedish: false, snippet: true });
    const lines = w.area({ ...area1, title: 'Cost $ {x}' });
    assert.equal(lines[0], 'area 1 "Cost \\$ {x\\}" {');
    assert.match(lines[1]!, /" \$\{1\}\/15$/);
    assert.match(lines[5]!, /" \$\{5\}\/10$/);
    assert.deepEqual(new KompassWriter({ swedish: true, snippet: true }).area(area1, true), [
      `område 1 "Offentlighet och demokrati" poäng \${1}`,
    ]);
  });

  it('escapes quotes and backslashes in strings', () => {
    const w = new KompassWriter({ swedish: false });
    assert.equal(w.string('a "b" \\ c'), '"a \\"b\\" \\\\ c"');
  });

  for (const swedish of [false, true]) {
    it(`writes a whole evaluation that parses cleanly, leaving only points to fill in (${swedish ? 'sv' : 'en'} keywords)`, () => {
      const text = `${new KompassWriter({ swedish }).evaluation(kk, { name: 'Testby', date: '2024-01-01' }).join('\n')}\n`;
      const a = analyze(text);
      assert.deepEqual(a.parse.errors, []);
      const questions = kk.areas.reduce((n, fa) => n + fa.questions.length, 0);
      assert.equal(a.diagnostics.length, questions);
      assert.ok(a.diagnostics.every((d) => d.code === 'KK018'));
      const ev = a.evaluations[0]!;
      assert.equal(ev.areas.length, 8);
      assert.equal(ev.areas[0]!.questions[0]!.max, 15);
      assert.equal(ev.areas[0]!.questions[0]!.points, undefined);
      assert.equal(text.includes(swedish ? 'utvärdering "Testby"' : 'evaluation "Testby"'), true);
    });
  }
});
