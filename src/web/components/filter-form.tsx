// A GET filter form: the fields go in the query string, so filtered lists can be bookmarked and
// work without JavaScript. Children are the inputs (Mantine inputs with `name` and `defaultValue`).
import type { ReactNode } from 'react';
import { Anchor, Box, Button, Group, SimpleGrid } from '@mantine/core';
import { Form, Link } from 'react-router';

export interface FilterFormProps {
  children: ReactNode;
  /** Legend of the fieldset (default «Отбор»). */
  legend?: string;
  /** Where «Сбросить» leads: the list without filters (e.g. '/admin/audit'). */
  resetTo: string;
  submitLabel?: string;
  /** Inputs per row on wide screens. */
  columns?: number;
}

export function FilterForm({
  children,
  legend = 'Отбор',
  resetTo,
  submitLabel = 'Показать',
  columns = 3,
}: FilterFormProps) {
  return (
    <Form method="get" role="search">
      <Box component="fieldset" className="filter-fieldset">
        <legend>{legend}</legend>
        <SimpleGrid cols={{ base: 1, sm: 2, md: columns }} spacing="sm">
          {children}
        </SimpleGrid>
        <Group gap="md" mt="md">
          <Button type="submit">{submitLabel}</Button>
          <Anchor component={Link} to={resetTo}>
            Сбросить
          </Anchor>
        </Group>
      </Box>
    </Form>
  );
}
