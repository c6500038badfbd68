import type { WorkspaceSummary } from "../../common/auth";
import { api } from "./client";

/** What `POST /api/v1/demo` answers: the new demo workspace and its sandbox (widget) channel. */
export interface DemoCreated {
  workspace: WorkspaceSummary;
  channelId: string;
}

/** P27: creates a demo workspace owned by the signed-in person, with a widget channel, people and conversations. */
export const createDemo = () => api.post<DemoCreated>("/api/v1/demo");
