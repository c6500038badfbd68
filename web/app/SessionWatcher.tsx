import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useLocation, useNavigate } from "react-router";
import { onUnauthorized } from "../api/client";
import { meKey, type Session, useSession } from "../api/session";
import { applyLocale } from "../i18n/init";
import { loginPath } from "./paths";

const sessionCodes = new Set(["unauthenticated", "session_expired"]);

/** Keeps the interface language in step with the profile and, when a signed-in person's session ends (expired, signed out elsewhere), sends the person to the login page. */
export const SessionWatcher = () => {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const locale = useSession().data?.me?.user.locale;
  useEffect(() => {
    // The language saved in the profile wins over this device's guess.
    if (locale) void applyLocale(locale);
  }, [locale]);
  useEffect(
    () =>
      onUnauthorized((error) => {
        if (!sessionCodes.has(error.code)) return;
        const session = queryClient.getQueryData<Session>(meKey);
        if (!session?.me) return;
        queryClient.clear();
        queryClient.setQueryData<Session>(meKey, { me: null, reason: error.code });
        const next = location.pathname + location.search;
        navigate(loginPath(next, error.code === "session_expired"), { replace: true });
      }),
    [queryClient, navigate, location],
  );
  return null;
};
