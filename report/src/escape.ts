/** Escaping for every output format: HTML, Markdown, CSV and URLs. */

const htmlEntities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => htmlEntities[c]!);
}

/** Whether a URL may be linked: only http(s) and mailto, judged after stripping what browsers ignore. */
export function isSafeUrl(url: string): boolean {
  // Browsers drop control characters and whitespace inside a scheme ("java\tscript:"), so the test must too.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is being removed
  const bare = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  return /^(https?:\/\/|mailto:)/.test(bare);
}

/** Escapes a one-line value for Markdown: characters that would start markup are backslash-escaped, newlines become spaces. */
export function escapeMarkdown(value: string | number): string {
  return String(value)
    .replace(/\r\n?|\n/g, ' ')
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+\-=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** A CSV field: quoted when needed; text that a spreadsheet would run as a formula is defused. */
export function csvField(value: string | number | undefined, separator: ',' | ';'): string {
  if (value === undefined) return '';
  if (typeof value === 'number')
    return separator === ';' ? String(value).replace('.', ',') : String(value);
  // A leading = + - @ makes Excel evaluate the cell; a quote mark keeps it text (OWASP's advice).
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /["\r\n,;]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}
