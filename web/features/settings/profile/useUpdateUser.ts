import { useMutation } from "@tanstack/react-query";
import type { UpdateMeRequest, UserDto } from "../../../../common/auth";
import { api } from "../../../api/client";
import { useSessionCache } from "../../../api/session";

export const useUpdateUser = () => {
  const { setUser } = useSessionCache();
  return useMutation({
    mutationFn: (body: UpdateMeRequest) => api.patch<{ user: UserDto }>("/api/v1/me", body),
    onSuccess: ({ user }) => setUser(user),
  });
};
