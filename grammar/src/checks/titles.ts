import type { Span, StringNode } from '../ast';
import { Code } from '../diagnostics';
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
  if (
    title.block ||
    title.unterminated ||
    [frameworkTitle, ...aliases].some((t) => sameTitle(title.value, t))
  )
    return;
  sink.add(Code.TitleDiffers, title, messages.titleDiffers(lang, frameworkTitle, framework.id), {
    ...(definedAt
      ? {
          related: [
            {
              uri: framework.uri,
              start: definedAt.start,
              end: definedAt.end,
              message: frameworkTitle,
            },
          ],
        }
      : {}),
    fix: { kind: 'replace', start: title.start, end: title.end, text: quote(frameworkTitle) },
  });
}
