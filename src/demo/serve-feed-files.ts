import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { extname, join, normalize } from "node:path";
import { sha256Hex } from "../text/sha256.ts";

const CONTENT_TYPES: Record<string, string> = {
  ".atom": "application/atom+xml",
  ".rss": "application/rss+xml",
  ".xml": "application/xml",
  ".json": "application/feed+json",
  ".ics": "text/calendar; charset=utf-8",
  ".html": "text/html; charset=utf-8",
};

/**
 * Where the server plays a WebSub hub: a config's `"hub": "websub-hub"` points there once
 * served (demo-config.ts), so the demo and the tests show feeds announced without the internet.
 */
export const DEMO_HUB_PATH = "/websub-hub";

/** A loopback server of feed files; `requests` lists what it was asked, for tests. */
export interface FeedFileServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  requests: {
    method: string;
    path: string;
    ifNoneMatch: string | null;
    ifModifiedSince: string | null;
    status: number;
  }[];
  close(): Promise<void>;
}

/**
 * Serves the files of `dir` on 127.0.0.1 the way a well-behaved blog host does: ETag and
 * Last-Modified on every answer, 304 to a matching conditional GET. A POST to DEMO_HUB_PATH is
 * taken as a hub takes a publish ping: 204.
 */
export async function serveFeedFiles(dir: string): Promise<FeedFileServer> {
  const requests: FeedFileServer["requests"] = [];
  const server = createServer((req, res) => {
    answer(dir, req, res).then(
      (status) => requests.push(describe(req, status)),
      () => {
        res.writeHead(500).end();
        requests.push(describe(req, 500));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(dir: string, req: IncomingMessage, res: ServerResponse): Promise<number> {
  if (req.method === "POST" && req.url === DEMO_HUB_PATH) {
    req.resume();
    res.writeHead(204).end();
    return 204;
  }
  const name = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
  const path = join(dir, name);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile() || !path.startsWith(dir)) {
    res.writeHead(404, { "Content-Type": "text/plain" }).end("not found");
    return 404;
  }
  const body = await readFile(path);
  const etag = `"${sha256Hex(body, 16)}"`;
  const lastModified = new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString();
  const headers = { ETag: etag, "Last-Modified": lastModified };
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, headers).end();
    return 304;
  }
  const type = CONTENT_TYPES[extname(path)] ?? "application/octet-stream";
  res.writeHead(200, { ...headers, "Content-Type": type }).end(body);
  return 200;
}

function describe(req: IncomingMessage, status: number): FeedFileServer["requests"][number] {
  const header = (name: string) => {
    const value = req.headers[name];
    return typeof value === "string" ? value : null;
  };
  return {
    method: req.method ?? "GET",
    path: req.url ?? "/",
    ifNoneMatch: header("if-none-match"),
    ifModifiedSince: header("if-modified-since"),
    status,
  };
}
