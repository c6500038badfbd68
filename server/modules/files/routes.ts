import path from "node:path";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody } from "../../../common/errors";
import type { Ctx } from "../../context";
import { notFound } from "../../http/errors";
import { actorOf, membershipOf } from "../../http/guard";
import { errorResponses, workspaceParams } from "../../http/schemas";
import { newId } from "../../lib/ids";
import { sniffMime } from "../../lib/sniff";
import { FileStorage, fileUrl, safeFileName, sendStoredFile } from "./storage";
import { readUpload } from "./upload";

const fileDto = z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number().int(), url: z.string() });

export const fileRoutes: FastifyPluginAsyncZod<{ ctx: Ctx }> = async (app, { ctx }) => {
  const storage = new FileStorage(path.join(ctx.config.dataDir, "files"));
  const base = "/api/v1/workspaces/:workspaceId/files";

  app.post(
    base,
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags: ["files"],
        summary: "Upload a file (multipart field `file`); its type is sniffed from its bytes",
        consumes: ["multipart/form-data"],
        params: workspaceParams,
        response: { 201: z.object({ file: fileDto }), 413: errorBody, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { workspaceId } = membershipOf(req);
      const { data, filename } = await readUpload(req, ctx.config.fileLimit);
      const id = newId();
      const mime = sniffMime(data);
      const { sha256 } = await storage.save(workspaceId, id, data);
      const name = safeFileName(filename);
      await ctx.db
        .insertInto("files")
        .values({
          workspace_id: workspaceId,
          id,
          name,
          mime,
          size: data.length,
          sha256,
          created_by: actorOf(req).user.id,
          created_at: new Date(),
        })
        .execute();
      return reply.code(201).send({ file: { id, name, mime, size: data.length, url: fileUrl(workspaceId, id) } });
    },
  );

  app.get(
    `${base}/:fileId`,
    {
      config: { auth: { workspace: "manager" } },
      schema: {
        tags: ["files"],
        summary: "Download a file",
        params: z.object({ workspaceId: z.uuid(), fileId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const { workspaceId } = membershipOf(req);
      const row = await ctx.db
        .selectFrom("files")
        .selectAll()
        .where("workspace_id", "=", workspaceId)
        .where("id", "=", req.params.fileId)
        .executeTakeFirst();
      if (!row || !storage.exists(workspaceId, row.id)) throw notFound("This file");
      return sendStoredFile(reply, storage, row);
    },
  );
};
