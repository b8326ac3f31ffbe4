// The public result pages as plain HTML strings: no Mantine, no React runtime, no script at all —
// one small stylesheet, charts as inline SVG drawn on the server — so they load fast on a phone
// after scanning the result card's QR code, print cleanly and work with any assistive technology.
import type { ChartFigure, ChartTable } from '../../../features/dashboards/dashboards.schema.ts';

export const esc = (s: string): string => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

// WCAG 2.2 AA on white: text #1b1b1b (17:1), links #0b57d0 (6.4:1), muted #4a4a4a (8.9:1),
// table stripes #f3f4f6 keep text at 15:1.
const CSS = `*{box-sizing:border-box}body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#fff}
header,main,footer{max-width:60rem;margin:0 auto;padding:0 1rem}header{padding-top:.75rem;color:#4a4a4a;font-size:.9375rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 .5rem}h2{font-size:1.25rem;margin:2rem 0 .5rem}h3{font-size:1.0625rem;margin:1.25rem 0 .5rem}
a{color:#0b57d0}.muted{color:#4a4a4a}.lead{font-size:1.125rem}.score{font-size:2rem;font-weight:700;line-height:1.1}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9375rem}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #c4c4c4;padding:.35rem .5rem;text-align:left;vertical-align:top}thead th{background:#eef0f3}tbody tr:nth-child(even){background:#f3f4f6}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.scroll{overflow-x:auto}
figure{margin:1rem 0}figcaption{font-size:.9375rem;margin:.25rem 0}details{margin:.25rem 0 1rem}summary{cursor:pointer;color:#0b57d0}
form{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;border:1px solid #c4c4c4;border-radius:.5rem;padding:.75rem 1rem;margin:1rem 0}
label{display:flex;flex-direction:column;font-weight:600;font-size:.9375rem;gap:.25rem}input,select{font:inherit;padding:.45rem .5rem;border:1px solid #767676;border-radius:.375rem;min-height:2.5rem}
input[type=search]{min-width:16rem}button{font:inherit;font-weight:600;color:#fff;background:#0b57d0;border:0;border-radius:.375rem;padding:.5rem 1.25rem;min-height:2.5rem;cursor:pointer}
:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}.facts{display:flex;flex-wrap:wrap;gap:1rem 2.5rem;margin:1rem 0}.facts div{min-width:10rem}
ul.plain{padding-left:1.25rem}ul.plain li{margin:.5rem 0}footer{margin-top:3rem;padding-bottom:2rem;border-top:1px solid #c4c4c4;color:#4a4a4a;font-size:.875rem}
@media print{form,header a,footer{display:none}a{color:#1b1b1b;text-decoration:none}h2{break-after:avoid}figure,tr{break-inside:avoid}}`;

export function page(title: string, body: string): string {
  return (
    `<!doctype html><html lang="ru"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)}</title><link rel="icon" href="data:,"><style>${CSS}</style></head>` +
    `<body><header>Независимая оценка качества условий осуществления образовательной деятельности</header>` +
    `<main id="main">${body}</main>` +
    `<footer>Результаты утверждены общественным советом и опубликованы в соответствии со ст. 95.2 ` +
    `Федерального закона № 273-ФЗ «Об образовании в Российской Федерации». Диапазоны баллов ` +
    `(«отлично», «хорошо»…) — для наглядности, не официальная оценка.</footer></body></html>`
  );
}

export function messagePage(status: number, message: string): string {
  const title = status === 404 ? 'Результаты не найдены' : 'Страница недоступна';
  return page(title, `<h1>${esc(title)}</h1><p>${esc(message)}</p>`);
}

/** 84.4 → «84,40». */
export const fmt = (v: number | null | undefined): string =>
  v == null ? 'нет данных' : v.toFixed(2).replace('.', ',');

export const signed = (v: number | null): string =>
  v === null ? '—' : v === 0 ? '0,00' : `${v > 0 ? '+' : '−'}${fmt(Math.abs(v))}`;

export interface Column<T> {
  header: string;
  cell: (row: T) => string;
  numeric?: boolean;
  /** This column names the row (<th scope="row">). */
  rowHeader?: boolean;
}

/** An accessible table: caption, column headers with scope, a row header; cells are HTML. */
export function table<T>(
  caption: string,
  columns: readonly Column<T>[],
  rows: readonly T[],
): string {
  const head = columns
    .map((c) => `<th scope="col"${c.numeric ? ' class="n"' : ''}>${esc(c.header)}</th>`)
    .join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${columns
          .map((c) => {
            const cls = c.numeric ? ' class="n"' : '';
            return c.rowHeader
              ? `<th scope="row"${cls}>${c.cell(r)}</th>`
              : `<td${cls}>${c.cell(r)}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  return `<div class="scroll"><table><caption>${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function numbers(t: ChartTable): string {
  return table<ChartTable['rows'][number]>(
    t.caption,
    t.head.map((h, i) =>
      i === 0
        ? { header: h, rowHeader: true, cell: (r) => esc(r.header) }
        : { header: h, numeric: true, cell: (r) => esc(r.cells[i - 1] ?? '') },
    ),
    t.rows,
  );
}

/** A chart: heading, the SVG as one image described by the summary, the numbers in a table. */
export function figure(f: ChartFigure, level: 2 | 3 = 2): string {
  const id = esc(f.id);
  return (
    `<figure aria-labelledby="${id}-title"><h${level} id="${id}-title">${esc(f.title)}</h${level}>` +
    `<div role="img" aria-labelledby="${id}-title" aria-describedby="${id}-summary" style="max-width:${f.size.width}px">${f.svg}</div>` +
    `<figcaption id="${id}-summary">${esc(f.summary)}</figcaption>` +
    `<details><summary>Таблица с данными</summary>${numbers(f.table)}</details></figure>`
  );
}

/** A GET select: «all» first, the chosen value selected. */
export function select(
  name: string,
  label: string,
  all: string,
  options: readonly { value: string; label: string }[],
  chosen: string,
): string {
  const opts = [{ value: '', label: all }, ...options]
    .map(
      (o) =>
        `<option value="${esc(o.value)}"${o.value === chosen ? ' selected' : ''}>${esc(o.label)}</option>`,
    )
    .join('');
  return `<label>${esc(label)}<select name="${esc(name)}">${opts}</select></label>`;
}
