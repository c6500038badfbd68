import type { ErrorCode } from "../../common/errors";

/** An error a person can cause: it answers with its status, stable code and a clear message. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what = "This item") => new AppError(404, "not_found", `${what} was not found.`);
export const forbidden = (message = "You do not have permission to do this.") =>
  new AppError(403, "forbidden", message);
export const unauthenticated = () =>
  new AppError(401, "unauthenticated", "Sign in first: this needs a session or an API token.");
