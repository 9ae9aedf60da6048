import type { AreaStatement, Span, TopBlock } from '../ast';
import { keywordSpan } from '../ast';
import type { MessageLanguage } from '../language';
import type { Analysis, EvaluationResult, Framework } from '../model';
import { formatNumber, formatPercent, formatScore } from '../numbers';

/** What an outline entry stands for. */
export type SymbolKind = 'evaluation' | 'framework' | 'area' | 'question';

/** An outline entry: its whole span and the name's span, with its children. */
export interface DocumentSymbol extends Span {
  name: string;
  detail?: string;
  kind: SymbolKind;
  selection: Span;
  children: DocumentSymbol[];
}

/** The outline of a document: evaluations and frameworks → areas → questions. */
export function documentSymbols(analysis: Analysis): DocumentSymbol[] {
  const lang = analysis.messageLanguage;
  return analysis.parse.document.blocks.map((b) => {
    const ev = analysis.evaluations.find((e) => e.node === b);
    const fw = analysis.frameworks.find((f) => f.span !== undefined && f.span === b.name);
    return blockSymbol(b, ev, fw, lang);
  });
}

function blockSymbol(
  b: TopBlock,
  ev: EvaluationResult | undefined,
  fw: Framework | undefined,
  lang: MessageLanguage,
): DocumentSymbol {
  const name = b.name?.value || b.keyword.text;
  const detail = ev
    ? `${formatScore(ev.total, ev.max, lang)} (${formatPercent(ev.percent, lang)})`
    : fw
      ? `${fw.title} · max ${formatNumber(fw.max, lang)}`
      : undefined;
  const areas = (b.body?.statements ?? []).filter((s): s is AreaStatement => s.kind === 'area');
  return {
    name,
    kind: b.kind,
    ...(detail ? { detail } : {}),
    start: b.start,
    end: b.end,
    selection: b.name ?? keywordSpan(b),
    children: areas.map((a) => areaSymbol(a, ev, fw, lang)),
  };
}

function areaSymbol(
  a: AreaStatement,
  ev: EvaluationResult | undefined,
  fw: Framework | undefined,
  lang: MessageLanguage,
): DocumentSymbol {
  const result = ev?.areas.find((r) => r.node === a);
  const definition = fw?.areaByNumber.get(a.number?.value ?? Number.NaN);
  const title = a.title?.value ?? result?.title ?? definition?.title;
  const number = a.number?.text ?? '?';
  const detail = result
    ? formatScore(result.score, result.max, lang)
    : definition && definition.span === a.number
      ? `max ${formatNumber(definition.max, lang)}`
      : undefined;
  const children: DocumentSymbol[] = [];
  for (const s of a.body?.statements ?? []) {
    if (s.kind !== 'question') continue;
    const q = result?.questions.find((x) => x.node === s);
    const id = s.number?.text ?? '?';
    const qTitle = s.title?.value ?? q?.title ?? fw?.questionById.get(id)?.title;
    const qDetail = q
      ? formatScore(q.points, q.max, lang)
      : s.max
        ? `max ${formatNumber(s.max.value, lang)}`
        : undefined;
    children.push({
      name: qTitle && qTitle !== id ? `${id} ${qTitle}` : id,
      kind: 'question',
      ...(qDetail ? { detail: qDetail } : {}),
      start: s.start,
      end: s.end,
      selection: s.number ?? keywordSpan(s),
      children: [],
    });
  }
  return {
    name: title && title !== number ? `${number} ${title}` : number,
    kind: 'area',
    ...(detail ? { detail } : {}),
    start: a.start,
    end: a.end,
    selection: a.number ?? keywordSpan(a),
    children,
  };
}
