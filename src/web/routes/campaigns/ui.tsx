// Pieces shared by the campaign pages: the error summary of a form, the campaign's sub-navigation,
// the hidden CSRF field and Russian date formatting.
import { Alert, Anchor, Group, List } from '@mantine/core';
import { Link, NavLink } from 'react-router';

export interface FormFailure {
  ok: false;
  message: string;
  fields: Record<string, string>;
}

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/** The error summary at the top of a form: announced, focused by screen readers via role=alert. */
export function ErrorSummary({ failure }: { failure?: FormFailure | undefined }) {
  if (!failure || failure.ok !== false) return null;
  const extra = Object.values(failure.fields).filter((m) => !failure.message.includes(m));
  return (
    <Alert color="red" variant="light" title="Не получилось" role="alert" tabIndex={-1}>
      {failure.message}
      {extra.length > 0 && (
        <List size="sm" mt="xs">
          {extra.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

export function CampaignNav({ id }: { id: number }) {
  const links: Array<[string, string]> = [
    [`/campaigns/${id}`, 'Карточка'],
    [`/campaigns/${id}/list`, 'Перечень организаций'],
    [`/campaigns/${id}/stages`, 'Этапы'],
    [`/campaigns/${id}/survey`, 'Ход опроса'],
    [`/campaigns/${id}/moderation`, 'Модерация ответов'],
    [`/campaigns/${id}/paper`, 'Бумажные анкеты'],
    [`/campaigns/${id}/survey-import`, 'Импорт ответов'],
    [`/campaigns/${id}/print`, 'Приглашения и QR'],
    [`/campaigns/${id}/checklists`, 'Чек-листы'],
    [`/campaigns/${id}/results`, 'Расчёт'],
    [`/campaigns/${id}/dashboard`, 'Результаты'],
    [`/campaigns/${id}/reports`, 'Отчёты и выгрузки'],
  ];
  return (
    <Group component="nav" aria-label="Разделы кампании" gap="md">
      <Anchor component={Link} to="/campaigns">
        Все кампании
      </Anchor>
      {links.map(([to, label]) => (
        <Anchor key={to} component={NavLink} to={to} end>
          {label}
        </Anchor>
      ))}
    </Group>
  );
}

/** 2026-03-16 → 16.03.2026 */
export function ruDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}
