import { errorBody } from "../../common/errors";

/** An error answered by the API (`{error:{code,message,details?}}`) or a network failure (status 0). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export const isApiError = (value: unknown): value is ApiError => value instanceof ApiError;

type UnauthorizedListener = (error: ApiError) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Called for every 401 answer; the app uses it to send an expired session back to the login page. */
export const onUnauthorized = (listener: UnauthorizedListener): (() => void) => {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
};

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

/** The typed error of an answer's status and (parsed) body; for requests made without `fetch` too (uploads). */
export const apiErrorOf = (status: number, statusText: string, parsed: unknown): ApiError => {
  const result = errorBody.safeParse(parsed);
  if (result.success) {
    const { code, message, details } = result.data.error;
    return new ApiError(status, code, message, details);
  }
  return new ApiError(status, "internal", statusText || "Request failed");
};

/** Tells the listeners about a 401 (the session ended). */
export const reportUnauthorized = (error: ApiError): void => {
  if (error.status !== 401) return;
  for (const listener of unauthorizedListeners) listener(error);
};

const toApiError = async (response: Response): Promise<ApiError> => {
  let parsed: unknown = null;
  try {
    parsed = await response.json();
  } catch {
    parsed = null;
  }
  return apiErrorOf(response.status, response.statusText, parsed);
};

export const apiRequest = async <T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> => {
  const headers: Record<string, string> = { Accept: "application/json" };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, "network_error", "The server cannot be reached");
  }
  if (!response.ok) {
    const error = await toApiError(response);
    reportUnauthorized(error);
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
};

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>("GET", path, { signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>("POST", path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>("PUT", path, { body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>("PATCH", path, { body }),
  delete: <T = void>(path: string) => apiRequest<T>("DELETE", path),
};
