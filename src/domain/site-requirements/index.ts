// Site requirements: the catalogue of «Сведения об образовательной организации», ruleset versions,
// the MR v9 §5 item evaluation and the indicator 1.2 channel detection. Pure functions only.
export * from './catalogue.ts';
export * from './rulesets.ts';
export * from './evaluate.ts';
export * from './channels.ts';
export * from './site-result.ts';
export * from './site-check.ts';
export * from './site-checks.ts';
export * from './update-check.ts';
export * from './working-days.ts';
export { buildPageModel, isHiddenElement, MODEL_LIMITS } from './page-model.ts';
export type { MarkedElement, PageForm, PageLink, PageModel } from './page-model.ts';
export { parseHtml, textOf, walk } from './html.ts';
export type { ElementNode, HtmlNode, TextNode } from './html.ts';
export { decodeEntities } from './entities.ts';
