import type { Framework, FrameworkArea, FrameworkQuestion } from './model';
import { type KeywordName, keywordText } from './tokens';

/** How the writer spells and lays out what it writes. */
export interface WriterOptions {
  /** Use the Swedish keyword spellings (`fråga`, `område`, …). */
  swedish: boolean;
  /** One level of indentation; two spaces when absent. */
  indent?: string;
  /**
   * Write snippet text (VS Code / LSP snippet syntax): what the evaluator fills in becomes a
   * numbered tab stop, and `$`, `}` and `\` in names and titles are escaped.
   */
  snippet?: boolean;
}

/** What an evaluation written from a framework starts with. */
export interface EvaluationDraft {
  /** The evaluation's name, or the placeholder shown at its tab stop in a snippet. */
  name: string;
  /** The start and end date (`YYYY-MM-DD`). */
  date: string;
}

/** Quotes a value as a one-line string literal. */
export function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/**
 * The one writer of `.kompass` text: quick fixes, completion and New Evaluation all write areas,
 * questions and evaluations through it, so they agree on spelling and layout. A question without
 * points is written `question 1.1 "Title" /15` (a tab stop before the slash in a snippet): the max
 * stays visible and the question is a KK018 to-do until it is scored, never a made-up `0`.
 */
export class KompassWriter {
  private nextStop = 1;
  private readonly unit: string;
  private readonly snippet: boolean;

  constructor(private readonly options: WriterOptions) {
    this.unit = options.indent ?? '  ';
    this.snippet = options.snippet === true;
  }

  /** A keyword in the document's keyword language. */
  keyword(name: KeywordName): string {
    return keywordText(name, this.options.swedish);
  }

  /** A string literal (escaped for snippets too when writing one). */
  string(value: string): string {
    const q = quote(value);
    return this.snippet ? escapeSnippet(q) : q;
  }

  /** A number as the language writes it. */
  number(n: number): string {
    return String(n);
  }

  /** The next tab stop in a snippet (with its placeholder); the placeholder alone in plain text. */
  tabStop(placeholder = ''): string {
    if (!this.snippet) return placeholder;
    const n = this.nextStop++;
    return placeholder === '' ? `\${${n}}` : `\${${n}:${escapeSnippet(placeholder)}}`;
  }

  /** `question 1.1 "Title" 14/15`; without points, a tab stop (snippet) or nothing before `/15`. */
  question(q: Pick<FrameworkQuestion, 'id' | 'title' | 'max'>, points?: number): string {
    const p = points === undefined ? this.tabStop() : this.number(points);
    return `${this.keyword('Question')} ${q.id} ${this.string(q.title)} ${p}/${this.number(q.max)}`;
  }

  /**
   * An area of a framework as lines (its body one level in): every question without points, or,
   * for an evaluation published as area totals, the header alone (a score to fill in).
   */
  area(fa: FrameworkArea, summaryOnly = false): string[] {
    const head = `${this.keyword('Area')} ${fa.number} ${this.string(fa.title)}`;
    if (summaryOnly || fa.questions.length === 0) {
      const stop = this.tabStop();
      return [stop === '' ? head : `${head} ${this.keyword('Score')} ${stop}`];
    }
    return [`${head} {`, ...fa.questions.map((q) => `${this.unit}${this.question(q)}`), '}'];
  }

  /** A whole evaluation of a framework: metadata, then every area and question, no points. */
  evaluation(framework: Framework, draft: EvaluationDraft): string[] {
    const u = this.unit;
    const lines = [
      `${this.keyword('Evaluation')} ${this.snippet ? `"${this.tabStop(draft.name)}"` : this.string(draft.name)} {`,
      `${u}${this.keyword('Framework')} ${this.string(framework.id)}`,
      `${u}${this.keyword('Date')} ${this.tabStop(draft.date)} ${this.keyword('To')} ${this.tabStop(draft.date)}`,
      `${u}${this.keyword('Evaluators')} "${this.tabStop()}"`,
      `${u}${this.keyword('Language')} ${framework.language || 'sv'}`,
      '',
      `${u}${this.keyword('Summary')} """`,
      this.snippet ? `${u}${u}${this.tabStop()}` : '',
      `${u}"""`,
    ];
    for (const area of framework.areas) {
      lines.push('');
      lines.push(...this.area(area).map((l) => `${u}${l}`));
    }
    lines.push('}');
    if (this.snippet) lines.push('$0');
    return lines;
  }
}
