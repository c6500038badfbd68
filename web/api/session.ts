import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { MeResponse, SetupStatus, UserDto } from "../../common/auth";
import { api, isApiError } from "./client";

export const meKey = ["me"] as const;
export const setupKey = ["setup"] as const;

/** The signed-in user, or `null` with the reason (`unauthenticated`, `session_expired`) when nobody is. */
export type Session = { me: MeResponse; reason: null } | { me: null; reason: string };

const fetchSession = async (signal: AbortSignal): Promise<Session> => {
  try {
    const me = await api.get<MeResponse>("/api/v1/me", signal);
    return { me, reason: null };
  } catch (error) {
    if (isApiError(error) && error.status === 401) return { me: null, reason: error.code };
    throw error;
  }
};

export const useSession = () =>
  useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 30_000,
    retry: false,
  });

/** The session of a page that is only rendered once signed in (see RequireAuth). */
export const useMe = (): MeResponse => {
  const { data } = useSession();
  if (!data?.me) throw new Error("useMe is used outside of RequireAuth");
  return data.me;
};

export const useSetupStatus = () =>
  useQuery({
    queryKey: setupKey,
    queryFn: ({ signal }) => api.get<SetupStatus>("/api/v1/setup", signal),
    staleTime: 60_000,
    retry: 1,
  });

/** Helpers that keep the cached session in step with what the server answered. */
export const useSessionCache = () => {
  const queryClient = useQueryClient();
  const setMe = useCallback(
    (me: MeResponse) => queryClient.setQueryData<Session>(meKey, { me, reason: null }),
    [queryClient],
  );
  const setUser = useCallback(
    (user: UserDto) =>
      queryClient.setQueryData<Session>(meKey, (old) => (old?.me ? { me: { ...old.me, user }, reason: null } : old)),
    [queryClient],
  );
  const refresh = useCallback(() => queryClient.invalidateQueries({ queryKey: meKey }), [queryClient]);
  const signedOut = useCallback(
    (reason: string) => {
      queryClient.clear();
      queryClient.setQueryData<Session>(meKey, { me: null, reason });
    },
    [queryClient],
  );
  return { setMe, setUser, refresh, signedOut };
};
