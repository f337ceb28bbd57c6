import { errorMessage } from "../model/caught-error.ts";

/** How a hub took the news of one feed. */
export type HubAnswer = { url: string; ok: true } | { url: string; ok: false; reason: string };

/** Hubs are one host: a few requests at a time keep a planet of many categories polite. */
const CONCURRENCY = 4;

/**
 * Tells `hub` that each of `feedUrls` has new content (`hub.mode=publish`, `hub.url=…`, the
 * publish ping hubs such as Google's and Superfeedr accept). All of it ends by `deadlineMs`: a
 * hub that hangs costs the build that long at most. Never throws; each failure is an answer.
 */
export async function publishToHub(
  hub: string,
  feedUrls: readonly string[],
  options: { deadlineMs: number; userAgent: string },
): Promise<HubAnswer[]> {
  const signal = AbortSignal.timeout(options.deadlineMs);
  const answers: HubAnswer[] = [];
  const queue = [...feedUrls];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      answers.push(await publishOne(hub, url, signal, options.userAgent));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
  return answers;
}

async function publishOne(
  hub: string,
  url: string,
  signal: AbortSignal,
  userAgent: string,
): Promise<HubAnswer> {
  try {
    const response = await fetch(hub, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "User-Agent": userAgent },
      body: new URLSearchParams({ "hub.mode": "publish", "hub.url": url }),
      signal,
    });
    // The body says nothing we act on; reading it lets the connection be reused.
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return { url, ok: true };
    return { url, ok: false, reason: `HTTP ${response.status}` };
  } catch (error) {
    const reason = signal.aborted ? "no answer before the deadline" : errorMessage(error);
    return { url, ok: false, reason };
  }
}
