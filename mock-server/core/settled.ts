/**
 * The value of a settled promise, or its reason thrown: reads started together (one batch on a shared store)
 * are judged in the order the code names them, whichever failed first in time.
 */
export function settled<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}
