import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as requestTls } from "node:https";
import { pipeline, type Readable, type Transform } from "node:stream";
import { finished } from "node:stream/promises";
import { constants, createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { errnoCode } from "../model/caught-error.ts";

// Node's own client rather than fetch(): a planet's build sends hundreds of requests, most of
// them answered 304, and fetch() spent twice the CPU on each (~1.4 ms against ~0.7 ms, 400
// conditional GETs measured on this project's bench); the build's thread is the fetch's bound.

// Not `import … from "node:http"`: the module's ES facade reads every export, and three of them
// (WebSocket and its events) load Node's copy of undici, ~35 ms of a build's start.
const { Agent: HttpAgent, request, STATUS_CODES } = process.getBuiltinModule("node:http");

/** One response's status and headers, and its body as sent, decoded from its Content-Encoding. */
export interface HttpResponse {
  status: number;
  /** The server's reason phrase, else the usual one for the status. */
  statusText: string;
  /** Header values by lower-case name. */
  header(name: string): string | null;
  /** The decoded body; read it to the end or call discard(). */
  body: Readable;
  /**
   * Lets go of a body that will not be read: a small one is read to its end, so that its
   * connection is free for the next request (a redirect's, or the next feed's on the host).
   */
  discard(): Promise<void>;
}

// Behind a proxy as Node's own agents are: HTTP_PROXY, HTTPS_PROXY and NO_PROXY, once
// NODE_USE_ENV_PROXY=1 says to read them.
const proxyEnv = process.env.NODE_USE_ENV_PROXY === "1" ? process.env : undefined;

// Kept-alive connections: a redirect, a retry or the next feed on the same host reuses one.
const AGENTS = {
  "http:": new HttpAgent({ keepAlive: true, proxyEnv }),
  "https:": new HttpsAgent({ keepAlive: true, proxyEnv }),
};

/**
 * Sends one GET (no redirects followed) and resolves once the response's headers are in. An
 * abort of `signal` stops the request, and a body being read, with an AbortError.
 */
export function httpGet(
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
): Promise<HttpResponse> {
  const secure = url.protocol === "https:";
  const send = secure ? requestTls : request;
  const attempt = (retried: boolean): Promise<HttpResponse> =>
    new Promise((resolve, reject) => {
      const sent = send(url, { headers, agent: AGENTS[secure ? "https:" : "http:"], signal });
      sent.once("error", (error) => {
        // A kept-alive connection the server closed as this request went out: Node's advice
        // is to send it again, which takes a fresh connection or another kept one.
        if (!retried && sent.reusedSocket && errnoCode(error) === "ECONNRESET") {
          resolve(attempt(true));
        } else reject(error);
      });
      sent.once("response", (response) => resolve(responseOf(response)));
      sent.end();
    });
  return attempt(false);
}

function responseOf(response: IncomingMessage): HttpResponse {
  const body = decoded(response);
  return {
    status: response.statusCode ?? 0,
    statusText: response.statusMessage || STATUS_CODES[response.statusCode ?? 0] || "",
    header: (name) => headerValue(response.headers, name),
    body,
    discard: async () => {
      if (!smallOrNone(response)) {
        response.destroy();
        return;
      }
      response.resume();
      await finished(response).catch(() => undefined);
    },
  };
}

/** Larger bodies not wanted cost their connection rather than the time to read them. */
const SMALL_BODY_BYTES = 64 * 1024;

function smallOrNone(response: IncomingMessage): boolean {
  if (response.statusCode === 304 || response.statusCode === 204 || response.complete) return true;
  const length = Number(response.headers["content-length"] ?? Number.NaN);
  return length <= SMALL_BODY_BYTES;
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

/**
 * The body decoded from each coding in Content-Encoding, last applied first; a coding we do not
 * know leaves the body as sent, as fetch() does.
 */
function decoded(response: IncomingMessage): Readable {
  const decoders = (response.headers["content-encoding"] ?? "")
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== "" && coding !== "identity")
    .reverse()
    .map(decoderFor);
  if (decoders.length === 0 || decoders.includes(null)) return response;
  const streams = [response, ...(decoders as Transform[])];
  // The pipeline hands an error (or an early stop) at either end to every stream in it.
  pipeline(streams, () => undefined);
  return streams.at(-1) as Readable;
}

// Feeds cut short mid-stream decode as far as they go: the XML check then says what is missing.
const LENIENT = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };

function decoderFor(coding: string): Transform | null {
  switch (coding) {
    case "gzip":
    case "x-gzip":
      return createGunzip(LENIENT);
    case "deflate":
      return createInflate(LENIENT);
    case "br":
      return createBrotliDecompress();
    default:
      return null;
  }
}
