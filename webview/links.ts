// Where a location link points. In VS Code the host opens the file at the line (the `open`
// message). In the HTML report a location is a relative link to the file: from the page's folder to
// the analysed repository when the page is opened from disk on the machine that analysed it, else
// relative to the page (a report saved at the repository root, or published next to a checkout).
import type { LinkTarget } from './dom';

export function fileHref(base: string, file: string, line: number): string {
  return `${base}${file.split('/').map(encodeURIComponent).join('/')}#L${line}`;
}

/** `../../repo/` from a file:// page to an absolute POSIX repository root; '' when unknown. */
export function relativeBase(pageUrl: string, root: string): string {
  let page: URL;
  try {
    page = new URL(pageUrl);
  } catch {
    return '';
  }
  if (page.protocol !== 'file:' || !root.startsWith('/')) return '';
  const from = decodeURIComponent(page.pathname).split('/').slice(1, -1);
  const to = root.split('/').filter(Boolean);
  let common = 0;
  while (common < from.length && common < to.length && from[common] === to[common]) common++;
  const rel = [...Array(from.length - common).fill('..'), ...to.slice(common)].map(encodeURIComponent);
  return rel.length ? `${rel.join('/')}/` : '';
}

export function pageLinks(pageUrl: string, root: string): LinkTarget {
  const base = relativeBase(pageUrl, root);
  return { href: (file, line) => fileHref(base, file, line) };
}

export function hostLinks(open: (file: string, line: number) => void): LinkTarget {
  return { href: (file, line) => fileHref('', file, line), open };
}
