import type { Span, StringNode } from '../ast';
import { Code, type FixData, type RelatedLocation } from '../diagnostics';
import type { MessageLanguage } from '../language';
import { messages } from '../messages';
import type { Framework } from '../model';
import type { DiagnosticSink } from '../sink';
import { quote } from '../writer';

/**
 * A title compared as a reader sees it: case, runs of whitespace, and the style of dashes and
 * quote marks do not make two titles different.
 */
export function sameTitle(a: string, b: string): boolean {
  return a === b || normalised(a) === normalised(b);
}

// Every question's title is compared with its framework's, and the framework's 45 titles recur:
// their normal forms are kept (a bounded cache, so a large document cannot grow it without end).
const normalForms = new Map<string, string>();

function normalised(s: string): string {
  let n = normalForms.get(s);
  if (n === undefined) {
    n = normalTitle(s);
    if (normalForms.size < 1024) normalForms.set(s, n);
  }
  return n;
}

function normalTitle(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212-]/g, '-')
    .replace(/["\u201C\u201D\u201E\u00AB\u00BB'\u2018\u2019]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/\s*-\s*/g, ' - ')
    .trim();
}

/** What every KK024 against one framework title says and offers, made once per title. */
interface TitleWording {
  /** The quick fix's text: the framework's title, quoted. */
  fix: string;
  sv?: string;
  en?: string;
}

// A document lists the same 45 titles in every evaluation: their messages and fix texts are made
// once and shared by every warning (a 10,000-line file gives thousands).
const wordings = new WeakMap<Framework, Map<string, TitleWording>>();

function wording(framework: Framework, frameworkTitle: string): TitleWording {
  let byTitle = wordings.get(framework);
  if (!byTitle) {
    byTitle = new Map();
    wordings.set(framework, byTitle);
  }
  let w = byTitle.get(frameworkTitle);
  if (!w) {
    w = { fix: quote(frameworkTitle) };
    byTitle.set(frameworkTitle, w);
  }
  return w;
}

// Related information per definition of a built-in framework.
const builtinRelated = new WeakMap<Span, RelatedLocation[]>();

function relatedOf(
  framework: Framework,
  frameworkTitle: string,
  definedAt: Span,
): RelatedLocation[] {
  return [
    { uri: framework.uri, start: definedAt.start, end: definedAt.end, message: frameworkTitle },
  ];
}

/**
 * KK024: an area or question title that differs from the framework's. The writer's title is kept
 * (it is what the report shows); the quick fix offers the framework's.
 */
export function checkTitle(
  title: StringNode,
  frameworkTitle: string,
  framework: Framework,
  definedAt: Span | undefined,
  lang: MessageLanguage,
  sink: DiagnosticSink,
  aliases: readonly string[] = [],
): void {
  if (title.block || title.unterminated || sameTitle(title.value, frameworkTitle)) return;
  for (const a of aliases) if (sameTitle(title.value, a)) return;
  const w = wording(framework, frameworkTitle);
  w[lang] ??= messages.titleDiffers(lang, frameworkTitle, framework.id);
  const message = w[lang];
  // A built-in framework's locations never move with an edit (incremental.ts shifts only the
  // edited document's), so its related information can be shared.
  let related: RelatedLocation[] | undefined;
  if (definedAt && framework.builtin) {
    related = builtinRelated.get(definedAt);
    if (!related) {
      related = relatedOf(framework, frameworkTitle, definedAt);
      builtinRelated.set(definedAt, related);
    }
  } else if (definedAt) related = relatedOf(framework, frameworkTitle, definedAt);
  const fix: FixData = { kind: 'replace', start: title.start, end: title.end, text: w.fix };
  sink.add(Code.TitleDiffers, title, message, related ? { related, fix } : { fix });
}
