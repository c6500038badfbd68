export const workspaceHome = (workspaceId: string) => `/w/${workspaceId}`;
export const settingsPath = (workspaceId: string, section = "profile") => `/w/${workspaceId}/settings/${section}`;

export const loginPath = (next?: string, expired = false): string => {
  const params = new URLSearchParams();
  if (next && next !== "/") params.set("next", next);
  if (expired) params.set("expired", "1");
  const query = params.toString();
  return query ? `/login?${query}` : "/login";
};

/** Only same-app paths are followed after signing in (never another site). */
export const safeNext = (next: string | null): string | null =>
  next?.startsWith("/") && !next.startsWith("//") ? next : null;

export const chatUrl = (workspaceId: string, chatId: string) => `/w/${workspaceId}/chats/${chatId}`;
