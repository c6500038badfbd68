import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiError, ResponseParameters } from "@grammyjs/types";

/** A Bot API failure: becomes `{ ok: false, error_code, description, parameters? }` with HTTP status = error_code. */
export class BotApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }
}

export const badRequest = (what: string): BotApiError => new BotApiError(400, `Bad Request: ${what}`);

/** One uploaded part of a multipart/form-data request, as it arrived on the wire. */
export type UploadedPart = { name: string; filename: string; contentType: string; bytes: Buffer };

/** A request's parameters: query string merged with the body (JSON, urlencoded or multipart). */
export type ParsedRequest = { params: Record<string, unknown>; parts: UploadedPart[] };

/** Telegram's upload limit for bots on the public Bot API server. */
const MAX_BODY = 50 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size > MAX_BODY) throw new BotApiError(413, "Request Entity Too Large");
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Parses params the way the Bot API accepts them: query string, JSON, urlencoded or multipart/form-data. */
export function parseRequest(query: URLSearchParams, contentType: string, body: Buffer): ParsedRequest {
  const params: Record<string, unknown> = Object.fromEntries(query);
  const parts: UploadedPart[] = [];
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (body.length === 0) return { params, parts };
  if (type === "application/json") {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString("utf8"));
    } catch {
      throw badRequest("can't parse JSON object");
    }
    if (!isRecord(parsed)) throw badRequest("can't parse JSON object");
    Object.assign(params, parsed);
  } else if (type === "application/x-www-form-urlencoded") {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body.toString("utf8"))));
  } else if (type === "multipart/form-data") {
    const boundary = headerParams(contentType).boundary;
    if (!boundary) throw badRequest("can't parse multipart/form-data: no boundary");
    for (const part of parseMultipart(body, boundary)) {
      if (part.filename === undefined) params[part.name] = part.bytes.toString("utf8");
      else parts.push({ name: part.name, filename: part.filename, contentType: part.contentType, bytes: part.bytes });
    }
  }
  return { params, parts };
}

type RawPart = { name: string; filename: string | undefined; contentType: string; bytes: Buffer };

/**
 * A small RFC 7578 parser. Tolerant of what grammY actually sends: header names without a space after the
 * colon (`content-disposition:form-data;name="x"`) and unquoted filenames (`filename=voice.ogg`).
 */
export function parseMultipart(body: Buffer, boundary: string): RawPart[] {
  const first = Buffer.from(`--${boundary}`);
  const separator = Buffer.from(`\r\n--${boundary}`);
  const parts: RawPart[] = [];
  let cursor = body.indexOf(first);
  if (cursor === -1) throw badRequest("can't parse multipart/form-data: boundary not found");
  cursor += first.length;
  for (;;) {
    if (body.subarray(cursor, cursor + 2).toString("latin1") === "--") break;
    while (body[cursor] === 0x20 || body[cursor] === 0x09) cursor++;
    if (body[cursor] === 0x0d && body[cursor + 1] === 0x0a) cursor += 2;
    const next = body.indexOf(separator, cursor);
    if (next === -1) throw badRequest("can't parse multipart/form-data: unterminated part");
    parts.push(parsePart(body.subarray(cursor, next)));
    cursor = next + separator.length;
  }
  return parts;
}

function parsePart(part: Buffer): RawPart {
  const headerEnd = part.indexOf("\r\n\r\n");
  const head = headerEnd === -1 ? part.toString("utf8") : part.subarray(0, headerEnd).toString("utf8");
  const bytes = headerEnd === -1 ? Buffer.alloc(0) : part.subarray(headerEnd + 4);
  const headers = new Map<string, string>();
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headerParams(headers.get("content-disposition") ?? "");
  if (disposition.name === undefined) throw badRequest("can't parse multipart/form-data: part without a name");
  return {
    name: disposition.name,
    filename: disposition.filename,
    contentType: headers.get("content-type") ?? "text/plain",
    bytes: Buffer.from(bytes),
  };
}

/** `form-data; name="a"; filename=b.ogg` → `{ name: "a", filename: "b.ogg" }` (quoted or not). */
export function headerParams(header: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const match of header.matchAll(/;\s*([\w*-]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g)) {
    const key = match[1]?.toLowerCase();
    const raw = match[2]?.trim() ?? "";
    if (key) out[key] = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, "$1") : raw;
  }
  return out;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Integer params arrive as numbers (JSON) or digit strings (query, urlencoded, multipart). */
export function intParam(params: Record<string, unknown>, key: string): number | undefined {
  const value = params[key];
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  throw badRequest(`invalid ${key} specified`);
}

export function strParam(params: Record<string, unknown>, key: string): string | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw badRequest(`invalid ${key} specified`);
}

export function boolParam(params: Record<string, unknown>, key: string): boolean {
  const value = params[key];
  return value === true || value === "true" || value === "True" || value === "1" || value === 1;
}

/** Object/array params arrive as JSON values, or as JSON-serialized strings in form data. */
export function jsonParam(params: Record<string, unknown>, key: string): unknown {
  const value = params[key];
  if (typeof value !== "string") return value ?? undefined;
  try {
    return JSON.parse(value);
  } catch {
    throw badRequest(`can't parse ${key} JSON object`);
  }
}

export function writeJson(res: ServerResponse, status: number, payload: unknown): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

export function writeError(res: ServerResponse, error: BotApiError): void {
  const payload: ApiError = { ok: false, error_code: error.status, description: error.description };
  if (error.parameters) payload.parameters = error.parameters;
  writeJson(res, error.status, payload);
}
