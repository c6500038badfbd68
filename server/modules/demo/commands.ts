import type { ConnectorEnv } from "../../connectors/types";
import { groupsIn } from "../../db/round-trips";
import type { WorkspaceRow } from "../../db/schema";
import type { Tx } from "../../db/tx";
import { createChannel } from "../channels/commands";
import { storeInboundBatch } from "../inbound/store";
import { markChatRead, sendMessage } from "../messages/commands";
import { createWorkspace } from "../workspaces/commands";
import { demoContent } from "./content";

export type DemoCreated = { workspace: WorkspaceRow; channelId: string };

/**
 * The first-run demo (P27): a new workspace owned by the user, with a web widget channel (its sandbox
 * page is where you play the visitor) and a handful of people and conversations, some unread. Written
 * through the same commands as real work, so the inbox, the events and the widget see real data.
 */
export async function createDemoWorkspace(
  tx: Tx,
  owner: { id: string; name: string; locale: string },
  env: ConnectorEnv,
): Promise<DemoCreated> {
  const content = demoContent(owner.locale);
  const ws = await createWorkspace(tx, owner.id, content.workspace);
  const channel = await createChannel(
    tx,
    owner.id,
    ws.id,
    { kind: "widget", name: content.channel, config: { greeting: content.greeting, color: "#228be6" } },
    env,
  );
  let seq = 0;
  for (const [i, person] of content.people.entries()) {
    const externalId = `demo:${i + 1}`;
    let chatId: string | null = null;
    for (const line of person.lines) {
      seq++;
      if (line.from === "client") {
        const [stored] = await storeInboundBatch(groupsIn(tx), [
          {
            channel,
            event: {
              eventId: `demo:${seq}`,
              client: { externalId, name: person.name, phone: person.phone, email: person.email },
              message: { externalId: `demo:${seq}`, text: line.text, parts: [], replyToExternalId: null, sentAt: null },
            },
          },
        ]);
        if (stored?.status === "stored") chatId = stored.chat.id;
      } else if (chatId) {
        await sendMessage(tx, { userId: owner.id, name: owner.name }, ws.id, chatId, { text: line.text });
      }
    }
    if (person.read && chatId) await markChatRead(tx, owner.id, ws.id, chatId);
  }
  return { workspace: ws, channelId: channel.id };
}
