/**
 * The layers other engineers are still writing (hover in grammar/src/features, the report
 * renderer, the server's latency bench, the client's sizes), loaded only when present so the
 * benchmark runs at every stage of the project.
 */

import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Analysis } from '../grammar/src/index';

/** The repository root (set by the runner for the bundled children, where import.meta is gone). */
export const root =
  process.env.KOMPASS_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The modules the bundled children were built with, by path; see bench/bundle.ts. */
export const bundledModulesKey = '__kompassBenchModules';

/** Every optional module the benchmark can use, by repository path. */
export const optionalModules = ['grammar/src/features/hover.ts', 'report/src/index.ts'] as const;

type AnyFn = (...args: unknown[]) => unknown;

/** Imports a repository module if its file exists; `undefined` (with the reason) otherwise. */
export async function importIfPresent(
  path: string,
): Promise<{ module?: Record<string, unknown>; note?: string }> {
  const bundled = (globalThis as Record<string, unknown>)[bundledModulesKey] as
    | Record<string, Record<string, unknown>>
    | undefined;
  if (bundled) {
    const module = bundled[path];
    return module ? { module } : { note: `${path} not present yet: skipped` };
  }
  const file = resolve(root, path);
  if (!existsSync(file)) return { note: `${path} not present yet: skipped` };
  try {
    return { module: (await import(pathToFileURL(file).href)) as Record<string, unknown> };
  } catch (err) {
    return { note: `${path} failed to load: ${(err as Error).message.split('\n')[0]}` };
  }
}

function fn(module: Record<string, unknown> | undefined, ...names: string[]): AnyFn | undefined {
  for (const n of names) {
    const f = module?.[n];
    if (typeof f === 'function') return f as AnyFn;
  }
  return undefined;
}

/** Hover at an offset of an analysed document, as the server would ask for it. */
export type HoverAt = (analysis: Analysis, text: string, offset: number) => unknown;

/** Loads the core's hover feature, if written. */
export async function loadHover(): Promise<{ hover?: HoverAt; note?: string }> {
  const { module, note } = await importIfPresent('grammar/src/features/hover.ts');
  if (!module) return { note: note ?? 'hover not present' };
  const f = fn(module, 'hover', 'hoverAt', 'getHover', 'provideHover');
  if (!f) return { note: 'grammar/src/features/hover.ts exports no hover function: skipped' };
  return { hover: (analysis, _text, offset) => f(analysis, offset) };
}

/** A rendered report: a string or bytes. */
export type Rendered = string | Uint8Array | { content: string | Uint8Array };

/** Renders a report in a format, as the preview and the export command do. */
export type Render = (analysis: Analysis, format: 'html' | 'pdf' | 'docx') => Promise<Rendered>;

/** Loads the report renderer, if written. */
export async function loadRender(): Promise<{ render?: Render; note?: string }> {
  const { module, note } = await importIfPresent('report/src/index.ts');
  if (!module) return { note: note ?? 'report not present' };
  const f = fn(module, 'renderReport');
  if (!f) return { note: 'report/src/index.ts exports no renderReport: skipped' };
  return { render: async (analysis, format) => (await f(analysis, format)) as Rendered };
}

/** The size in bytes of a rendered report. */
export function renderedSize(r: Rendered): number {
  const c = typeof r === 'object' && r !== null && 'content' in r ? r.content : r;
  return typeof c === 'string' ? Buffer.byteLength(c) : c.byteLength;
}
