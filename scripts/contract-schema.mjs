// Publishes the JSON contracts as JSON Schema (draft-07), generated from their TypeScript types in
// analyzer/contract/: report.schema.json (`conway analyze --format json`) and review.schema.json
// (`conway review --json`). `node scripts/contract-schema.mjs` rewrites both; the test
// test/contract/schema.test.ts fails when they are stale, and when the contract changed while
// its schemaVersion did not (schema-versions.json records each version's schema fingerprint).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const DIR = join(new URL('..', import.meta.url).pathname, 'analyzer', 'contract');
// Every contract file: the report's sections may live in files of their own (teamwork-*.ts).
const SOURCES = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts'))
  .sort();
const ROOTS = {
  report: { type: 'Report', version: 'SCHEMA_VERSION' },
  review: { type: 'Review', version: 'REVIEW_SCHEMA_VERSION' },
};

/** Declarations (interfaces, type aliases, numeric constants) of the contract files, by name. */
function declarations() {
  const types = new Map();
  const consts = new Map();
  for (const file of SOURCES) {
    const src = ts.createSourceFile(file, readFileSync(join(DIR, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    for (const s of src.statements) {
      if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) types.set(s.name.text, s);
      if (ts.isVariableStatement(s))
        for (const d of s.declarationList.declarations) if (d.initializer) consts.set(d.name.getText(), d.initializer);
    }
  }
  return { types, consts };
}

function describe(node) {
  const text = ts
    .getJSDocCommentsAndTags(node)
    .map((d) => (typeof d.comment === 'string' ? d.comment : ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text ? { description: text } : {};
}

/** An interface's members with those of the interfaces it extends (a closed object lists them all). */
function membersOf(d, decls) {
  const bases = (d.heritageClauses ?? []).flatMap((h) => h.types.map((t) => decls.types.get(t.expression.getText())));
  if (bases.some((b) => !b || !ts.isInterfaceDeclaration(b)))
    throw new Error(`unsupported extends in ${d.name.text}: extend interfaces of analyzer/contract/`);
  return [...bases.flatMap((b) => membersOf(b, decls)), ...d.members];
}

function objectOf(members, decls) {
  const properties = {};
  const required = [];
  for (const m of members) {
    if (!ts.isPropertySignature(m)) throw new Error(`unsupported member ${m.getText()}`);
    const name = m.name.getText();
    properties[name] = { ...describe(m), ...schemaOf(m.type, decls) };
    if (!m.questionToken) required.push(name);
  }
  return { type: 'object', properties, required, additionalProperties: false };
}

function constOf(expr) {
  if (ts.isNumericLiteral(expr)) return Number(expr.text);
  if (ts.isStringLiteral(expr)) return expr.text;
  throw new Error(`unsupported constant ${expr.getText()}`);
}

function schemaOf(node, decls) {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { type: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: 'boolean' };
    case ts.SyntaxKind.UnknownKeyword:
      return {};
  }
  if (ts.isParenthesizedTypeNode(node)) return schemaOf(node.type, decls);
  if (ts.isLiteralTypeNode(node)) {
    if (node.literal.kind === ts.SyntaxKind.NullKeyword) return { type: 'null' };
    if (node.literal.kind === ts.SyntaxKind.TrueKeyword || node.literal.kind === ts.SyntaxKind.FalseKeyword)
      return { const: node.literal.kind === ts.SyntaxKind.TrueKeyword };
    return { const: constOf(node.literal) };
  }
  if (ts.isArrayTypeNode(node)) return { type: 'array', items: schemaOf(node.elementType, decls) };
  if (ts.isTypeLiteralNode(node)) return objectOf(node.members, decls);
  if (ts.isTypeQueryNode(node)) return { const: constOf(decls.consts.get(node.exprName.getText())) };
  if (ts.isUnionTypeNode(node)) {
    const parts = node.types.map((t) => schemaOf(t, decls));
    return parts.every((p) => 'const' in p && typeof p.const === 'string')
      ? { enum: parts.map((p) => p.const) }
      : { anyOf: parts };
  }
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    const args = node.typeArguments ?? [];
    if (name === 'Record') return { type: 'object', additionalProperties: schemaOf(args[1], decls) };
    if (name === 'NonNullable') {
      const alias = decls.types.get(args[0].getText());
      const members = ts.isUnionTypeNode(alias.type)
        ? alias.type.types.filter((t) => !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword))
        : [alias.type];
      return members.length === 1 ? schemaOf(members[0], decls) : { anyOf: members.map((t) => schemaOf(t, decls)) };
    }
    if (!decls.types.has(name))
      throw new Error(`unknown type ${name} in the contract: define it in analyzer/contract/`);
    return { $ref: `#/definitions/${name}` };
  }
  throw new Error(`unsupported type ${node.getText()}`);
}

/** The schema of one contract: its root type and every type it reaches. */
export function contractSchema(which) {
  const decls = declarations();
  const root = ROOTS[which];
  const definitions = {};
  const pending = [root.type];
  while (pending.length) {
    const name = pending.pop();
    if (definitions[name]) continue;
    const d = decls.types.get(name);
    const body = ts.isInterfaceDeclaration(d) ? objectOf(membersOf(d, decls), decls) : schemaOf(d.type, decls);
    definitions[name] = { ...describe(d), ...body };
    for (const m of JSON.stringify(body).matchAll(/#\/definitions\/(\w+)/g)) pending.push(m[1]);
  }
  const sorted = Object.fromEntries(
    Object.keys(definitions)
      .sort()
      .map((k) => [k, definitions[k]]),
  );
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `https://conway.invalid/schema/${which}.schema.json`,
    title: `Conway ${which}, schemaVersion ${constOf(decls.consts.get(root.version))}`,
    $ref: `#/definitions/${root.type}`,
    definitions: sorted,
  };
}

export const schemaVersionOf = (which) => constOf(declarations().consts.get(ROOTS[which].version));

/** What identifies a contract's shape: descriptions left out, so rewording a comment needs no new version. */
export function fingerprintOf(schema) {
  const strip = (x) =>
    Array.isArray(x)
      ? x.map(strip)
      : x && typeof x === 'object'
        ? Object.fromEntries(
            Object.entries(x)
              .filter(([k]) => k !== 'description' && k !== 'title')
              .map(([k, v]) => [k, strip(v)]),
          )
        : x;
  return createHash('sha256')
    .update(JSON.stringify(strip(schema.definitions)))
    .digest('hex')
    .slice(0, 16);
}

export const schemaFile = (which) => join(DIR, `${which}.schema.json`);
export const VERSIONS_FILE = join(DIR, 'schema-versions.json');

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const versions = JSON.parse(readFileSync(VERSIONS_FILE, 'utf8'));
  for (const which of Object.keys(ROOTS)) {
    const schema = contractSchema(which);
    const version = String(schemaVersionOf(which));
    const print = fingerprintOf(schema);
    const known = versions[which][version];
    if (known && known !== print) {
      console.error(
        `analyzer/contract: the ${which} contract changed but its schemaVersion is still ${version}: bump ${ROOTS[which].version} and run this again`,
      );
      process.exit(1);
    }
    versions[which][version] = print;
    writeFileSync(schemaFile(which), JSON.stringify(schema, null, 2) + '\n');
  }
  writeFileSync(VERSIONS_FILE, JSON.stringify(versions, null, 2) + '\n');
  console.log('analyzer/contract: report.schema.json and review.schema.json written');
}
