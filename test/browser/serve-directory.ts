import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { extname, join, normalize, sep } from "node:path";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".ics": "text/calendar; charset=utf-8",
};

/** A static site on loopback. */
export interface DirectoryServer {
  /** Base URL with a trailing slash. */
  url: string;
  close(): Promise<void>;
}

/** Extra files served beside the site, by absolute path (e.g. `/__axe.js`). */
export type ExtraFiles = Record<string, { type: string; body: string }>;

/**
 * Serves `dir` on 127.0.0.1 as a static host does: `x/` answers with `x/index.html`, a missing
 * file with 404.html and status 404.
 */
export async function serveDirectory(
  dir: string,
  extra: ExtraFiles = {},
): Promise<DirectoryServer> {
  const server = createServer((req, res) => {
    answer(dir, extra, req, res).catch(() => res.writeHead(500).end());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(
  dir: string,
  extra: ExtraFiles,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  const special = extra[pathname];
  if (special) {
    res.writeHead(200, { "Content-Type": special.type }).end(special.body);
    return;
  }
  const path = join(dir, normalize(pathname.endsWith("/") ? `${pathname}index.html` : pathname));
  const inside = path.startsWith(dir.endsWith(sep) ? dir : `${dir}${sep}`);
  const info = inside ? await stat(path).catch(() => null) : null;
  if (!info?.isFile()) {
    const notFound = await readFile(join(dir, "404.html")).catch(() => "not found");
    res.writeHead(404, { "Content-Type": "text/html; charset=utf-8" }).end(notFound);
    return;
  }
  const type = CONTENT_TYPES[extname(path)] ?? "application/octet-stream";
  res.writeHead(200, { "Content-Type": type }).end(await readFile(path));
}
