// Generates a large, realistic repository with `git fast-import` for the benches, cached under
// bench/.repos/ (git-ignored). Shape: `teams` teams, each owning packages/<team>/ with its share
// of `files` TS files grouped in co-change groups of 4; 3–8 authors per team (some with GitHub
// noreply addresses) who mostly change their own team's files; cross-team commits between
// neighbouring teams of a cluster; occasional renames, co-authored commits, lockfile updates
// and dependabot commits. Writes .github/CODEOWNERS (one rule per team dir) and conway.yml
// (teams, members, 4 clusters; the conway.yml format of docs/cli.md).
// CLI: node bench/genrepo.mjs [commits] [files] [teams]  → prints the repository path.
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { once } from 'node:events';
import { join } from 'node:path';

const VERSION = 1;
const FIRST = [
  'Ann',
  'Bob',
  'Cat',
  'Dan',
  'Eve',
  'Fay',
  'Gus',
  'Hal',
  'Ida',
  'Jon',
  'Kim',
  'Lea',
  'Max',
  'Nia',
  'Oli',
  'Pam',
];
const LAST = ['Lee', 'Stone', 'Park', 'Ng', 'Rossi', 'Kahn', 'Moreau', 'Silva', 'Berg', 'Ito', 'Okafor', 'Novak'];

/**
 * A scratch copy of the generated repository for a bench that commits into it (the cached original
 * stays untouched): `work` (remove it when done), `repo` inside it, and `git(...args)` run there.
 */
export async function genRepoCopy(sizes, prefix) {
  const source = await genRepo(sizes);
  const work = mkdtempSync(join(tmpdir(), prefix));
  const repo = join(work, 'repo');
  cpSync(source, repo, { recursive: true });
  const git = (...args) =>
    execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@x.io', ...args], {
      cwd: repo,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
  return { work, repo, git };
}

export async function genRepo({
  commits = 50_000,
  files = 10_000,
  teams = 20,
  root = new URL('.repos/', import.meta.url).pathname,
} = {}) {
  const dir = join(root, `v${VERSION}-c${commits}-f${files}-t${teams}`);
  if (existsSync(join(dir, '.complete'))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  git(dir, 'init', '-q', '-b', 'main');
  const world = makeWorld(files, teams, rng(42));
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  const exit = once(child, 'close');
  await writeHistory(child.stdin, world, commits, rng(7));
  const [code] = await exit;
  if (code !== 0) throw new Error(`git fast-import failed with exit ${code}`);
  git(dir, 'checkout', '-q', '-f', 'main');
  writeFileSync(join(dir, '.complete'), '');
  return dir;
}

function git(dir, ...args) {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

function rng(seed) {
  let a = seed >>> 0; // mulberry32: small, fast, deterministic
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeWorld(fileCount, teamCount, r) {
  const teams = [];
  const perTeam = Math.max(4, Math.floor(fileCount / teamCount));
  let person = 0;
  for (let t = 0; t < teamCount; t++) {
    const id = `team-${String(t + 1).padStart(2, '0')}`;
    const people = Array.from({ length: 3 + Math.floor(r() * 6) }, () => makePerson(person++, r));
    const paths = Array.from({ length: perTeam }, (_, i) => `packages/${id}/src/mod${Math.floor(i / 40)}/file${i}.ts`);
    teams.push({ id, people, paths });
  }
  const content = new Map();
  for (const t of teams) for (const p of t.paths) content.set(p, makeLines(20 + Math.floor(r() * 60), r));
  content.set('package-lock.json', makeLines(3000, r));
  return { teams, content, renames: 0, clusterSize: Math.max(1, Math.ceil(teamCount / 4)) };
}

function makePerson(i, r) {
  const first = FIRST[i % FIRST.length];
  const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
  const name = `${first} ${last}${i >= FIRST.length * LAST.length ? ` ${i}` : ''}`;
  const handle = `${first}-${last}-${i}`.toLowerCase();
  const email = r() < 0.15 ? `${1000 + i}+${handle}@users.noreply.github.com` : `${handle}@acme.io`;
  return { name, email, handle };
}

function makeLines(n, r) {
  return Array.from({ length: n }, () => line(r));
}

function line(r) {
  return `export const v${Math.floor(r() * 1e9).toString(36)} = ${Math.floor(r() * 1e6)};`;
}

/** Streams the fast-import commands, waiting for the pipe to drain (backpressure). */
async function writeHistory(stdin, world, total, r) {
  let buf = '';
  const flush = async (force) => {
    if (buf.length < 1 << 20 && !force) return;
    if (!stdin.write(buf)) await once(stdin, 'drain');
    buf = '';
  };
  let date = Date.parse('2019-01-01T00:00:00Z') / 1000;
  const emit = (c) => (buf += commitText(c, ++emitted, date));
  let emitted = 0;
  emit(setupCommit(world));
  for (const t of world.teams) {
    emit({
      person: t.people[0],
      message: `${t.id}: initial import`,
      files: t.paths.map((p) => modify(p, world.content.get(p))),
    });
  }
  while (emitted < total) {
    date += 60 + Math.floor(r() * 3000);
    emit(randomCommit(world, r));
    await flush(false);
  }
  buf += 'done\n';
  await flush(true);
  stdin.end();
}

function commitText(c, mark, date) {
  const who = `${c.person.name} <${c.person.email}> ${date} +0000`;
  const msg = c.message + '\n';
  let s = `commit refs/heads/main\nmark :${mark}\nauthor ${who}\ncommitter ${who}\ndata ${Buffer.byteLength(msg)}\n${msg}`;
  if (mark > 1) s += `from :${mark - 1}\n`;
  for (const f of c.files) s += f;
  return s + '\n';
}

function modify(path, lines) {
  const text = lines.join('\n') + '\n';
  return `M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`;
}

function setupCommit(world) {
  const owners = world.teams.map((t) => `/packages/${t.id}/ @acme/${t.id}`).join('\n') + '\n';
  const files = [modify('.github/CODEOWNERS', [owners.trimEnd()]), modify('conway.yml', [teamMap(world).trimEnd()])];
  files.push(modify('package-lock.json', world.content.get('package-lock.json')));
  return { person: world.teams[0].people[0], message: 'Set up repository', files };
}

function teamMap(world) {
  const teams = world.teams.map((t) => {
    const members = t.people
      .flatMap((p) => [p.email, p.name, `@${p.handle}`])
      .map((m) => JSON.stringify(m))
      .join(', ');
    return `  ${t.id}:\n    name: Team ${t.id.slice(5)}\n    owners: ["@acme/${t.id}"]\n    members: [${members}]\n`;
  });
  const clusters = [];
  for (let c = 0; c * world.clusterSize < world.teams.length; c++) {
    const ids = world.teams.slice(c * world.clusterSize, (c + 1) * world.clusterSize).map((t) => t.id);
    clusters.push(`  cluster-${c + 1}: [${ids.join(', ')}]\n`);
  }
  return `teams:\n${teams.join('')}clusters:\n${clusters.join('')}`;
}

/** One commit: mostly a team member changing part of a co-change group of their team. */
function randomCommit(world, r) {
  const ti = Math.floor(r() * world.teams.length);
  const team = world.teams[ti];
  if (r() < 0.01)
    return lockfileCommit(world, r, {
      name: 'dependabot[bot]',
      email: '49699333+dependabot[bot]@users.noreply.github.com',
    });
  const from = r() < 0.85 ? team : world.teams[Math.floor(r() * world.teams.length)];
  const person = from.people[Math.floor(r() * from.people.length)];
  const group = Math.floor((r() * team.paths.length) / 4) * 4;
  const files = [];
  if (r() < 0.004) files.push(renameOne(world, team, group, r));
  const paths = team.paths.slice(group, group + 1 + Math.floor(r() * 4));
  if (r() < 0.1) paths.push(pick(neighbour(world, ti).paths.slice(0, 8), r)); // the neighbour's API files
  for (const p of new Set(paths)) files.push(modify(p, edit(world.content.get(p), r)));
  if (r() < 0.02) files.push(modify('package-lock.json', edit(world.content.get('package-lock.json'), r)));
  const co = r() < 0.05 ? pick(team.people, r) : null;
  const trailer = co && co !== person ? `\n\nCo-authored-by: ${co.name} <${co.email}>` : '';
  return { person, message: `${team.id}: change ${group}${trailer}`, files };
}

function lockfileCommit(world, r, person) {
  return {
    person,
    message: 'Bump dependencies',
    files: [modify('package-lock.json', edit(world.content.get('package-lock.json'), r))],
  };
}

function neighbour(world, ti) {
  const start = Math.floor(ti / world.clusterSize) * world.clusterSize;
  const size = Math.min(world.clusterSize, world.teams.length - start);
  return world.teams[start + ((ti - start + 1) % size)];
}

/** Moves a file to another module directory; the content stays, so git -M sees a rename. */
function renameOne(world, team, group, r) {
  const i = group + Math.floor(r() * 4) >= team.paths.length ? group : group + Math.floor(r() * 4);
  const old = team.paths[i];
  const next = `packages/${team.id}/src/mod${Math.floor(r() * 20)}/moved${i}x${++world.renames}.ts`;
  world.content.set(next, world.content.get(old));
  world.content.delete(old);
  team.paths[i] = next;
  return `R ${old} ${next}\n`;
}

function edit(lines, r) {
  for (let k = 1 + Math.floor(r() * 3); k > 0; k--) lines[Math.floor(r() * lines.length)] = line(r);
  if (r() < 0.6) lines.splice(Math.floor(r() * lines.length), 0, ...makeLines(1 + Math.floor(r() * 4), r));
  if (r() < 0.4 && lines.length > 10) lines.splice(Math.floor(r() * lines.length), 1 + Math.floor(r() * 2));
  return lines;
}

function pick(list, r) {
  return list[Math.floor(r() * list.length)];
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  const [commits, files, teams] = process.argv.slice(2).map(Number);
  const t0 = Date.now();
  const dir = await genRepo({ commits: commits || undefined, files: files || undefined, teams: teams || undefined });
  console.log(`${dir} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
