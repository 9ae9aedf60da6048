import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzeText, builtinFrameworks } from '../../../grammar/src/index';
import { evaluationSnippet } from '../../src/newEvaluation';
import { cleanScratch } from './helpers';

suite('new evaluation from framework', () => {
  suiteTeardown(cleanScratch);

  test('the template holds every area and question, unscored, and parses', async () => {
    const framework = builtinFrameworks().find((f) => f.id === 'kommunkompassen-2.0');
    assert.ok(framework);
    const doc = await vscode.workspace.openTextDocument({ language: 'kompass', content: '' });
    const editor = await vscode.window.showTextDocument(doc);
    await editor.insertSnippet(
      new vscode.SnippetString(evaluationSnippet(framework, '2026-01-15')),
    );
    const text = doc.getText();
    assert.equal((text.match(/^\s*question /gm) ?? []).length, 45);
    assert.equal((text.match(/^\s*area /gm) ?? []).length, 8);
    const analysis = analyzeText(text);
    const codes = new Set(analysis.diagnostics.map((d) => d.code));
    assert.ok(!codes.has('KK001'), 'no syntax errors');
    assert.ok(codes.has('KK018'), 'unscored questions are flagged');
    assert.equal(analysis.evaluations[0]?.frameworkId, 'kommunkompassen-2.0');
    // The name's placeholder is in the framework's language (Swedish), not the display language.
    assert.match(text, /^evaluation "Kommunnamn" \{/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('an English framework gets an English placeholder name', () => {
    const framework = builtinFrameworks().find((f) => f.id === 'kommunkompassen-2.0');
    assert.ok(framework);
    assert.match(
      evaluationSnippet({ ...framework, language: 'en' }, '2026-01-15'),
      /"\$\{1:Municipality\}"/,
    );
  });
});
