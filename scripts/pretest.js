// Before the tests: browser tests need Debian's Chromium at /usr/bin/chromium (never a downloaded browser).
// As root on Debian we install it; otherwise we say what to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('/usr/bin/chromium')) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    process.stderr.write('installing Debian chromium for the browser tests…\n');
    try {
      execSync('apt-get install -y chromium', { stdio: 'inherit' });
    } catch {
      execSync('apt-get update && apt-get install -y chromium', { stdio: 'inherit' });
    }
  } else {
    process.stderr.write('browser tests need Chromium at /usr/bin/chromium: run `sudo apt-get install -y chromium`\n');
  }
}

// The workspace app's browser tests (e2e/workspace) and /app/ need the built app (src/web/dist).
execSync('npm run build:web', { stdio: 'inherit' });
