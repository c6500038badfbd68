import { Avatar, type AvatarProps } from "@mantine/core";

interface UserAvatarProps extends Omit<AvatarProps, "src" | "alt"> {
  name: string;
  avatarUrl: string | null;
}

export const initials = (name: string): string => {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "?";
  const second = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return (first + second).toUpperCase();
};

/** The person's picture, or their initials when they have none. */
export const UserAvatar = ({ name, avatarUrl, ...rest }: UserAvatarProps) => (
  <Avatar src={avatarUrl} alt={name} color="initials" name={name} {...rest}>
    {initials(name)}
  </Avatar>
);
