// The streaming builder of the page model (page-model.ts): a sink of the tokenizer that keeps a
// stack of open elements (no tree), gathers the texts of titles, headings, links, scripts and
// marked elements as they stream past — each capped, with label detection — and detaches every
// kept string from the page so the page can be freed.
import { NO_TEXT, OpenElements, SPACED } from './html.ts';
import type { HtmlSink } from './html.ts';
import { isHidden, isNavLike, LABEL_TAGS, visitForm, VOID_LIKE } from './element-traits.ts';
import { finalText, labelOf, own } from './model-text.ts';
import type { Collector } from './model-text.ts';
import type { MarkedElement, PageForm, PageLink, PageModel } from './page-model.ts';

export const MODEL_LIMITS = {
  /** Elements and text nodes read; the rest of a bigger page is ignored. */
  maxNodes: 3_000_000,
  maxMarked: 20_000,
  maxLinks: 20_000,
  maxForms: 500,
  maxEmbeds: 1_000,
  maxHeadings: 2_000,
  text: 200_000,
  markedText: 1_000,
  linkText: 300,
  headingText: 300,
  scriptText: 50_000,
  oneScript: 5_000,
  /** Examples of images without alt / unlabeled fields kept per page. */
  a11yExamples: 20,
} as const;

// Form fields a visitor fills in (hidden inputs and buttons need no label).
const FIELD_TAGS = new Set(['input', 'select', 'textarea']);
const NOT_FIELDS = new Set(['hidden', 'submit', 'button', 'reset', 'image']);

const MAX_COLLECTING = 64;

interface Frame {
  tag: string;
  hidden: boolean;
  nav: boolean;
  form: PageForm | null;
  marked: number;
  /** Index of this element's own entry in `marked`, -1 when it has no itemprop. */
  ownMarked: number;
  /** The last child is a text node (the next text merges into it). */
  lastIsText: boolean;
  /** Inside a <label> (a field there is labelled). */
  inLabel: boolean;
  collectors: Collector[] | null;
}

export class ModelBuilder implements HtmlSink {
  readonly model: PageModel = {
    title: '',
    lang: null,
    marked: [],
    links: [],
    forms: [],
    embeds: [],
    headings: [],
    text: '',
    scriptText: '',
    a11y: { images: 0, imagesWithoutAlt: [], fields: 0, unlabeledFields: [] },
  };
  /** Fields with neither a wrapping label nor an ARIA name: labelled only by <label for=id>. */
  private readonly unnamedFields: { id: string | null; name: string }[] = [];
  private readonly labelFor = new Set<string>();
  private readonly open_: OpenElements<Frame>;
  /** Collectors of open elements, outermost first (full ones are dropped lazily). */
  private active: Collector[] = [];
  private fullCount = 0;
  /** Stack indexes of open elements whose content is not text (script, style, head, …). */
  private readonly noText: number[] = [];
  /** Open marked elements still looking for a link inside them (MarkedElement.href). */
  private readonly wantHref: number[] = [];
  private pending = '';
  private nodes = 0;

  constructor() {
    const root: Frame = {
      tag: '#root',
      hidden: false,
      nav: false,
      form: null,
      marked: -1,
      ownMarked: -1,
      lastIsText: false,
      inLabel: false,
      collectors: null,
    };
    this.open_ = new OpenElements<Frame>(root, (f) => this.popped(f), 1_000_000);
    root.collectors = [
      this.collector(
        0,
        MODEL_LIMITS.text,
        (c) => (this.model.text = finalText(c.raw, MODEL_LIMITS.text)),
      ),
    ];
  }

  get full(): boolean {
    return this.nodes >= MODEL_LIMITS.maxNodes;
  }

  private collector(level: number, max: number, finish: (c: Collector) => void): Collector {
    const c: Collector = {
      raw: '',
      max,
      level,
      full: false,
      labelState: 2,
      labelLevel: -1,
      labelEnd: 0,
      finish,
    };
    // Beyond MAX_COLLECTING texts gathered at once (only garbage nests that many marked elements
    // or links) a new element gets no text: each piece of text costs one append per collector.
    if (level > 0 && this.active.length - this.fullCount >= MAX_COLLECTING) {
      c.full = true;
      this.fullCount++;
    }
    this.active.push(c);
    return c;
  }

  /** Appends to every collector that would see this text (textOf: not inside their NO_TEXT). */
  private deliver(text: string, labelWatch: boolean): void {
    const floor = this.noText[this.noText.length - 1] ?? 0;
    for (let k = this.active.length - 1; k >= 0; k--) {
      const c = this.active[k] as Collector;
      if (c.level < floor) break;
      if (c.full) continue;
      if (labelWatch && c.labelState === 0 && /\S/.test(text)) c.labelState = 2;
      c.raw += text;
      if (c.raw.length >= c.max) {
        c.full = true;
        this.fullCount++;
      }
    }
    if (this.fullCount > 32 && this.fullCount * 2 > this.active.length) {
      this.active = this.active.filter((c) => !c.full);
      this.fullCount = 0;
    }
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending;
    this.pending = '';
    this.deliver(text, true);
  }

  text(text: string): void {
    if (text.length === 0) return;
    const top = this.open_.top;
    if (!top.lastIsText) {
      top.lastIsText = true;
      this.nodes++;
    }
    this.pending += text;
  }

  open(tag: string, attrs: Record<string, string>, selfClosing: boolean): void {
    this.flush();
    this.open_.beforeOpen(tag);
    const parent = this.open_.top;
    parent.lastIsText = false;
    this.nodes++;
    const level = this.open_.stack.length;
    // Only the parent's collectors (the last ones) can be waiting for a label child.
    for (let k = this.active.length - 1; k >= 0; k--) {
      const c = this.active[k] as Collector;
      if (c.level < level - 1) break;
      if (c.labelState !== 0) continue;
      if (LABEL_TAGS.has(tag)) {
        c.labelState = 1;
        c.labelLevel = level;
      } else if (!VOID_LIKE.has(tag)) c.labelState = 2;
    }
    if (SPACED.has(tag)) this.deliver(' ', false);
    const frame = this.frame(tag, attrs, parent, level);
    if (this.open_.takesContent(tag, selfClosing)) {
      this.open_.push(frame);
      if (NO_TEXT.has(tag)) this.noText.push(level);
    } else {
      this.popped(frame);
    }
  }

  private frame(tag: string, a: Record<string, string>, parent: Frame, level: number): Frame {
    const m = this.model;
    const hidden = parent.hidden || isHidden(tag, a);
    const nav = parent.nav || isNavLike(tag, a);
    let form = parent.form;
    if (tag === 'form') {
      form = {
        action: a.action === undefined ? null : own(a.action),
        textarea: false,
        submit: false,
        contactField: false,
      };
      if (m.forms.length < MODEL_LIMITS.maxForms) m.forms.push(form);
    } else if (form) visitForm(tag, a, form);
    const f: Frame = {
      tag,
      hidden,
      nav,
      form,
      marked: parent.marked,
      ownMarked: -1,
      lastIsText: false,
      inLabel: parent.inLabel || tag === 'label',
      collectors: null,
    };
    if (!hidden) this.accessibility(tag, a, parent);
    const collectors: Collector[] = [];
    if (tag === 'html' && a.lang) m.lang = own(a.lang);
    if (tag === 'title') {
      collectors.push(
        this.collector(level, MODEL_LIMITS.headingText, (c) => {
          if (!m.title) m.title = finalText(c.raw, MODEL_LIMITS.headingText);
        }),
      );
    }
    if (/^h[1-6]$/.test(tag) && m.headings.length < MODEL_LIMITS.maxHeadings) {
      const at = m.headings.push('') - 1;
      collectors.push(
        this.collector(level, MODEL_LIMITS.headingText, (c) => {
          m.headings[at] = finalText(c.raw, MODEL_LIMITS.headingText);
        }),
      );
    }
    const href = a.href === undefined ? undefined : own(a.href);
    if (tag === 'a' && href) {
      for (const i of this.wantHref) (m.marked[i] as MarkedElement).href = href;
      this.wantHref.length = 0;
      if (!/^\s*(javascript:|#)/i.test(href) && m.links.length < MODEL_LIMITS.maxLinks) {
        const link: PageLink = { href: href.trim(), text: '', inNav: nav };
        m.links.push(link);
        collectors.push(
          this.collector(level, MODEL_LIMITS.linkText, (c) => {
            link.text = finalText(c.raw, MODEL_LIMITS.linkText) || own(a.title ?? '');
          }),
        );
      }
    }
    if ((tag === 'script' || tag === 'iframe') && a.src && m.embeds.length < MODEL_LIMITS.maxEmbeds)
      m.embeds.push(own(a.src));
    if (tag === 'script' && !a.src) {
      collectors.push(
        this.collector(level, MODEL_LIMITS.oneScript, (c) => {
          if (m.scriptText.length < MODEL_LIMITS.scriptText)
            m.scriptText += `${finalText(c.raw, MODEL_LIMITS.oneScript)}\n`;
        }),
      );
    }
    const itemprop = a.itemprop?.trim();
    if (itemprop && m.marked.length < MODEL_LIMITS.maxMarked) {
      // Own href/src first (an empty href does not count, and then src is not looked at).
      const ownHref = a.href ?? a.src ?? null;
      const el: MarkedElement = {
        props: itemprop.split(/\s+/).map(own),
        ancestor: parent.marked,
        hidden,
        tag: own(tag),
        text: '',
        href: ownHref ? own(ownHref) : null,
      };
      f.marked = m.marked.push(el) - 1;
      f.ownMarked = f.marked;
      if (!ownHref) this.wantHref.push(f.marked);
      const c = this.collector(level, MODEL_LIMITS.markedText, (done) => {
        el.text = finalText(done.raw, MODEL_LIMITS.markedText);
        const label = labelOf(done);
        if (label && el.text.startsWith(label)) el.label = label;
      });
      c.labelState = 0;
      collectors.push(c);
    }
    f.collectors = collectors.length > 0 ? collectors : null;
    return f;
  }

  /** Images and form fields for the accessibility check (visible ones only). */
  private accessibility(tag: string, a: Record<string, string>, parent: Frame): void {
    const x = this.model.a11y!;
    if (tag === 'label' && a.for) this.labelFor.add(a.for);
    if (tag === 'img') {
      x.images++;
      if (parent.marked >= 0) (this.model.marked[parent.marked] as MarkedElement).image = true;
      if (a.alt === undefined && x.imagesWithoutAlt.length < MODEL_LIMITS.a11yExamples)
        x.imagesWithoutAlt.push(own(a.src ?? ''));
      return;
    }
    if (!FIELD_TAGS.has(tag) || NOT_FIELDS.has((a.type ?? '').toLowerCase())) return;
    x.fields++;
    if (parent.inLabel || a['aria-label'] || a['aria-labelledby'] || a.title) return;
    if (this.unnamedFields.length < MODEL_LIMITS.maxForms)
      this.unnamedFields.push({
        id: a.id ? own(a.id) : null,
        name: own(a.name ?? a.id ?? a.placeholder ?? tag),
      });
  }

  raw(_tag: string, text: string): void {
    if (text.length > 0) this.deliver(text, true);
  }

  close(tag: string): void {
    this.flush();
    if (this.open_.close(tag)) this.open_.top.lastIsText = false;
  }

  /** An element leaves the stack: its texts are final. */
  private popped(f: Frame): void {
    const level = this.open_.stack.length;
    if (this.noText[this.noText.length - 1] === level) this.noText.pop();
    if (f.collectors) {
      for (let k = f.collectors.length - 1; k >= 0; k--) {
        const c = f.collectors[k] as Collector;
        // Collectors leave in stack order; a full one may already have been dropped.
        if (this.active[this.active.length - 1] === c) {
          this.active.pop();
          if (c.full) this.fullCount--;
        }
        c.finish(c);
      }
    }
    // A label child of the parent ends here (the parent's collectors are now the last ones).
    for (let k = this.active.length - 1; k >= 0; k--) {
      const c = this.active[k] as Collector;
      if (c.level < level - 1) break;
      if (c.labelState === 1 && c.labelLevel === level) {
        c.labelState = 2;
        c.labelEnd = c.raw.length;
      }
    }
    if (f.ownMarked >= 0 && this.wantHref[this.wantHref.length - 1] === f.ownMarked)
      this.wantHref.pop();
  }

  end(): PageModel {
    this.flush();
    this.open_.closeAll();
    const root = this.open_.stack[0] as Frame;
    this.popped(root);
    const x = this.model.a11y!;
    for (const f of this.unnamedFields)
      if ((f.id === null || !this.labelFor.has(f.id)) && x.unlabeledFields.length < 20)
        x.unlabeledFields.push(f.name);
    return this.model;
  }
}
