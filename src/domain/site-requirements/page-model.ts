// The page model the checks work on: marked elements with their nearest marked ancestor and
// visibility (MR v9 §5 steps 2–3; Order 1493 p.27 «размеченные данные видимы»), links, forms,
// embeds and text. Built while tokenizing (no parse tree is kept: a 15 MiB page would need
// ~100 MB of nodes), with the same result as walking the tree of parseHtml. Texts are collected
// as they stream past, each capped, so the work stays linear in the page size.
import { tokenize } from './html.ts';
import type { ElementNode } from './html.ts';
import { isHidden } from './element-traits.ts';
import { ModelBuilder } from './model-builder.ts';

export { MODEL_LIMITS } from './model-builder.ts';

export interface MarkedElement {
  /** itemprop tokens (the attribute may hold several, space-separated). */
  props: string[];
  /** Index in `marked` of the nearest marked ancestor (not necessarily the parent); -1 if none. */
  ancestor: number;
  /** Not visible: `hidden` attribute, `display:none`/`visibility:hidden`, a hiding class. */
  hidden: boolean;
  tag: string;
  text: string;
  /** Own href/src, or the first link inside the element. */
  href: string | null;
  /**
   * A label written inside the marked element in its own tag («<b>Полное наименование:</b> …»,
   * site-monitoring.md «Crawler pitfalls»); `text` starts with it. Absent when there is none.
   */
  label?: string;
  /** Contains a visible image: with no text, the information is published as a picture. */
  image?: true;
}

/**
 * What the accessibility check of PP RF No. 102 / GOST R 52872-2019 reads from a page: images
 * without a text alternative (no `alt` attribute; an empty alt marks a decorative image) and form
 * fields without a label (no <label>, aria-label, aria-labelledby or title). Capped lists.
 */
export interface PageAccessibility {
  images: number;
  imagesWithoutAlt: string[];
  fields: number;
  unlabeledFields: string[];
}

export interface PageLink {
  href: string;
  text: string;
  /** Inside <nav>/<header> or an element whose id/class names a menu. */
  inNav: boolean;
}

export interface PageForm {
  action: string | null;
  textarea: boolean;
  submit: boolean;
  contactField: boolean;
}

export interface PageModel {
  title: string;
  lang: string | null;
  marked: MarkedElement[];
  links: PageLink[];
  forms: PageForm[];
  /** src of scripts and iframes (widgets of chats, the Gosuslugi feedback platform). */
  embeds: string[];
  headings: string[];
  text: string;
  /** Inline script text, capped (chat and callback widgets are often inlined). */
  scriptText: string;
  /** Absent in models made by hand (tests). */
  a11y?: PageAccessibility;
}

/** Upper bounds of one model: a hostile page cannot make it (or the work on it) unbounded. */
export function isHiddenElement(el: ElementNode): boolean {
  return isHidden(el.tag, el.attrs);
}

/** Builds the page model of one HTML document. Never throws. */
export function buildPageModel(html: string): PageModel {
  const b = new ModelBuilder();
  tokenize(html, b);
  return b.end();
}
