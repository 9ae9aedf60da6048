import * as vscode from 'vscode';
import { escapeHtml as h } from '../../../report/src/escape';
import type { PreviewState, UpdateMessage } from './messages';
import { contentSecurityPolicy } from './policy';

// The panel's own parts (the stale banner, the error placeholder), themed like the report.
const panelCss = `
body { padding: 0 12px; }
#kompass-root svg { max-width: 100%; height: auto; }
#kompass-stale { position: sticky; top: 0; z-index: 1; margin: 0 -12px 8px; padding: 6px 12px;
  background: var(--vscode-inputValidation-warningBackground, #fff4ce);
  color: var(--vscode-inputValidation-warningForeground, var(--vscode-foreground));
  border-bottom: 1px solid var(--vscode-inputValidation-warningBorder, #b89500);
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
#kompass-stale[hidden] { display: none; }
#kompass-stale ul { margin: 4px 0 0; padding-left: 1.2em; max-height: 30vh; overflow: auto; }
#kompass-stale button { font: inherit; color: var(--vscode-textLink-foreground); background: none;
  border: 0; padding: 0; cursor: pointer; text-decoration: underline; }
#kompass-stale button:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
body.vscode-high-contrast #kompass-stale { border: 1px solid var(--vscode-contrastBorder); }
`;

/**
 * A fresh random nonce for the script and style elements of one page load. Web Crypto, present
 * in Node 20 and in browsers alike, so the preview works in VS Code for the Web too.
 */
export function nonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The whole page of the panel: the report's markup and style sheet (`css`), the stale banner, and the
 * webview script. The first update rides along in a data attribute, never in a script.
 */
export function previewPage(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  state: PreviewState,
  first: UpdateMessage,
  lang: string,
  css: string,
): string {
  const n = nonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const { html, ...rest } = first;
  return `<!DOCTYPE html>
<html lang="${h(lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(contentSecurityPolicy(webview.cspSource, n))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${n}">${css}</style>
<style nonce="${n}">${panelCss}</style>
</head>
<body data-kompass-state="${h(JSON.stringify(state))}" data-kompass-update="${h(JSON.stringify(rest))}">
<div id="kompass-stale" role="status" hidden></div>
<div id="kompass-root">${html ?? ''}</div>
<script nonce="${n}" src="${h(script.toString())}"></script>
</body>
</html>`;
}
