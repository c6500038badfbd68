import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { FastifyReply } from "fastify";
import { isImage } from "../../lib/sniff";

/**
 * Files live under `<data dir>/files/<workspace>/<id>`, written to a temporary name and renamed, so
 * a crash never leaves a half-written file under a real name. Several machines need the data dir on
 * shared storage for files (the database holds everything else).
 */
export class FileStorage {
  constructor(private readonly root: string) {}

  pathOf(workspaceId: string, id: string): string {
    if (!/^[0-9a-f-]{36}$/.test(workspaceId) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error("bad file key");
    return path.join(this.root, workspaceId, id);
  }

  async save(workspaceId: string, id: string, data: Buffer): Promise<{ sha256: string }> {
    const target = this.pathOf(workspaceId, id);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomBytes(4).toString("hex")}.tmp`;
    await fs.promises.writeFile(tmp, data, { flag: "wx" });
    await fs.promises.rename(tmp, target);
    return { sha256: createHash("sha256").update(data).digest("hex") };
  }

  open(workspaceId: string, id: string): fs.ReadStream {
    return fs.createReadStream(this.pathOf(workspaceId, id));
  }

  exists(workspaceId: string, id: string): boolean {
    return fs.existsSync(this.pathOf(workspaceId, id));
  }
}

/** A file name safe to store and to put in Content-Disposition: no path, no control characters. */
export function safeFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const clean = [...base]
    .filter((ch) => {
      const code = ch.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f && ch !== '"';
    })
    .join("")
    .trim()
    .slice(0, 200);
  return clean || "file";
}

/** Where the files API serves a stored file (relative to the app). */
export function fileUrl(workspaceId: string, fileId: string): string {
  return `/api/v1/workspaces/${workspaceId}/files/${fileId}`;
}

const inlineTypes = /^(image|audio|video)\//;

/**
 * Sends a stored file: its sniffed type, shown inline only for images, audio and video (anything else
 * downloads), sandboxed so that even a file that slipped through as HTML cannot run script.
 */
export function sendStoredFile(
  reply: FastifyReply,
  storage: FileStorage,
  row: { workspace_id: string; id: string; name: string; mime: string; size: number | string },
  cacheControl = "private, max-age=31536000, immutable",
): FastifyReply {
  const disposition = inlineTypes.test(row.mime) || isImage(row.mime) ? "inline" : "attachment";
  return reply
    .header("content-type", row.mime)
    .header("content-length", String(row.size))
    .header("content-disposition", `${disposition}; filename*=UTF-8''${encodeURIComponent(row.name)}`)
    .header("content-security-policy", "sandbox; default-src 'none'")
    .header("cache-control", cacheControl)
    .send(storage.open(row.workspace_id, row.id));
}
