/** The comparison panel's style sheet: VS Code's theme colours, readable in high contrast. */
export const compareCss = `
body { padding: 0 16px 24px; color: var(--vscode-foreground); background: var(--vscode-editor-background);
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
h1 { font-size: 1.4em; margin: 16px 0 8px; }
h2 { font-size: 1.15em; margin: 24px 0 8px; }
h3 { font-size: 1em; margin: 16px 0 4px; }
.kc-note { border-left: 4px solid var(--vscode-inputValidation-warningBorder, #b89500); padding: 6px 10px;
  margin: 8px 0; background: var(--vscode-inputValidation-warningBackground, transparent); }
.kc-scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
th, td { padding: 3px 8px; border-bottom: 1px solid var(--vscode-panel-border, #8884); text-align: left; white-space: nowrap; }
td.kc-num, th.kc-num { text-align: right; }
th button { font: inherit; font-weight: 600; color: inherit; background: none; border: 0; padding: 0; cursor: pointer; }
th button:focus-visible, td button:focus-visible, input:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
td button.kc-open { font: inherit; color: var(--vscode-textLink-foreground); background: none; border: 0; padding: 0;
  cursor: pointer; text-decoration: underline; text-align: left; }
.kc-up { color: var(--vscode-testing-iconPassed, #2e7d32); }
.kc-down { color: var(--vscode-testing-iconFailed, #c62828); }
.kc-change { display: block; font-size: 0.85em; }
tfoot td { font-style: italic; }
.kc-charts { display: flex; flex-wrap: wrap; gap: 16px; }
.kc-chart { flex: 1 1 420px; max-width: 620px; }
svg { max-width: 100%; height: auto; }
svg text { fill: var(--vscode-foreground); font-size: 11px; }
svg .kc-grid { stroke: var(--vscode-panel-border, #8886); fill: none; }
.kc-legend { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: 0.9em; }
.kc-swatch { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; }
.kc-empty { max-width: 40em; }
.kc-empty button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background);
  border: 0; padding: 6px 12px; cursor: pointer; }
body.vscode-high-contrast .kc-note { border: 1px solid var(--vscode-contrastBorder); }
`;
