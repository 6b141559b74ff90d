import { describe, expect, it } from 'vitest';
import { makeBotTest } from '../../analyzer/history/bots';
import { makeResolver, noreplyHandle, parseTrailerIdentity } from '../../analyzer/history/identity';

describe('identity', () => {
  it('reads the handle from both GitHub noreply forms', () => {
    expect(noreplyHandle('123+ann-gh@users.noreply.github.com')).toBe('ann-gh');
    expect(noreplyHandle('ann-gh@users.noreply.github.com')).toBe('ann-gh');
    expect(noreplyHandle('ann@acme.io')).toBeNull();
  });

  it('resolves team-map aliases (email, git name, @handle) before noreply and email', () => {
    const resolve = makeResolver([{ person: 'ann', aliases: ['ann@acme.io', 'Ann Lee', '@ann-gh'] }]);
    expect(resolve('Whoever', 'ANN@acme.io')).toBe('ann');
    expect(resolve('ann lee', 'ann@home.example')).toBe('ann');
    expect(resolve('A', '9+ann-gh@users.noreply.github.com')).toBe('ann');
    expect(resolve('Bob', '7+bob-gh@users.noreply.github.com')).toBe('bob-gh');
    expect(resolve('Bob', 'Bob@Acme.io')).toBe('bob@acme.io');
    expect(resolve('No Mail', '')).toBe('no mail');
  });

  it('splits trailer values as git writes an identity, and rejects what is not one', () => {
    expect(parseTrailerIdentity('Bob Stone <bob@acme.io>')).toEqual({ name: 'Bob Stone', email: 'bob@acme.io' });
    expect(parseTrailerIdentity('  <bob@acme.io> ')).toEqual({ name: '', email: 'bob@acme.io' });
    for (const bad of ['just a name', 'Bob Stone bob@acme.io', 'Bob <>', 'Bob <not an email>', 'Bob <a@b> <c@d>'])
      expect(parseTrailerIdentity(bad)).toBeNull();
  });

  it('recognises bots by [bot] suffix, known names and extra patterns', () => {
    const isBot = makeBotTest(['release-train']);
    expect(isBot('dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com')).toBe(true);
    expect(isBot('some-app[bot]', 'x@y.io')).toBe(true);
    expect(isBot('Renovate Bot', 'bot@renovateapp.com')).toBe(true);
    expect(isBot('github-actions', 'actions@github.com')).toBe(true);
    expect(isBot('Release Train', 'release-train@acme.io')).toBe(true);
    expect(isBot('Ann Lee', 'ann@acme.io')).toBe(false);
  });

  it('recognises accounts named like bots without [bot], and not people whose surname ends in "bot"', () => {
    const isBot = makeBotTest();
    expect(isBot('getsentry-bot', 'bot@sentry.io')).toBe(true);
    expect(isBot('aws-amplify-bot', 'aws@amazon.com')).toBe(true);
    expect(isBot('sentrybot', 'x@y.io')).toBe(true);
    expect(isBot('OpenTelemetry Bot', '107717825+opentelemetrybot@users.noreply.github.com')).toBe(true);
    expect(isBot('Release Automation', 'ci.bot@acme.io')).toBe(true);
    expect(isBot('Jane Talbot', 'jtalbot@acme.io')).toBe(false);
    expect(isBot('Abbot Smith', 'abbot@acme.io')).toBe(false);
  });
});
