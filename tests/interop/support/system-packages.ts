/**
 * The interop suites run real SAML implementations from Debian packages. Without a package a suite is
 * skipped with one line on a developer machine; under CI (`CI` set) a missing package fails the run, so
 * the interop evidence can never silently disappear from CI.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';

export const PYTHON = '/usr/bin/python3';
export const XMLSEC1 = '/usr/bin/xmlsec1';

/** One Debian package a suite needs, and how to tell that it is installed. */
export interface SystemPackage {
  debian: string;
  present: () => boolean;
}

export const pythonModule = (debian: string, module: string): SystemPackage => ({
  debian,
  present: () => existsSync(PYTHON) && spawnSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0,
});

export const file = (debian: string, path: string): SystemPackage => ({ debian, present: () => existsSync(path) });

export const phpExtension = (debian: string, extension: string): SystemPackage => ({
  debian,
  present: () => existsSync('/usr/bin/php') && spawnSync('/usr/bin/php', ['-m'], { encoding: 'utf8' }).stdout.split('\n').some((l) => l.trim().toLowerCase() === extension),
});

export const XMLSEC1_PACKAGE = file('xmlsec1', XMLSEC1);

/** Names of the Debian packages that are missing. */
export function missingPackages(packages: SystemPackage[]): string[] {
  return packages.filter((p) => !p.present()).map((p) => p.debian);
}

/**
 * `describe` when every package is installed. Otherwise: under CI one failing test naming the packages;
 * elsewhere a skipped suite and one line saying what to install.
 */
export function describeWithPackages(title: string, packages: SystemPackage[], body: () => void): void {
  const missing = missingPackages(packages);
  if (missing.length === 0) {
    describe(title, body);
    return;
  }
  const line = `${title}: needs the Debian package(s) ${missing.join(', ')} (apt-get install ${missing.join(' ')})`;
  if (process.env.CI) {
    describe(title, () => it('has its Debian packages installed', () => {
      throw new Error(`${line}; CI must install them (.ci/run).`);
    }));
    return;
  }
  console.warn(`interop skipped: ${line}`);
  describe.skip(title, body);
}
