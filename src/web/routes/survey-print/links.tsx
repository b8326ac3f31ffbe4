// Download links of printed invitations, shared by the print page and the survey progress page.
// Plain links (<a download>): files download without JavaScript. The accessible name starts with
// the visible text (WCAG 2.5.3 «label in name») and adds the organization, so a screen reader's
// list of links tells the rows apart.
import { Anchor, Group } from '@mantine/core';
import { Link } from 'react-router';
import { printUrls, type OrganizationFile } from '../../../features/survey-print/print.schema.ts';

const FILE_LABELS: Array<[OrganizationFile, string]> = [
  ['poster.pdf', 'Плакат (PDF)'],
  ['qr.png', 'QR (PNG)'],
  ['qr.svg', 'QR (SVG)'],
  ['questionnaire.pdf', 'Бумажная анкета (PDF)'],
];

/** The organization's files; `compact` (the progress table) keeps the poster and the PNG only. */
export function OrganizationPrintLinks(props: {
  campaignId: number;
  organizationId: number;
  name: string;
  compact?: boolean;
}) {
  const files = props.compact
    ? FILE_LABELS.filter(([f]) => f === 'poster.pdf' || f === 'qr.png')
    : FILE_LABELS;
  return (
    <Group gap="xs" component="span" wrap="wrap">
      {files.map(([file, label]) => (
        <Anchor
          key={file}
          href={printUrls.organizationFile(props.campaignId, props.organizationId, file)}
          download
          size="sm"
          aria-label={`${label} — ${props.name}`}
        >
          {label}
        </Anchor>
      ))}
    </Group>
  );
}

export function MunicipalityZipLink(props: {
  campaignId: number;
  municipalityId: number;
  name: string;
}) {
  return (
    <Anchor
      href={printUrls.municipalityZip(props.campaignId, props.municipalityId)}
      download
      size="sm"
      aria-label={`Плакаты (ZIP) — ${props.name}`}
    >
      Плакаты (ZIP)
    </Anchor>
  );
}

/** Links of the progress page to the print page and, for the operator, to the reminders. */
export function SurveyOutreachLinks(props: { campaignId: number; canRemind: boolean }) {
  return (
    <Group gap="md">
      <Anchor component={Link} to={printUrls.page(props.campaignId)}>
        Приглашения: QR-коды, плакаты, бумажные анкеты
      </Anchor>
      {props.canRemind && (
        <Anchor component={Link} to={printUrls.reminders(props.campaignId)}>
          Напоминания отстающим
        </Anchor>
      )}
    </Group>
  );
}
