import * as assert from 'node:assert/strict';
import { relativePath } from '../src/features/completion';
import { encodeSegment, resolveUri } from '../src/uri';

describe('resolveUri: compare paths as URIs in the editor’s encoding', () => {
  const from = 'vscode-vfs://github/kommun/rapporter/2012/v%C3%A4ster%C3%A5s.kompass';

  it('resolves a sibling, a parent and a child folder', () => {
    assert.equal(
      resolveUri(from, 'b.kompass'),
      'vscode-vfs://github/kommun/rapporter/2012/b.kompass',
    );
    assert.equal(
      resolveUri(from, '../2010/a.kompass'),
      'vscode-vfs://github/kommun/rapporter/2010/a.kompass',
    );
    assert.equal(
      resolveUri(from, './x/./y.kompass'),
      'vscode-vfs://github/kommun/rapporter/2012/x/y.kompass',
    );
  });

  it('keeps # and ? in a file name as part of the name, not a fragment or query', () => {
    assert.equal(
      resolveUri(from, 'runda #2?.kompass'),
      'vscode-vfs://github/kommun/rapporter/2012/runda%20%232%3F.kompass',
    );
  });

  it('encodes %, parentheses and Swedish letters as VS Code does', () => {
    assert.equal(
      resolveUri(from, 'Örebro (100%).kompass'),
      'vscode-vfs://github/kommun/rapporter/2012/%C3%96rebro%20%28100%25%29.kompass',
    );
    assert.equal(encodeSegment("a!b'c*d~e-f_g.h"), 'a%21b%27c%2Ad~e-f_g.h');
  });

  it('an absolute path starts at the root; .. never climbs above it', () => {
    assert.equal(
      resolveUri(from, '/delad/snitt.kompass'),
      'vscode-vfs://github/delad/snitt.kompass',
    );
    assert.equal(resolveUri(from, '../../../../../x.kompass'), 'vscode-vfs://github/x.kompass');
  });

  it('drops the document’s own query and fragment', () => {
    assert.equal(resolveUri('file:///a/b.kompass?x=1#y', 'c.kompass'), 'file:///a/c.kompass');
  });

  it('gives undefined for something that is not an absolute URI', () => {
    assert.equal(resolveUri('relative/b.kompass', 'c.kompass'), undefined);
  });

  it('is the inverse of the relative path completion offers', () => {
    const target = resolveUri(from, '../2010/Örebro (100%) #1.kompass')!;
    assert.equal(relativePath(from, target), '../2010/Örebro (100%) #1.kompass');
  });
});
