import fs from "node:fs";
import type { Kysely } from "kysely";
import type { MediaStore } from "../../connectors/types";
import type { DB } from "../../db/schema";
import { newId } from "../../lib/ids";
import { sniffMime } from "../../lib/sniff";
import { type FileStorage, fileUrl, safeFileName } from "./storage";

/** Connectors' view of the files module: inbound media are saved like uploads, outbound ones read back. */
export function mediaStore(db: Kysely<DB>, storage: FileStorage, limit: number): MediaStore {
  return {
    limit,
    async save(workspaceId, data, name) {
      const id = newId();
      const mime = sniffMime(data);
      const { sha256 } = await storage.save(workspaceId, id, data);
      const safeName = safeFileName(name) || "file";
      await db
        .insertInto("files")
        .values({
          workspace_id: workspaceId,
          id,
          name: safeName,
          mime,
          size: data.length,
          sha256,
          created_by: null,
          created_at: new Date(),
        })
        .execute();
      return { fileId: id, name: safeName, mime, size: data.length, url: fileUrl(workspaceId, id) };
    },
    async read(workspaceId, fileId) {
      const row = await db
        .selectFrom("files")
        .select(["name", "mime"])
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", fileId)
        .executeTakeFirst();
      if (!row || !storage.exists(workspaceId, fileId)) return null;
      return { data: await fs.promises.readFile(storage.pathOf(workspaceId, fileId)), name: row.name, mime: row.mime };
    },
  };
}
