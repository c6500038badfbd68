import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import type { ErrorBody, ErrorCode } from "../../common/errors";
import { AppError } from "./errors";

const fastifyCodes: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: "invalid_json", message: "The request body is not valid JSON." },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: "invalid_json",
    message: "The request body is empty; send a JSON object.",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: "payload_too_large", message: "The request body is too large." },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: "payload_too_large", message: "The file is too large." },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: "unsupported_media_type",
    message: "This content type is not accepted here; send JSON.",
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    status: 415,
    code: "unsupported_media_type",
    message: "Send the file as multipart/form-data.",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: "validation_failed",
    message: "The Content-Length header does not match the body.",
  },
};

function body(code: ErrorCode | string, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Every error leaves as `{error: {code, message, details?}}`; never a stack trace. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        in: err.validationContext ?? "body",
        path: v.instancePath.replace(/^\//, "").replaceAll("/", ".") || null,
        message: v.message,
      }));
      const first = details[0];
      const where = first?.path ? ` (${first.path})` : "";
      return reply
        .code(400)
        .send(
          body(
            "validation_failed",
            `The request is not valid${where}: ${first?.message ?? "check the fields"}.`,
            details,
          ),
        );
    }
    const known = err.code ? fastifyCodes[err.code] : undefined;
    if (known) return reply.code(known.status).send(body(known.code, known.message));
    if (err.statusCode === 429) {
      return reply.code(429).send(body("rate_limited", "Too many attempts. Wait a few minutes and try again."));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause }, "response failed its schema");
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(body("validation_failed", err.message));
    } else {
      req.log.error({ err }, "unhandled error");
    }
    return reply
      .code(500)
      .send(body("internal", "Something went wrong on our side. It has been logged; please try again."));
  });
}
