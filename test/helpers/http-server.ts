import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";

/** Answers one request; it may respond late, slowly, or never. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;

/** A request as the server saw it. */
export interface RecordedRequest {
  /** HTTP method, e.g. "GET". */
  method: string;
  /** Path plus query, e.g. "/feed.xml?x=1". */
  path: string;
  /** Request headers, lower-cased names. */
  headers: IncomingHttpHeaders;
  /** When it arrived (epoch ms). */
  at: number;
}

/** A running loopback test server. */
export interface TestServer {
  /** Base URL without a trailing slash, e.g. "http://127.0.0.1:43210". */
  url: string;
  /** Every request received so far, in arrival order. */
  requests: RecordedRequest[];
  /** TCP connections accepted so far: fewer than requests when clients keep them alive. */
  connections(): number;
  /** Stops the server, cutting any connection still open. */
  close(): Promise<void>;
}

/**
 * Starts a real node:http server on 127.0.0.1 (a free port) that dispatches on the path without the
 * query; unknown paths get a 404.
 */
export async function startServer(routes: Record<string, RouteHandler>): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const path = req.url ?? "/";
    requests.push({ method: req.method ?? "GET", path, headers: req.headers, at: Date.now() });
    const handler = routes[path.split("?")[0] ?? path];
    if (handler) {
      handler(req, res);
      return;
    }
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("not found");
  });
  let connections = 0;
  server.on("connection", () => connections++);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = portOf(server);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback URL on which nothing listens: connecting to it is refused. */
export async function findClosedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = portOf(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("server is not on TCP");
  return address.port;
}
