/**
 * The type of a file from its first bytes; the sender's declared type is never trusted. Types that a
 * browser could run as a page (HTML, SVG, XML) are never recognised: they are served as downloads.
 */
const signatures: Array<{ mime: string; test: (b: Buffer) => boolean }> = [
  {
    mime: "image/png",
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { mime: "image/jpeg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: "image/gif", test: (b) => /^GIF8[79]a$/.test(b.subarray(0, 6).toString("latin1")) },
  {
    mime: "image/webp",
    test: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP",
  },
  {
    mime: "audio/wav",
    test: (b) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WAVE",
  },
  { mime: "application/pdf", test: (b) => b.subarray(0, 5).toString("latin1") === "%PDF-" },
  { mime: "audio/ogg", test: (b) => b.subarray(0, 4).toString("latin1") === "OggS" },
  {
    mime: "audio/mpeg",
    test: (b) => b.subarray(0, 3).toString("latin1") === "ID3" || (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0),
  },
  { mime: "video/webm", test: (b) => b.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])) },
  { mime: "video/mp4", test: (b) => b.subarray(4, 8).toString("latin1") === "ftyp" },
  { mime: "application/zip", test: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) },
];

export function sniffMime(buf: Buffer): string {
  return signatures.find((s) => buf.length >= 4 && s.test(buf))?.mime ?? "application/octet-stream";
}

export function isImage(mime: string): boolean {
  return mime.startsWith("image/");
}
