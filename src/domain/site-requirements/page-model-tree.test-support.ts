// The tree-based page-model builder that page-model.ts replaced by a streaming one (no parse tree
// kept in memory). Kept for tests only, as the oracle of a differential test: both must give the
// same model for any input.
import { parseHtml, textOf } from './html.ts';
import type { ElementNode } from './html.ts';
import type { PageForm, PageModel } from './page-model.ts';

const HIDING_CLASSES = new Set([
  'hidden',
  'hide',
  'd-none',
  'invisible',
  'is-hidden',
  'visually-hidden',
  'sr-only',
  'uk-hidden',
]);

function isHiddenElement(el: ElementNode): boolean {
  const a = el.attrs;
  if ('hidden' in a || el.tag === 'template') return true;
  const style = (a.style ?? '').toLowerCase().replace(/\s+/g, '');
  if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
  const classes = (a.class ?? '').toLowerCase().split(/\s+/);
  return classes.some((c) => HIDING_CLASSES.has(c));
}

function isNavLike(el: ElementNode): boolean {
  if (el.tag === 'nav' || el.tag === 'header') return true;
  const names = `${el.attrs.id ?? ''} ${el.attrs.class ?? ''} ${el.attrs.role ?? ''}`.toLowerCase();
  return /menu|nav/.test(names);
}

function firstHref(el: ElementNode): string | null {
  const own = el.attrs.href ?? el.attrs.src ?? null;
  if (own) return own;
  const stack: ElementNode[] = [el];
  while (stack.length > 0) {
    const n = stack.pop() as ElementNode;
    if (n !== el && n.tag === 'a' && n.attrs.href) return n.attrs.href;
    for (let k = n.children.length - 1; k >= 0; k--) {
      const c = n.children[k];
      if (c?.kind === 'element') stack.push(c);
    }
  }
  return null;
}

interface Frame {
  el: ElementNode;
  hidden: boolean;
  marked: number;
  nav: boolean;
  form: PageForm | null;
}

const CONTACT = /mail|phone|tel|почт|телефон/i;

function visitForm(el: ElementNode, form: PageForm): void {
  const type = (el.attrs.type ?? '').toLowerCase();
  if (el.tag === 'textarea') form.textarea = true;
  if (
    (el.tag === 'input' && type === 'submit') ||
    (el.tag === 'button' && type !== 'button' && type !== 'reset')
  ) {
    form.submit = true;
  }
  if (el.tag === 'input') {
    const hint = `${type} ${el.attrs.name ?? ''} ${el.attrs.placeholder ?? ''} ${el.attrs.id ?? ''}`;
    if (type === 'email' || type === 'tel' || CONTACT.test(hint)) form.contactField = true;
  }
}

/** Builds the page model of one HTML document. Never throws. */
export function buildPageModelFromTree(html: string): PageModel {
  const root = parseHtml(html);
  const model: PageModel = {
    title: '',
    lang: null,
    marked: [],
    links: [],
    forms: [],
    embeds: [],
    headings: [],
    text: textOf(root, 200_000),
    scriptText: '',
  };
  const stack: Frame[] = [{ el: root, hidden: false, marked: -1, nav: false, form: null }];
  while (stack.length > 0) {
    const f = stack.pop() as Frame;
    const el = f.el;
    const hidden = f.hidden || isHiddenElement(el);
    const nav = f.nav || isNavLike(el);
    let form = f.form;
    let marked = f.marked;
    if (el.tag === 'form') {
      form = {
        action: el.attrs.action ?? null,
        textarea: false,
        submit: false,
        contactField: false,
      };
      model.forms.push(form);
    } else if (form) visitForm(el, form);
    if (el.tag === 'html' && el.attrs.lang) model.lang = el.attrs.lang;
    if (el.tag === 'title' && !model.title) model.title = textOf(el, 300);
    if (/^h[1-6]$/.test(el.tag)) model.headings.push(textOf(el, 300));
    if (el.tag === 'a' && el.attrs.href && !/^\s*(javascript:|#)/i.test(el.attrs.href)) {
      model.links.push({
        href: el.attrs.href.trim(),
        text: textOf(el, 300) || (el.attrs.title ?? ''),
        inNav: nav,
      });
    }
    if ((el.tag === 'script' || el.tag === 'iframe') && el.attrs.src)
      model.embeds.push(el.attrs.src);
    if (el.tag === 'script' && !el.attrs.src && model.scriptText.length < 50_000) {
      model.scriptText += `${textOf(el, 5_000)}\n`;
    }
    const itemprop = el.attrs.itemprop?.trim();
    if (itemprop) {
      model.marked.push({
        props: itemprop.split(/\s+/),
        ancestor: f.marked,
        hidden,
        tag: el.tag,
        text: textOf(el, 1_000),
        href: firstHref(el),
      });
      marked = model.marked.length - 1;
    }
    for (let k = el.children.length - 1; k >= 0; k--) {
      const c = el.children[k];
      if (c?.kind === 'element') stack.push({ el: c, hidden, marked, nav, form });
    }
  }
  return model;
}
