import type { FastifyRequest } from "fastify";
import { AppError } from "../../http/errors";

/** Reads the multipart field `file` of a request, refusing a missing, empty or too large file. */
export async function readUpload(req: FastifyRequest, limit: number): Promise<{ data: Buffer; filename: string }> {
  const part = await req.file({ limits: { fileSize: limit, files: 1 } });
  if (!part) throw new AppError(400, "validation_failed", "Attach the file as the multipart field 'file'.");
  const data = await part.toBuffer();
  if (part.file.truncated) {
    throw new AppError(413, "payload_too_large", `The file is larger than ${Math.floor(limit / 1048576)} MB.`);
  }
  if (data.length === 0) throw new AppError(400, "validation_failed", "The file is empty.");
  return { data, filename: part.filename };
}
