// A plain accessible table: a caption, column headers with scope, the first column (or the one
// marked `rowHeader`) as row headers, and a sentence instead of an empty table.
import type { ReactNode } from 'react';
import { Table, Text } from '@mantine/core';

export interface Column<T> {
  /** Stable key of the column (React key). */
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** This column names the row (<th scope="row">); default: the first column. */
  rowHeader?: boolean;
  /** Right-align numbers. */
  numeric?: boolean;
}

export interface DataTableProps<T> {
  /** Read by screen readers before the table; say what the rows are. */
  caption: string;
  /** Hide the caption visually (still announced). */
  hideCaption?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string | number;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
}

export function DataTable<T>({
  caption,
  hideCaption = false,
  columns,
  rows,
  rowKey,
  empty = 'Записей нет.',
}: DataTableProps<T>) {
  if (rows.length === 0) return <Text>{empty}</Text>;
  const headerIndex = Math.max(
    0,
    columns.findIndex((c) => c.rowHeader),
  );
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table striped withTableBorder highlightOnHover verticalSpacing="xs">
        <Table.Caption className={hideCaption ? 'visually-hidden' : undefined}>
          {caption}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.key} scope="col" ta={c.numeric ? 'right' : undefined}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((c, i) =>
                i === headerIndex ? (
                  <Table.Th key={c.key} scope="row" fw={500} ta={c.numeric ? 'right' : undefined}>
                    {c.cell(row)}
                  </Table.Th>
                ) : (
                  <Table.Td key={c.key} ta={c.numeric ? 'right' : undefined}>
                    {c.cell(row)}
                  </Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
