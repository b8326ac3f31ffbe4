// Printed survey invitations (issue 4 item 4): per organization of a campaign the QR code of its
// survey link (SVG, PNG), an A4 poster and the paper questionnaire (PDF); per municipality a ZIP
// of all its posters. Who may print: the operator and the regional administrator for every
// organization, a municipal authority for its municipality, an organization for itself
// (permission `survey.print`). Reading only: nothing is written, so nothing is audited.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { zipSync, type Zippable } from 'fflate';
import { AppError } from '../../domain/errors.ts';
import { authorize, scopeOf } from '../../domain/permissions/index.ts';
import { renderPdf } from '../documents/pdf.ts';
import type { Caller, ServiceDeps } from '../context.ts';
import { posterDocument } from './poster.ts';
import { printCampaign, printOrganizations, territoryName } from './print.repo.ts';
import {
  safeFileName,
  surveyUrl,
  type PrintCampaign,
  type PrintFile,
  type PrintMaterials,
  type OrganizationFile,
  type PrintOrganization,
} from './print.schema.ts';
import { qrPng, qrSvg } from './qr.ts';
import { questionnaireDocument } from './questionnaire-pdf.ts';

const PDF = 'application/pdf';

/** Poster file name inside the ZIP and as a download: the code first keeps names unique. */
export const posterFileName = (o: PrintOrganization) =>
  safeFileName(`Плакат ${o.code} ${o.shortName}`, 'pdf');

export function createSurveyPrintService(deps: ServiceDeps) {
  const { db } = deps;

  async function campaignOf(campaignId: number): Promise<PrintCampaign> {
    const c = await printCampaign(db, campaignId);
    if (!c) throw AppError.notFound(`Кампания ${campaignId} не найдена`);
    return c;
  }

  const withUrl = (o: Omit<PrintOrganization, 'surveyUrl'>): PrintOrganization => ({
    ...o,
    surveyUrl: surveyUrl(deps.config.publicUrl, o.code),
  });

  /** The campaign and one organization the caller may print for; 404 before codes exist. */
  async function target(caller: Caller, campaignId: number, organizationId: number) {
    authorize(caller, 'survey.print');
    const campaign = await campaignOf(campaignId);
    const [row] = await printOrganizations(db, campaignId, { organizationId });
    if (!row) {
      throw AppError.notFound(
        'У организации нет кода анкеты в этой кампании: коды выдаются при начале сбора данных ' +
          'организациям из утверждённого перечня',
      );
    }
    authorize(caller, 'survey.print', {
      municipalityId: row.municipalityId,
      organizationId: row.organizationId,
    });
    return { campaign, org: withUrl(row) };
  }

  const poster = async (campaign: PrintCampaign, org: PrintOrganization) =>
    renderPdf(posterDocument(campaign, org, await qrSvg(org.surveyUrl)));

  type FileMaker = (
    caller: Caller,
    campaignId: number,
    organizationId: number,
  ) => Promise<PrintFile>;

  const files: Record<OrganizationFile, FileMaker> = {
    async 'qr.svg'(caller, campaignId, organizationId) {
      const { org } = await target(caller, campaignId, organizationId);
      return {
        name: safeFileName(`QR ${org.code} ${org.shortName}`, 'svg'),
        mime: 'image/svg+xml',
        bytes: new TextEncoder().encode(await qrSvg(org.surveyUrl)),
      };
    },

    async 'qr.png'(caller, campaignId, organizationId) {
      const { org } = await target(caller, campaignId, organizationId);
      return {
        name: safeFileName(`QR ${org.code} ${org.shortName}`, 'png'),
        mime: 'image/png',
        bytes: await qrPng(org.surveyUrl),
      };
    },

    async 'poster.pdf'(caller, campaignId, organizationId) {
      const { campaign, org } = await target(caller, campaignId, organizationId);
      return { name: posterFileName(org), mime: PDF, bytes: await poster(campaign, org) };
    },

    async 'questionnaire.pdf'(caller, campaignId, organizationId) {
      const { campaign, org } = await target(caller, campaignId, organizationId);
      return {
        name: safeFileName(`Анкета ${org.code} ${org.shortName}`, 'pdf'),
        mime: PDF,
        bytes: await renderPdf(questionnaireDocument(campaign, org)),
      };
    },
  };

  return {
    /** What the caller may print in a campaign (its scope only). */
    async materials(caller: Caller, campaignId: number): Promise<PrintMaterials> {
      authorize(caller, 'survey.print');
      const campaign = await campaignOf(campaignId);
      const scope = scopeOf(caller.role, 'survey.print');
      const rows = await printOrganizations(db, campaignId, {
        ...(scope === 'municipality' ? { municipalityId: caller.territoryId! } : {}),
        ...(scope === 'organization' ? { organizationId: caller.organizationId! } : {}),
      });
      const municipalities = new Map<number, PrintMaterials['municipalities'][number]>();
      for (const r of rows) {
        const m = municipalities.get(r.municipalityId) ?? {
          municipalityId: r.municipalityId,
          name: r.municipality,
          organizations: 0,
        };
        m.organizations += 1;
        municipalities.set(r.municipalityId, m);
      }
      return {
        campaign,
        organizations: rows.map(withUrl),
        municipalities: scope === 'organization' ? [] : [...municipalities.values()],
      };
    },

    /**
     * One file of an organization by its name in the address: the QR code of the survey link
     * (SVG, PNG), the A4 poster or the paper questionnaire (PDF).
     */
    organizationFile(
      caller: Caller,
      campaignId: number,
      organizationId: number,
      file: OrganizationFile,
    ): Promise<PrintFile> {
      return files[file](caller, campaignId, organizationId);
    },

    /**
     * All posters of one municipality in a ZIP. Names are UTF-8 (fflate sets the language
     * encoding flag, bit 11, for non-ASCII names), so Cyrillic shows in every current unzipper.
     * A poster takes ~0.2 s of CPU; the loop yields between them so other requests are served.
     */
    async postersZip(
      caller: Caller,
      campaignId: number,
      municipalityId: number,
    ): Promise<PrintFile> {
      authorize(caller, 'survey.print', { municipalityId });
      const campaign = await campaignOf(campaignId);
      const name = await territoryName(db, municipalityId);
      if (!name) throw AppError.notFound(`Муниципалитет ${municipalityId} не найден`);
      const rows = await printOrganizations(db, campaignId, { municipalityId });
      if (rows.length === 0) {
        throw AppError.notFound(
          `В кампании нет организаций муниципалитета «${name}» с кодами анкет`,
        );
      }
      const files: Zippable = {};
      const mtime = deps.now();
      for (const row of rows) {
        const org = withUrl(row);
        files[posterFileName(org)] = [await poster(campaign, org), { mtime }];
        await yieldToEventLoop();
      }
      return {
        name: safeFileName(`Плакаты ${name} ${campaign.year}`, 'zip'),
        mime: 'application/zip',
        bytes: zipSync(files),
      };
    },
  };
}

export type SurveyPrintService = ReturnType<typeof createSurveyPrintService>;
