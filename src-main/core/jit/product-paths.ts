/** Where things live in each product's administration UI, for findings' fixes. */
import type { Product } from './snapshot-schema.js';

const PRODUCT_NAME: Record<Product, string> = { jira: 'Jira', confluence: 'Confluence', bitbucket: 'Bitbucket', bamboo: 'Bamboo' };

export function productName(product: Product): string {
  return PRODUCT_NAME[product];
}

/** SSO 2.0 configuration screen (https://confluence.atlassian.com/enterprise/working-with-jit-provisioning-1005342571.html). */
export function atlassianSsoPath(product: Product): string {
  switch (product) {
    case 'jira':
      return 'Jira administration → System → SSO 2.0 Authentication → JIT provisioning';
    case 'confluence':
      return 'Confluence administration → General Configuration → SSO 2.0 → JIT provisioning';
    case 'bitbucket':
      return 'Bitbucket administration → Accounts → SSO 2.0 Authentication → JIT provisioning';
    case 'bamboo':
      return 'Bamboo administration → Security → SSO 2.0 Authentication → JIT provisioning';
  }
}

/** resolution SAML SSO, Identity Providers tab (https://wiki.resolution.de/doc/saml-sso/latest/all/knowledgebase-articles/technical/configuring-the-user-update-method). */
export function resolutionPath(section = 'User Creation and Update'): string {
  return `Manage apps → SAML SingleSignOn → Identity Providers → <your AWS IdP> → ${section}`;
}

export const AWS_MAPPINGS_PATH = 'IAM Identity Center → Applications → <your application> → Actions → Edit attribute mappings';

export function userDirectoriesPath(product: Product): string {
  switch (product) {
    case 'jira':
      return 'Jira administration → User management → User Directories';
    case 'confluence':
      return 'Confluence administration → General Configuration → User Directories';
    case 'bitbucket':
      return 'Bitbucket administration → Accounts → User Directories';
    case 'bamboo':
      return 'Bamboo administration → Security → User Directories';
  }
}

export function applicationAccessPath(product: Product): string {
  switch (product) {
    case 'jira':
      return 'Jira administration → Applications → Application access';
    case 'confluence':
      return 'Confluence administration → General Configuration → Global permissions (Can use)';
    case 'bitbucket':
      return 'Bitbucket administration → Accounts → Global permissions (Bitbucket User)';
    case 'bamboo':
      return 'Bamboo administration → Security → Global permissions (Access)';
  }
}

export function groupsPath(product: Product): string {
  switch (product) {
    case 'jira':
      return 'Jira administration → User management → Groups';
    case 'confluence':
      return 'Confluence administration → Users & Security → Groups';
    case 'bitbucket':
      return 'Bitbucket administration → Accounts → Groups';
    case 'bamboo':
      return 'Bamboo administration → Security → Groups';
  }
}

export function licensePath(product: Product): string {
  switch (product) {
    case 'jira':
      return 'Jira administration → Applications → Versions & licenses';
    case 'confluence':
      return 'Confluence administration → General Configuration → License Details';
    case 'bitbucket':
      return 'Bitbucket administration → Settings → Licensing';
    case 'bamboo':
      return 'Bamboo administration → System → License details';
  }
}
