// Printed survey invitations (issue 4 item 4): what the print page lists and where each file is
// downloaded. Pure (no I/O): the pages, the API and the reminder letters share these addresses.

/** A file answered to a download request. */
export interface PrintFile {
  name: string;
  mime: string;
  bytes: Uint8Array;
}

export interface PrintCampaign {
  id: number;
  title: string;
  year: number;
  status: string;
  /** data_collection stage dates (YYYY-MM-DD), null when not planned. */
  collectionStart: string | null;
  collectionEnd: string | null;
}

export interface PrintOrganization {
  organizationId: number;
  shortName: string;
  fullName: string;
  municipalityId: number;
  municipality: string;
  /** Survey code; the form is `${publicUrl}/s/${code}`. */
  code: string;
  surveyUrl: string;
}

export interface PrintMaterials {
  campaign: PrintCampaign;
  /** Organizations of the campaign the caller may print for (included, with a code). */
  organizations: PrintOrganization[];
  /** Municipalities among them, for the ZIP of all posters of one municipality. */
  municipalities: Array<{ municipalityId: number; name: string; organizations: number }>;
}

export const ORGANIZATION_FILES = ['qr.svg', 'qr.png', 'poster.pdf', 'questionnaire.pdf'] as const;
export type OrganizationFile = (typeof ORGANIZATION_FILES)[number];

/** Page-side download addresses (session cookie); the API mirrors them under /api/v1. */
export const printUrls = {
  page: (campaignId: number) => `/campaigns/${campaignId}/print`,
  organizationFile: (campaignId: number, organizationId: number, file: OrganizationFile) =>
    `/campaigns/${campaignId}/print/${organizationId}/${file}`,
  municipalityZip: (campaignId: number, municipalityId: number) =>
    `/campaigns/${campaignId}/print/municipality/${municipalityId}/posters.zip`,
  reminders: (campaignId: number) => `/campaigns/${campaignId}/reminders`,
};

export const surveyUrl = (publicUrl: string, code: string) => `${publicUrl}/s/${code}`;

/** 2026-03-01 → 01.03.2026 */
export const ruDate = (iso: string) => iso.split('-').reverse().join('.');

/**
 * A file name safe on Windows, macOS and Linux: Cyrillic kept (the ZIP marks names as UTF-8),
 * characters forbidden by Windows and control characters replaced, length bounded.
 */
export function safeFileName(base: string, extension: string, maxLength = 100): string {
  const cleaned = base
    .replace(/\s+/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .trim()
    .replace(/[. ]+$/, '');
  return `${[...(cleaned || 'file')].slice(0, maxLength).join('')}.${extension}`;
}
