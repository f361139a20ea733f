/**
 * Links the app may hand to the OS browser (security checklist #15: never `shell.openExternal`
 * untrusted content). Only https, only documentation hosts the findings and the Help menu cite.
 */
export const EXTERNAL_HOST_ALLOWLIST: readonly string[] = [
  'docs.aws.amazon.com',
  'confluence.atlassian.com',
  'support.atlassian.com',
  'developer.atlassian.com',
  'wiki.resolution.de',
];

export function isAllowedExternalUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username !== '' || u.password !== '' || u.port !== '') return false;
  return EXTERNAL_HOST_ALLOWLIST.includes(u.hostname.toLowerCase());
}

export const HELP_LINKS = {
  atlassianJit: 'https://confluence.atlassian.com/enterprise/jit-user-provisioning-1005342579.html',
  resolutionTroubleshooting: 'https://wiki.resolution.de/doc/saml-sso/6.0.x/jira/troubleshooting',
} as const;
