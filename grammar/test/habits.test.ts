import assert from 'node:assert/strict';
import { codeActions, complete } from '../src/features/index';
import { analyze, codes } from './helpers';

/** An evaluation of Kommunkompassen 2.0 in English or Swedish keywords around `body`. */
function doc(body: string, swedish = false): string {
  return swedish
    ? `utvärdering "Testby" {\n  ramverk "kommunkompassen-2.0"\n${body}\n}\n`
    : `evaluation "Testby" {\n  framework "kommunkompassen-2.0"\n${body}\n}\n`;
}

/** Codes other than the missing-area and missing-question warnings. */
function mainCodes(text: string, files?: Record<string, string>): string[] {
  return codes(text, files).filter((c) => c !== 'KK016' && c !== 'KK015');
}

/** The text after applying the first quick fix of the first diagnostic with `code`. */
function fixed(text: string, code: string): string {
  const a = analyze(text);
  const d = a.diagnostics.find((x) => x.code === code);
  assert.ok(d, `no ${code} in ${a.diagnostics.map((x) => x.code).join(', ')}`);
  const action = codeActions(a, text, d).find((x) => x.diagnostics.includes(d));
  assert.ok(action, `no quick fix for ${code}`);
  let out = text;
  for (const e of [...action.edits].sort((x, y) => y.start - x.start))
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

function points(text: string): [string, number | undefined, number | undefined][] {
  const ev = analyze(text).evaluations[0]!;
  return ev.areas.flatMap((a) => a.questions.map((q) => [q.id, q.points, q.max] as const)) as [
    string,
    number | undefined,
    number | undefined,
  ][];
}

for (const swedish of [false, true]) {
  const q = swedish ? 'fråga' : 'question';
  const area = swedish ? 'område' : 'area';
  const lang = swedish ? 'sv' : 'en';

  describe(`writing habits (${lang} keywords)`, () => {
    it('reads `14 av 15` and `14 of 15` exactly like `14/15`', () => {
      const text = doc(
        `  ${area} 1 {\n    ${q} 1.1 14 av 15\n    ${q} 1.2 14 of 20\n    ${q} 1.3 9/25\n  }`,
        swedish,
      );
      assert.deepEqual(points(text), [
        ['1.1', 14, 15],
        ['1.2', 14, 20],
        ['1.3', 9, 25],
      ]);
      assert.deepEqual(mainCodes(text), []);
    });

    it('reads a decimal comma wherever a number is expected', () => {
      const score = swedish ? 'poäng' : 'score';
      const text = doc(
        `  ${area} 1 {\n    ${q} 1.1 13,5/15\n    ${q} 1.2 13,5 av 20\n  }\n  ${area} 2 ${score} 40,5`,
        swedish,
      );
      assert.deepEqual(points(text), [
        ['1.1', 13.5, 15],
        ['1.2', 13.5, 20],
      ]);
      const ev = analyze(text).evaluations[0]!;
      assert.equal(ev.areas[0]!.score, 27);
      assert.equal(ev.areas[1]!.score, 40.5);
      assert.deepEqual(mainCodes(text), []);
    });

    it('keeps comma lists of strings and never reads two commas as a value', () => {
      const who = swedish ? 'utvärderare' : 'evaluators';
      const text = doc(`  ${who} "A", "B","C"\n  ${area} 1 {\n    ${q} 1.1 1,2,3/15\n  }`, swedish);
      const a = analyze(text);
      assert.deepEqual(a.evaluations[0]!.evaluators, ['A', 'B', 'C']);
      assert.deepEqual(a.diagnostics.filter((d) => d.code === 'KK001').length, 1);
    });

    it('takes ”…”, “…”, „…“ and «…» as string delimiters', () => {
      const text = doc(
        `  ${area} 1 ”Offentlighet och demokrati” {\n    ${q} 1.1 “Finns en plan/strategi för demokratiutveckling och information?” 14/15\n    ${q} 1.2 „Hur informeras medborgarna?“ 14/20\n    ${q} 1.3 «Hur informeras medborgarna om resultat?» 9/25\n  }`,
        swedish,
      );
      assert.deepEqual(mainCodes(text), []);
      const titles = analyze(text).evaluations[0]!.areas[0]!.questions.map((x) => x.title);
      assert.deepEqual(titles.slice(1), [
        'Hur informeras medborgarna?',
        'Hur informeras medborgarna om resultat?',
      ]);
    });

    it('keeps typographic quotes inside a "…" string as ordinary characters', () => {
      const text = doc(
        `  ${swedish ? 'sammanfattning' : 'summary'} "Temat ”Västerås som vår stad” och «mer»"`,
        swedish,
      );
      assert.equal(
        analyze(text).evaluations[0]!.summary,
        'Temat ”Västerås som vår stad” och «mer»',
      );
      assert.deepEqual(mainCodes(text), []);
    });

    it('gives one diagnostic, with a fix, for a string closed by the wrong quote', () => {
      const text = doc(
        `  ${area} 1 "Offentlighet och demokrati” {\n    ${q} 1.1 14/15\n  }`,
        swedish,
      );
      assert.deepEqual(mainCodes(text), ['KK001']);
      assert.equal(analyze(text).evaluations[0]!.areas[0]!.questions.length, 1);
      assert.deepEqual(mainCodes(fixed(text, 'KK001')), []);
    });

    it('gives one diagnostic for an unclosed quote, and the `{` ending the line still opens the block', () => {
      const text = doc(
        `  ${area} 1 "Offentlighet och demokrati {\n    ${q} 1.1 14/15\n  }`,
        swedish,
      );
      assert.deepEqual(mainCodes(text), ['KK001']);
      assert.deepEqual(points(text), [['1.1', 14, 15]]);
    });

    it('makes `score` optional in an area with questions: the sum is its score', () => {
      const text = doc(`  ${area} 1 {\n    ${q} 1.1 14/15\n    ${q} 1.2 14/20\n  }`, swedish);
      assert.equal(analyze(text).evaluations[0]!.areas[0]!.score, 28);
      assert.ok(!codes(text).includes('KK018'));
      const stated = doc(
        `  ${area} 1 ${swedish ? 'poäng' : 'score'} 30 {\n    ${q} 1.1 14/15\n  }`,
        swedish,
      );
      assert.ok(codes(stated).includes('KK020'));
    });
  });

  describe(`did-you-mean diagnostics (${lang} keywords)`, () => {
    it('KK004: a misspelled keyword is one diagnostic, read as the keyword it resembles', () => {
      const typo = swedish ? 'frgåa' : 'questoin';
      const text = doc(`  ${area} 1 {\n    ${typo} 1.1 14/15\n    ${q} 1.2 14/20\n  }`, swedish);
      const a = analyze(text);
      const mine = a.diagnostics.filter((d) => d.code !== 'KK015' && d.code !== 'KK016');
      assert.deepEqual(
        mine.map((d) => d.code),
        ['KK004'],
      );
      assert.match(mine[0]!.message, new RegExp(`${q}`));
      assert.deepEqual(points(text), [
        ['1.1', 14, 15],
        ['1.2', 14, 20],
      ]);
      assert.ok(fixed(text, 'KK004').includes(`    ${q} 1.1 14/15`));
    });

    it('KK004: a misspelled block keyword keeps the block', () => {
      const typo = swedish ? 'omrde' : 'aera';
      const text = doc(`  ${typo} 1 {\n    ${q} 1.1 14/15\n  }`, swedish);
      assert.deepEqual(mainCodes(text), ['KK004']);
      assert.deepEqual(points(text), [['1.1', 14, 15]]);
    });

    it('KK012: an unknown question number suggests the nearest one not yet written', () => {
      const text = doc(`  ${area} 1 {\n    ${q} 1.1 14/15\n    ${q} 1.7 4/10\n  }`, swedish);
      const d = analyze(text).diagnostics.find((x) => x.code === 'KK012')!;
      assert.match(d.message, /1\.5\?$/);
      assert.ok(fixed(text, 'KK012').includes(`${q} 1.5 4/10`));
    });

    it('KK030: an unknown framework name suggests the nearest known one', () => {
      const text = doc(`  ${area} 1 {\n    ${q} 1.1 14/15\n  }`, swedish).replace(
        '"kommunkompassen-2.0"',
        '"kommunkompasen-2.0"',
      );
      const d = analyze(text).diagnostics.find((x) => x.code === 'KK030')!;
      assert.match(d.message, /kommunkompassen-2\.0/);
      assert.deepEqual(mainCodes(fixed(text, 'KK030')), []);
    });

    it('KK005: a quoted number where a number belongs still counts, with a fix', () => {
      const score = swedish ? 'poäng' : 'score';
      const text = doc(`  ${area} 2 ${score} "58"`, swedish);
      assert.deepEqual(mainCodes(text), ['KK005']);
      assert.equal(analyze(text).evaluations[0]!.areas[0]!.score, 58);
      assert.deepEqual(mainCodes(fixed(text, 'KK005')), []);
    });

    it('KK005: quoted points after a title, or read as the title, are one diagnostic each', () => {
      const text = doc(
        `  ${area} 1 {\n    ${q} 1.1 "14"/15\n    ${q} 1.2 "Hur informeras medborgarna?" "14"/20\n  }`,
        swedish,
      );
      assert.deepEqual(mainCodes(text), ['KK005', 'KK005']);
      assert.deepEqual(points(text), [
        ['1.1', 14, 15],
        ['1.2', 14, 20],
      ]);
      assert.equal(
        analyze(text).evaluations[0]!.areas[0]!.questions[0]!.title.startsWith('Finns'),
        true,
      );
    });

    it('KK024: a title differing from the framework is a warning; the writer’s title is kept', () => {
      const text = doc(
        `  ${area} 1 "Demokratin i kommunen" {\n    ${q} 1.1 "Plan för demokrati?" 14/15\n  }`,
        swedish,
      );
      const a = analyze(text);
      const found = a.diagnostics.filter((d) => d.code === 'KK024');
      assert.equal(found.length, 2);
      assert.ok(found.every((d) => d.severity === 'warning'));
      assert.equal(a.evaluations[0]!.areas[0]!.title, 'Demokratin i kommunen');
      assert.equal(a.evaluations[0]!.areas[0]!.questions[0]!.title, 'Plan för demokrati?');
      assert.ok(fixed(text, 'KK024').includes('"Offentlighet och demokrati"'));
    });

    it('KK024: case, whitespace, dash and quote style do not make titles differ', () => {
      const text = doc(
        `  ${area} 6 "kommunen  som arbetsgivare - Personalpolitik" {\n    ${q} 6.6 "Hur arbetar kommunen med mångfald, (etnicitet, kulturellt och kön)?" 5/10\n  }\n  ${area} 1 "OFFENTLIGHET OCH DEMOKRATI" {\n    ${q} 1.5 "Etik – hur hantera korruption?" 4/10\n  }`,
        swedish,
      );
      assert.deepEqual(
        analyze(text)
          .diagnostics.filter((d) => d.code === 'KK024')
          .map((d) => d.message),
        [],
      );
    });
  });

  describe(`the framework's own words (${lang} keywords)`, () => {
    it('takes an area’s Rubriker from the framework when it lists none, and keeps its own', () => {
      const heading = swedish ? 'rubrik' : 'heading';
      const text = doc(
        `  ${area} 1 {\n    ${q} 1.1 14/15\n  }\n  ${area} 2 {\n    ${heading} "Egen rubrik"\n    ${q} 2.1 12/15\n  }`,
        swedish,
      );
      const ev = analyze(text).evaluations[0]!;
      assert.deepEqual(ev.areas[0]!.headings, [
        'Strategi för demokratiutveckling och information',
        'Information till medborgare',
        'Dialog och medborgarmedverkan',
        'Etik – motverkan av korruption',
      ]);
      assert.deepEqual(ev.areas[1]!.headings, ['Egen rubrik']);
    });

    it('counts points over the max as the max in area and total sums, still flagging KK010', () => {
      const text = doc(`  ${area} 1 {\n    ${q} 1.1 20/15\n    ${q} 1.2 14/20\n  }`, swedish);
      const a = analyze(text);
      assert.equal(a.evaluations[0]!.areas[0]!.score, 29);
      assert.equal(a.evaluations[0]!.total, 29);
      assert.equal(a.evaluations[0]!.areas[0]!.questions[0]!.points, 20);
      assert.ok(a.diagnostics.some((d) => d.code === 'KK010'));
    });

    it('takes the evaluation’s own about text; a second one is KK003, one in an area KK002', () => {
      const about = swedish ? 'om' : 'about';
      const text = doc(
        `  ${about} """\n    Vår egen text.\n\n    Andra stycket.\n  """\n  ${area} 1 {\n    ${q} 1.1 14/15\n  }`,
        swedish,
      );
      const a = analyze(text);
      const s = a.parse.document.blocks[0]!.body!.statements.find((x) => x.kind === 'about');
      assert.ok(s, 'parsed as an about statement');
      assert.equal(s.keyword.text, about);
      assert.equal(a.evaluations[0]!.about, 'Vår egen text.\n\nAndra stycket.');
      assert.deepEqual(mainCodes(text), []);
      assert.equal(analyze(doc(`  ${area} 1 score 5`, swedish)).evaluations[0]!.about, undefined);

      const twice = doc(`  ${about} "Ett"\n  ${about} ”Två”`, swedish);
      assert.deepEqual(mainCodes(twice), ['KK003']);
      assert.equal(analyze(twice).evaluations[0]!.about, 'Två', 'the last one counts');
      const inArea = doc(`  ${area} 1 {\n    ${about} "x"\n    ${q} 1.1 14/15\n  }`, swedish);
      assert.deepEqual(mainCodes(inArea), ['KK002']);
      assert.equal(analyze(inArea).evaluations[0]!.about, undefined);
    });

    it('offers `om`/`about` among the evaluation’s keywords, in the document’s language', () => {
      const text = doc('  \n', swedish);
      const at = text.indexOf('  \n') + 2;
      const labels = complete(analyze(text), text, at).map((i) => i.label);
      assert.ok(labels.includes(swedish ? 'om' : 'about'), labels.join(', '));
      assert.ok(!labels.includes(swedish ? 'about' : 'om'), labels.join(', '));
    });
  });

  describe(`compare labels (${lang} keywords)`, () => {
    const cmp = swedish ? 'jämför' : 'compare';
    const as = swedish ? 'som' : 'as';
    const other = (name: string, date: string, round?: number) =>
      `evaluation "${name}" {\n  framework "kommunkompassen-2.0"\n  date ${date}\n${round ? `  round ${round}\n` : ''}  area 1 score 50\n}\n`;

    it('adds the year on both sides when the target has the evaluation’s own name', () => {
      const text = doc(
        `  date 2012-12-12\n  ${cmp} "old.kompass"\n  ${area} 1 {\n    ${q} 1.1 14/15\n  }`,
        swedish,
      );
      const ev = analyze(text, { 'old.kompass': other('Testby', '2010-05-01') }).evaluations[0]!;
      assert.equal(ev.comparisons[0]!.label, 'Testby 2010');
      assert.equal(ev.label, 'Testby 2012');
    });

    it('uses the round when the years are the same, and the bare name otherwise', () => {
      const text = doc(
        `  date 2012-01-01\n  ${swedish ? 'omgång' : 'round'} 2\n  ${cmp} "a.kompass"\n  ${cmp} "b.kompass"`,
        swedish,
      );
      const ev = analyze(text, {
        'a.kompass': other('Testby', '2012-01-01', 1),
        'b.kompass': other('Grannby', '2011-01-01'),
      }).evaluations[0]!;
      // Labels are worded in the document's language: Swedish unless it says `language en`.
      assert.equal(ev.comparisons[0]!.label, 'Testby (omgång 1)');
      assert.equal(ev.comparisons[1]!.label, 'Grannby');
    });

    it('uses the label given with `as`', () => {
      const text = doc(`  ${cmp} "snitt.kompass" ${as} "Snitt KK 2.0"`, swedish);
      const ev = analyze(text, { 'snitt.kompass': other('Medel', '2011-01-01') }).evaluations[0]!;
      assert.equal(ev.comparisons[0]!.label, 'Snitt KK 2.0');
      assert.equal(ev.label, 'Testby');
    });
  });
}
