import { EmptyState, Skeleton, Stack, Table, Text } from "@mantine/core";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "./ErrorAlert";

type Props<T> = {
  query: UseQueryResult<T[]>;
  empty: { icon: ReactNode; title: string; description: string };
  /** "3 tokens": the count line above the table. */
  count: (n: number) => string;
  /** Column headings; a last, unlabelled column holds each row's actions. */
  columns: string[];
  /** One `<Table.Tr>` per item. */
  row: (item: T) => ReactNode;
};

/** A settings list: error with retry, skeleton while loading, empty state, count and table. */
export function QueryTable<T>({ query, empty, count, columns, row }: Props<T>) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      {query.isPending && <Skeleton h={120} />}
      {query.data?.length === 0 && (
        <EmptyState icon={empty.icon} withIndicatorBackground title={empty.title} description={empty.description} />
      )}
      {query.data && query.data.length > 0 && (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            {count(query.data.length)}
          </Text>
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  {columns.map((label) => (
                    <Table.Th key={label}>{label}</Table.Th>
                  ))}
                  <Table.Th w={56}>
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{query.data.map(row)}</Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </>
  );
}
