import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's poppler-utils: the PDF tests read text and structure with them. */
export const pdftotext = '/usr/bin/pdftotext';
export const pdfinfo = '/usr/bin/pdfinfo';

/**
 * Stops a test that needs poppler when it is absent: a failure in CI (`CI` set), a loud skip with
 * the install command on a local run.
 */
export function requirePoppler(ctx: Mocha.Context, what: string): void {
  if (existsSync(pdftotext) && existsSync(pdfinfo)) return;
  const message = `${what} needs ${pdftotext} and ${pdfinfo}, absent (apt-get install poppler-utils)`;
  if (process.env.CI) throw new Error(message);
  console.warn(`\n    !!! SKIPPED: ${message}\n`);
  ctx.skip();
}

/** What poppler reads in a PDF: its text page by page (layout kept), its info and its structure tree. */
export interface PdfReading {
  pages: string[];
  info: string;
  tree: string;
}

/** Runs pdftotext -layout, pdfinfo and pdfinfo -struct-text on PDF bytes. */
export function readPdf(bytes: Uint8Array): PdfReading {
  const dir = mkdtempSync(join(tmpdir(), 'kompass-poppler-'));
  try {
    const file = join(dir, 'r.pdf');
    writeFileSync(file, bytes);
    const run = (cmd: string, args: string[]) =>
      execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const text = run(pdftotext, ['-layout', '-enc', 'UTF-8', file, '-']);
    return {
      // pdftotext ends every page with a form feed.
      pages: text.split('\f').slice(0, -1),
      info: run(pdfinfo, [file]),
      tree: run(pdfinfo, ['-struct-text', file]),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
