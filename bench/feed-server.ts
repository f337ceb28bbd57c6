import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";

/** A file the servers answer for, by URL path. */
export interface ServedFile {
  /** Where the bytes are on disk (read per request, as a static host would). */
  file: string;
  /** Strong ETag of the current bytes. */
  etag: string;
  contentType: string;
}

/** What the servers saw since the last reset. */
export interface TrafficCounts {
  requests: number;
  /** Answers by status: 200, 304, 404. */
  byStatus: Record<string, number>;
  /** Requests for article pages (only osmosfeed asks for them). */
  articleRequests: number;
  /** Body bytes sent. */
  bytes: number;
}

/** Loopback feed hosts sharing one catalogue of files. */
export interface FeedHosts {
  /** Base URL of each host, e.g. `http://127.0.0.2:41234`. */
  origins: string[];
  /** URL path → file; change it to change what the hosts serve. */
  files: Map<string, ServedFile>;
  /** Counts since the last call, then starts counting afresh. */
  takeCounts(): TrafficCounts;
  close(): Promise<void>;
}

/**
 * Starts `hostCount` HTTP servers on 127.0.0.2, 127.0.0.3, … (Linux routes all of 127/8 to lo),
 * each answering after `latencyMs` like a distant blog host: ETag on every answer, 304 to a
 * matching If-None-Match, keep-alive on. Paths under /posts/ answer a small article page.
 */
export async function startFeedHosts(hostCount: number, latencyMs: number): Promise<FeedHosts> {
  const files = new Map<string, ServedFile>();
  let counts = emptyCounts();
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    answer(req, res, files, latencyMs).then(
      (sent) => count(sent.status, sent.bytes, req.url ?? ""),
      () => {
        if (!res.headersSent) res.writeHead(500).end();
        count(500, 0, req.url ?? "");
      },
    );
  };
  const count = (status: number, bytes: number, path: string): void => {
    counts.requests++;
    counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
    if (path.startsWith("/posts/")) counts.articleRequests++;
    counts.bytes += bytes;
  };
  const servers: Server[] = [];
  const origins: string[] = [];
  for (let i = 0; i < hostCount; i++) {
    const address = `127.0.0.${2 + (i % 250)}`;
    const server = createServer({ keepAliveTimeout: 30_000 }, handle);
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    const bound = server.address();
    const port = typeof bound === "object" && bound ? bound.port : 0;
    servers.push(server);
    origins.push(`http://${address}:${port}`);
  }
  return {
    origins,
    files,
    takeCounts() {
      const taken = counts;
      counts = emptyCounts();
      return taken;
    },
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}

function emptyCounts(): TrafficCounts {
  return { requests: 0, byStatus: {}, articleRequests: 0, bytes: 0 };
}

async function answer(
  req: IncomingMessage,
  res: ServerResponse,
  files: Map<string, ServedFile>,
  latencyMs: number,
): Promise<{ status: number; bytes: number }> {
  await sleep(latencyMs);
  const path = new URL(req.url ?? "/", "http://x").pathname;
  if (path.startsWith("/posts/")) {
    const body = articlePage(path);
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(body);
    return { status: 200, bytes: Buffer.byteLength(body) };
  }
  const served = files.get(path);
  if (served === undefined) {
    res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    return { status: 404, bytes: 9 };
  }
  if (req.headers["if-none-match"] === served.etag) {
    res.writeHead(304, { ETag: served.etag }).end();
    return { status: 304, bytes: 0 };
  }
  const body = await readFile(served.file);
  res.writeHead(200, { ETag: served.etag, "Content-Type": served.contentType }).end(body);
  return { status: 200, bytes: body.byteLength };
}

/** A post's own page: what osmosfeed scrapes for a description and a word count. */
function articlePage(path: string): string {
  const words = "A synthetic article page with some words to count. ".repeat(40);
  return `<!doctype html><html><head><title>${path}</title>
<meta property="og:description" content="A synthetic post served for the benchmark.">
</head><body><article><p>${words}</p></article></body></html>`;
}
