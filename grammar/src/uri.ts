/**
 * URI arithmetic for `compare` paths on any scheme, in VS Code's encoding, so a target resolved
 * here names the same document as the editor's own URI for it (`#`, `?`, `%`, spaces, parentheses
 * and letters like `ö` in file names included). Pure name arithmetic: no file access.
 */

const schemeAndAuthority = /^([a-z][\w+.-]*:(?:\/\/[^/?#]*)?)([^?#]*)/i;

/** One path segment in VS Code's URI encoding: everything but `A–Z a–z 0–9 - . _ ~` escaped. */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The URI of `path` (as written in a `compare` statement: `/`-separated, relative to the
 * document, or absolute from the root) seen from the document `fromUri`; undefined when
 * `fromUri` is not an absolute URI.
 */
export function resolveUri(fromUri: string, path: string): string | undefined {
  const m = schemeAndAuthority.exec(fromUri);
  if (!m) return undefined;
  const base = path.startsWith('/') ? [] : (m[2] ?? '').split('/').slice(1, -1);
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(encodeSegment(segment));
  }
  return `${m[1]}/${base.join('/')}`;
}
