import { AppError } from "../../http/errors";

/** A place in the chat list: the last activity (an ISO timestamp) and the id of a chat. */
export type Cursor = { at: string; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.at, c.id])).toString("base64url");
}

export function decodeCursor(value: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof at === "string" && typeof id === "string" && !Number.isNaN(Date.parse(at)) && /^[0-9a-f-]{36}$/.test(id))
      return { at, id };
  } catch {
    // falls through
  }
  throw new AppError(400, "validation_failed", "The cursor is not valid; start from the first page.");
}
