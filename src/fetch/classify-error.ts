import { errorMessage } from "../model/caught-error.ts";
import type { FetchFailure } from "../model/fetch-result.ts";

/** What was going on when a fetch threw, so the message can say it plainly. */
export interface ErrorContext {
  /** The URL being requested when it failed. */
  url: string;
  /** The reason our own timeout aborts with (compared by identity). */
  timeoutReason: unknown;
  /** The run's deadline signal, if any. */
  runSignal: AbortSignal | undefined;
  /** The timeout, for the message. */
  timeoutMs: number;
  /** True once the response headers had arrived (the body was being read). */
  readingBody: boolean;
}

const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_FAIL", "EAI_NONAME", "EAI_NODATA"]);
const TLS_PREFIXES = ["ERR_TLS_", "ERR_SSL_", "ERR_OSSL_", "CERT_", "UNABLE_TO_"];
const TLS_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "HOSTNAME_MISMATCH",
  "EPROTO",
]);
const TIMEOUT_CODES = new Set(["ETIMEDOUT"]);
const NETWORK_MESSAGES: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  // Node says ECONNRESET whether the server reset the connection or closed it ("socket hang up").
  ECONNRESET: "connection closed by the server before the response was complete",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  EPIPE: "connection closed by the server while sending the request",
};

/** Turns whatever the request threw into a failure kind and a plain message. */
export function classifyFetchError(error: unknown, context: ErrorContext): FetchFailure {
  const seconds = `${context.timeoutMs / 1000} s`;
  if (context.runSignal?.aborted && error === context.runSignal.reason) {
    return { kind: "deadline", message: "the run's deadline passed before the fetch finished" };
  }
  if (error === context.timeoutReason) {
    const message = context.readingBody
      ? `response not complete within ${seconds}`
      : `no response within ${seconds}`;
    return { kind: "timeout", message };
  }
  const cause = findCause(error);
  const code = cause.code;
  const host = hostOf(context.url);
  if (code !== null && DNS_CODES.has(code)) {
    const message =
      code === "EAI_AGAIN"
        ? `DNS lookup for ${host} failed temporarily`
        : `could not resolve host ${host}`;
    return { kind: "dns", message };
  }
  if (code !== null && (TLS_CODES.has(code) || TLS_PREFIXES.some((p) => code.startsWith(p)))) {
    return { kind: "tls", message: `TLS error: ${cause.message} (${code})` };
  }
  if (code !== null && TIMEOUT_CODES.has(code)) {
    return { kind: "timeout", message: `connection to ${host} timed out` };
  }
  if (code !== null && (code.startsWith("Z_") || code.includes("BROTLI"))) {
    return { kind: "network", message: "the response body could not be decompressed" };
  }
  const known = code === null ? undefined : NETWORK_MESSAGES[code];
  return { kind: "network", message: known ?? cause.message };
}

interface Cause {
  code: string | null;
  message: string;
}

/** The error with a code may be wrapped: in an AggregateError (one per address tried) or a cause. */
function findCause(error: unknown): Cause {
  let current: unknown = error;
  let fallback = errorMessage(error);
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = "code" in current && typeof current.code === "string" ? current.code : null;
    if (code !== null) return { code, message: current.message || fallback };
    if (current.message) fallback = current.message;
    current =
      current instanceof AggregateError && current.errors.length > 0
        ? current.errors[0]
        : current.cause;
  }
  return { code: null, message: fallback };
}

function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : url;
}
