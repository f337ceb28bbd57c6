/** Why a fetch failed, for reports and advice. */
export type FetchErrorKind =
  | "timeout"
  | "network"
  | "dns"
  | "tls"
  | "http"
  | "too-many-redirects"
  | "too-large"
  | "empty"
  | "offline"
  | "deadline"
  | "file";

/** A failed attempt, with enough context for the site owner to act. */
export interface FetchFailure {
  kind: FetchErrorKind;
  message: string;
}

/** Validators to send on the next conditional GET. */
export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

/** A permanent redirect seen on the way, so the owner can update feeds.json. */
export interface RedirectNote {
  from: string;
  to: string;
  permanent: boolean;
}

/** The outcome of fetching one URL: always a value, never a thrown error. */
export type FetchResult =
  | {
      outcome: "ok";
      url: string;
      finalUrl: string;
      status: number;
      body: Uint8Array;
      contentType: string | null;
      validators: Validators;
      redirects: RedirectNote[];
    }
  | {
      outcome: "not-modified";
      url: string;
      finalUrl: string;
      status: 304;
      validators: Validators;
      redirects: RedirectNote[];
    }
  | {
      outcome: "failed";
      url: string;
      finalUrl: string;
      status: number | null;
      error: FetchFailure;
      redirects: RedirectNote[];
      /** Seconds the server asked us to wait (Retry-After), if it said. */
      retryAfter: number | null;
    };
