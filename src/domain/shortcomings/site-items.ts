// Standard recommendations for items of the official site (1.1, site half): generated from the
// site requirements catalogue (src/domain/site-requirements), so every item of «Сведения об
// образовательной организации» has its text and legal basis without a second list to keep in step.
import { CATALOGUE, type Catalogue } from '../site-requirements/catalogue.ts';
import { siteLegalBasis } from './legal.ts';
import type { RecommendationItem } from './types.ts';

/** The recommendation for a site catalogue item by its id (e.g. `common.fullName`), if known. */
export function siteItem(id: string, catalogue: Catalogue = CATALOGUE): RecommendationItem | null {
  for (const section of catalogue.sections) {
    const item = section.items.find((i) => i.id === id);
    if (!item) continue;
    return {
      code: item.id,
      title: `${item.title} (подраздел «${section.title}»)`,
      recommendation:
        `Разместить на официальном сайте в подразделе «${section.title}» (${section.path}) ` +
        `сведения: ${item.title.charAt(0).toLowerCase()}${item.title.slice(1)}.`,
      legalBasis: siteLegalBasis(item.legalBasis),
    };
  }
  return null;
}
