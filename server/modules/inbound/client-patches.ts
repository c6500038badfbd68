import { sql } from "kysely";
import type { InboundMessage } from "../../connectors/types";
import { prepared } from "../../db/round-trips";
import { normalizePhone } from "../../lib/phone";
import type { LockedChat } from "./statements";

type Told = { name?: string; phone?: string; phone_digits?: string; email?: string; avatar_url?: string };

function told(client: InboundMessage["client"]): Told {
  const phone = normalizePhone(client.phone);
  const out: Told = {};
  const name = client.name?.trim();
  const email = client.email?.trim().toLowerCase();
  if (name) out.name = name;
  if (phone) Object.assign(out, { phone: phone.phone, phone_digits: phone.digits });
  if (email) out.email = email;
  if (client.avatarUrl) out.avatar_url = client.avatarUrl;
  return out;
}

/**
 * What the batch's messages say about known clients (name, phone, e-mail, avatar; the latest message
 * winning, an empty field changing nothing): one UPDATE per client whose details changed. Every locked
 * chat of such a client shows the new details at once (the chat DTOs are made from them).
 */
export function clientPatches(
  items: Array<{ chat: LockedChat; item: { event: InboundMessage } }>,
  locked: LockedChat[],
  now: Date,
) {
  const byClient = new Map<string, { chat: LockedChat; said: Told }>();
  for (const { chat, item } of items) {
    const prior = byClient.get(chat.client_id)?.said ?? {};
    byClient.set(chat.client_id, { chat, said: { ...prior, ...told(item.event.client) } });
  }
  const statements = [];
  for (const [clientId, { chat, said }] of byClient) {
    const patch: Told = {};
    if (said.name && said.name !== chat.c_name) patch.name = said.name;
    if (said.phone && said.phone !== chat.c_phone)
      Object.assign(patch, { phone: said.phone, phone_digits: said.phone_digits });
    if (said.email && said.email !== chat.c_email) patch.email = said.email;
    if (said.avatar_url && said.avatar_url !== chat.c_avatar) patch.avatar_url = said.avatar_url;
    if (Object.keys(patch).length === 0) continue;
    const sets = Object.entries({ ...patch, updated_at: now }).map(([k, v]) => sql`${sql.ref(k)} = ${v}`);
    statements.push(
      prepared(
        sql`UPDATE clients SET ${sql.join(sets)} WHERE workspace_id = ${chat.workspace_id} AND id = ${clientId}`,
      ),
    );
    for (const other of locked) {
      if (other.client_id !== clientId) continue;
      other.c_name = patch.name ?? other.c_name;
      other.c_phone = patch.phone ?? other.c_phone;
      other.c_email = patch.email ?? other.c_email;
      other.c_avatar = patch.avatar_url ?? other.c_avatar;
    }
  }
  return statements;
}
