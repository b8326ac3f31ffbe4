// A small tolerant HTML tokenizer and tree builder: enough structure for the MR v9 §5 algorithm
// (itemprop nesting, visibility, links, forms) on real school sites, which are often invalid HTML.
// It never throws: unknown or broken markup becomes text or is skipped. The tokenizer feeds a sink,
// so the page model can be built while tokenizing (page-model.ts) without a tree in memory; the
// tree (parseHtml) is kept for tests and small documents. All walks are iterative and every scan
// of the open-element stack is bounded, so deeply nested garbage can neither overflow the stack
// nor make the work quadratic.
import { decodeEntities } from './entities.ts';
import { OpenElements } from './open-elements.ts';

export { OpenElements, STACK_SCAN_LIMIT, VOID } from './open-elements.ts';

export interface ElementNode {
  kind: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  parent: ElementNode | null;
}

export interface TextNode {
  kind: 'text';
  text: string;
}

export type HtmlNode = ElementNode | TextNode;

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noframes']);
export interface ParseLimits {
  maxDepth: number;
  /** Elements and text nodes; the parse stops (keeping what it has) when reached. */
  maxNodes: number;
}

// Walks are iterative, so depth only costs memory; the node cap bounds that.
export const DEFAULT_LIMITS: ParseLimits = { maxDepth: 1_000_000, maxNodes: 400_000 };

/** Receives the tokens of a document in order. */
export interface HtmlSink {
  /** True when the sink wants no more tokens (its node cap is reached). */
  readonly full: boolean;
  /** Character data (entities decoded); consecutive calls belong to one text node. */
  text(text: string): void;
  open(tag: string, attrs: Record<string, string>, selfClosing: boolean): void;
  /** The content of the raw-text element just opened (script, style, textarea, title, …). */
  raw(tag: string, text: string): void;
  close(tag: string): void;
}

const NAME = /[A-Za-z][A-Za-z0-9:_-]*/y;
const SPACE = /[\s/]*/y;
const ATTR_NAME = /[^\s"'>/=]+/y;
const UNQUOTED_END = /[\s>]/g;

function skipBlanks(html: string, i: number): number {
  let j = i;
  while (html[j] === ' ' || html[j] === '\t' || html[j] === '\n' || html[j] === '\r') j++;
  return j;
}

function readAttributes(
  html: string,
  start: number,
): { attrs: Record<string, string>; end: number; selfClosing: boolean } {
  const attrs: Record<string, string> = {};
  let i = start;
  for (;;) {
    if (i >= html.length) return { attrs, end: html.length, selfClosing: false };
    SPACE.lastIndex = i;
    if (SPACE.exec(html)) i = SPACE.lastIndex;
    if (i >= html.length) return { attrs, end: html.length, selfClosing: false };
    if (html[i] === '>') return { attrs, end: i + 1, selfClosing: html[i - 1] === '/' };
    ATTR_NAME.lastIndex = i;
    const m = ATTR_NAME.exec(html);
    if (!m) {
      i++;
      continue;
    }
    const name = m[0].toLowerCase();
    i = skipBlanks(html, ATTR_NAME.lastIndex);
    let value = '';
    if (html[i] === '=') {
      i = skipBlanks(html, i + 1);
      const q = html[i];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, i + 1);
        const stop = close === -1 ? html.length : close;
        value = html.slice(i + 1, stop);
        i = stop + 1;
      } else {
        UNQUOTED_END.lastIndex = i;
        const stop = UNQUOTED_END.exec(html)?.index ?? html.length;
        value = html.slice(i, stop);
        i = stop;
      }
    }
    if (!(name in attrs)) attrs[name] = decodeEntities(value);
  }
}

function skipPast(html: string, from: number, marker: string): number {
  const j = html.indexOf(marker, from);
  return j === -1 ? html.length : j + marker.length;
}

/** Splits HTML into tokens for `sink`. Never throws; stops early when the sink is full. */
export function tokenize(html: string, sink: HtmlSink): void {
  let i = 0;
  while (i < html.length && !sink.full) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      sink.text(decodeEntities(html.slice(i)));
      break;
    }
    if (lt > i) sink.text(decodeEntities(html.slice(i, lt)));
    i = lt;
    const next = html[i + 1] ?? '';
    if (html.startsWith('<!--', i)) {
      i = skipPast(html, i + 4, '-->');
    } else if (next === '!' || next === '?') {
      i = skipPast(html, i + 2, '>');
    } else if (next === '/') {
      NAME.lastIndex = i + 2;
      const m = NAME.exec(html);
      if (m) sink.close(m[0].toLowerCase());
      i = skipPast(html, i + 2, '>');
    } else {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(html);
      if (!m) {
        sink.text('<');
        i++;
        continue;
      }
      const tag = m[0].toLowerCase();
      const { attrs, end, selfClosing } = readAttributes(html, NAME.lastIndex);
      sink.open(tag, attrs, selfClosing);
      i = end;
      if (RAW_TEXT.has(tag) && !selfClosing) {
        const closer = new RegExp(`</${tag}`, 'ig');
        closer.lastIndex = i;
        const close = closer.exec(html)?.index ?? -1;
        const stop = close === -1 ? html.length : close;
        const content = html.slice(i, stop);
        sink.raw(tag, tag === 'script' || tag === 'style' ? content : decodeEntities(content));
        sink.close(tag);
        i = close === -1 ? html.length : skipPast(html, stop, '>');
      }
    }
  }
}

class TreeBuilder implements HtmlSink {
  readonly root: ElementNode = {
    kind: 'element',
    tag: '#root',
    attrs: {},
    children: [],
    parent: null,
  };
  private readonly open_: OpenElements<ElementNode>;
  private nodes = 0;
  private readonly maxNodes: number;
  private last: ElementNode = this.root;

  constructor(limits: ParseLimits) {
    this.maxNodes = limits.maxNodes;
    this.open_ = new OpenElements<ElementNode>(this.root, () => {}, limits.maxDepth);
  }

  get full(): boolean {
    return this.nodes >= this.maxNodes;
  }

  text(text: string): void {
    if (text.length === 0) return;
    const top = this.open_.top;
    const last = top.children[top.children.length - 1];
    if (last?.kind === 'text') last.text += text;
    else {
      top.children.push({ kind: 'text', text });
      this.nodes++;
    }
  }

  open(tag: string, attrs: Record<string, string>, selfClosing: boolean): void {
    this.open_.beforeOpen(tag);
    const top = this.open_.top;
    const el: ElementNode = { kind: 'element', tag, attrs, children: [], parent: top };
    top.children.push(el);
    this.nodes++;
    this.last = el;
    if (this.open_.takesContent(tag, selfClosing)) this.open_.push(el);
  }

  raw(_tag: string, text: string): void {
    this.last.children.push({ kind: 'text', text });
  }

  close(tag: string): void {
    this.open_.close(tag);
  }
}

/** Parses HTML into a tree rooted at a synthetic `#root` element. Never throws. */
export function parseHtml(html: string, limits: ParseLimits = DEFAULT_LIMITS): ElementNode {
  const b = new TreeBuilder(limits);
  tokenize(html, b);
  return b.root;
}

/** Depth-first pre-order walk without recursion. Return false from `visit` to skip children. */
export function walk(root: ElementNode, visit: (el: ElementNode) => boolean | void): void {
  const stack: ElementNode[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as ElementNode;
    if (visit(el) === false) continue;
    for (let k = el.children.length - 1; k >= 0; k--) {
      const c = el.children[k];
      if (c?.kind === 'element') stack.push(c);
    }
  }
}

/** Elements whose content is not text a visitor reads. */
export const NO_TEXT = new Set(['script', 'style', 'template', 'noscript', 'head']);
/** Elements that separate words in the text (a space is put before them). */
export const SPACED = new Set(['br', 'td', 'th', 'p', 'li']);

/** Visible-ish text of an element (no scripts or styles), whitespace collapsed, capped. */
export function textOf(el: ElementNode, max = 2000): string {
  let out = '';
  const stack: HtmlNode[] = [el];
  while (stack.length > 0 && out.length < max) {
    const n = stack.pop() as HtmlNode;
    if (n.kind === 'text') {
      out += n.text;
      continue;
    }
    if (n !== el && NO_TEXT.has(n.tag)) continue;
    if (SPACED.has(n.tag)) out += ' ';
    for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k] as HtmlNode);
  }
  return out.replace(/\s+/g, ' ').trim().slice(0, max);
}
