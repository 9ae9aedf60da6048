import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { builtinScheme, builtinSource } from '../../grammar/src/index';
import { builtinSourceRequest } from './clientOptions';

/**
 * Serves the read-only text of the built-in frameworks under the `kompass-builtin` scheme, so
 * go-to-definition into a shipped framework opens. The server is asked first, as it is what
 * produced the location; the core bundled here answers when the server is not running.
 */
export class BuiltinFrameworkProvider implements vscode.TextDocumentContentProvider {
  /** The scheme this provider serves. */
  static readonly scheme = builtinScheme;

  constructor(private readonly client: () => BaseLanguageClient | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const client = this.client();
    if (client?.isRunning()) {
      try {
        const text = await client.sendRequest<string | null>(builtinSourceRequest, {
          uri: uri.toString(),
        });
        if (typeof text === 'string') return text;
      } catch {
        // An older or busy server: the bundled core knows the same text.
      }
    }
    return (
      builtinSource(uri.toString()) ??
      vscode.l10n.t('// No built-in framework at {0}', uri.toString())
    );
  }
}
