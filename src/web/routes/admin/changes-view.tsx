// Before/after of an audit entry: one line per changed field, the old value marked «было» and the
// new «стало» in words (colour only helps).
import { Code, Table, Text } from '@mantine/core';
import type { FieldChange } from '../../../features/dashboard/audit.schema.ts';

const KIND_WORDS: Record<FieldChange['kind'], string> = {
  added: 'добавлено',
  removed: 'удалено',
  changed: 'изменено',
};

export function ChangesView({
  changes,
  compact = false,
}: {
  changes: FieldChange[];
  compact?: boolean;
}) {
  if (changes.length === 0) return <Text size="sm">Поля не менялись</Text>;
  if (compact) {
    return (
      <Text size="sm">
        {changes.map((c, i) => (
          <span key={c.field}>
            {i > 0 && ', '}
            <Code>{c.field}</Code>: <span className="diff-before">{c.before ?? '—'}</span> →{' '}
            <span className="diff-after">{c.after ?? '—'}</span>
          </span>
        ))}
      </Text>
    );
  }
  return (
    <Table withTableBorder>
      <Table.Caption>Изменённые поля</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Поле</Table.Th>
          <Table.Th scope="col">Что произошло</Table.Th>
          <Table.Th scope="col">Было</Table.Th>
          <Table.Th scope="col">Стало</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.field}>
            <Table.Th scope="row">
              <Code>{c.field}</Code>
            </Table.Th>
            <Table.Td>{KIND_WORDS[c.kind]}</Table.Td>
            <Table.Td className="diff-before">
              <Text size="sm" style={{ wordBreak: 'break-word' }}>
                {c.before ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td className="diff-after">
              <Text size="sm" style={{ wordBreak: 'break-word' }}>
                {c.after ?? '—'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
