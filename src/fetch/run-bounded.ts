/** How many jobs may run at once, overall and against one host. */
export interface ConcurrencyLimits {
  /** Jobs in flight overall. */
  concurrency: number;
  /** Jobs in flight against one host, so one slow host cannot take every slot. */
  perHost: number;
}

/**
 * Runs `work` over `items` with at most `limits.concurrency` in flight, and at most
 * `limits.perHost` for items sharing a host; results come back in input order. `work` should
 * return failures as values: a thrown error rejects the whole run and stops new items starting.
 */
export function runBounded<T, R>(
  items: T[],
  hostOf: (item: T) => string,
  work: (item: T) => Promise<R>,
  limits: ConcurrencyLimits,
): Promise<R[]> {
  const maxActive = Math.max(1, Math.floor(limits.concurrency));
  const maxPerHost = Math.max(1, Math.floor(limits.perHost));
  const results = new Array<R>(items.length);
  const waiting = items.map((item, index) => ({ item, index, host: hostOf(item) }));
  const activePerHost = new Map<string, number>();
  let active = 0;
  let finished = 0;
  let stopped = false;
  return new Promise<R[]>((resolve, reject) => {
    const startEligible = (): void => {
      for (let i = 0; i < waiting.length && active < maxActive && !stopped; ) {
        const job = waiting[i];
        if (job === undefined || (activePerHost.get(job.host) ?? 0) >= maxPerHost) {
          i++;
          continue;
        }
        waiting.splice(i, 1);
        active++;
        activePerHost.set(job.host, (activePerHost.get(job.host) ?? 0) + 1);
        Promise.resolve()
          .then(() => work(job.item))
          .then(
            (result) => {
              results[job.index] = result;
              active--;
              activePerHost.set(job.host, (activePerHost.get(job.host) ?? 1) - 1);
              finished++;
              if (finished === items.length) resolve(results);
              else startEligible();
            },
            (error: unknown) => {
              stopped = true;
              reject(error);
            },
          );
      }
    };
    if (items.length === 0) resolve(results);
    else startEligible();
  });
}

/** The host part of a URL, lower-cased; the URL itself when it does not parse. */
export function hostOfUrl(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}
