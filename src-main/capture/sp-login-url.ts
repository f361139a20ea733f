/**
 * The URL the capture window opens for a target profile: the product's login page, which sends the
 * browser to the IdP when SSO is on. Taken from the live instance's base URL, else from the ACS URL's
 * base (everything before /plugins/servlet/…). Undefined when the profile names neither.
 */
const LOGIN_PATHS: Record<string, string> = {
  jira: '/login.jsp',
  confluence: '/login.action',
  bitbucket: '/login',
  bamboo: '/userlogin.action',
};

export interface ProfileForLogin {
  product: string;
  sp: { acsUrl?: string };
  instance: { live?: { baseUrl: string } } | { snapshot: string };
}

export function spLoginUrl(profile: ProfileForLogin): string | undefined {
  const live = 'live' in profile.instance ? profile.instance.live?.baseUrl : undefined;
  const acs = profile.sp.acsUrl;
  const base = live ?? (acs !== undefined && /\/plugins\/servlet\//.test(acs) ? acs.slice(0, acs.indexOf('/plugins/servlet/')) : undefined);
  if (base === undefined) return undefined;
  return `${base.replace(/\/+$/, '')}${LOGIN_PATHS[profile.product] ?? '/'}`;
}
