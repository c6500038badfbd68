import { Group, Skeleton, Stack } from "@mantine/core";

/** Placeholder rows while the list loads: the layout does not jump when the chats arrive. */
export const RowSkeletons = () => (
  <Stack gap={0} p="sm" aria-hidden="true">
    {Array.from({ length: 8 }, (_, index) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: placeholders without identity
      <Group key={index} gap="sm" py={10} wrap="nowrap">
        <Skeleton circle h={38} w={38} />
        <Stack gap={6} flex={1}>
          <Skeleton h={10} w="55%" />
          <Skeleton h={10} w="85%" />
        </Stack>
      </Group>
    ))}
  </Stack>
);
