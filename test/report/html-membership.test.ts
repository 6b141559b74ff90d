// The static HTML report says which team numbers rest on inferred membership and lists review
// groups with their share of approvals, repository strings escaped.
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../analyzer/report/html';
import { sampleReport } from '../fixtures/report';

describe('HTML report: membership and roles', () => {
  const r = sampleReport();
  r.teams[0].membership = 'inferred';
  r.teams[2] = { ...r.teams[2], role: 'review-group', membership: 'declared', approvalShare: 0.9 };
  const html = renderHtml(r);

  it('marks inferred teams and says how to declare them', () => {
    expect(html).toContain(
      '<p class="muted">Teams marked * : membership inferred from history — run `conway init`.</p>',
    );
    expect(html).toContain(
      `<td>${r.teams[0].name} <span class="muted" title="membership inferred from history — run \`conway init\`">*</span></td>`,
    );
  });

  it('lists review groups with their share of approvals', () => {
    expect(html).toContain(
      "Review groups (approve other teams' code; not anyone's coupling partner): Web &#34;Storefront&#34; &#38; &#60;Co&#62; (90% of changes).",
    );
    expect(html).toContain(
      'Web &#34;Storefront&#34; &#38; &#60;Co&#62; <span class="muted">(review group)</span></td>',
    );
  });
});
