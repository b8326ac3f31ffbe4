// The stack of open elements of the tolerant HTML parser, with HTML's implied end tags (a <td>
// closes the previous <td>, a <div> closes an open <p>, …) and bounded scans of the stack.
export const VOID = new Set(
  'area base br col embed hr img input link meta param source track wbr'.split(' '),
);
// Start tags that implicitly close an open <p> (HTML «closes a p element»).
const CLOSES_P = new Set(
  (
    'address article aside blockquote div dl fieldset footer form h1 h2 h3 h4 h5 h6 header hr ' +
    'main nav ol p pre section table ul'
  ).split(' '),
);
const P_SCOPE = ['div', 'td', 'th', 'li', 'table', 'body'];
// Implied end tags: a start tag closes the nearest open tag of `closes` (and everything opened
// inside it), unless an element of `scope` comes first.
const SELF_SCOPE: Record<string, { closes: string[]; scope: string[] }> = {
  li: { closes: ['li'], scope: ['ul', 'ol', 'menu'] },
  dt: { closes: ['dt', 'dd'], scope: ['dl'] },
  dd: { closes: ['dt', 'dd'], scope: ['dl'] },
  td: { closes: ['td', 'th'], scope: ['tr', 'table'] },
  th: { closes: ['td', 'th'], scope: ['tr', 'table'] },
  tr: { closes: ['tr'], scope: ['table', 'tbody', 'thead', 'tfoot'] },
  option: { closes: ['option'], scope: ['select', 'datalist'] },
  tbody: { closes: ['tbody', 'thead', 'tfoot'], scope: ['table'] },
  thead: { closes: ['tbody', 'thead', 'tfoot'], scope: ['table'] },
  tfoot: { closes: ['tbody', 'thead', 'tfoot'], scope: ['table'] },
};

/**
 * How far down the open-element stack an end tag or an implied end tag looks for its element.
 * Real pages nest a few dozen levels; garbage with 10⁵ unclosed <div>s and stray end tags would
 * otherwise cost 10¹⁰ steps. An end tag whose element is deeper than this is ignored.
 */
export const STACK_SCAN_LIMIT = 512;

/**
 * The stack of open elements with HTML's implied end tags. `F` is whatever the builder keeps per
 * element; `onPop` sees every frame leave the stack (innermost first).
 */
export class OpenElements<F extends { tag: string }> {
  readonly stack: F[];
  private readonly onPop: (frame: F) => void;
  private readonly maxDepth: number;

  constructor(root: F, onPop: (frame: F) => void, maxDepth: number) {
    this.stack = [root];
    this.onPop = onPop;
    this.maxDepth = maxDepth;
  }

  get top(): F {
    return this.stack[this.stack.length - 1] as F;
  }

  private popTo(length: number): void {
    while (this.stack.length > length) this.onPop(this.stack.pop() as F);
  }

  private closeWithin(closes: readonly string[], scope: readonly string[]): void {
    const stop = Math.max(0, this.stack.length - 1 - STACK_SCAN_LIMIT);
    for (let i = this.stack.length - 1; i > stop; i--) {
      const tag = this.stack[i]?.tag ?? '';
      if (closes.includes(tag)) {
        this.popTo(i);
        return;
      }
      if (scope.includes(tag)) return;
    }
  }

  /** Implied end tags caused by a start tag. */
  beforeOpen(tag: string): void {
    if (CLOSES_P.has(tag)) this.closeWithin(['p'], P_SCOPE);
    const rule = SELF_SCOPE[tag];
    if (rule) this.closeWithin(rule.closes, rule.scope);
  }

  /** Whether an element opened with this tag gets content (is pushed). */
  takesContent(tag: string, selfClosing: boolean): boolean {
    return !VOID.has(tag) && !selfClosing && this.stack.length < this.maxDepth;
  }

  push(frame: F): void {
    this.stack.push(frame);
  }

  /** An end tag: closes the nearest open element of that tag; with none open it is ignored. */
  close(tag: string): boolean {
    const stop = Math.max(0, this.stack.length - 1 - STACK_SCAN_LIMIT);
    for (let i = this.stack.length - 1; i > stop; i--) {
      if (this.stack[i]?.tag === tag) {
        this.popTo(i);
        return true;
      }
    }
    return false;
  }

  closeAll(): void {
    this.popTo(1);
  }
}
