// conway.yml `cost: { perEngineerDay: 800, currency: EUR }`: the price of one engineer day, so the
// effort estimate of cross-team work (org/crossing.ts) is also shown in money — only when the
// team map asks for it, never by default.
import { isMap, isScalar, type Node, type YAMLMap } from 'yaml';
import type { TeamMap } from '../model/types';

type Err = (n: Node | null | undefined, message: string) => void;

const EXAMPLE = 'e.g. `cost: { perEngineerDay: 800, currency: EUR }`';

export function readCost(node: Node | undefined, err: Err): TeamMap['cost'] {
  if (node === undefined) return undefined;
  if (!isMap(node)) return void err(node, `\`cost\` must be a mapping with perEngineerDay and currency, ${EXAMPLE}`);
  const map = node as YAMLMap;
  for (const pair of map.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (key !== 'perEngineerDay' && key !== 'currency')
      err(pair.key as Node, `unknown key in cost '${key}' (allowed: perEngineerDay, currency)`);
  }
  const day = map.get('perEngineerDay', true) as Node | undefined;
  const currency = map.get('currency', true) as Node | undefined;
  const value = isScalar(day) ? day.value : undefined;
  const name = isScalar(currency) ? currency.value : undefined;
  const goodDay = typeof value === 'number' && Number.isFinite(value) && value > 0;
  const goodName = typeof name === 'string' && /^[A-Za-z$€£¥]{1,8}$/.test(name);
  if (!goodDay)
    err(day ?? node, `cost.perEngineerDay must be a positive number (the price of one engineer day), ${EXAMPLE}`);
  if (!goodName) err(currency ?? node, `cost.currency must be a currency code such as EUR or USD, ${EXAMPLE}`);
  return goodDay && goodName ? { perEngineerDay: value, currency: name } : undefined;
}
