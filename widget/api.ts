import type {
  WidgetFile,
  WidgetIdentity,
  WidgetMessage,
  WidgetMessagesResponse,
  WidgetSendRequest,
  WidgetSessionResponse,
} from "../common/widget";

/** An HTTP call that failed: `status` 0 and code `network` when Parley could not be reached. */
export class WidgetApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = "WidgetApiError";
    this.status = status;
    this.code = code;
  }
}

const codeByStatus: Record<number, string> = {
  400: "validation_failed",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  413: "too_large",
  429: "rate_limited",
};

/** The error of a failed response from its status and body (`{error: {code, message}}` when Parley answered). */
export function readError(status: number, body: string): WidgetApiError {
  let code = codeByStatus[status] ?? (status >= 500 ? "server_error" : `http_${status}`);
  let message = `HTTP ${status}`;
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object" && "error" in parsed) {
      const error: unknown = parsed.error;
      if (error && typeof error === "object") {
        if ("code" in error && typeof error.code === "string") code = error.code;
        if ("message" in error && typeof error.message === "string") message = error.message;
      }
    }
  } catch {
    // Not JSON (a proxy's page): the status tells enough.
  }
  if (status === 413) code = "too_large";
  return new WidgetApiError(status, code, message);
}

/** Any failure as a WidgetApiError (a thrown non-API error counts as a network trouble). */
export const toApiError = (error: unknown): WidgetApiError =>
  error instanceof WidgetApiError ? error : new WidgetApiError(0, "network", String(error));

/** Worth trying again with the same request: no answer, a server trouble, or too many requests. */
export const isRetryable = (error: unknown): boolean =>
  !(error instanceof WidgetApiError) || error.status === 0 || error.status >= 500 || error.status === 429;

export interface Upload {
  promise: Promise<WidgetFile>;
  abort: () => void;
}

export interface WidgetApi {
  session(body: { visitorToken?: string; identity?: WidgetIdentity }): Promise<WidgetSessionResponse>;
  messages(token: string, query: { before?: string; limit?: number }): Promise<WidgetMessagesResponse>;
  send(token: string, body: WidgetSendRequest): Promise<WidgetMessage>;
  upload(token: string, file: File, onProgress: (fraction: number) => void): Upload;
}

const networkError = () => new WidgetApiError(0, "network", "Parley could not be reached");

/** Calls of `{origin}/widget/{channelId}/…`. */
export function createApi(origin: string, channelId: string, fetchFn: typeof fetch = (i, o) => fetch(i, o)): WidgetApi {
  const base = `${origin}/widget/${encodeURIComponent(channelId)}`;

  async function call<T>(path: string, init: { method?: string; token?: string; body?: unknown }): Promise<T> {
    const headers: Record<string, string> = {};
    if (init.token) headers.Authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers["Content-Type"] = "application/json";
    let response: Response;
    let text: string;
    try {
      response = await fetchFn(base + path, {
        method: init.method ?? "GET",
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        credentials: "omit",
        mode: "cors",
      });
      text = await response.text();
    } catch {
      throw networkError();
    }
    if (!response.ok) throw readError(response.status, text);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new WidgetApiError(response.status, "bad_response", "Parley's answer was not JSON");
    }
  }

  return {
    session: (body) => call<WidgetSessionResponse>("/session", { method: "POST", body }),
    messages: (token, query) => {
      const params = new URLSearchParams();
      if (query.before) params.set("before", query.before);
      params.set("limit", String(query.limit ?? 30));
      return call<WidgetMessagesResponse>(`/messages?${params}`, { token });
    },
    send: async (token, body) =>
      (await call<{ message: WidgetMessage }>("/messages", { method: "POST", token, body })).message,
    upload: (token, file, onProgress) => {
      const xhr = new XMLHttpRequest();
      const promise = new Promise<WidgetFile>((resolve, reject) => {
        xhr.open("POST", `${base}/files`);
        xhr.setRequestHeader("Authorization", `Bearer ${token}`);
        xhr.upload.onprogress = (event) => {
          if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
        };
        xhr.onload = () => {
          if (xhr.status < 200 || xhr.status >= 300) return reject(readError(xhr.status, xhr.responseText));
          try {
            resolve((JSON.parse(xhr.responseText) as { file: WidgetFile }).file);
          } catch {
            reject(new WidgetApiError(xhr.status, "bad_response", "Parley's answer was not JSON"));
          }
        };
        xhr.onerror = () => reject(networkError());
        xhr.onabort = () => reject(new WidgetApiError(0, "aborted", "The upload was cancelled"));
        const form = new FormData();
        form.append("file", file, file.name);
        xhr.send(form);
      });
      return { promise, abort: () => xhr.abort() };
    },
  };
}

/** Waits before the next try: 1 s, 2 s, 4 s … up to 16 s, with a little jitter. */
export const backoffDelay = (attempt: number, random: () => number = Math.random): number =>
  Math.round(Math.min(16_000, 1000 * 2 ** Math.max(0, attempt)) * (0.8 + 0.4 * random()));

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
