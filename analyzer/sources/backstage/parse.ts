// Backstage catalog files (`catalog-info.yaml`, one or more YAML documents each) → entities
// with their file and line. Pure: takes the text. The shape checks here are the few the model
// needs (kind, metadata.name); validate.ts checks each entity with Backstage's own validators.
import { LineCounter, parseAllDocuments } from 'yaml';
import type { Problem } from '../../model/types';

export interface CatalogEntity {
  kind: string;
  name: string;
  namespace: string;
  file: string;
  line: number;
  /** The document as written (Backstage's validators read it). */
  raw: Record<string, unknown>;
  spec: Record<string, unknown>;
  annotations: Record<string, string>;
  title?: string;
}

export function parseCatalogFile(text: string, file: string): { entities: CatalogEntity[]; errors: Problem[] } {
  const lc = new LineCounter();
  const out = { entities: [] as CatalogEntity[], errors: [] as Problem[] };
  for (const doc of parseAllDocuments(text, { lineCounter: lc, logLevel: 'silent' })) {
    const at = doc.contents?.range?.[0] ?? doc.range?.[0];
    const line = at === undefined ? 1 : lc.linePos(at).line;
    if (doc.errors.length) {
      out.errors.push({
        file,
        line: lc.linePos(doc.errors[0].pos[0]).line,
        message: `YAML syntax: ${doc.errors[0].message.split('\n')[0]}`,
      });
      continue;
    }
    const raw = doc.toJS({ maxAliasCount: 0 }) as unknown;
    if (raw === null || raw === undefined) continue; // an empty document (a trailing `---`)
    const entity = toEntity(raw, file, line);
    if (typeof entity === 'string') out.errors.push({ file, line, message: entity });
    else out.entities.push(entity);
  }
  return out;
}

function toEntity(raw: unknown, file: string, line: number): CatalogEntity | string {
  if (!isObject(raw)) return 'a catalog entity must be a mapping with apiVersion, kind, metadata and spec';
  const meta = raw.metadata;
  if (typeof raw.kind !== 'string' || !isObject(meta) || typeof meta.name !== 'string')
    return 'entity needs `kind` and `metadata.name` (strings) — see https://backstage.io/docs/features/software-catalog/descriptor-format';
  const annotations = isObject(meta.annotations)
    ? (Object.fromEntries(Object.entries(meta.annotations).filter(([, v]) => typeof v === 'string')) as Record<
        string,
        string
      >)
    : {};
  return {
    kind: raw.kind,
    name: meta.name,
    namespace: typeof meta.namespace === 'string' ? meta.namespace : 'default',
    file,
    line,
    raw,
    spec: isObject(raw.spec) ? raw.spec : {},
    annotations,
    ...(typeof meta.title === 'string' ? { title: meta.title } : {}),
  };
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `[kind:][namespace/]name` → parts, with the kind the field implies by default (Backstage's parseEntityRef rules). */
export function parseRef(ref: string, defaultKind: string): { kind: string; namespace: string; name: string } {
  const m = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(ref.trim());
  if (!m) return { kind: defaultKind, namespace: 'default', name: ref.trim() };
  return { kind: (m[1] ?? defaultKind).toLowerCase(), namespace: (m[2] ?? 'default').toLowerCase(), name: m[3] };
}
