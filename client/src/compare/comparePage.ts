import * as vscode from 'vscode';
import { escapeHtml as h } from '../../../report/src/escape';
import { contentSecurityPolicy } from '../preview/policy';
import { nonce } from '../preview/previewHtml';
import { compareCss } from './compareCss';
import type { ToCompareWebview } from './messages';

/**
 * The comparison panel's page: the preview's Content-Security-Policy, our nonce'd style and script,
 * and the first view in a data attribute (never in a script). The script builds every element with
 * DOM calls and `textContent`, so no text from a document is ever parsed as markup.
 */
export function comparePage(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  first: ToCompareWebview,
  lang: string,
): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'compare.js'));
  return `<!DOCTYPE html>
<html lang="${h(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(contentSecurityPolicy(webview.cspSource, n))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(first.view.labels.title)}</title>
<style nonce="${n}">${compareCss}</style>
</head>
<body data-kompass-compare="${h(JSON.stringify(first))}">
<main id="kompass-compare" aria-live="polite"></main>
<script nonce="${n}" src="${h(script.toString())}"></script>
</body>
</html>`;
}
