// Tiny DOM helpers. Every string goes in through textContent or setAttribute — never
// innerHTML — so an author named `<img src=x onerror=…>` shows as text.

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  for (const c of children) e.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return e;
}

export function svg(tag: string, attrs: Record<string, string | number> = {}): SVGElement {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

export function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`;
}

export const COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
];

/** A colour swatch; the colour is set through CSSOM (a style attribute would break the strict CSP). */
export function swatch(color: string): HTMLElement {
  const s = el('span', { class: 'swatch' });
  s.style.background = color;
  return s;
}

/** A link to a location: in VS Code the host opens it (open is set); in a page, a relative link to the file. */
export function locationLink(
  file: string,
  line: number,
  link: LinkTarget,
  text = `${file}:${line}`,
): HTMLAnchorElement {
  const a = el(
    'a',
    { href: link.href(file, line), class: 'location', 'data-file': file, 'data-line': String(line) },
    text,
  );
  if (link.open) a.addEventListener('click', (e) => (e.preventDefault(), link.open!(file, line)));
  return a;
}

export interface LinkTarget {
  href(file: string, line: number): string;
  open?: (file: string, line: number) => void;
}
