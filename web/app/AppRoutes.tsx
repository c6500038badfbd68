import { Navigate, Route, Routes } from "react-router";
import { InvitePage } from "../features/auth/InvitePage";
import { LoginPage } from "../features/auth/LoginPage";
import { InboxPage } from "../features/inbox/InboxPage";
import { settingsRoutes } from "../features/settings/settingsRoutes";
import { SetupPage } from "../features/setup/SetupPage";
import { WorkspaceLayout } from "../features/workspaces/WorkspaceLayout";
import { RequireAuth } from "./RequireAuth";
import { RootRedirect } from "./RootRedirect";
import { SessionWatcher } from "./SessionWatcher";

export const AppRoutes = () => (
  <>
    <SessionWatcher />
    <Routes>
      <Route path="/" element={<RootRedirect />} />
      <Route path="/setup" element={<SetupPage />} />
      <Route path="/login" element={<LoginPage />} />
      <Route path="/invite/:token" element={<InvitePage />} />
      <Route element={<RequireAuth />}>
        <Route path="/w/:workspaceId" element={<WorkspaceLayout />}>
          <Route element={<InboxPage />}>
            <Route index />
            <Route path="chats/:chatId" />
          </Route>
          {settingsRoutes}
        </Route>
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  </>
);
