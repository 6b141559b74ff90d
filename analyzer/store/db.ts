// Opens the history database with @duckdb/node-api (a native module, loaded only by the
// commands that use it), creating the schema or checking its version.
import { UserError } from '../contract/errors';
import { SCHEMA, STORE_VERSION } from './schema';

export type Connection = import('@duckdb/node-api').DuckDBConnection;
type Value = string | number | boolean | null;

export interface Db {
  run(sql: string, params?: Value[]): Promise<void>;
  rows(sql: string, params?: Value[]): Promise<Record<string, unknown>[]>;
  close(): void;
}

export async function openDb(path: string, create: boolean): Promise<Db> {
  // require, not import(): the CLI runs from V8's code cache, where dynamic import has no loader.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { DuckDBInstance } = require('@duckdb/node-api') as typeof import('@duckdb/node-api');
  let conn: Connection;
  try {
    conn = await (await DuckDBInstance.create(path)).connect();
  } catch (e) {
    throw new UserError(`--db ${path}: cannot open the DuckDB database: ${(e as Error).message.split('\n')[0]}`);
  }
  const db: Db = {
    run: async (sql, params) => void (await conn.run(sql, params as never)),
    rows: async (sql, params) => (await conn.runAndReadAll(sql, params as never)).getRowObjectsJson() as Record<string, unknown>[],
    close: () => conn.closeSync(),
  };
  const known = await db.rows(`select count(*) as n from information_schema.tables where table_name = 'conway_schema'`);
  if (Number(known[0].n) === 0) {
    if (!create) throw new UserError(`--db ${path}: not a Conway history database (no conway_schema table) — create it with \`conway snapshot --db ${path} REPORT.json\``);
    for (const sql of SCHEMA) await db.run(sql);
    await db.run('insert into conway_schema values ($1)', [STORE_VERSION]);
  }
  const v = Number((await db.rows('select max(version) as v from conway_schema'))[0].v);
  if (v > STORE_VERSION) throw new UserError(`--db ${path}: schema version ${v} is newer than this Conway's (${STORE_VERSION}) — upgrade Conway`);
  return db;
}
