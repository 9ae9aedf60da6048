import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function kompass(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/kompass.js', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A summary-only evaluation with the given area scores. */
function evaluation(name: string, date: string | undefined, scores: number[], extra = ''): string {
  return [
    `evaluation "${name}" {`,
    '  framework "kommunkompassen-2.0"',
    date ? `  date ${date}` : '',
    extra,
    ...scores.map((s, i) => `  area ${i + 1} score ${s}`),
    '}',
    '',
  ].join('\n');
}

const header =
  'name,date,framework,round,total,max,area1,area2,area3,area4,area5,area6,area7,area8';

describe('kompass summary over several files', function () {
  this.timeout(60_000);
  let dir: string;

  // Runs the bundle that cli.test.ts (earlier in the same run) and `npm test` build.
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kompass-summary-'));
    mkdirSync(join(dir, '2012'));
    mkdirSync(join(dir, '2016'));
    // Two rounds of one municipality in two folders, its name written differently each time.
    writeFileSync(
      join(dir, '2016', 'tallby.kompass'),
      evaluation(
        'Tallby kommun',
        '2016-04-12 to 2016-04-14',
        [60, 62, 70, 64, 66, 60, 65, 70],
        '  round 2',
      ),
    );
    writeFileSync(
      join(dir, '2012', 'tallby.kompass'),
      evaluation('TALLBY', '2012-03-01', [50, 60, 72, 60, 61, 58, 64, 66], '  round 1'),
    );
    writeFileSync(
      join(dir, '2012', 'alby.kompass'),
      evaluation('Alby, \\"norra\\" stad', undefined, [40, 41, 42, 43, 44, 45, 46, 47]),
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes CSV with exactly the agreed columns, sorted by name then date', () => {
    const r = kompass('summary', '--format', 'csv', join(dir, '2016'), join(dir, '2012'));
    assert.equal(r.code, 0, r.err);
    const lines = r.out.split('\r\n');
    assert.equal(lines.pop(), '', 'CRLF after the last row');
    assert.deepEqual(lines, [
      header,
      // A name with a comma and quotes is quoted; an unknown date and round are empty.
      '"Alby, ""norra"" stad",,kommunkompassen-2.0,,348,800,40,41,42,43,44,45,46,47',
      'TALLBY,2012-03-01,kommunkompassen-2.0,1,491,800,50,60,72,60,61,58,64,66',
      'Tallby kommun,2016-04-12,kommunkompassen-2.0,2,517,800,60,62,70,64,66,60,65,70',
    ]);
  });

  it('adds area9 and up for a framework with more areas', () => {
    writeFileSync(
      join(dir, 'nio.kompass'),
      `framework "nio" {\n${Array.from({ length: 9 }, (_, i) => `  area ${i + 1} "O${i + 1}" max 10`).join('\n')}\n}\n` +
        `evaluation "Nioby" {\n  framework "nio"\n${Array.from({ length: 9 }, (_, i) => `  area ${i + 1} score ${i + 1}`).join('\n')}\n}\n`,
    );
    const r = kompass('summary', '--format', 'csv', dir);
    assert.equal(r.code, 0, r.err);
    const [head, ...rows] = r.out.trimEnd().split('\r\n');
    assert.equal(head, `${header},area9`);
    assert.ok(rows.includes('Nioby,,nio,,45,90,1,2,3,4,5,6,7,8,9'), rows.join('\n'));
    // Evaluations of eight-area frameworks leave area9 empty.
    assert.ok(
      rows.includes('TALLBY,2012-03-01,kommunkompassen-2.0,1,491,800,50,60,72,60,61,58,64,66,'),
    );
  });

  it('prints one table with the change since the previous round and the average', () => {
    const r = kompass('summary', join(dir, '2012'), join(dir, '2016'));
    assert.equal(r.code, 0, r.err);
    const lines = r.out.split('\n');
    assert.match(
      lines[0]!,
      /^Namn\s+Datum\s+Ramverk\s+Omg\.\s+Totalt\s+Max\s+%\s+Förändr\.\s+1\s+2/,
    );
    const tallby = lines.findIndex((l) => l.startsWith('TALLBY'));
    assert.ok(tallby > 1, 'Alby comes first');
    assert.match(
      lines[tallby + 1]!,
      /^Tallby kommun\s+2016-04-12\s+Kommunkompassen 2\.0\s+2\s+517\s+800\s+65\s+\+26\s+60/,
    );
    assert.match(r.out, /^Medel av 3\s+Kommunkompassen 2\.0\s+452\s+800\s+57\s+50\s+54,3/m);
  });

  it('answers JSON with rows, groups, changes and averages', () => {
    const r = kompass('summary', '--format', 'json', dir);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.deepEqual(
      j.rows.map((x: { name: string; date: string | null }) => [x.name, x.date]),
      [
        ['Alby, "norra" stad', null],
        ['TALLBY', '2012-03-01'],
        ['Tallby kommun', '2016-04-12'],
      ],
    );
    assert.equal(j.rows[2].file, join(dir, '2016', 'tallby.kompass'));
    assert.equal(j.rows[2].previous, 1);
    assert.equal(j.rows[2].change.total, 26);
    assert.equal(j.rows[2].areas[0].change, 10);
    assert.equal(j.rows[1].change, null);
    assert.deepEqual(j.groups, [
      { municipality: 'alby, "norra"', name: 'Alby, "norra" stad', rows: [0] },
      { municipality: 'tallby', name: 'Tallby kommun', rows: [1, 2] },
    ]);
    assert.equal(j.averages.length, 1);
    assert.deepEqual(
      [
        j.averages[0].count,
        j.averages[0].total,
        j.averages[0].areas[4].score,
        j.averages[0].areas[4].count,
      ],
      [3, 452, 57, 3],
    );
    assert.deepEqual(j.notes, []);
  });

  it('notes frameworks that meet and exits 1 when a file has errors', () => {
    writeFileSync(
      join(dir, 'ny.kompass'),
      'evaluation "Tallby" {\n  framework "kommunkompassen-2020"\n  date 2021-09-01\n  area 1 score 70\n  area 12 score 1\n}\n',
    );
    const r = kompass('summary', '--format', 'json', dir);
    assert.equal(r.code, 1);
    assert.match(r.err, /ny\.kompass: \d+ error\(s\)/);
    const j = JSON.parse(r.out);
    assert.deepEqual(
      j.notes.map((n: { kind: string }) => n.kind),
      ['frameworks', 'rounds'],
    );
    const latest = j.rows.find((x: { date: string }) => x.date === '2021-09-01');
    assert.equal(latest.change, null, 'no change across frameworks');
    assert.equal(latest.notComparableWith, 'kommunkompassen-2.0');
  });

  it('refuses an unknown format and a missing path', () => {
    assert.equal(kompass('summary', '--format', 'xml', dir).code, 2);
    const r = kompass('summary', join(dir, 'saknas'));
    assert.equal(r.code, 2);
    assert.match(r.err, /saknas: no such file or folder/);
  });
});
