// Makes sure Debian's Chromium is installed for the browser tests (HTML report, editor tests).
// Installs it with apt-get when missing and running as root (as CI does); otherwise explains.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const packages = ['chromium', 'libkrb5-dev', 'pkg-config'];
const missing = !existsSync('/usr/bin/chromium') || !existsSync('/usr/include/krb5.h') || !hasPkgConfig();
if (missing) {
  if (process.getuid?.() !== 0) {
    console.error(
      `Chromium (or libkrb5-dev / pkg-config) is missing: run \`sudo apt-get install -y ${packages.join(' ')}\``,
    );
    process.exit(1);
  }
  console.log(`installing ${packages.join(', ')} with apt-get …`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

function hasPkgConfig() {
  try {
    execFileSync('pkg-config', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
