import assert from 'node:assert/strict';
import { namedMissingCharacters } from '../../report/src/options';
import { whereMissing } from '../src/export';
import { cliTexts } from '../src/texts';

describe('kompass export: the warning of characters a PDF cannot show', () => {
  it('gives each character its first line, in the order given', () => {
    const text = 'evaluation "A" {\n  summary "東 och 👍"\n  strength "東 igen"\n}\n';
    assert.deepEqual(whereMissing(text, ['東', '👍', '✅']), [
      { character: '東', line: 2 },
      { character: '👍', line: 2 },
      { character: '✅' },
    ]);
  });

  it('names the first few and counts the rest, searching the text only for those named', () => {
    // 5,000 different characters in a text of a few megabytes: a search for each would take long.
    const characters = Array.from({ length: 5000 }, (_, i) => String.fromCodePoint(0x4e00 + i));
    const text = `${'x'.repeat(2_000_000)}\n${characters.join('\n')}`;
    const found = whereMissing(text, characters);
    assert.equal(found.length, 5000);
    assert.equal(found.filter((f) => f.line !== undefined).length, namedMissingCharacters);
    assert.deepEqual(found[0], { character: '一', line: 2 });
    const sv = cliTexts.sv.missingCharacters('a.kompass', found);
    assert.match(sv, /^a\.kompass: varning: PDF:en kan inte visa 一 \(rad 2\), 丁 \(rad 3\), /);
    assert.match(sv, / och 4992 till: rapportens typsnitt \(DejaVu Sans\) saknar dem$/);
    const en = cliTexts.en.missingCharacters('a.kompass', found.slice(0, 2));
    assert.equal(
      en,
      "a.kompass: warning: the PDF cannot show 一 (line 2), 丁 (line 3): the report's font (DejaVu Sans) has no glyphs for them",
    );
  });
});
