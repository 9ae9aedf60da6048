import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Analysis, Workspace, type WorkspaceHost } from '../../src/index';

/** The samples folder. */
export const samplesDir = join(import.meta.dirname, '..', '..', '..', 'samples');

/** A host over an in-memory map of files. */
export function memoryHost(files: Record<string, string>): WorkspaceHost {
  return {
    resolve: (from, path) => new URL(path, from).toString(),
    readFile: (uri) => (uri in files ? { text: files[uri]! } : { error: 'missing' }),
  };
}

/** Analyses a text as `file:///w/doc.kompass`, other documents added to the workspace. */
export function analyze(text: string, others: Record<string, string> = {}): Analysis {
  const ws = new Workspace(memoryHost(others));
  for (const [uri, t] of Object.entries(others)) ws.set(uri, t);
  ws.set('file:///w/doc.kompass', text);
  return ws.analyze('file:///w/doc.kompass');
}

/** Splits `<|>` out of a marked text: the text and the cursor's offset. */
export function marked(s: string): { text: string; offset: number } {
  const offset = s.indexOf('<|>');
  if (offset < 0) throw new Error('no <|>');
  return { text: s.slice(0, offset) + s.slice(offset + 3), offset };
}

/** A sample's text. */
export function sample(name: string): string {
  return readFileSync(join(samplesDir, name), 'utf8');
}

/** Analyses a sample with every other sample in the workspace. */
export function analyzeSample(name: string): { analysis: Analysis; text: string } {
  const files: Record<string, string> = {};
  for (const n of [
    'vasteras-2012.kompass',
    'exempelby-2010.kompass',
    'egen-ramverk.kompass',
    'egen-utvardering.kompass',
    'exempelby-2014.kompass',
    'alla-diagnostiker.kompass',
  ]) {
    files[`file:///w/${n}`] = sample(n);
  }
  const ws = new Workspace(memoryHost(files));
  for (const [uri, t] of Object.entries(files)) ws.set(uri, t);
  return { analysis: ws.analyze(`file:///w/${name}`), text: files[`file:///w/${name}`]! };
}

/** Applies offset edits to a text. */
export function apply(
  text: string,
  edits: readonly { start: number; end: number; newText: string }[],
) {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  }
  return out;
}

/** An evaluation of Kommunkompassen 2.0 around `body`. */
export function kk(body: string, name = 'E'): string {
  return `evaluation "${name}" {\n  framework "kommunkompassen-2.0"\n${body}}\n`;
}
