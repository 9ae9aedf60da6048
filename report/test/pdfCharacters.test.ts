import assert from 'node:assert/strict';
import { renderPdf } from '../src/index';
import { analyse, analyseText } from './helpers';

const withCharacters = `evaluation "Västerås stad 東京" {
  framework "kommunkompassen-2.0"
  language sv
  summary """
    En tumme upp 👍 och en bock ✅ – ”citat”, å ä ö, Æ Ø, Sámi: ŋ š č đ ŧ ž, 😀.
  """
  area 1 "Offentlighet och demokrati" {
    strength "Besök från 東京 🎉"
  }
}
`;

describe('report: characters the PDF cannot show', function () {
  this.timeout(60_000);

  it('are told, in the order first met, once each; what the fonts have is not', async () => {
    const analysis = analyseText(withCharacters, 'characters.kompass');
    const told: string[][] = [];
    const pdf = await renderPdf(analysis, { onMissingCharacters: (c) => told.push(c) });
    assert.ok(pdf.length > 1000);
    assert.equal(told.length, 1);
    assert.deepEqual(told[0], ['東', '京', '👍', '✅', '🎉']);
    // Laid out once already, the same words are told again in a second PDF.
    const again: string[][] = [];
    await renderPdf(analysis, { onMissingCharacters: (c) => again.push(c) });
    assert.deepEqual(again, told);
  });

  it('are not told for a report its fonts can show', async () => {
    const { analysis } = analyse('samples/vasteras-2012.kompass');
    let told = false;
    await renderPdf(analysis, {
      onMissingCharacters: () => {
        told = true;
      },
    });
    assert.equal(told, false);
  });
});
