import { Navigate } from "react-router";
import { useSession, useSetupStatus } from "../api/session";
import { NoWorkspacePage } from "../features/workspaces/NoWorkspacePage";
import { ErrorAlert } from "../ui/ErrorAlert";
import { PageLoader } from "../ui/PageLoader";
import { loginPath, workspaceHome } from "./paths";

/** `/`: the first workspace when signed in, else the setup page on a new install, else the login page. */
export const RootRedirect = () => {
  const session = useSession();
  const signedIn = Boolean(session.data?.me);
  const setup = useSetupStatus();
  if (session.isPending) return <PageLoader />;
  if (session.isError) return <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />;
  const me = session.data.me;
  if (me) {
    const first = me.workspaces[0];
    return first ? <Navigate to={workspaceHome(first.id)} replace /> : <NoWorkspacePage />;
  }
  if (!signedIn && setup.isPending) return <PageLoader />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  return <Navigate to={loginPath(undefined, session.data.reason === "session_expired")} replace />;
};
