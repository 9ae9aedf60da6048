import assert from 'node:assert/strict';
import { create } from 'fontkit';
import { readFontDir } from '../src/fontDir';
import type { FontFace } from '../src/fontFiles';
import { parseFonts } from '../src/fonts';

describe('report: the PDF fonts', () => {
  const bytes = readFontDir();
  const fonts = parseFonts(bytes);
  const faces: FontFace[] = ['regular', 'bold', 'italic'];

  it('read the post table header as fontkit decodes it, and glyph names on demand', () => {
    for (const face of faces) {
      const ours = fonts[face] as unknown as { post: Record<string, unknown> };
      const theirs = create(bytes[face]) as unknown as { post: Record<string, unknown> };
      for (const field of [
        'version',
        'italicAngle',
        'underlinePosition',
        'underlineThickness',
        'isFixedPitch',
        'minMemType42',
        'maxMemType42',
        'minMemType1',
        'maxMemType1',
      ])
        assert.equal(ours.post[field], theirs.post[field], `${face} ${field}`);
      // The italic face leans: the field pdfkit writes as the descriptor's ItalicAngle.
      if (face === 'italic') assert.ok((ours.post.italicAngle as number) < 0);
      const glyph = (f: unknown) => (f as { getGlyph(id: number): { name: string } }).getGlyph(36);
      assert.equal(glyph(fonts[face]).name, glyph(create(bytes[face])).name);
      assert.deepEqual(ours.post.glyphNameIndex, theirs.post.glyphNameIndex);
    }
  });
});
