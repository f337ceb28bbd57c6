import type { IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import {
  findClosedPortUrl,
  type RecordedRequest,
  startServer,
  type TestServer,
} from "./http-server.ts";

/** One request to a fault host: which host, how many requests its "/" has had (this one included). */
interface Call {
  name: string;
  count: number;
  req: IncomingMessage;
  res: ServerResponse;
}

const RSS = "application/rss+xml";

/** Every way a feed host can behave at "/"; "feed" is the well-behaved one. */
const ANSWERS = {
  /** A good RSS feed with two posts, ETag and 304 to a matching conditional GET. */
  feed: ({ name, req, res }: Call) => sendFeed(name, 2, req, res, RSS),
  /** The same feed with a third, newer post. */
  "feed-updated": ({ name, req, res }: Call) => sendFeed(name, 3, req, res, RSS),
  /** The feed, after half a second. */
  slow: ({ name, req, res }: Call) => {
    const timer = setTimeout(() => sendFeed(name, 2, req, res, RSS), 500);
    res.on("close", () => clearTimeout(timer));
  },
  /** Accepts the connection, never answers. */
  "never-answers": () => {},
  /** Sends headers, then one byte every 250 ms forever. */
  trickle: ({ res }: Call) => {
    res.writeHead(200, { "Content-Type": RSS });
    const timer = setInterval(() => res.write("<"), 250);
    res.on("close", () => clearInterval(timer));
  },
  /** Resets the connection. */
  reset: ({ req }: Call) => req.socket.destroy(),
  /** 500 on the first request, the feed after that. */
  "flaky-500": (call: Call) => {
    if (call.count === 1) call.res.writeHead(500).end("Internal Server Error");
    else sendFeed(call.name, 2, call.req, call.res, RSS);
  },
  /** 503 with Retry-After: 1 on the first request, the feed after that. */
  "busy-503": (call: Call) => {
    if (call.count === 1) call.res.writeHead(503, { "Retry-After": "1" }).end();
    else sendFeed(call.name, 2, call.req, call.res, RSS);
  },
  /** 503 with Retry-After: 3600, always. */
  "busy-503-long": ({ res }: Call) => res.writeHead(503, { "Retry-After": "3600" }).end(),
  "not-found": ({ res }: Call) =>
    res.writeHead(404, { "Content-Type": "text/html" }).end("<h1>Not Found</h1>"),
  gone: ({ res }: Call) => res.writeHead(410, { "Content-Type": "text/html" }).end("<h1>Gone</h1>"),
  /** 302 to /loop, which redirects back. */
  "redirect-loop": ({ res }: Call) => res.writeHead(302, { Location: "/loop" }).end(),
  "moved-301": ({ res }: Call) => res.writeHead(301, { Location: "/feed" }).end(),
  "moved-308": ({ res }: Call) => res.writeHead(308, { Location: "/feed" }).end(),
  "found-302": ({ res }: Call) => res.writeHead(302, { Location: "/feed" }).end(),
  /** 200 with a gzip body that inflates to 20 MiB, past the default 15 MiB cap. */
  "gzip-bomb": ({ res }: Call) =>
    res.writeHead(200, { "Content-Type": RSS, "Content-Encoding": "gzip" }).end(gzipBomb()),
  /** 200 with a body that never ends. */
  endless: ({ res }: Call) => sendEndless(res),
  /** The feed cut off in the middle of its first item. */
  truncated: ({ name, res }: Call) => {
    const text = feedText(name, 2);
    res.writeHead(200, { "Content-Type": RSS }).end(text.slice(0, text.indexOf("</item>") - 20));
  },
  /** A blog's HTML page that advertises /feed with <link rel="alternate">. */
  "html-page": ({ name, res }: Call) =>
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(htmlPage(name)),
  /** 200 with an empty body. */
  empty: ({ res }: Call) => res.writeHead(200, { "Content-Type": RSS }).end(),
  /** The feed sent as text/html. */
  "wrong-type": ({ name, req, res }: Call) =>
    sendFeed(name, 2, req, res, "text/html; charset=utf-8"),
  /** The feed with no Content-Type at all. */
  "no-type": ({ name, req, res }: Call) => sendFeed(name, 2, req, res, null),
} satisfies Record<string, (call: Call) => void>;

/** One misbehaviour (or "feed"). */
export type Fault = keyof typeof ANSWERS;

/** One fake feed host per name, each on its own port (so its own host for per-host limits). */
export interface FaultHosts {
  /** Starts a host for `name` serving `fault` at `/`; returns its feed URL. */
  add(name: string, fault: Fault): Promise<string>;
  /** What `name`'s host serves from now on. */
  set(name: string, fault: Fault): void;
  /** The URL of `name`'s host with https: the plain-HTTP port fails the TLS handshake. */
  tlsUrl(name: string): string;
  /** Stops `name`'s host, cutting its open connections (a hung request then fails). */
  cut(name: string): Promise<void>;
  /** Requests `name`'s host received so far. */
  requests(name: string): RecordedRequest[];
  /** A URL on which nothing listens. */
  refusedUrl(): Promise<string>;
  /** Stops every host, cutting open connections. */
  close(): Promise<void>;
}

/** Starts an empty set of fault hosts; add one per feed. */
export function startFaultHosts(): FaultHosts {
  const hosts = new Map<string, { server: TestServer; fault: Fault; count: number }>();
  const hostOf = (name: string) => {
    const host = hosts.get(name);
    if (host === undefined) throw new Error(`no fault host named ${name}`);
    return host;
  };
  return {
    async add(name, fault) {
      const answer = (req: IncomingMessage, res: ServerResponse): void => {
        const host = hostOf(name);
        host.count++;
        ANSWERS[host.fault]({ name, count: host.count, req, res });
      };
      const server = await startServer({
        "/": answer,
        "/feed": (req, res) => sendFeed(name, 2, req, res, "application/rss+xml"),
        "/loop": (_req, res) => res.writeHead(302, { Location: "/" }).end(),
      });
      if (fault === "gzip-bomb") gzipBomb();
      hosts.set(name, { server, fault, count: 0 });
      return `${server.url}/`;
    },
    set(name, fault) {
      if (fault === "gzip-bomb") gzipBomb();
      const host = hostOf(name);
      host.fault = fault;
      host.count = 0;
    },
    tlsUrl: (name) => `${hostOf(name).server.url.replace("http:", "https:")}/`,
    cut: (name) => hostOf(name).server.close(),
    requests: (name) => hostOf(name).server.requests,
    refusedUrl: async () => `${await findClosedPortUrl()}/`,
    close: async () => {
      await Promise.all([...hosts.values()].map(({ server }) => server.close()));
    },
  };
}

/** Titles of the first `count` posts of `name`'s feed ("feed" has 2, "feed-updated" 3), newest first. */
export function postTitles(name: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${name} post ${count - i}`);
}

/** An RSS feed for `name` with `count` posts, one a day from 2017-03-01, newest first. */
export function feedText(name: string, count: number): string {
  const items = postTitles(name, count).map((title, i) => {
    const n = count - i;
    const date = new Date(Date.UTC(2017, 2, n, 9, 0, 0)).toUTCString();
    return `<item><title>${title}</title><link>https://${name}.example.org/${n}</link>
<guid>https://${name}.example.org/${n}</guid><pubDate>${date}</pubDate>
<description>Post number ${n} of ${name}.</description></item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>${name}'s blog</title><link>https://${name}.example.org/</link>
${items.join("\n")}
</channel></rss>
`;
}

function sendFeed(
  name: string,
  count: number,
  req: IncomingMessage,
  res: ServerResponse,
  contentType: string | null,
): void {
  const etag = `"${name}-${count}"`;
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, { ETag: etag }).end();
    return;
  }
  const headers: Record<string, string> = { ETag: etag };
  if (contentType !== null) headers["Content-Type"] = contentType;
  res.writeHead(200, headers).end(feedText(name, count));
}

function htmlPage(name: string): string {
  return `<!doctype html><html><head><title>${name}'s blog</title>
<link rel="alternate" type="application/rss+xml" title="RSS" href="/feed"></head>
<body><h1>${name}'s blog</h1><p>Welcome.</p></body></html>`;
}

function sendEndless(res: ServerResponse): void {
  res.writeHead(200, { "Content-Type": "application/rss+xml" });
  const chunk = Buffer.alloc(64 * 1024, "a");
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk)) {}
  };
  res.on("drain", pump);
  pump();
}

let bomb: Buffer | null = null;

/**
 * 20 MiB of zeros, gzipped to about 20 KiB; made once, when a host first serves it, not while
 * a build is fetching: compressing blocks this process, and with it every other host's answer.
 */
function gzipBomb(): Buffer {
  bomb ??= gzipSync(Buffer.alloc(20 * 1024 * 1024));
  return bomb;
}
