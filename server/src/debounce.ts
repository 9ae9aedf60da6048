/**
 * How long to wait after an edit before checking again, from what checking cost lately. A check
 * of a few milliseconds runs at once: waiting would only delay the answer. A costly one waits
 * about as long as it takes, so a fast typist does not queue check after check; never longer
 * than `ceiling`.
 */
export function adaptiveDelay(costMs: number | undefined, ceiling = 500): number {
  if (costMs === undefined || costMs <= cheapMs) return 0;
  return Math.min(ceiling, Math.round(costMs));
}

/** A check at or under this many milliseconds is not worth delaying. */
export const cheapMs = 8;

/** Follows the cost of a document's checks: recent ones weigh most, one outlier does not rule. */
export function nextCost(previous: number | undefined, measured: number): number {
  return previous === undefined ? measured : 0.5 * previous + 0.5 * measured;
}

/**
 * Runs `fn` after `ms` milliseconds and returns what cancels it. With no delay it runs on the
 * next turn of the event loop instead of through a timer: Node makes `setTimeout(fn, 0)` wait a
 * millisecond, which every edit of a cheap document would otherwise spend idle (in the benchmark's
 * server runs, a fifth of the sample's edit → diagnostics). A browser worker has no
 * `setImmediate` and gets a timer, as before.
 */
export function after(ms: number, fn: () => void): () => void {
  if (ms <= 0 && typeof setImmediate === 'function') {
    const immediate = setImmediate(fn);
    return () => clearImmediate(immediate);
  }
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
}
