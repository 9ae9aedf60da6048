import * as vscode from 'vscode';
import { judgeOutput, type OutputFacts, type WriteProblem } from '../../grammar/src/fileAccess';
import { joinBytes } from '../../report/src/bytes';
import { isReportFormat, reportFormat } from '../../report/src/formats';
import { type Deflate, namedMissingCharacters } from '../../report/src/options';
import type { KompassModel } from './model';
import { type ExportFormat, exportFormats, renderExport } from './report';
import { WriteQueue } from './writeQueue';

/** What each export format is called in the user's language, and whether it takes a while. */
export const formatInfo: Readonly<Record<ExportFormat, { label: () => string; slow: boolean }>> = {
  html: { label: () => vscode.l10n.t('HTML page'), slow: false },
  pdf: { label: () => vscode.l10n.t('PDF document'), slow: true },
  docx: { label: () => vscode.l10n.t('Word document'), slow: true },
  md: { label: () => vscode.l10n.t('Markdown'), slow: false },
  json: { label: () => vscode.l10n.t('JSON (the model)'), slow: false },
  csv: { label: () => vscode.l10n.t('CSV (for spreadsheets)'), slow: false },
};

/** Arguments of `kompass.exportReport` when called from code or tests: no dialogs are shown. */
export interface ExportArgs {
  source: vscode.Uri | string;
  target: vscode.Uri | string;
  format: ExportFormat;
  /** Replace an existing target without asking. Without it an existing target is refused. */
  overwrite?: boolean;
}

/**
 * Writes a rendered report to a local file the way the CLI does (files/src/write.ts): judged
 * once more at the write, a new name created exclusively, so of exports racing to one name only
 * one writes it. Given by the desktop entry; a browser has only VS Code's file system, whose
 * rename cannot promise that (see `WriteQueue` for what is done there instead).
 */
export type LocalOutputWriter = (
  target: vscode.Uri,
  source: vscode.Uri,
  data: Iterable<Uint8Array>,
  replace: boolean,
) => WriteProblem | undefined;

/** The writes through `vscode.workspace.fs` this extension host started, one at a time per name. */
const writes = new WriteQueue();

/** An export that was refused or failed, with a message for the user. */
export class ExportError extends Error {}

/** What the platform gives an export: where Node can (the desktop), its file writing and zlib. */
export interface ExportPlatform {
  /** How a report is written to a local file, exclusively. */
  writeLocal?: LocalOutputWriter;
  /** Compresses the Word charts' pictures and the PDF's pages (`ReportOptions.deflate`). */
  deflate?: Deflate;
}

/** Whether `value` is one of the export formats. */
export function isExportFormat(value: unknown): value is ExportFormat {
  return isReportFormat(value);
}

/**
 * Renders `source` in `format` and writes it to `target` through a temporary file in the same
 * folder, renamed into place, so a reader never sees half a file. Follows the CLI's rule
 * (`judgeOutput`): refuses the source itself (also through a link), any `.kompass` target,
 * anything but a regular file or a new name, and an existing file unless `overwrite`; a new
 * name is taken only if it is still free when the file is renamed into place; with a
 * `platform.writeLocal` (the desktop), a local file is written through it instead, exclusively.
 */
export async function exportReport(
  model: KompassModel,
  fontDir: vscode.Uri,
  args: ExportArgs,
  platform: ExportPlatform = {},
): Promise<vscode.Uri> {
  const { writeLocal } = platform;
  const source = toUri(args.source);
  const target = toUri(args.target);
  if (!isExportFormat(args.format))
    throw new ExportError(vscode.l10n.t('Unknown export format: {0}', String(args.format)));
  if (sameFile(source, target) || target.path.toLowerCase().endsWith('.kompass')) {
    throw new ExportError(
      vscode.l10n.t('A report is never written over a .kompass file: {0}', displayPath(target)),
    );
  }
  const replace = args.overwrite === true;
  await refuseUnsafeOutput(source, target, replace);
  const analysis = await model.analyze(source);
  const sourceText = model.text(source);
  let missing: string[] = [];
  const pieces = await renderExport(analysis, args.format, {
    fontDir,
    sourceText,
    ...(platform.deflate ? { deflate: platform.deflate } : {}),
    onMissingCharacters: (characters) => {
      missing = characters;
    },
  });
  const written = await writeReport(source, target, pieces, replace, writeLocal);
  if (missing.length > 0) warnMissingCharacters(missing, target);
  return written;
}

/** Says that the PDF written to `target` cannot show `characters` (its font has no glyphs). */
function warnMissingCharacters(characters: readonly string[], target: vscode.Uri): void {
  const named = characters.slice(0, namedMissingCharacters).join(' ');
  const rest = characters.length - namedMissingCharacters;
  const list = rest > 0 ? vscode.l10n.t('{0} and {1} more', named, rest) : named;
  void vscode.window.showWarningMessage(
    vscode.l10n.t(
      '{0} cannot show {1}: the report font (DejaVu Sans) has no glyphs for them.',
      baseName(target),
      list,
    ),
  );
}

/** Writes the report's pieces to `target`, as `exportReport` describes. */
async function writeReport(
  source: vscode.Uri,
  target: vscode.Uri,
  pieces: Iterable<Uint8Array>,
  replace: boolean,
  writeLocal: LocalOutputWriter | undefined,
): Promise<vscode.Uri> {
  if (writeLocal && target.scheme === 'file') {
    const problem = writeLocal(target, source, pieces, replace);
    if (problem) throw new ExportError(describeWriteProblem(problem, target));
    return target;
  }
  const content = joinBytes(pieces);
  const folder = vscode.Uri.joinPath(target, '..');
  const temp = vscode.Uri.joinPath(
    folder,
    `.kompass-tmp-${Date.now().toString(36)}-${randomId()}-${baseName(target)}`,
  );
  await writes.oneAtATime(target.toString(), async () => {
    try {
      await vscode.workspace.fs.writeFile(temp, content);
      // Judged again: rendering takes a while, and the name may have changed meanwhile.
      const facts = await refuseUnsafeOutput(source, target, replace);
      try {
        await vscode.workspace.fs.rename(temp, target, { overwrite: facts.kind === 'file' });
      } catch (err) {
        if (err instanceof vscode.FileSystemError && err.code === 'FileExists')
          throw new ExportError(describeWriteProblem({ problem: 'exists' }, target));
        throw err;
      }
    } catch (err) {
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      throw err;
    }
  });
  return target;
}

/**
 * What is at an output's name, for the shared rule. `vscode.workspace.fs` follows links but
 * cannot say where one leads, in the browser least of all; so the output is the source when its
 * stat (links followed) is the source's: same type, size, modification and creation time. That
 * catches symbolic and hard links alike; a different file matches only if written in the same
 * millisecond, and is then refused, never overwritten. A link to anything is not vouched for.
 */
async function outputFacts(source: vscode.Uri, target: vscode.Uri): Promise<OutputFacts> {
  const stat = (u: vscode.Uri) => vscode.workspace.fs.stat(u).then(undefined, () => undefined);
  const [at, src] = await Promise.all([stat(target), stat(source)]);
  const named = sameFile(source, target);
  if (!at) return { kind: 'none', isInput: named };
  const link = (at.type & vscode.FileType.SymbolicLink) !== 0;
  const type = at.type & ~vscode.FileType.SymbolicLink;
  const isInput =
    named ||
    (src !== undefined &&
      (src.type & ~vscode.FileType.SymbolicLink) === type &&
      src.size === at.size &&
      src.mtime === at.mtime &&
      src.ctime === at.ctime);
  const kind =
    type === vscode.FileType.Directory
      ? 'folder'
      : link
        ? 'symbolic link'
        : type === vscode.FileType.File
          ? 'file'
          : 'special file';
  return { kind, isInput };
}

/** Throws the refusal the shared rule gives for writing `target`, or says what is there. */
async function refuseUnsafeOutput(
  source: vscode.Uri,
  target: vscode.Uri,
  replace: boolean,
): Promise<OutputFacts> {
  const facts = await outputFacts(source, target);
  const problem = judgeOutput(facts, replace);
  if (problem) throw new ExportError(describeWriteProblem(problem, target));
  return facts;
}

/** A refused export in the user's language. */
function describeWriteProblem(p: WriteProblem, target: vscode.Uri): string {
  const at = displayPath(target);
  switch (p.problem) {
    case 'isInput':
      return vscode.l10n.t('A report is never written over its source: {0}', at);
    case 'notFile':
      return p.kind === 'folder'
        ? vscode.l10n.t('{0} is a folder: the report is not written there.', at)
        : p.kind === 'symbolic link'
          ? vscode.l10n.t(
              '{0} is a symbolic link: the report is not written through it. Choose the file it points to.',
              at,
            )
          : vscode.l10n.t(
              '{0} is not a regular file (a device, a FIFO or a socket): the report is not written there.',
              at,
            );
    case 'exists':
      return vscode.l10n.t('{0} already exists.', at);
    case 'noFolder':
    case 'failed':
      return vscode.l10n.t('Export failed: {0}', at);
  }
}

/**
 * The interactive command: pick the source, a format and a target, confirm, export with
 * progress for slow formats, then offer to open or reveal the file.
 */
export async function exportCommand(
  model: KompassModel,
  fontDir: vscode.Uri,
  arg: unknown,
  current: () => vscode.Uri | undefined,
  platform: ExportPlatform = {},
): Promise<vscode.Uri | undefined> {
  if (isExportArgs(arg)) return exportReport(model, fontDir, arg, platform);
  const source = arg instanceof vscode.Uri ? arg : current();
  if (!source) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a .kompass file to export.'));
    return undefined;
  }
  const format = await pickFormat();
  if (!format) return undefined;
  const info = formatInfo[format];
  const extension = reportFormat(format).extension;
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(
      exportFolder(source),
      `${baseName(source).replace(/\.kompass$/i, '')}${extension}`,
    ),
    filters: { [info.label()]: [extension.slice(1)] },
    saveLabel: vscode.l10n.t('Export'),
    title: vscode.l10n.t('Export report as {0}', info.label()),
  });
  if (!target) return undefined;
  if (sameFile(source, target) || target.path.toLowerCase().endsWith('.kompass')) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('A report is never written over a .kompass file: {0}', displayPath(target)),
    );
    return undefined;
  }
  // The save dialog (native or VS Code's own) has already asked before replacing a file: once is
  // enough, so an existing target is overwritten here without a second question.
  const run = () =>
    exportReport(model, fontDir, { source, target, format, overwrite: true }, platform);
  let written: vscode.Uri;
  try {
    written = info.slow
      ? await vscode.window.withProgress(
          {
            location: vscode.ProgressLocation.Notification,
            title: vscode.l10n.t('Exporting {0}…', info.label()),
          },
          run,
        )
      : await run();
  } catch (err) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Export failed: {0}', err instanceof Error ? err.message : String(err)),
    );
    return undefined;
  }
  void offerToOpen(written, format);
  return written;
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const preferred = vscode.workspace
    .getConfiguration('kompass')
    .get<string>('export.defaultFormat');
  const order = [...exportFormats].sort(
    (a, b) => Number(b === preferred) - Number(a === preferred),
  );
  const picked = await vscode.window.showQuickPick(
    order.map((format) => ({
      label: formatInfo[format].label(),
      description: reportFormat(format).extension,
      format,
    })),
    { title: vscode.l10n.t('Export Report'), placeHolder: vscode.l10n.t('Choose a format') },
  );
  return picked?.format;
}

async function offerToOpen(uri: vscode.Uri, format: ExportFormat): Promise<void> {
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('Report exported to {0}', displayPath(uri)),
    open,
    reveal,
  );
  if (answer === open) await openExported(uri, format);
  else if (answer === reveal) await revealExported(uri);
}

/** How an exported file was opened. */
export type OpenedAs = 'system' | 'webview' | 'editor' | 'explorer';

/** Whether the window runs on the user's own machine, where the system viewer can open a file. */
function isLocalDesktop(): boolean {
  return vscode.env.remoteName === undefined && vscode.env.uiKind === vscode.UIKind.Desktop;
}

/**
 * Opens an exported file wherever the window runs. On the desktop HTML and PDF go to the system
 * viewer; in a remote window (code-server, SSH, WSL, Codespaces) that viewer is on another
 * machine, so HTML is shown in a panel here, PDF is revealed in the Explorer with a hint to
 * download it, and text formats open in an editor everywhere. Never a silent no-op.
 */
export async function openExported(
  uri: vscode.Uri,
  format: ExportFormat,
  local = isLocalDesktop(),
): Promise<OpenedAs> {
  if (local && (format === 'html' || format === 'pdf') && (await vscode.env.openExternal(uri)))
    return 'system';
  if (format === 'html') {
    await showExportedHtml(uri);
    return 'webview';
  }
  if (format === 'pdf') {
    await revealExported(uri);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'The PDF is selected in the Explorer: use Download… in its context menu to save it to this computer.',
      ),
    );
    return 'explorer';
  }
  await vscode.commands.executeCommand('vscode.open', uri);
  return 'editor';
}

/** Shows an exported HTML file in a panel: scripts off, nothing outside it readable. */
async function showExportedHtml(uri: vscode.Uri): Promise<void> {
  const { size } = await vscode.workspace.fs.stat(uri);
  if (size > maxShownHtml) {
    await revealExported(uri);
    return;
  }
  const bytes = await vscode.workspace.fs.readFile(uri);
  const panel = vscode.window.createWebviewPanel(
    exportedViewType,
    baseName(uri),
    vscode.ViewColumn.Beside,
    { enableScripts: false, enableForms: false, enableCommandUris: false, localResourceRoots: [] },
  );
  // The exported page carries its own policy (inline styles and data: images only).
  panel.webview.html = new TextDecoder('utf-8').decode(bytes);
}

// A report is far smaller; a larger file is not ours to load into a panel.
const maxShownHtml = 50_000_000;

/** The view type of the panel showing an exported HTML file. */
export const exportedViewType = 'kompass.exportedHtml';

async function revealExported(uri: vscode.Uri): Promise<void> {
  await vscode.commands.executeCommand(
    isLocalDesktop() ? 'revealFileInOS' : 'revealInExplorer',
    uri,
  );
}

/** The folder the save dialog starts in: `kompass.export.folder`, else the source's folder. */
function exportFolder(source: vscode.Uri): vscode.Uri {
  const sourceFolder = vscode.Uri.joinPath(source, '..');
  if (!vscode.workspace.isTrusted) return sourceFolder;
  const setting = vscode.workspace
    .getConfiguration('kompass', source)
    .get<string>('export.folder', '')
    .trim();
  if (!setting) return sourceFolder;
  const root = vscode.workspace.getWorkspaceFolder(source)?.uri ?? sourceFolder;
  if (/^([a-z]:)?[\\/]/i.test(setting)) {
    // An absolute path: on the desktop a local file; in a browser a path of the workspace's scheme.
    return root.scheme === 'file' ? vscode.Uri.file(setting) : root.with({ path: setting });
  }
  return vscode.Uri.joinPath(root, setting);
}

function isExportArgs(arg: unknown): arg is ExportArgs {
  if (typeof arg !== 'object' || arg === null || arg instanceof vscode.Uri) return false;
  const a = arg as Partial<ExportArgs>;
  return a.source !== undefined && a.target !== undefined && a.format !== undefined;
}

function toUri(value: vscode.Uri | string): vscode.Uri {
  if (typeof value !== 'string') return value;
  return /^[a-z][a-z0-9+.-]+:/i.test(value) && !/^[a-z]:[\\/]/i.test(value)
    ? vscode.Uri.parse(value)
    : vscode.Uri.file(value);
}

function sameFile(a: vscode.Uri, b: vscode.Uri): boolean {
  if (a.scheme !== b.scheme || a.authority !== b.authority) return false;
  if (a.scheme !== 'file') return a.path === b.path;
  // Case-insensitive file systems (Windows, macOS): the same file under another spelling.
  const platform = (globalThis as { process?: { platform?: string } }).process?.platform;
  const norm = (u: vscode.Uri) => (platform === 'linux' ? u.fsPath : u.fsPath.toLowerCase());
  return norm(a) === norm(b);
}

/** The last segment of a URI's path. */
function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** A short random name part, so concurrent exports never share a temporary file. */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function displayPath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}
