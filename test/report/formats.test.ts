// The reporters on a real analysis of test/fixtures/boundaries.ts, plus a repository whose
// author name and paths are hostile HTML: Markdown, SARIF (validated against the official
// 2.1.0 schema), HTML (escaped, no scripts, no remote assets).
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRepo } from '../../analyzer/analyze';
import { renderReport } from '../../analyzer/report';
import type { Report } from '../../analyzer/contract/report';
import { boundariesRepo } from '../fixtures/boundaries';
import { makeRepo, type Repo } from '../fixtures/repo';

let repo: Repo;
let evil: Repo;
let r: Report;
let e: Report;

beforeAll(async () => {
  repo = boundariesRepo();
  r = await analyzeRepo(repo.dir, { cache: false, metrics: { minSample: 0 } });
  // git strips < and > from author names, so the hostile markup goes in a path; the name has quotes and &.
  evil = makeRepo([
    {
      author: { name: 'Eve" onmouseover="alert(1)" & co', email: 'x@evil.io' },
      files: {
        CODEOWNERS: '/lib/ @o/a\n',
        'lib/x.ts': 'export {};\n',
        'src/<img src=x onerror=alert(1)>.ts': "import x from '../lib/x';\n",
      },
    },
  ]);
  e = await analyzeRepo(evil.dir, { cache: false, metrics: { minSample: 1 } }); // Eve's 3 changes make her a member: her name is shown
});
afterAll(() => {
  repo.cleanup();
  evil.cleanup();
});

describe('SARIF', () => {
  it('is valid against the official SARIF 2.1.0 schema, one result per violation', () => {
    const schema = JSON.parse(
      readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
    );
    const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const sarif = JSON.parse(renderReport('sarif', r));
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
    expect(sarif.runs[0].results).toHaveLength(r.violations.length);
    expect(sarif.runs[0].results[1]).toMatchObject({
      ruleId: 'deep-import',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'billing/charge.ts' }, region: { startLine: 1 } } }],
      partialFingerprints: { 'conway/v1': r.violations[1].fingerprint },
    });
    // One result per location, each naming its finding (the group tools can group by).
    expect(sarif.runs[0].results.map((x: { properties: { group: string } }) => x.properties.group)).toEqual(
      r.violations.map((v) => v.group),
    );
    expect(new Set(r.violations.map((v) => v.group))).toEqual(new Set(r.findings!.map((f) => f.id)));
  });
});

describe('Markdown', () => {
  it('summarises autonomy, coupling and violations', () => {
    const md = renderReport('md', r);
    expect(md).toContain('| Billing |  money | 50.0 | 0% | 100% | 50% | 2 | 2 |'.replace(' money', 'money'));
    expect(md).toContain('### deep-import (2 findings, 2 locations)');
    expect(md).toContain(
      '- #2 web depends on billing (not in its dependsOn) through billing/charge.ts, from 1 place — 1 location, 3 changes; e.g. `web/app.ts:1`',
    );
    expect(md).toContain('  - fix: remove the import, or add billing to web.dependsOn in conway.yml');
  });
  it('escapes repository strings', () => {
    const md = renderReport('md', e);
    // Inside a code span Markdown shows markup literally; everywhere else it must be escaped.
    expect(md).toContain('`src/<img src=x onerror=alert(1)>.ts:1`');
    // Eve's name is shown (her quotes are inert text: only a `<`, always escaped, could open a tag).
    expect(md).toContain('Eve" onmouseover="alert(1)" &amp; co (inferred, 33% of own changes)');
    expect(md.replace(/`[^`]*`/g, '')).not.toMatch(/<img|<[a-z][^>]*onmouseover=/i);
  });
});

describe('HTML', () => {
  it('is one self-contained page: a strict CSP, one hashed inline script, static content before it', () => {
    const html = renderReport('html', r);
    expect(html).toMatch(
      /content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/]{43}='; style-src 'unsafe-inline'; img-src data:"/,
    );
    expect(html.match(/<script[^>]*>/g)).toEqual([
      '<script type="application/json" id="conway-report">',
      '<script type="module">',
    ]);
    expect(html).not.toMatch(/src="http|href="http|<script[^>]* src=/i);
    expect(html.match(/<tr data-team=/g)).toHaveLength(3);
  });
  it('names the repository and branch, says the window, and opens with where to act first', () => {
    const html = renderReport('html', r);
    expect(html).toContain(`<h1>Conway report — ${r.repo.root.split('/').pop()} (main)</h1>`);
    expect(html).toMatch(
      /<p class="window">Window \d{4}-\d\d-\d\d → HEAD: 4 commits, from [0-9a-f]{10} \(2024-01-01\) to [0-9a-f]{10} \(2024-02-04\)\.<\/p>/,
    );
    const act = /<ol class="act-first">(.*?)<\/ol>/.exec(html)![1];
    expect(act.match(/<li>/g)).toHaveLength(5);
    expect(html.match(/<tr data-group=/g)).toHaveLength(r.findings!.length);
    expect(html).toContain('changes¹');
  });
  it('says "showing N of M" when it cuts the findings', () => {
    const many = structuredClone(r);
    many.findings = Array.from({ length: 230 }, (_, i) => ({ ...r.findings![0], id: `f${i}`, rank: i + 1 }));
    const html = renderReport('html', many);
    expect(html.match(/<tr data-group=/g)).toHaveLength(200);
    expect(html).toContain('showing 200 of 230 findings, by rank');
  });
  it('renders hostile names and paths as text', () => {
    const html = renderReport('html', e);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('onmouseover="');
    expect(html).toContain('src/&#60;img src=x onerror=alert(1)&#62;.ts');
    expect(html).toContain('Eve&#34; onmouseover=&#34;alert(1)&#34; &#38; co');
  });
});
