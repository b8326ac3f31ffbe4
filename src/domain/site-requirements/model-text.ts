// Texts of the page model as they are gathered: one collector per element whose text is kept
// (textOf semantics, built incrementally), the label written inside a marked element, and the
// final string — collapsed, capped and detached from the page.

/** Text being gathered for one element (textOf semantics, built incrementally). */
export interface Collector {
  raw: string;
  max: number;
  /** Stack index of the element it belongs to. */
  level: number;
  full: boolean;
  /** Label tracking (marked elements only): 0 nothing seen yet, 1 inside a label tag, 2 decided. */
  labelState: 0 | 1 | 2;
  labelLevel: number;
  labelEnd: number;
  finish: (c: Collector) => void;
}

export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * A copy that does not keep the page alive. V8 makes a substring of 13 or more characters a view
 * («sliced string») of its parent: a 40-character href or a text without spaces to collapse would
 * pin the whole 300 KB page string for as long as the model lives (a crawl keeps a site's models
 * until it ends). Flattening a concatenation copies the characters.
 */
export function own(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** The final text of a collector: whitespace collapsed, capped, detached from the page. */
export const finalText = (raw: string, max: number) => own(collapse(raw).slice(0, max));

export function labelOf(c: Collector): string | undefined {
  if (c.labelEnd <= 0) return undefined;
  let label = collapse(c.raw.slice(0, c.labelEnd));
  if (!label.endsWith(':')) {
    if (!collapse(c.raw.slice(c.labelEnd)).startsWith(':')) return undefined;
    label = `${label}:`;
  }
  return label.length > 1 && label.length <= 120 ? label : undefined;
}
