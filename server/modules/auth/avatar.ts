import { AppError } from "../../http/errors";
import { isImage, sniffMime } from "../../lib/sniff";

export const avatarMaxBytes = 2 * 1024 * 1024;

/** The avatar's image type, sniffed from its bytes; anything but PNG, JPEG, GIF or WebP is refused. */
export function sniffImage(buf: Buffer): string {
  const mime = sniffMime(buf);
  if (!isImage(mime)) throw new AppError(415, "unsupported_file", "The avatar must be a PNG, JPEG, GIF or WebP image.");
  return mime;
}
