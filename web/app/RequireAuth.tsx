import { Navigate, Outlet, useLocation } from "react-router";
import { useSession } from "../api/session";
import { ErrorAlert } from "../ui/ErrorAlert";
import { PageLoader } from "../ui/PageLoader";
import { loginPath } from "./paths";

/** Renders the signed-in part of the app, or sends the visitor to the login page. */
export const RequireAuth = () => {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <PageLoader />;
  if (session.isError) {
    return (
      <div style={{ padding: 24 }}>
        <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />
      </div>
    );
  }
  if (!session.data.me) {
    const next = location.pathname + location.search;
    return <Navigate to={loginPath(next, session.data.reason === "session_expired")} replace />;
  }
  return <Outlet />;
};
