import { randomBytes } from "node:crypto";
import type { Audio, Document, File, PhotoSize, Sticker, Video, Voice } from "@grammyjs/types";
import { BotApiError, badRequest, type UploadedPart } from "./bot-api-http";

export type FileKind = "photo" | "video" | "document" | "voice" | "audio" | "sticker";

/** A file the double knows: uploaded by the bot, attached to a user's message, or registered by a test. */
export type StoredFile = {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  file_path: string;
  kind: FileKind;
  mime: string;
  name: string | undefined;
  bytes: Buffer;
  /** For photos: the whole size group this file belongs to (smallest first, like Telegram). */
  sizes?: PhotoSize[];
};

export type AddFileOptions = { mime?: string; name?: string; kind?: FileKind };

/** Telegram's file_id prefixes per type (the first bytes encode the type and the DC). */
const ID_PREFIX: Record<FileKind, string> = {
  photo: "AgACAgIAAxkBAA",
  video: "BAACAgIAAxkBAA",
  document: "BQACAgIAAxkBAA",
  voice: "AwACAgIAAxkBAA",
  audio: "CQACAgIAAxkBAA",
  sticker: "CAACAgIAAxkBAA",
};

const DIR: Record<FileKind, string> = {
  photo: "photos",
  video: "videos",
  document: "documents",
  voice: "voice",
  audio: "music",
  sticker: "stickers",
};

const DEFAULT_MIME: Record<FileKind, string> = {
  photo: "image/jpeg",
  video: "video/mp4",
  document: "application/octet-stream",
  voice: "audio/ogg",
  audio: "audio/mpeg",
  sticker: "image/webp",
};

const MIME_BY_EXT: Record<string, string> = {
  ogg: "audio/ogg",
  oga: "audio/ogg",
  opus: "audio/ogg",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  wav: "audio/x-wav",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
  pdf: "application/pdf",
  txt: "text/plain",
  csv: "text/csv",
  json: "application/json",
  zip: "application/zip",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const EXT_BY_MIME: Record<string, string> = {
  "audio/ogg": "oga",
  "audio/mpeg": "mp3",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
  "video/mp4": "mp4",
  "application/pdf": "pdf",
  "text/plain": "txt",
};

/** getFile refuses files above 20 MB on the public Bot API server. */
const DOWNLOAD_LIMIT = 20 * 1024 * 1024;

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function extension(name: string | undefined): string | undefined {
  const dot = name?.lastIndexOf(".") ?? -1;
  return name && dot > 0 ? name.slice(dot + 1).toLowerCase() : undefined;
}

export function mimeFor(name: string | undefined, kind: FileKind, declared?: string): string {
  const byExt = MIME_BY_EXT[extension(name) ?? ""];
  if (byExt) return byExt;
  if (declared && declared !== "application/octet-stream") return declared;
  return DEFAULT_MIME[kind];
}

export class FileStore {
  private readonly byId = new Map<string, StoredFile>();
  private readonly byPath = new Map<string, StoredFile>();
  private counter = 0;

  add(bytes: Buffer, opts: AddFileOptions = {}): StoredFile {
    const kind = opts.kind ?? "document";
    const mime = opts.mime ?? mimeFor(opts.name, kind);
    const ext = kind === "voice" ? "oga" : (extension(opts.name) ?? EXT_BY_MIME[mime] ?? "dat");
    const file: StoredFile = {
      file_id: ID_PREFIX[kind] + randomBytes(52).toString("base64url").slice(0, 57),
      file_unique_id: (kind === "photo" ? "AQAD" : "AgAD") + randomBytes(9).toString("base64url").slice(0, 12),
      file_size: bytes.length,
      file_path: `${DIR[kind]}/file_${this.counter++}.${ext}`,
      kind,
      mime,
      name: opts.name,
      bytes: Buffer.from(bytes),
    };
    this.byId.set(file.file_id, file);
    this.byPath.set(file.file_path, file);
    return file;
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId);
  }

  atPath(path: string): StoredFile | undefined {
    return this.byPath.get(path);
  }

  /** getFile: a File with file_path, or Telegram's errors for unknown and too-big files. */
  getFile(fileId: string | undefined): File {
    if (!fileId) throw badRequest("file_id not specified");
    const file = this.byId.get(fileId);
    if (!file) throw badRequest("invalid file_id");
    if (file.file_size > DOWNLOAD_LIMIT) throw badRequest("file is too big");
    return {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      file_size: file.file_size,
      file_path: file.file_path,
    };
  }

  /**
   * The file a send* call refers to: an upload (`attach://<part>` or a part named like the field), a file_id the
   * double knows, or an HTTP URL. Anything else is Telegram's "wrong file identifier".
   */
  resolve(
    kind: FileKind,
    value: unknown,
    parts: UploadedPart[],
  ): { file: StoredFile; upload: UploadedPart | undefined } {
    let upload: UploadedPart | undefined;
    if (typeof value === "string" && value.startsWith("attach://")) {
      upload = parts.find((p) => p.name === value.slice("attach://".length));
      if (!upload) throw badRequest("wrong HTTP URL specified");
    } else if (value === undefined || value === "") {
      upload = parts.find((p) => p.name === kind);
    }
    if (upload) {
      if (upload.bytes.length === 0) throw badRequest("file must be non-empty");
      const mime = mimeFor(upload.filename, kind, upload.contentType);
      return { file: this.add(upload.bytes, { kind, name: upload.filename, mime }), upload };
    }
    if (value === undefined || value === "") throw badRequest(`there is no ${kind} in the request`);
    if (typeof value !== "string") throw badRequest(`wrong type of the ${kind} field`);
    const known = this.byId.get(value);
    if (known) {
      if (known.kind !== kind)
        throw badRequest(`can't use file of type ${capitalize(known.kind)} as ${capitalize(kind)}`);
      return { file: known, upload: undefined };
    }
    if (/^https?:\/\//.test(value)) {
      const name = decodeURIComponent(new URL(value).pathname.split("/").pop() ?? "") || undefined;
      return { file: this.add(Buffer.alloc(0), { kind, name, mime: mimeFor(name, kind) }), upload: undefined };
    }
    throw new BotApiError(400, "Bad Request: wrong file identifier/HTTP URL specified");
  }

  /** A photo as Telegram returns it: several sizes, smallest first, the largest being the original. */
  photo(file: StoredFile, width = 1280, height = 960): PhotoSize[] {
    if (file.sizes) return file.sizes;
    const sizes: PhotoSize[] = [];
    for (const side of [90, 320, 800]) {
      if (side >= Math.max(width, height)) continue;
      const scale = side / Math.max(width, height);
      const small = this.add(file.bytes, { kind: "photo", mime: file.mime, name: file.name });
      sizes.push(photoSize(small, Math.round(width * scale), Math.round(height * scale)));
    }
    sizes.push(photoSize(file, width, height));
    for (const size of sizes) {
      const stored = this.byId.get(size.file_id);
      if (stored) stored.sizes = sizes;
    }
    return sizes;
  }
}

function photoSize(file: StoredFile, width: number, height: number): PhotoSize {
  return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, width, height };
}

const ids = (f: StoredFile) => ({ file_id: f.file_id, file_unique_id: f.file_unique_id, file_size: f.file_size });

export function voiceOf(f: StoredFile, duration?: number): Voice {
  return { duration: duration ?? estimateSeconds(f, 2_000), mime_type: f.mime, ...ids(f) };
}

export function documentOf(f: StoredFile): Document {
  return { file_name: f.name ?? f.file_path.split("/").pop(), mime_type: f.mime, ...ids(f) };
}

export function videoOf(f: StoredFile, o: { width?: number; height?: number; duration?: number } = {}): Video {
  const { width = 1280, height = 720 } = o;
  const base = { duration: o.duration ?? estimateSeconds(f, 250_000), width, height, mime_type: f.mime };
  return { ...base, ...(f.name ? { file_name: f.name } : {}), ...ids(f) };
}

export function audioOf(f: StoredFile, o: { duration?: number; performer?: string; title?: string } = {}): Audio {
  const audio: Audio = { duration: o.duration ?? estimateSeconds(f, 16_000), mime_type: f.mime, ...ids(f) };
  if (f.name) audio.file_name = f.name;
  if (o.performer) audio.performer = o.performer;
  if (o.title) audio.title = o.title;
  return audio;
}

export function stickerOf(f: StoredFile, o: { emoji?: string; set_name?: string } = {}): Sticker {
  const emoji = o.emoji ?? "👍";
  const sticker: Sticker = {
    width: 512,
    height: 512,
    emoji,
    is_animated: false,
    is_video: false,
    type: "regular",
    ...ids(f),
  };
  if (o.set_name) sticker.set_name = o.set_name;
  return sticker;
}

/** Telegram measures media itself; the double guesses from a typical bitrate (bytes per second). */
function estimateSeconds(f: StoredFile, bytesPerSecond: number): number {
  return Math.max(1, Math.round(f.file_size / bytesPerSecond));
}
