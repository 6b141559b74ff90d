// Opens the history database with @duckdb/node-api (a native module, loaded only by the
// commands that use it), creating the schema or checking its version. A writer brings an older
// database up to this version (MIGRATIONS); a reader (the editor's trend view) opens it read-only,
// so `conway snapshot` can keep writing it, and reads what an older version has.
import { UserError } from '../contract/errors';
import { MIGRATIONS, SCHEMA, STORE_VERSION } from './schema';

export type Connection = import('@duckdb/node-api').DuckDBConnection;
type Value = string | number | boolean | null;

export interface Db {
  /** The schema version of the database (after migrations, when opened for writing). */
  version: number;
  run(sql: string, params?: Value[]): Promise<void>;
  rows(sql: string, params?: Value[]): Promise<Record<string, unknown>[]>;
  close(): void;
}

export type OpenMode = 'create' | 'write' | 'read-only';

/** `label`: how the user named the file, for errors (`--db` on the CLI, `conway.snapshotDb` in the editor). */
export async function openDb(path: string, how: OpenMode, label = '--db'): Promise<Db> {
  let duckdb: typeof import('@duckdb/node-api');
  try {
    // require, not import(): the CLI runs from V8's code cache, where dynamic import has no loader.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    duckdb = require('@duckdb/node-api') as typeof import('@duckdb/node-api');
  } catch (e) {
    throw new UserError(
      `${label} ${path}: DuckDB (the npm package @duckdb/node-api) is not installed next to Conway: ${(e as Error).message.split('\n')[0]} — run \`npm install @duckdb/node-api\``,
    );
  }
  let instance: import('@duckdb/node-api').DuckDBInstance;
  let conn: Connection;
  try {
    instance = await duckdb.DuckDBInstance.create(path, how === 'read-only' ? { access_mode: 'READ_ONLY' } : undefined);
    conn = await instance.connect();
  } catch (e) {
    throw new UserError(`${label} ${path}: cannot open the DuckDB database: ${(e as Error).message.split('\n')[0]}`);
  }
  const db: Db = {
    version: 0,
    run: async (sql, params) => void (await conn.run(sql, params as never)),
    rows: async (sql, params) =>
      (await conn.runAndReadAll(sql, params as never)).getRowObjectsJson() as Record<string, unknown>[],
    // The instance holds the file lock: close it too, or a long-lived process keeps the file.
    close: () => (conn.closeSync(), instance.closeSync()),
  };
  try {
    const known = await db.rows(
      `select count(*) as n from information_schema.tables where table_name = 'conway_schema'`,
    );
    if (Number(known[0].n) === 0) {
      if (how !== 'create')
        throw new UserError(
          `${label} ${path}: not a Conway history database (no conway_schema table) — create it with \`conway snapshot --db ${path} REPORT.json\``,
        );
      for (const sql of SCHEMA) await db.run(sql);
      await db.run('insert into conway_schema values ($1)', [1]);
    }
    db.version = Number((await db.rows('select max(version) as v from conway_schema'))[0].v);
    if (db.version > STORE_VERSION)
      throw new UserError(
        `${label} ${path}: schema version ${db.version} is newer than this Conway's (${STORE_VERSION}) — upgrade Conway`,
      );
    if (how !== 'read-only') {
      for (let v = db.version + 1; v <= STORE_VERSION; v++) {
        for (const sql of MIGRATIONS[v] ?? []) await db.run(sql);
        await db.run('insert into conway_schema values ($1)', [v]);
      }
      db.version = STORE_VERSION;
    }
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}
