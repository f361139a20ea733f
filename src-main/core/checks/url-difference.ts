/**
 * Names how a received URL or entity ID differs from the expected one. Exact string equality is what
 * SAML SPs compare, but "trailing slash", "http instead of https" or "another path on the same host"
 * tells a support agent which setting produced the value far faster than two long strings do.
 */
import { ATLASSIAN_SSO2_ACS_PATH, RESOLUTION_ACS_PATH } from '../fixes/atlassian.js';
import { ownValue } from '../model/own.js';

export type DifferenceKind =
  | 'whitespace'
  | 'case'
  | 'scheme'
  | 'host-case'
  | 'default-port'
  | 'trailing-slash'
  | 'path-case'
  | 'other-path'
  | 'sso-implementation'
  | 'other-host'
  | 'query'
  | 'different';

export interface ValueDifference {
  kinds: DifferenceKind[];
  /** True when the values are the same thing written differently, or another path on the same host. */
  nearMiss: boolean;
  /** Plain-language description, e.g. "a near miss: http instead of https". */
  description: string;
}

interface UrlParts {
  scheme: string;
  host: string;
  port?: string;
  path: string;
  query: string;
}

const URL_SHAPE = /^([a-z][a-z0-9+.-]*):\/\/([^/:?#]+)(?::(\d+))?([^?#]*)(\?[^#]*)?(#.*)?$/i;
const DEFAULT_PORT: Record<string, string> = { http: '80', https: '443' };

function parseUrl(value: string): UrlParts | undefined {
  const m = URL_SHAPE.exec(value);
  if (!m) return undefined;
  const parts: UrlParts = { scheme: m[1] ?? '', host: m[2] ?? '', path: m[4] ?? '', query: m[5] ?? '' };
  if (m[3] !== undefined) parts.port = m[3];
  return parts;
}

function stripSlash(path: string): string {
  return path.replace(/\/+$/, '');
}

const NEAR_MISS_TEXT: Partial<Record<DifferenceKind, string>> = {
  whitespace: 'extra whitespace around the value',
  case: 'the same text in different letter case',
  scheme: 'http instead of https (or the reverse)',
  'host-case': 'the host name in different letter case',
  'default-port': 'an explicit default port',
  'trailing-slash': 'a trailing slash',
  'path-case': 'the path in different letter case',
};

/** Compares a received value with the expected one; undefined when they are identical. */
export function describeDifference(received: string, expected: string): ValueDifference | undefined {
  if (received === expected) return undefined;
  if (received.trim() === expected.trim()) {
    return { kinds: ['whitespace'], nearMiss: true, description: `a near miss: ${NEAR_MISS_TEXT.whitespace}` };
  }
  const a = parseUrl(received.trim());
  const b = parseUrl(expected.trim());
  if (!a || !b) {
    if (received.trim().toLowerCase() === expected.trim().toLowerCase()) {
      return { kinds: ['case'], nearMiss: true, description: `a near miss: ${NEAR_MISS_TEXT.case}` };
    }
    return { kinds: ['different'], nearMiss: false, description: 'a different value' };
  }

  const kinds: DifferenceKind[] = [];
  const schemeA = a.scheme.toLowerCase();
  const schemeB = b.scheme.toLowerCase();
  if (schemeA !== schemeB) kinds.push('scheme');
  if (a.host.toLowerCase() !== b.host.toLowerCase()) kinds.push('other-host');
  else if (a.host !== b.host) kinds.push('host-case');
  const portA = a.port ?? ownValue(DEFAULT_PORT, schemeA);
  const portB = b.port ?? ownValue(DEFAULT_PORT, schemeB);
  if (a.port !== b.port) {
    // Same effective port (":443" written out) is a near miss; another port is another endpoint.
    const bothDefault = portA === ownValue(DEFAULT_PORT, schemeA) && portB === ownValue(DEFAULT_PORT, schemeB);
    if (portA === portB) kinds.push('default-port');
    else if (!(kinds.includes('scheme') && bothDefault)) kinds.push('other-host');
  }
  if (a.path !== b.path) {
    if (stripSlash(a.path) === stripSlash(b.path)) kinds.push('trailing-slash');
    else if (stripSlash(a.path).toLowerCase() === stripSlash(b.path).toLowerCase()) {
      kinds.push('path-case');
      if (a.path.endsWith('/') !== b.path.endsWith('/')) kinds.push('trailing-slash');
    } else if (isOtherSsoImplementation(a.path, b.path)) kinds.push('sso-implementation');
    else kinds.push('other-path');
  }
  if (a.query !== b.query) kinds.push('query');

  const nearMissKinds = kinds.filter((k) => NEAR_MISS_TEXT[k] !== undefined);
  if (kinds.length > 0 && nearMissKinds.length === kinds.length) {
    return { kinds, nearMiss: true, description: `a near miss: ${nearMissKinds.map((k) => NEAR_MISS_TEXT[k]).join(', and ')}` };
  }
  const sameHost = !kinds.includes('other-host');
  if (sameHost && (kinds.includes('other-path') || kinds.includes('sso-implementation'))) {
    const pathText = kinds.includes('sso-implementation')
      ? `another path on the same host: ${describeSsoPaths(a.path)}`
      : `another path on the same host (${a.path || '/'} instead of ${b.path || '/'})`;
    const extra = nearMissKinds.map((k) => NEAR_MISS_TEXT[k]);
    return { kinds, nearMiss: true, description: `a near miss: ${[pathText, ...extra].join(', and ')}` };
  }
  if (kinds.includes('other-host') && !kinds.includes('other-path') && !kinds.includes('sso-implementation')) {
    return { kinds, nearMiss: false, description: `the same path on another host (${a.host}${a.port ? `:${a.port}` : ''} instead of ${b.host}${b.port ? `:${b.port}` : ''})` };
  }
  return { kinds, nearMiss: false, description: 'a different URL' };
}

function isOtherSsoImplementation(pathA: string, pathB: string): boolean {
  const ends = (p: string, suffix: string) => stripSlash(p).endsWith(suffix);
  return (ends(pathA, ATLASSIAN_SSO2_ACS_PATH) && ends(pathB, RESOLUTION_ACS_PATH)) || (ends(pathA, RESOLUTION_ACS_PATH) && ends(pathB, ATLASSIAN_SSO2_ACS_PATH));
}

function describeSsoPaths(receivedPath: string): string {
  return stripSlash(receivedPath).endsWith(ATLASSIAN_SSO2_ACS_PATH)
    ? `${ATLASSIAN_SSO2_ACS_PATH} is the ACS of Atlassian's SSO 2.0, while ${RESOLUTION_ACS_PATH} (the resolution SAML SSO app's) is expected`
    : `${RESOLUTION_ACS_PATH} is the ACS of the resolution SAML SSO app, while ${ATLASSIAN_SSO2_ACS_PATH} (Atlassian's SSO 2.0) is expected`;
}
