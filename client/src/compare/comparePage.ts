import * as vscode from 'vscode';
import { nonce } from '../preview/previewHtml';
import { comparePageHtml } from './comparePageHtml';
import type { ToCompareWebview } from './messages';

/** The comparison panel's page for a webview: its resource origin, a fresh nonce, our bundle. */
export function comparePage(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  first: ToCompareWebview,
  lang: string,
): string {
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'compare.js'));
  return comparePageHtml({
    cspSource: webview.cspSource,
    scriptUri: script.toString(),
    nonce: nonce(),
    first,
    lang,
  });
}
