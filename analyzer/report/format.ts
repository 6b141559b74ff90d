// Number formatting shared by the text reporters: ratios as percentages, null as "–".

export function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : `${Math.round(x * 100)}%`;
}

export function score(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : x.toFixed(1);
}

export function num(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : String(x);
}
