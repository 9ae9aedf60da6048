import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { launchChromium, requireChromium } from '../../test/chromium';
import {
  renderHtml,
  renderHtmlBody,
  renderHtmlDocument,
  renderHtmlDocumentBody,
  reportCss,
} from '../src/index';
import { analyse, sampleComparison } from './helpers';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

// VS Code's default Light+ and Dark+ colours for the variables the preview's style sheet reads.
const themes = {
  light: {
    '--vscode-editor-background': '#ffffff',
    '--vscode-editor-foreground': '#000000',
    '--vscode-descriptionForeground': '#717171',
    '--vscode-editorWidget-background': '#f3f3f3',
    '--vscode-editorWidget-border': '#c8c8c8',
    '--vscode-textBlockQuote-background': '#f2f2f2',
    '--vscode-focusBorder': '#0090f1',
    '--vscode-textLink-foreground': '#006ab1',
    '--vscode-errorForeground': '#a1260d',
    '--vscode-editorWarning-foreground': '#bf8803',
    '--vscode-font-family': 'sans-serif',
    '--vscode-font-size': '13px',
  },
  dark: {
    '--vscode-editor-background': '#1e1e1e',
    '--vscode-editor-foreground': '#d4d4d4',
    '--vscode-descriptionForeground': '#ccccccb3',
    '--vscode-editorWidget-background': '#252526',
    '--vscode-editorWidget-border': '#454545',
    '--vscode-textBlockQuote-background': '#222222',
    '--vscode-focusBorder': '#007fd4',
    '--vscode-textLink-foreground': '#3794ff',
    '--vscode-errorForeground': '#f48771',
    '--vscode-editorWarning-foreground': '#cca700',
    '--vscode-font-family': 'sans-serif',
    '--vscode-font-size': '13px',
  },
} as const;

function previewPage(body: string, theme: keyof typeof themes): string {
  const vars = Object.entries(themes[theme])
    .map(([k, v]) => `${k}: ${v};`)
    .join(' ');
  return `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Förhandsgranskning</title><style>:root { ${vars} } body { background: var(--vscode-editor-background); color: var(--vscode-editor-foreground); }${reportCss('vscode')}</style></head><body><main>${body}</main></body></html>`;
}

describe('report: accessibility in Chromium (axe-core, WCAG 2.1 A and AA)', function () {
  this.timeout(120_000);
  let browser: Browser | undefined;

  before(async function () {
    requireChromium(this, 'the axe-core checks');
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
  });

  async function violations(html: string): Promise<string[]> {
    // The report's policy forbids scripts; axe is injected by the test only.
    const context = await browser!.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.setContent(html);
      await page.addScriptTag({ content: axeSource });
      return await page.evaluate(async () => {
        const axe = (
          globalThis as unknown as {
            axe: {
              run: (
                ...a: unknown[]
              ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe;
        const result = await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations.map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
        );
      });
    } finally {
      await context.close();
    }
  }

  for (const sample of ['samples/vasteras-2012.kompass', 'samples/exempelby-2014.kompass']) {
    const { analysis, text } = analyse(sample);
    it(`${sample}: the exported HTML (print theme) has no violations`, async () => {
      assert.deepEqual(await violations(renderHtml(analysis, { sourceText: text })), []);
    });
    for (const theme of ['light', 'dark'] as const)
      it(`${sample}: the preview in the ${theme} theme has no violations`, async () => {
        const body = renderHtmlBody(analysis, { sourceText: text });
        assert.deepEqual(await violations(previewPage(body, theme)), []);
      });
  }

  // The comparison report (`kompass export --compare … --format html`): tables, trend charts, radar.
  const comparison = sampleComparison();
  it('the comparison report (print theme) has no violations', async () => {
    assert.deepEqual(await violations(renderHtmlDocument(comparison)), []);
  });
  for (const theme of ['light', 'dark'] as const)
    it(`the comparison report in the ${theme} theme has no violations`, async () => {
      assert.deepEqual(
        await violations(previewPage(renderHtmlDocumentBody(comparison), theme)),
        [],
      );
    });
});
