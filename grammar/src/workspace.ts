import type { TopBlock } from './ast';
import { labelComparisons } from './compareLabels';
import { Code, type Diagnostic } from './diagnostics';
import { buildEvaluation } from './evaluation';
import { describeReadProblem, type FileAccess, type ReadResult } from './fileAccess';
import { buildFramework, builtinFrameworks } from './framework';
import { reparse, shiftDiagnostic } from './incremental';
import { type MessageLanguage, messageLanguage } from './language';
import { messages, syntaxMessage } from './messages';
import type { Analysis, Comparison, EvaluationResult, Framework, SeverityCounts } from './model';
import { type ParseResult, parse } from './parse';
import { DiagnosticSink } from './sink';
import { keywordText, StringLiteral } from './tokens';

/**
 * What the core needs of a {@link FileAccess}: resolving `compare` paths and reading their
 * targets. `readFile` may answer with a promise (see `analyzeSettled`).
 */
export type WorkspaceHost = Pick<FileAccess, 'resolve' | 'readFile'>;

/** Options of a workspace. */
export interface WorkspaceOptions {
  /** Documents longer than this many characters are not parsed; a KK050 says so. */
  maxDocumentSize?: number;
  /** Word every message in this language instead of each document's own (`kompass --lang`). */
  messageLanguage?: MessageLanguage;
  /**
   * Called when an asynchronous read of a file (see {@link WorkspaceHost}) has landed, so a
   * caller can re-check the documents that used it (`dependents`).
   */
  onRead?: (uri: string) => void;
}

interface Entry {
  uri: string;
  text: string;
  version: number;
  /** Whether the text may define a framework (`mayDefineFramework`), tested once per text. */
  mayDefine: boolean;
  parsed?: ParseResult;
  frameworks?: { list: Framework[]; diagnostics: Diagnostic[] };
  analysis?: Analysis;
  /** Versions of the documents the cached analysis used, and the framework generation. */
  deps?: Map<string, number>;
  generation?: number;
  /** What each region of the parse gave the analysis (aligned with `parsed.regions`). */
  checked?: Checked[];
  /** Set by an incremental re-parse: which region changed and how far the rest moved. */
  reparsed?: { index: number; delta: number };
  /** The version before this one, kept until this one is parsed, for incremental work. */
  previous?: Previous;
}

/** The checks of one region's evaluation: its model, its diagnostics and what it read. */
interface Checked {
  evaluation?: EvaluationResult;
  diagnostics: Diagnostic[];
  deps: Map<string, number>;
}

interface Previous {
  text: string;
  parsed: ParseResult;
  checked: Checked[];
  lang: MessageLanguage;
  generation: number;
  deps: Map<string, number>;
}

interface External {
  stamp: number;
  result: ReadResult;
  /** Set while an asynchronous read is under way. */
  pending?: Promise<void>;
  evaluations?: EvaluationResult[];
  compares?: string[];
}

const emptyParse: ParseResult = {
  document: { start: 0, end: 0, blocks: [], comments: [] },
  errors: [],
  tokenCount: 0,
};

/** The default size past which a document is not checked: about 10 MB of text. */
export const defaultMaxDocumentSize = 10_000_000;

/**
 * The documents of a workspace, parsed and analysed on demand and cached per version. Frameworks
 * defined in any document are known to all; `compare` targets are read through the host.
 */
export class Workspace {
  private readonly entries = new Map<string, Entry>();
  private readonly external = new Map<string, External>();
  private generation = 0;
  private stamp = 0;
  private registry: Map<string, Framework> | undefined;
  private readonly maxSize: number;
  private readonly forcedLanguage: MessageLanguage | undefined;
  private readonly onRead: ((uri: string) => void) | undefined;

  constructor(
    private readonly host?: WorkspaceHost,
    options: WorkspaceOptions = {},
  ) {
    this.maxSize = options.maxDocumentSize ?? defaultMaxDocumentSize;
    this.forcedLanguage = options.messageLanguage;
    this.onRead = options.onRead;
  }

  /** Adds or replaces a document. Without a version, one is assigned. */
  set(uri: string, text: string, version?: number): void {
    const old = this.entries.get(uri);
    if (old && old.text === text && (version === undefined || version === old.version)) return;
    const had = old ? (old.frameworks ? old.frameworks.list.length > 0 : old.mayDefine) : false;
    const mayDefine = mayDefineFramework(text);
    const defines = had || mayDefine;
    if (defines) this.frameworksChanged();
    const entry: Entry = { uri, text, version: version ?? (old ? old.version + 1 : 0), mayDefine };
    // An edit of a document defining no framework can re-check only the block it touched.
    if (
      !defines &&
      old?.parsed?.regions &&
      old.analysis &&
      old.checked &&
      old.deps &&
      old.generation !== undefined &&
      text.length <= this.maxSize
    ) {
      entry.previous = {
        text: old.text,
        parsed: old.parsed,
        checked: old.checked,
        lang: old.analysis.messageLanguage,
        generation: old.generation,
        deps: old.deps,
      };
    }
    this.entries.set(uri, entry);
    this.external.delete(uri);
  }

  /** Removes a document (closed and deleted, or no longer part of the workspace). */
  delete(uri: string): void {
    const old = this.entries.get(uri);
    if (!old) return;
    if (old.frameworks ? old.frameworks.list.length > 0 : old.mayDefine) this.frameworksChanged();
    this.entries.delete(uri);
  }

  /** Forgets what was read of a file outside the workspace, after it changed on disk. */
  invalidate(uri: string): void {
    this.external.delete(uri);
    this.stamp++;
  }

  /** Whether the workspace holds a document. */
  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  /** The text of a document, if held. */
  text(uri: string): string | undefined {
    return this.entries.get(uri)?.text;
  }

  /** The version of a document, if held. */
  version(uri: string): number | undefined {
    return this.entries.get(uri)?.version;
  }

  /** The URIs of every document held. */
  uris(): string[] {
    return [...this.entries.keys()];
  }

  /** The parse of a document (cached per version). */
  parse(uri: string): ParseResult {
    const e = this.entries.get(uri);
    if (!e) return emptyParse;
    if (!e.parsed) {
      const prev = e.previous;
      const r = prev ? reparse(prev.parsed, prev.text, e.text) : undefined;
      if (r) e.reparsed = { index: r.index, delta: r.delta };
      else e.previous = undefined;
      e.parsed = r ? r.parsed : e.text.length > this.maxSize ? emptyParse : parse(e.text);
    }
    return e.parsed;
  }

  /** Every framework known: the workspace's (first definition wins), then the built-in ones. */
  frameworks(): Framework[] {
    return [...this.registryMap().values()];
  }

  /** A framework by its id. */
  framework(id: string): Framework | undefined {
    return this.registryMap().get(id);
  }

  /** Documents whose analysis used `uri` (as a framework or compare target), for re-checking. */
  dependents(uri: string): string[] {
    const out: string[] = [];
    for (const e of this.entries.values()) if (e.uri !== uri && e.deps?.has(uri)) out.push(e.uri);
    return out;
  }

  /** The analysis of a document: model and diagnostics, cached until something it used changes. */
  analyze(uri: string): Analysis {
    const e = this.entries.get(uri);
    if (!e) return this.analysisOf(uri, -1, emptyParse, 'sv', [], [], []);
    if (e.analysis && this.fresh(e)) return e.analysis;
    const deps = new Map<string, number>();
    const parsed = this.parse(uri);
    const lang = this.forcedLanguage ?? documentLanguage(parsed.document.blocks);
    const sink = new DiagnosticSink();
    if (e.text.length > this.maxSize) {
      sink.add(
        Code.TooLarge,
        { start: 0, end: 0 },
        messages.tooLarge(lang, e.text.length, this.maxSize),
      );
    }
    for (const err of parsed.errors) {
      const code =
        err.problem.kind === 'misspelledKeyword'
          ? Code.UnknownWord
          : err.problem.kind === 'stringForNumber'
            ? Code.StringForNumber
            : Code.Syntax;
      sink.add(code, err, syntaxMessage(err, lang), err.fix ? { fix: err.fix } : {});
    }
    const own = this.ownFrameworks(e);
    for (const d of own.diagnostics) sink.items.push(d);
    for (const f of own.list) {
      const winner = this.framework(f.id);
      if (winner && winner !== f && !winner.builtin && f.span) {
        sink.add(Code.FrameworkTwice, f.span, messages.frameworkTwice(lang, f.id));
      }
    }
    const checkBlock = (block: TopBlock | undefined): Checked => {
      const out: Checked = { diagnostics: [], deps: new Map() };
      if (block?.kind !== 'evaluation') return out;
      const blockSink = new DiagnosticSink();
      const ev = buildEvaluation(block, {
        uri,
        lang,
        sink: blockSink,
        framework: (id) => {
          const f = own.list.find((x) => x.id === id) ?? this.framework(id);
          if (f && !f.builtin && f.uri !== uri) out.deps.set(f.uri, this.depStamp(f.uri));
          return f;
        },
        knownFrameworks: () => this.frameworks().map((f) => f.id),
      });
      this.resolveComparisons(ev, lang, blockSink, out.deps);
      labelComparisons(ev, lang);
      out.evaluation = ev;
      out.diagnostics = blockSink.items;
      return out;
    };
    const reused = this.reuseChecks(e, lang);
    const checked = reused ?? (parsed.regions ?? []).map((r) => checkBlock(r.block));
    if (reused && e.reparsed) {
      // Only the edited region is checked again; the others moved with the text.
      const { index, delta } = e.reparsed;
      for (let i = index + 1; i < checked.length; i++) {
        for (const d of checked[i]!.diagnostics) shiftDiagnostic(d, uri, delta);
      }
      checked[index] = checkBlock(parsed.regions![index]!.block);
    }
    e.previous = undefined;
    e.reparsed = undefined;
    const evaluations: EvaluationResult[] = [];
    for (const c of checked) {
      if (c.evaluation) evaluations.push(c.evaluation);
      for (const d of c.diagnostics) sink.items.push(d);
      for (const [k, v] of c.deps) deps.set(k, v);
    }
    e.checked = checked;
    e.analysis = this.analysisOf(uri, e.version, parsed, lang, evaluations, own.list, sink.items);
    e.deps = deps;
    e.generation = this.generation;
    return e.analysis;
  }

  /**
   * The previous version's checks, copied for an incremental update, when only one region was
   * re-parsed and nothing else the checks used has changed; undefined means check every region.
   */
  private reuseChecks(e: Entry, lang: MessageLanguage): Checked[] | undefined {
    const prev = e.previous;
    if (!e.reparsed || !prev || prev.lang !== lang || prev.generation !== this.generation) {
      return undefined;
    }
    for (const [uri, stamp] of prev.deps) if (this.depStamp(uri) !== stamp) return undefined;
    if (prev.checked.length !== e.parsed?.regions?.length) return undefined;
    return prev.checked.slice();
  }

  private analysisOf(
    uri: string,
    version: number,
    parsed: ParseResult,
    lang: MessageLanguage,
    evaluations: EvaluationResult[],
    frameworks: Framework[],
    diagnostics: Diagnostic[],
  ): Analysis {
    diagnostics.sort((a, b) => a.start - b.start || a.end - b.end);
    const omitted = capDiagnostics(diagnostics, lang);
    const analysis: Analysis = {
      uri,
      version,
      parse: parsed,
      messageLanguage: lang,
      evaluations,
      frameworks,
      diagnostics,
    };
    if (omitted) analysis.omitted = omitted;
    return analysis;
  }

  private fresh(e: Entry): boolean {
    if (e.generation !== this.generation) return false;
    for (const [uri, stamp] of e.deps ?? []) if (this.depStamp(uri) !== stamp) return false;
    return true;
  }

  /** What identifies the state of a document an analysis used: its version, or its read. */
  private depStamp(uri: string): number {
    const open = this.entries.get(uri);
    if (open) return open.version;
    const ext = this.external.get(uri);
    return ext ? -ext.stamp - 2 : -1;
  }

  private frameworksChanged(): void {
    this.generation++;
    this.registry = undefined;
  }

  private ownFrameworks(e: Entry): { list: Framework[]; diagnostics: Diagnostic[] } {
    if (!e.frameworks) {
      const parsed = this.parse(e.uri);
      const lang = this.forcedLanguage ?? documentLanguage(parsed.document.blocks);
      const sink = new DiagnosticSink();
      const list: Framework[] = [];
      for (const b of parsed.document.blocks) {
        if (b.kind !== 'framework') continue;
        const f = buildFramework(b, e.uri, false, lang, sink);
        if (f) list.push(f);
      }
      e.frameworks = { list, diagnostics: sink.items };
    }
    return e.frameworks;
  }

  private registryMap(): Map<string, Framework> {
    if (!this.registry) {
      const map = new Map<string, Framework>();
      // Sorted so which duplicate wins does not depend on the order documents were opened.
      const uris = [...this.entries.keys()].sort();
      for (const uri of uris) {
        const e = this.entries.get(uri)!;
        if (!e.mayDefine) continue;
        for (const f of this.ownFrameworks(e).list) if (!map.has(f.id)) map.set(f.id, f);
      }
      for (const f of builtinFrameworks()) if (!map.has(f.id)) map.set(f.id, f);
      this.registry = map;
    }
    return this.registry;
  }

  private readTarget(uri: string): External {
    const open = this.entries.get(uri);
    if (open) {
      return { stamp: open.version, result: { text: open.text } };
    }
    let ext = this.external.get(uri);
    if (!ext) {
      const answer = this.host ? this.host.readFile(uri) : { error: 'missing' as const };
      if (answer instanceof Promise) {
        const waiting: External = { stamp: ++this.stamp, result: { error: 'unreadable' } };
        waiting.pending = answer.then(
          (result) => this.settle(uri, waiting, result),
          (e: unknown) => this.settle(uri, waiting, { error: 'unreadable', detail: String(e) }),
        );
        ext = waiting;
      } else {
        ext = { stamp: ++this.stamp, result: answer };
      }
      this.external.set(uri, ext);
    }
    return ext;
  }

  /** Stores what an asynchronous read gave, unless the entry was invalidated meanwhile. */
  private settle(uri: string, waiting: External, result: ReadResult): void {
    if (this.external.get(uri) !== waiting) return;
    this.external.set(uri, { stamp: ++this.stamp, result });
    this.onRead?.(uri);
  }

  /** Reads still under way (only with a host that answers with promises). */
  private pendingReads(): Promise<void>[] {
    const out: Promise<void>[] = [];
    for (const ext of this.external.values()) if (ext.pending) out.push(ext.pending);
    return out;
  }

  /**
   * The analysis of a document once every file it needs has been read. With a host that reads
   * synchronously this is `analyze`; with an asynchronous host, `analyze` answers at once and
   * shows targets still being read as pending (no diagnostic), while this waits for them.
   * Bounded: each round reads at least one new file, and compare chains are bounded.
   */
  async analyzeSettled(uri: string): Promise<Analysis> {
    for (let round = 0; ; round++) {
      const analysis = this.analyze(uri);
      const pending = this.pendingReads();
      if (pending.length === 0 || round > maxCompareFiles) return analysis;
      await Promise.all(pending);
    }
  }

  /** The evaluations of a compare target, built without following its own comparisons. */
  private targetEvaluations(
    uri: string,
  ): { evaluations: EvaluationResult[]; compares: string[] } | undefined {
    const open = this.entries.get(uri);
    if (open) {
      const parsed = this.parse(uri);
      return { evaluations: this.quickEvaluations(uri, parsed), compares: comparePaths(parsed) };
    }
    const ext = this.readTarget(uri);
    if (!('text' in ext.result)) return undefined;
    if (!ext.evaluations) {
      const parsed = ext.result.text.length > this.maxSize ? emptyParse : parse(ext.result.text);
      ext.evaluations = this.quickEvaluations(uri, parsed);
      ext.compares = comparePaths(parsed);
    }
    return { evaluations: ext.evaluations, compares: ext.compares ?? [] };
  }

  private quickEvaluations(uri: string, parsed: ParseResult): EvaluationResult[] {
    const sink = new DiagnosticSink();
    return parsed.document.blocks
      .filter((b) => b.kind === 'evaluation')
      .map((b) =>
        buildEvaluation(b, {
          uri,
          lang: 'sv',
          sink,
          framework: (id) => this.framework(id),
          knownFrameworks: () => [],
        }),
      );
  }

  private resolveComparisons(
    ev: EvaluationResult,
    lang: MessageLanguage,
    sink: DiagnosticSink,
    deps: Map<string, number>,
  ): void {
    for (const c of ev.comparisons) {
      this.resolveComparison(ev, c, deps);
      if (c.problem === 'pending') continue;
      if (c.problem && c.node.value) {
        const detail =
          c.problem === 'cycle'
            ? this.cycleDescription(c)
            : c.problem === 'otherFramework'
              ? c.target?.frameworkId
              : c.readProblem
                ? describeReadProblem(c.readProblem, lang)
                : undefined;
        sink.add(Code.Compare, c.node.value, messages.compare(lang, c.path, c.problem, detail));
        if (c.problem !== 'otherFramework') delete c.target;
      }
    }
  }

  private resolveComparison(ev: EvaluationResult, c: Comparison, deps: Map<string, number>): void {
    if (!this.host) {
      c.problem = 'missing';
      return;
    }
    const uri = this.host.resolve(ev.uri, c.path);
    c.uri = uri;
    if (uri === ev.uri) {
      c.problem = 'self';
      return;
    }
    const ext = this.readTarget(uri);
    deps.set(uri, this.depStamp(uri));
    if (ext.pending) {
      c.problem = 'pending';
      return;
    }
    if (!('text' in ext.result)) {
      const r = ext.result;
      c.problem = r.error === 'missing' || r.error === 'outside' ? r.error : 'unreadable';
      if (c.problem === 'unreadable')
        c.readProblem = { error: r.error, ...(r.detail ? { detail: r.detail } : {}) };
      return;
    }
    const target = this.targetEvaluations(uri);
    const first = target?.evaluations[0];
    if (!target || !first) {
      c.problem = 'notEvaluation';
      return;
    }
    const cycle = this.findCycle(ev.uri, uri, deps);
    if (cycle === 'pending') {
      c.problem = 'pending';
      return;
    }
    if (cycle) {
      c.problem = 'cycle';
      c.cycle = cycle;
      return;
    }
    c.target = first;
    if (ev.frameworkId !== undefined && first.frameworkId !== ev.frameworkId)
      c.problem = 'otherFramework';
  }

  /**
   * The compare chain from `origin` through `first` back to `origin`, as URIs (origin first and
   * last); undefined when there is none, `pending` when a file on the way is still being read.
   * Depth-first without recursion, each file visited once, at most `maxCompareFiles` files;
   * every file visited becomes a dependency, so a change anywhere on the chain re-checks.
   */
  private findCycle(
    origin: string,
    first: string,
    deps: Map<string, number>,
  ): string[] | 'pending' | undefined {
    if (!this.host) return undefined;
    const seen = new Set<string>([origin]);
    const path: string[] = [origin];
    const stack: { uri: string; next: string[] }[] = [];
    let waiting = false;
    const enter = (uri: string): boolean => {
      if (uri === origin) return true;
      if (seen.has(uri) || seen.size >= maxCompareFiles) return false;
      seen.add(uri);
      const read = this.readTarget(uri);
      deps.set(uri, this.depStamp(uri));
      if (read.pending) {
        waiting = true;
        return false;
      }
      const host = this.host!;
      const t = this.targetEvaluations(uri);
      stack.push({ uri, next: (t?.compares ?? []).map((p) => host.resolve(uri, p)).reverse() });
      path.push(uri);
      return false;
    };
    if (enter(first)) return [origin, origin];
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const next = top.next.pop();
      if (next === undefined) {
        stack.pop();
        path.pop();
        continue;
      }
      if (enter(next)) return [...path, origin];
    }
    return waiting ? 'pending' : undefined;
  }

  private cycleDescription(c: Comparison): string {
    const name = (u: string) => u.slice(u.lastIndexOf('/') + 1);
    return (c.cycle ?? []).map(name).join(' → ');
  }
}

/**
 * The most diagnostics one document reports. A broken 10 MB file could otherwise produce
 * hundreds of thousands (an 87 MB message to the editor); past the first ones they help nobody.
 */
export const maxDiagnostics = 1000;

/**
 * Keeps the first `maxDiagnostics`, the last of them a KK050 saying how many more there are;
 * returns how many of each severity it left out, so counts can still be told whole.
 */
function capDiagnostics(
  diagnostics: Diagnostic[],
  lang: MessageLanguage,
): SeverityCounts | undefined {
  if (diagnostics.length <= maxDiagnostics) return undefined;
  const rest = diagnostics.slice(maxDiagnostics - 1);
  const first = rest[0]!;
  const omitted: SeverityCounts = { errors: 0, warnings: 0, information: 0 };
  for (const d of rest) {
    if (d.severity === 'error') omitted.errors++;
    else if (d.severity === 'warning') omitted.warnings++;
    else omitted.information++;
  }
  // As severe as the worst it stands for, so an error hidden here still fails `kompass check`.
  const severity = omitted.errors > 0 ? 'error' : omitted.warnings > 0 ? 'warning' : 'information';
  diagnostics.length = maxDiagnostics - 1;
  diagnostics.push({
    code: Code.TooLarge,
    severity,
    message: messages.moreDiagnostics(lang, rest.length),
    start: first.start,
    end: first.start,
  });
  return omitted;
}

/** How many files a compare chain may visit; far more than any real set of evaluations. */
export const maxCompareFiles = 2000;

// A definition is `framework "id" {`; an evaluation's `framework "id"` is followed by no brace.
// The name is the lexer's own string pattern, so typographic quotes (`ramverk ”id” {`) count too
// and a very long name cannot overflow the regex engine (its loop is unrolled, tokens.ts).
const frameworkDefinition = new RegExp(
  `(?:${keywordText('Framework', false)}|${keywordText('Framework', true)})\\s+(?:${(StringLiteral.PATTERN as RegExp).source})\\s*\\{`,
);

/** Cheap test before parsing a document for framework definitions, so evaluations skip it. */
function mayDefineFramework(text: string): boolean {
  return frameworkDefinition.test(text);
}

function comparePaths(parsed: ParseResult): string[] {
  const out: string[] = [];
  for (const b of parsed.document.blocks) {
    for (const s of b.body?.statements ?? []) {
      if (s.kind === 'compare' && s.value) out.push(s.value.value);
    }
  }
  return out;
}

/** The language a document's messages are worded in: its first `language`, else Swedish. */
export function documentLanguage(blocks: readonly TopBlock[]): MessageLanguage {
  for (const b of blocks) {
    for (const s of b.body?.statements ?? []) {
      if (s.kind === 'language' && s.code) return messageLanguage(s.code.text);
    }
  }
  return 'sv';
}
