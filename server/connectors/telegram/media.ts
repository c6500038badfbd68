import type { MessagePart } from "../../../common/inbox";
import type { ChannelRow } from "../../db/schema";
import { type ConnectorEnv, ConnectorError, type InboundMessage } from "../types";
import { apiFor, configOf, fileDownloadUrl, toConnectorError } from "./api";
import type { ParsedMessage, PendingMedia } from "./parse";

/** The Bot API serves files up to 20 MB to bots. */
const botApiFileLimit = 20 * 1024 * 1024;

async function fetchOne(channel: ChannelRow, m: PendingMedia, env: ConnectorEnv): Promise<MessagePart> {
  const limit = Math.min(env.files.limit, botApiFileLimit);
  // Too large to fetch: the part still says what was sent, without a file to open.
  const skipped: MessagePart = { type: m.type, url: "", name: m.name, ...(m.size ? { size: m.size } : {}) };
  if (m.size !== undefined && m.size > limit) return skipped;
  const config = configOf(channel);
  let path: string | undefined;
  try {
    path = (await apiFor(config).getFile(m.fileId)).file_path;
  } catch (err) {
    const e = toConnectorError(err);
    if (e.kind === "invalid") return skipped; // "file is too big" and the like
    throw e;
  }
  if (!path) return skipped;
  let res: Response;
  try {
    res = await fetch(fileDownloadUrl(config, path), { signal: AbortSignal.timeout(60_000) });
  } catch (err) {
    throw new ConnectorError("temporary", `Could not download a file from Telegram: ${(err as Error).message}`);
  }
  // A file Telegram will not serve (gone, too big) would block the chat's later updates if retried.
  if (res.status >= 400 && res.status < 500) return skipped;
  if (!res.ok) throw new ConnectorError("temporary", `Telegram answered ${res.status} for a file download.`);
  const data = Buffer.from(await res.arrayBuffer());
  if (data.length > limit) return skipped;
  const stored = await env.files.save(channel.workspace_id, data, m.name);
  return {
    type: m.type,
    url: stored.url,
    fileId: stored.fileId,
    name: stored.name,
    mime: stored.mime,
    size: stored.size,
  };
}

/**
 * Fetches the messages' media into Parley's storage (before anything is stored, so a failed download
 * makes Telegram deliver the update again rather than leaving a message without its file).
 */
export async function withMedia(
  channel: ChannelRow,
  parsed: ParsedMessage[],
  env: ConnectorEnv,
): Promise<InboundMessage[]> {
  const out: InboundMessage[] = [];
  for (const p of parsed) {
    if (p.media.length === 0) {
      out.push(p.event);
      continue;
    }
    const parts: MessagePart[] = [];
    for (const m of p.media) parts.push(await fetchOne(channel, m, env));
    out.push({ ...p.event, message: { ...p.event.message, parts: [...parts, ...p.event.message.parts] } });
  }
  return out;
}
