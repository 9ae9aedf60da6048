/** The report's style sheet: one layout, two themes (print on A4, and VS Code's colours in the preview). */

const layout = `
.kk-report { color: var(--kk-fg); background: var(--kk-bg); font-family: var(--kk-font); font-size: var(--kk-size); line-height: 1.45; max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
.kk-report h1, .kk-report h2, .kk-report h3, .kk-report h4, .kk-report h5, .kk-report h6 { line-height: 1.25; margin: 1.4em 0 0.5em; break-after: avoid; }
.kk-report h1 { font-size: 2.4em; margin: 0.2em 0; }
.kk-report h2 { font-size: 1.6em; border-bottom: 2px solid var(--kk-accent); padding-bottom: 0.2em; }
.kk-report h3 { font-size: 1.3em; }
.kk-report h4 { font-size: 1.08em; }
.kk-report h5, .kk-report h6 { font-size: 1em; }
.kk-report a { color: var(--kk-link); }
.kk-report table { border-collapse: collapse; width: 100%; margin: 0.8em 0; }
.kk-report th, .kk-report td { border: 1px solid var(--kk-border); padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
.kk-report thead th { background: var(--kk-head-bg); }
.kk-report tr { break-inside: avoid; }
.kk-report td.kk-num, .kk-report th.kk-num { text-align: right; font-variant-numeric: tabular-nums; }
.kk-report td.kk-num { white-space: nowrap; }
.kk-report .kk-questions td:nth-child(2) { overflow-wrap: anywhere; }
.kk-report tfoot td, .kk-report tr.kk-total-row td { font-weight: 600; background: var(--kk-head-bg); }
.kk-missing { color: var(--kk-warn); font-style: italic; }
.kk-row-missing td { color: var(--kk-muted); }
.kk-title-page { padding: 2rem 0 3rem; }
.kk-kicker { font-size: 1.4em; font-weight: 600; color: var(--kk-accent); margin: 0; letter-spacing: 0.04em; }
.kk-analysis-of { text-transform: uppercase; letter-spacing: 0.12em; color: var(--kk-muted); margin: 2.5rem 0 0; }
.kk-year { font-size: 1.6em; margin: 0.2em 0 2rem; }
.kk-meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.3em 1.2em; margin: 0; }
.kk-meta dt { color: var(--kk-muted); }
.kk-meta dd { margin: 0; }
.kk-contents ol { list-style: none; padding-left: 0; }
.kk-contents ol ol { padding-left: 1.5em; }
.kk-contents li { margin: 0.2em 0; }
.kk-total { display: flex; flex-wrap: wrap; align-items: baseline; gap: 0.5em 1em; padding: 0.8em 1em; border: 1px solid var(--kk-border); border-left: 6px solid var(--kk-accent); background: var(--kk-box-bg); margin: 1em 0; }
.kk-total-score { font-size: 1.6em; font-weight: 700; }
.kk-figure { margin: 1em 0; break-inside: avoid; }
.kk-figure figcaption { color: var(--kk-muted); font-size: 0.92em; }
.kk-chart { max-width: 100%; height: auto; display: block; }
.kk-chart text { fill: var(--kk-fg); font-size: 11px; font-family: var(--kk-font); }
.kk-chart .kk-tick { fill: var(--kk-muted); font-size: 9px; }
.kk-chart .kk-grid { stroke: var(--kk-border); stroke-width: 1; fill: none; }
.kk-chart .kk-axis { stroke: var(--kk-border); stroke-width: 1; }
.kk-report caption { text-align: left; font-weight: 600; padding: 0.2em 0; }
.kk-figure .kk-figure-data { font-size: 0.92em; }
.kk-scroll { overflow-x: auto; margin: 0.8em 0; }
.kk-scroll > table { margin: 0; }
.kk-scroll:focus-visible { outline: 2px solid var(--kk-accent); }
.kk-legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.4em 1.4em; margin: 0.5em 0 1em; }
.kk-legend svg { vertical-align: middle; margin-right: 0.35em; }
.kk-scorebox { display: grid; grid-template-columns: 1fr max-content; border: 1px solid var(--kk-border); background: var(--kk-box-bg); margin: 0.8em 0 1.2em; break-inside: avoid; }
.kk-scorebox > div { padding: 0.6em 1em; }
.kk-scorebox .kk-label { margin: 0 0 0.3em; font-weight: 600; }
.kk-scorebox ul { margin: 0; padding-left: 1.2em; }
.kk-scorebox-score { border-left: 1px solid var(--kk-border); text-align: center; min-width: 7em; }
.kk-score { display: block; font-size: 2.2em; font-weight: 700; line-height: 1.1; }
.kk-of { color: var(--kk-fg); }
.kk-pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1.5em; border-top: 1px solid var(--kk-border); border-bottom: 1px solid var(--kk-border); margin: 1em 0; }
.kk-pair h4 { margin-top: 0.7em; }
.kk-pair ul { padding-left: 1.2em; }
.kk-problems { border: 1px solid var(--kk-error); border-left: 6px solid var(--kk-error); background: var(--kk-box-bg); padding: 0.4em 1em; margin-bottom: 1.5em; }
.kk-problems.kk-problems-warnings { border-color: var(--kk-warn); }
.kk-problems summary { cursor: pointer; }
.kk-problems ul { margin: 0.4em 0 0; padding-left: 1.2em; }
.kk-problems li[data-kk-line] { cursor: pointer; }
.kk-problems li[data-kk-line]:hover { text-decoration: underline; }
.kk-problems li[data-kk-line]:focus-visible { outline: 1px solid var(--kk-accent); }
.kk-problems .kk-error { color: var(--kk-error); font-weight: 600; }
.kk-problems .kk-warning { color: var(--kk-warn); font-weight: 600; }
.kk-problems code { font-family: var(--kk-mono); }
.kk-facts-table th { width: 40%; font-weight: 600; background: var(--kk-head-bg); }
.kk-note { color: var(--kk-muted); }
.kk-text blockquote { border-left: 3px solid var(--kk-border); margin-left: 0; padding-left: 1em; color: var(--kk-muted); }
.kk-text pre, .kk-text code { font-family: var(--kk-mono); }
@media (max-width: 40rem) { .kk-report .kk-areas-table { display: block; overflow-x: auto; } .kk-pair, .kk-scorebox { grid-template-columns: 1fr; } .kk-scorebox-score { border-left: 0; border-top: 1px solid var(--kk-border); } }
`;

const printTheme = `
:root { --kk-fg: #1b1f24; --kk-bg: #ffffff; --kk-muted: #5b6470; --kk-border: #c7ccd3; --kk-head-bg: #eef1f5; --kk-box-bg: #f6f8fa; --kk-accent: #1d5fa6; --kk-link: #1d5fa6; --kk-error: #b3261e; --kk-warn: #9a5b00; --kk-font: "DejaVu Sans", "Segoe UI", Arial, sans-serif; --kk-mono: "DejaVu Sans Mono", Consolas, monospace; --kk-size: 15px; }
html, body { margin: 0; background: var(--kk-bg); }
@page { size: A4; margin: 18mm 16mm 20mm; }
@media print {
  :root { --kk-size: 10.5pt; }
  .kk-report { max-width: none; padding: 0; }
  .kk-page { break-before: page; }
  .kk-title-page { min-height: 240mm; }
  .kk-report a { color: inherit; text-decoration: none; }
  thead { display: table-header-group; }
  .kk-chart { max-height: 120mm; }
  .kk-scroll { overflow: visible; }
  .kk-scroll > .kk-comparison { font-size: 0.8em; }
}
`;

const vscodeTheme = `
.kk-report { --kk-fg: var(--vscode-editor-foreground, #1b1f24); --kk-bg: var(--vscode-editor-background, #ffffff); --kk-muted: var(--vscode-descriptionForeground, #5b6470); --kk-border: var(--vscode-editorWidget-border, var(--vscode-panel-border, #c7ccd3)); --kk-head-bg: var(--vscode-editorWidget-background, #eef1f5); --kk-box-bg: var(--vscode-textBlockQuote-background, #f6f8fa); --kk-accent: var(--vscode-textLink-foreground, #1d5fa6); --kk-link: var(--vscode-textLink-foreground, #1d5fa6); --kk-error: var(--vscode-errorForeground, #b3261e); --kk-warn: var(--vscode-editorWarning-foreground, #9a5b00); --kk-font: var(--vscode-font-family, sans-serif); --kk-mono: var(--vscode-editor-font-family, monospace); --kk-size: var(--vscode-font-size, 13px); }
`;

/** The style sheet for a theme: `print` for the exported file, `vscode` for the preview panel. */
export function reportCss(theme: 'print' | 'vscode'): string {
  return (theme === 'print' ? printTheme : vscodeTheme) + layout;
}
