import { z } from "zod";

/** Stable error codes of the public API. Never rename one; add new ones freely. */
export const errorCodes = [
  "validation_failed",
  "invalid_json",
  "payload_too_large",
  "unsupported_media_type",
  "not_found",
  "unauthenticated",
  "session_expired",
  "invalid_credentials",
  "forbidden",
  "csrf_failed",
  "rate_limited",
  "email_taken",
  "setup_done",
  "invitation_invalid",
  "already_member",
  "last_owner",
  "unsupported_file",
  "data_dir_locked",
  "invalid_signature",
  "invalid_payload",
  "unavailable",
  "not_retryable",
  "not_editable",
  "delete_window_passed",
  "not_supported",
  "channel_unreachable",
  "already_connected",
  "origin_not_allowed",
  "identity_required",
  "invalid_visitor",
  "internal",
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

export type ErrorBody = z.infer<typeof errorBody>;
