// The history database (`conway snapshot`, `conway trend`): DuckDB tables, versioned, one row
// per (snapshot, team | cluster | repository). A snapshot is one report: its repository, commit
// and window identify it, so taking the same report again replaces it (idempotent). Ratios are
// stored with the counts behind them, so sums over repositories recompute them (docs/history.md).
// Version 2 added the team's coupling and findings (MIGRATIONS[2]). A later version adds columns
// or tables with `alter table … add column`, never renames.
export const STORE_VERSION = 2;

export const SCHEMA: string[] = [
  `create table if not exists conway_schema (version integer not null)`,
  `create table if not exists snapshots (
    snapshot_id varchar primary key, repository varchar not null, "commit" varchar, window_since varchar, window_until varchar,
    as_of date not null, quarter varchar not null, month varchar not null, commits integer not null, generated_at varchar, taken_at timestamp not null,
    merged boolean not null)`,
  `create table if not exists team_metrics (
    snapshot_id varchar not null, repository varchar not null, team varchar not null, cluster varchar, files integer, changes integer, commits integer,
    authors integer, alignment double, delivery_independence double, dependency_independence double, autonomy_score double, fragmentation double,
    aligned integer, member_commits integer, independent integer, dependency_ok integer, dependency_total integer)`,
  `create table if not exists cluster_metrics (
    snapshot_id varchar not null, repository varchar not null, cluster varchar not null, changes integer, commits integer,
    ownership_integrity double, delivery_independence double, dependency_independence double, autonomy_score double,
    aligned integer, member_commits integer, independent integer, dependency_ok integer, dependency_total integer)`,
  `create table if not exists repository_metrics (
    snapshot_id varchar not null, repository varchar not null, files integer, commits integer, teams integer, violations integer, unowned_files integer)`,
];

/** Statements that bring a database of version n − 1 to version n (run in order, then the version is recorded). */
export const MIGRATIONS: Record<number, string[]> = {
  // Coupling (import edges in and out, commits shared with other teams) and findings per team, for trend views.
  2: ['afferent', 'efferent', 'shared_commits', 'findings', 'violations'].map(
    (c) => `alter table team_metrics add column if not exists ${c} integer`,
  ),
};

export const TABLES = ['team_metrics', 'cluster_metrics', 'repository_metrics', 'snapshots'];
