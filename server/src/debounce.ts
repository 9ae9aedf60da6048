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
