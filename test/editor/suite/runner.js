// A tiny test runner for the extension host (no framework needed): named async tests run in
// order; each result and a closing `N passed, N failed` line are logged with a [conway-test]
// prefix that test/editor/run.mjs picks up from the page. run() rejects when a test failed.
const log = (...a) => console.log('[conway-test]', ...a);

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

async function waitFor(what, fn, timeout = 60000) {
  const start = Date.now();
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() - start > timeout) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function runTests(tests) {
  let passed = 0;
  let failed = 0;
  for (const [name, fn] of tests) {
    try {
      await fn();
      passed++;
      log(`ok   ${name}`);
    } catch (e) {
      failed++;
      log(`FAIL ${name}: ${e && e.message}`);
    }
  }
  log(`${passed} passed, ${failed} failed`);
  if (failed) throw new Error(`${failed} editor test(s) failed`);
}

module.exports = { assert, waitFor, runTests, log };
