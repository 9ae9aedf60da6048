import { escapeHtml as h } from '../../../report/src/escape';
import { contentSecurityPolicy } from '../preview/policy';
import { compareCss } from './compareCss';
import type { ToCompareWebview } from './messages';

/**
 * The comparison panel's page: the preview's Content-Security-Policy, our nonce'd style and script,
 * and the first view in a data attribute (never in a script). The script builds every element with
 * DOM calls and `textContent`, so no text from a document is ever parsed as markup. Free of the
 * VS Code API, so the page can be loaded in a plain browser by the tests and the benchmark.
 */
export function comparePageHtml(options: {
  cspSource: string;
  scriptUri: string;
  nonce: string;
  first: ToCompareWebview;
  lang: string;
}): string {
  const { cspSource, scriptUri, nonce: n, first, lang } = options;
  return `<!DOCTYPE html>
<html lang="${h(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(contentSecurityPolicy(cspSource, n))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(first.view.labels.title)}</title>
<style nonce="${n}">${compareCss}</style>
</head>
<body data-kompass-compare="${h(JSON.stringify(first))}">
<main id="kompass-compare" aria-live="polite"></main>
<script nonce="${n}" src="${h(scriptUri)}"></script>
</body>
</html>`;
}
