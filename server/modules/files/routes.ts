import path from "node:path";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorBody } from "../../../common/errors";
import type { Ctx } from "../../context";
import { AppError, notFound } from "../../http/errors";
import { actorOf, membershipOf } from "../../http/guard";
import { errorResponses, workspaceParams } from "../../http/schemas";
import { newId } from "../../lib/ids";
import { isImage, sniffMime } from "../../lib/sniff";
import { FileStorage, fileUrl, safeFileName } from "./storage";

const fileDto = z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number().int(), url: z.string() });
const inlineTypes = /^(image|audio|video)\//;

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
      const part = await req.file({ limits: { fileSize: ctx.config.fileLimit, files: 1 } });
      if (!part) throw new AppError(400, "validation_failed", "Attach the file as the multipart field 'file'.");
      const data = await part.toBuffer();
      if (part.file.truncated) {
        throw new AppError(
          413,
          "payload_too_large",
          `The file is larger than ${Math.floor(ctx.config.fileLimit / 1048576)} MB.`,
        );
      }
      if (data.length === 0) throw new AppError(400, "validation_failed", "The file is empty.");
      const id = newId();
      const mime = sniffMime(data);
      const { sha256 } = await storage.save(workspaceId, id, data);
      const name = safeFileName(part.filename);
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
      const disposition = inlineTypes.test(row.mime) || isImage(row.mime) ? "inline" : "attachment";
      return reply
        .header("content-type", row.mime)
        .header("content-length", String(row.size))
        .header("content-disposition", `${disposition}; filename*=UTF-8''${encodeURIComponent(row.name)}`)
        .header("content-security-policy", "sandbox; default-src 'none'")
        .header("cache-control", "private, max-age=31536000, immutable")
        .send(storage.open(workspaceId, row.id));
    },
  );
};
