import { AppError } from "../../http/errors";

export const avatarMaxBytes = 2 * 1024 * 1024;

/** Sniffs the image type from its first bytes; the client's declared type is not trusted. */
export function sniffImage(buf: Buffer): "image/png" | "image/jpeg" | "image/gif" | "image/webp" {
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) {
    return "image/png";
  }
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return "image/jpeg";
  if (buf.length >= 6 && /^GIF8[79]a$/.test(buf.subarray(0, 6).toString("latin1"))) return "image/gif";
  if (
    buf.length >= 12 &&
    buf.subarray(0, 4).toString("latin1") === "RIFF" &&
    buf.subarray(8, 12).toString("latin1") === "WEBP"
  ) {
    return "image/webp";
  }
  throw new AppError(415, "unsupported_file", "The avatar must be a PNG, JPEG, GIF or WebP image.");
}
