// What an element says about itself for the page model: hidden from visitors (Order 1493 p.27
// wants marked data visible), part of a menu (1493 p.3), a feedback-form field (indicator 1.2),
// a tag a label is written in.
import type { PageForm } from './page-model.ts';

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

export function isHidden(tag: string, a: Record<string, string>): boolean {
  if ('hidden' in a || tag === 'template') return true;
  const style = (a.style ?? '').toLowerCase().replace(/\s+/g, '');
  if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
  const classes = (a.class ?? '').toLowerCase().split(/\s+/);
  return classes.some((c) => HIDING_CLASSES.has(c));
}

export function isNavLike(tag: string, a: Record<string, string>): boolean {
  if (tag === 'nav' || tag === 'header') return true;
  const names = `${a.id ?? ''} ${a.class ?? ''} ${a.role ?? ''}`.toLowerCase();
  return /menu|nav/.test(names);
}

const CONTACT = /mail|phone|tel|почт|телефон/i;

export function visitForm(tag: string, a: Record<string, string>, form: PageForm): void {
  const type = (a.type ?? '').toLowerCase();
  if (tag === 'textarea') form.textarea = true;
  if (
    (tag === 'input' && type === 'submit') ||
    (tag === 'button' && type !== 'button' && type !== 'reset')
  ) {
    form.submit = true;
  }
  if (tag === 'input') {
    const hint = `${type} ${a.name ?? ''} ${a.placeholder ?? ''} ${a.id ?? ''}`;
    if (type === 'email' || type === 'tel' || CONTACT.test(hint)) form.contactField = true;
  }
}

// Tags a label written inside a marked element is put in («<b>Телефон:</b> +7 …»).
export const LABEL_TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'span',
  'label',
  'dt',
  'th',
  'small',
  'font',
]);

// Leaf elements that do not end the search for a label (an icon before «<b>Телефон:</b>»).
export const VOID_LIKE = new Set(['br', 'img', 'wbr', 'hr']);
