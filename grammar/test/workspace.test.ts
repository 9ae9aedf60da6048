import assert from 'node:assert/strict';
import { Workspace, type WorkspaceHost } from '../src/index';

function memHost(files: Map<string, string>, reads: string[] = []): WorkspaceHost {
  return {
    resolve: (_from, path) => `mem:/${path}`,
    readFile: (uri) => {
      reads.push(uri);
      const t = files.get(uri);
      return t === undefined ? { error: 'missing' } : { text: t };
    },
  };
}

const fwDoc = 'framework "lokal" { area 1 "A" { question 1.1 "Q" max 10 } }';
const evDoc = (p: number) => `evaluation "E" { framework "lokal" area 1 { question 1.1 ${p} } }`;

describe('Workspace', () => {
  it('knows frameworks defined in other documents', () => {
    const ws = new Workspace();
    ws.set('mem:/fw.kompass', fwDoc);
    ws.set('mem:/ev.kompass', evDoc(7));
    const a = ws.analyze('mem:/ev.kompass');
    assert.deepEqual(a.diagnostics, []);
    assert.equal(a.evaluations[0]!.max, 10);
  });

  it('finds frameworks defined with typographic quotes, as Word writes them', () => {
    for (const [open, close] of [
      ['”', '”'],
      ['“', '”'],
      ['„', '“'],
      ['«', '»'],
    ]) {
      const ws = new Workspace();
      ws.set(
        'mem:/fw.kompass',
        `ramverk ${open}lokal${close} { område 1 ${open}A${close} { fråga 1.1 ${open}Q${close} max 10 } }`,
      );
      ws.set(
        'mem:/ev.kompass',
        `utvärdering ”E” { ramverk ${open}lokal${close} område 1 { fråga 1.1 7 } }`,
      );
      const a = ws.analyze('mem:/ev.kompass');
      assert.deepEqual(a.diagnostics, [], `${open}lokal${close}`);
      assert.equal(a.evaluations[0]!.max, 10);
      assert.deepEqual(ws.dependents('mem:/fw.kompass'), ['mem:/ev.kompass']);
    }
  });

  it('re-checks an evaluation when its framework changes', () => {
    const ws = new Workspace();
    ws.set('mem:/fw.kompass', fwDoc);
    ws.set('mem:/ev.kompass', evDoc(7));
    assert.deepEqual(ws.analyze('mem:/ev.kompass').diagnostics, []);
    assert.deepEqual(ws.dependents('mem:/fw.kompass'), ['mem:/ev.kompass']);
    ws.set('mem:/fw.kompass', fwDoc.replace('max 10', 'max 5'));
    assert.deepEqual(
      ws
        .analyze('mem:/ev.kompass')
        .diagnostics.map((d) => d.code)
        .sort(),
      // The points over the max count as the max, so the area stays within its own.
      ['KK010'],
    );
  });

  it('caches the analysis per version', () => {
    const ws = new Workspace();
    ws.set('mem:/ev.kompass', evDoc(7), 1);
    const first = ws.analyze('mem:/ev.kompass');
    assert.equal(ws.analyze('mem:/ev.kompass'), first);
    ws.set('mem:/ev.kompass', evDoc(8), 2);
    assert.notEqual(ws.analyze('mem:/ev.kompass'), first);
    assert.equal(ws.analyze('mem:/ev.kompass').version, 2);
  });

  it('reads a compare target once and again after invalidate', () => {
    const files = new Map([
      [
        'mem:/old.kompass',
        'evaluation "Gammal" { framework "kommunkompassen-2.0" area 1 score 40 }',
      ],
    ]);
    const reads: string[] = [];
    const ws = new Workspace(memHost(files, reads));
    ws.set(
      'mem:/new.kompass',
      'evaluation "Ny" { framework "kommunkompassen-2.0" compare "old.kompass" area 1 score 50 }',
    );
    const a = ws.analyze('mem:/new.kompass');
    assert.equal(a.evaluations[0]!.comparisons[0]!.target?.total, 40);
    ws.set(
      'mem:/new.kompass',
      'evaluation "Ny" { framework "kommunkompassen-2.0" compare "old.kompass" area 1 score 51 }',
    );
    ws.analyze('mem:/new.kompass');
    assert.equal(reads.length, 1, 'the target is read once');
    files.set(
      'mem:/old.kompass',
      'evaluation "Gammal" { framework "kommunkompassen-2.0" area 1 score 45 }',
    );
    ws.invalidate('mem:/old.kompass');
    assert.equal(ws.analyze('mem:/new.kompass').evaluations[0]!.comparisons[0]!.target?.total, 45);
  });

  it('prefers an open document over the file on disk as compare target', () => {
    const ws = new Workspace(memHost(new Map()));
    ws.set(
      'mem:/old.kompass',
      'evaluation "Öppen" { framework "kommunkompassen-2.0" area 1 score 30 }',
    );
    ws.set(
      'mem:/new.kompass',
      'evaluation "Ny" { framework "kommunkompassen-2.0" compare "old.kompass" }',
    );
    assert.equal(
      ws.analyze('mem:/new.kompass').evaluations[0]!.comparisons[0]!.target?.name,
      'Öppen',
    );
  });

  it('keeps other analyses when an evaluation is edited, not when a framework is', () => {
    const ws = new Workspace();
    ws.set('mem:/a', 'evaluation "A" { framework "kommunkompassen-2.0" area 1 score 5 }');
    ws.set('mem:/b', 'evaluation "B" { framework "lokal" area 1 { question 1.1 5 } }');
    ws.set('mem:/fw', fwDoc);
    const b = ws.analyze('mem:/b');
    ws.set('mem:/a', 'evaluation "A" { framework "kommunkompassen-2.0" area 1 score 6 }');
    assert.equal(ws.analyze('mem:/b'), b, 'editing an evaluation leaves the others cached');
    ws.set('mem:/fw', fwDoc.replace('max 10', 'max 4'));
    assert.notEqual(ws.analyze('mem:/b'), b);
    assert.ok(ws.analyze('mem:/b').diagnostics.some((d) => d.code === 'KK010'));
  });

  it('answers for unknown documents without throwing', () => {
    const ws = new Workspace();
    assert.deepEqual(ws.analyze('mem:/nothing').diagnostics, []);
    assert.equal(ws.parse('mem:/nothing').document.blocks.length, 0);
  });

  it('forgets deleted documents and their frameworks', () => {
    const ws = new Workspace();
    ws.set('mem:/fw.kompass', fwDoc);
    ws.set('mem:/ev.kompass', evDoc(7));
    ws.delete('mem:/fw.kompass');
    assert.ok(ws.analyze('mem:/ev.kompass').diagnostics.some((d) => d.code === 'KK030'));
    assert.equal(ws.has('mem:/fw.kompass'), false);
  });
});

describe('Swedish keywords', () => {
  it('mean the same as the English ones', () => {
    const sv = `utvärdering "Ort" {
  ramverk "kommunkompassen-2.0"
  datum 2012-12-12 till 2012-12-14
  utvärderare "A", "B"
  organisation "SKR"
  omgång 2
  språk sv
  sammanfattning """Kort."""
  fakta { "Folkmängd" 100 }
  område 1 "Offentlighet och demokrati" {
    poäng 58
    rubrik "R"
    allmänt """Text"""
    avsnitt "S" """Text"""
    fråga 1.1 14/15
    fråga 1.2 14/20
    fråga 1.3 9
    fråga 1.4 17/30
    fråga 1.5 4
    styrka "s"
    förbättring "f"
    exempel "Nacka" "jämförare"
  }
  totalt 58
}`;
    const en = sv
      .replace('utvärdering', 'evaluation')
      .replace('ramverk', 'framework')
      .replace('datum', 'date')
      .replace(' till ', ' to ')
      .replace('utvärderare', 'evaluators')
      .replace('omgång', 'round')
      .replace('språk', 'language')
      .replace('sammanfattning', 'summary')
      .replace('fakta', 'facts')
      .replace('område', 'area')
      .replace('poäng', 'score')
      .replace('rubrik', 'heading')
      .replace('allmänt', 'intro')
      .replace('avsnitt', 'section')
      .replaceAll('fråga', 'question')
      .replace('styrka', 'strength')
      .replace('förbättring', 'improvement')
      .replace('exempel', 'example')
      .replace('totalt', 'total');
    const ws = new Workspace();
    ws.set('mem:/sv', sv);
    ws.set('mem:/en', en);
    const a = ws.analyze('mem:/sv');
    const b = ws.analyze('mem:/en');
    const codes = (x: typeof a) => x.diagnostics.map((d) => d.code).filter((c) => c !== 'KK016');
    assert.deepEqual(codes(a), []);
    assert.deepEqual(codes(b), []);
    const pick = (x: typeof a) => {
      const e = x.evaluations[0]!;
      return [e.total, e.round, e.dateTo, e.areas[0]!.examples, e.areas[0]!.sections, e.summary];
    };
    assert.deepEqual(pick(a), pick(b));
    assert.equal(a.evaluations[0]!.total, 58);
  });
});
