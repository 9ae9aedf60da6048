import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { joinBytes } from '../../../report/src/bytes';
import { readFontDir } from '../../../report/src/fontDir';
import { nodeDeflate } from '../../../report/src/nodeDeflate';
import { analyse } from '../../../report/test/helpers';
import { readPdf, requirePoppler } from '../../../test/poppler';
import type { ReportModule } from '../../src/report';

const root = join(import.meta.dirname, '..', '..', '..');
const webBundle = join(root, 'dist', 'web', 'client.js');

/**
 * Requires the built web extension bundle in Node, as the desktop extension does (its `vscode`
 * import answered by a stand-in: the bundle only subclasses and reads it when it activates).
 */
function requireWebBundle(): { reportModule(): Promise<ReportModule> } {
  const loader = Module as unknown as { _load(request: string, ...rest: unknown[]): unknown };
  const load = loader._load;
  const standIn = new Proxy({}, { get: () => class {} });
  loader._load = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'vscode' ? standIn : load.call(this, request, ...rest);
  };
  try {
    return createRequire(import.meta.url)(webBundle);
  } finally {
    loader._load = load;
  }
}

describe('client: the desktop extension renders with the web bundle’s renderer', function () {
  this.timeout(60_000);

  before(() => {
    if (!existsSync(webBundle)) throw new Error(`${webBundle} is missing: run npm run build first`);
  });

  it('loads the renderer from dist/web/client.js in Node, lazily', async () => {
    const web = requireWebBundle();
    assert.equal(typeof web.reportModule, 'function');
    const report = await web.reportModule();
    assert.equal(typeof report.renderReportParts, 'function');
    assert.equal(await web.reportModule(), report, 'one module, evaluated once');
  });

  it('writes a tagged PDF of the sample with Node’s zlib for the pages', async function () {
    requirePoppler(this, 'the desktop PDF through the web bundle');
    const report = await requireWebBundle().reportModule();
    const { analysis, text } = analyse('samples/vasteras-2012.kompass');
    // The fonts the .vsix ships, as the desktop reads them from its dist/fonts.
    const fonts = readFontDir(join(root, 'dist', 'fonts'));
    const parts: Uint8Array[] = [];
    for (const p of await report.renderReportParts(analysis, 'pdf', {
      fonts,
      sourceText: text,
      deflate: nodeDeflate,
    }))
      parts.push(typeof p === 'string' ? new TextEncoder().encode(p) : p);
    const pdf = readPdf(joinBytes(parts));
    assert.match(pdf.info, /Tagged:\s+yes/);
    assert.match(pdf.pages.join('\n'), /Västerås stad/);
    assert.match(pdf.pages.join('\n'), /561/);
  });
});
