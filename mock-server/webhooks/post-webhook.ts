/** The outcome of one POST: a status, or why there is none. */
export interface PostOutcome {
  status?: number;
  error?: string;
}

/** Sends one attempt; resolves (never rejects) once the receiver answered, failed or ran out of time. */
export type PostWebhook = (url: string, body: string, headers: Record<string, string>, timeoutMs: number) => Promise<PostOutcome>;

/** node's fetch, without following redirects (a receiver's 3xx is an answer, not a 2xx). */
export const postWithFetch: PostWebhook = async (url, body, headers, timeoutMs) => {
  try {
    const res = await fetch(url, { method: 'POST', body, headers, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    // The body is not needed; cancelling it frees the socket at once.
    await res.body?.cancel();
    return { status: res.status };
  } catch (e) {
    const err = e as { name?: string; cause?: { code?: string } };
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return { error: 'timeout' };
    return { error: err.cause?.code === 'ECONNREFUSED' ? 'refused' : (err.cause?.code ?? 'network-error').toLowerCase() };
  }
};
