import { Navigate, Route } from "react-router";
import { AdminOnly } from "./AdminOnly";
import { ApiTokensSettings } from "./apiTokens/ApiTokensSettings";
import { ChannelsSettings } from "./channels/ChannelsSettings";
import { InvitationsSettings } from "./invitations/InvitationsSettings";
import { MembersSettings } from "./members/MembersSettings";
import { ProfileSettings } from "./profile/ProfileSettings";
import { SettingsLayout } from "./SettingsLayout";
import { WorkspaceSettings } from "./WorkspaceSettings";

export const settingsRoutes = (
  <Route path="settings" element={<SettingsLayout />}>
    <Route index element={<Navigate to="profile" replace />} />
    <Route path="profile" element={<ProfileSettings />} />
    <Route path="workspace" element={<WorkspaceSettings />} />
    <Route path="members" element={<MembersSettings />} />
    <Route path="channels" element={<ChannelsSettings />} />
    <Route
      path="invitations"
      element={
        <AdminOnly>
          <InvitationsSettings />
        </AdminOnly>
      }
    />
    <Route
      path="api-tokens"
      element={
        <AdminOnly>
          <ApiTokensSettings />
        </AdminOnly>
      }
    />
    <Route path="*" element={<Navigate to="profile" replace />} />
  </Route>
);
