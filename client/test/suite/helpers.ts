import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { KompassApi } from '../../src/extension';

/** The extension's id: publisher.name from package.json. */
export const extensionId = 'kompass.kompass';

/** The repository root, from the bundle's place in dist/test. */
export const repoRoot = path.resolve(__dirname, '..', '..');

/** Activates the extension (if it is not yet) and returns its API. */
export async function kompass(): Promise<KompassApi> {
  const ext = vscode.extensions.getExtension<KompassApi>(extensionId);
  if (!ext) throw new Error(`extension ${extensionId} is not installed`);
  return ext.isActive ? ext.exports : await ext.activate();
}

/** A sample's text: from the workspace the runner opened, else from the repository. */
export function sampleText(name: string): string {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const inWorkspace = folder ? path.join(folder, name) : undefined;
  const file =
    inWorkspace && fs.existsSync(inWorkspace) ? inWorkspace : path.join(repoRoot, 'samples', name);
  return fs.readFileSync(file, 'utf8');
}

let scratch: string | undefined;

/** A folder for files the tests write: inside the workspace when there is one. */
export function scratchDir(): string {
  if (!scratch) {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? os.tmpdir();
    scratch = fs.mkdtempSync(path.join(folder, 'kompass-test-'));
  }
  return scratch;
}

/**
 * Writes `text` to a new file in the scratch folder, next to a copy of the first Exempelby round
 * the 2014 sample compares against, and returns its URI.
 */
export function writeScratch(name: string, text: string): vscode.Uri {
  const dir = scratchDir();
  const profile = path.join(dir, 'exempelby-2010.kompass');
  if (!fs.existsSync(profile)) fs.writeFileSync(profile, sampleText('exempelby-2010.kompass'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return vscode.Uri.file(file);
}

/** Removes what the tests wrote. */
export function cleanScratch(): void {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `ms`. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (err) {
      last = err;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `timed out after ${ms} ms waiting for ${what}${last ? ` (${String(last)})` : ''}`,
  );
}

/** Opens a document in an editor. */
export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Closes every editor, discarding changes to untitled and edited documents. */
export async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.scheme === 'file') await doc.save();
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Races, `rounds` times, three exports of differently named copies of the Västerås sample to
 * one new Markdown file, and asserts that exactly one wrote it, the others were refused with
 * "already exists", the file holds the winner's text only, and no temporary file is left.
 */
export async function raceExportsToOneName(
  prefix: string,
  rounds: number,
  exportOne: (source: vscode.Uri, target: vscode.Uri) => Thenable<unknown>,
): Promise<void> {
  const text = sampleText('vasteras-2012.kompass');
  const names = ['Alfa kommun', 'Beta kommun', 'Gamma kommun'];
  for (let round = 0; round < rounds; round++) {
    const sources = names.map((name, i) =>
      writeScratch(
        `${prefix}-${round}-${i}.kompass`,
        text.replace('evaluation "Västerås stad"', `evaluation "${name}"`),
      ),
    );
    const target = vscode.Uri.file(path.join(scratchDir(), `${prefix}-${round}.md`));
    const results = await Promise.allSettled(sources.map((source) => exportOne(source, target)));
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [names[i]!] : []));
    assert.equal(won.length, 1, `round ${round}: ${won.length} exports wrote the same new file`);
    for (const r of results)
      if (r.status === 'rejected') assert.match(String(r.reason), /already exists/);
    const written = fs.readFileSync(target.fsPath, 'utf8');
    for (const name of names)
      assert.equal(written.includes(name), name === won[0], `round ${round}: ${name}`);
  }
  const leftovers = fs.readdirSync(scratchDir()).filter((f) => f.startsWith('.kompass-tmp-'));
  assert.deepEqual(leftovers, [], 'no temporary file is left behind');
}
