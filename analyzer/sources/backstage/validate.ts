// Each catalog entity checked with Backstage's own model library, as its catalog would on
// ingestion: the entity policies (default namespace, no foreign root fields, field formats,
// the envelope schema) and the validator of its kind. Every problem names the file, the line of
// the entity's document and the entity (`kind:name`).
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
  type Entity,
} from '@backstage/catalog-model';
import type { Problem } from '../../model/types';
import type { CatalogEntity } from './parse';

const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);
const KIND_VALIDATORS = [
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  domainEntityV1alpha1Validator,
  groupEntityV1alpha1Validator,
  locationEntityV1alpha1Validator,
  resourceEntityV1alpha1Validator,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
];

export async function validateCatalog(entities: CatalogEntity[]): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const e of entities) {
    const fail = (err: unknown) =>
      out.push({ file: e.file, line: e.line, message: `${e.kind}:${e.name}: ${firstSentence(err)}` });
    try {
      const entity =
        (await policy.enforce(structuredClone(e.raw) as unknown as Entity)) ?? (e.raw as unknown as Entity);
      let known = false;
      for (const v of KIND_VALIDATORS) known = (await v.check(entity)) || known;
      if (!known && BUILT_IN.includes(e.kind.toLowerCase()))
        fail(`apiVersion ${String(e.raw.apiVersion)} is not one Backstage knows for kind ${e.kind}`);
    } catch (err) {
      fail(err);
    }
  }
  return out;
}

const BUILT_IN = ['api', 'component', 'domain', 'group', 'location', 'resource', 'system', 'user'];

/** Backstage's messages end with a link to the format ADR: the first sentence says what is wrong. */
function firstSentence(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s*To learn more about catalog file format.*$/s, '');
}
