import * as vscode from 'vscode';
import { type Framework, KompassWriter } from '../../grammar/src/index';
import type { KompassModel } from './model';
import { languageId } from './model';

/**
 * The snippet of a new evaluation of `framework`: every area and question, no points, written by
 * the core's one `.kompass` writer. Points are left for the evaluator on purpose: a `0` would count
 * as a score and make the totals look final, while `question 1.1 "…" /15` is a KK018 warning until
 * it is scored, a to-do list that empties as the evaluation is filled in. Tab stops go through the
 * name, the dates, then each question's points (or each summary-only area's score) in order.
 */
export function evaluationSnippet(framework: Framework, today: string): string {
  const writer = new KompassWriter({ swedish: false, snippet: true });
  return writer.evaluation(framework, { name: placeholderName(framework), date: today }).join('\n');
}

// The document is written in the framework's language, whatever the editor's display language.
const municipalityName: Readonly<Record<string, string>> = {
  sv: 'Kommunnamn',
  en: 'Municipality',
  nb: 'Kommunenavn',
  da: 'Kommunenavn',
  fi: 'Kunnan nimi',
};

/** The placeholder for the evaluation's name, in the framework's language. */
export function placeholderName(framework: Framework): string {
  return municipalityName[framework.language || 'sv'] ?? vscode.l10n.t('Municipality');
}

/** Asks for a framework (workspace ones first, then built in) and opens a new evaluation of it. */
export async function newEvaluationCommand(
  model: KompassModel,
): Promise<vscode.TextEditor | undefined> {
  const frameworks = await model.frameworks();
  const picked = await vscode.window.showQuickPick(
    frameworks.map((f) => ({
      label: f.title || f.id,
      description: f.id,
      detail: f.builtin
        ? vscode.l10n.t('Built in · {0} areas · max {1}', f.areas.length, f.max)
        : vscode.l10n.t(
            '{0} · {1} areas · max {2}',
            vscode.workspace.asRelativePath(vscode.Uri.parse(f.uri)),
            f.areas.length,
            f.max,
          ),
      framework: f,
    })),
    {
      title: vscode.l10n.t('New Evaluation from Framework'),
      placeHolder: vscode.l10n.t('Choose the framework to evaluate against'),
      matchOnDescription: true,
    },
  );
  if (!picked) return undefined;
  const doc = await vscode.workspace.openTextDocument({ language: languageId, content: '' });
  const editor = await vscode.window.showTextDocument(doc);
  const today = new Date().toISOString().slice(0, 10);
  await editor.insertSnippet(new vscode.SnippetString(evaluationSnippet(picked.framework, today)));
  return editor;
}
