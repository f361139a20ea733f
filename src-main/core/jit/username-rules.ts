/** Whether a username can exist in the product (https://confluence.atlassian.com/security/enforcing-lower-case-usernames-and-groups-for-an-application-1409289238.html and the products' user validation). */
import type { Product } from './snapshot-schema.js';
import { lowerCase } from './case-fold.js';

export interface UsernameProblem {
  rule: string;
  /** The account cannot be created or matched with this username. */
  blocking: boolean;
  /** The rule is not documented for the JIT path (JIT creates through Crowd, bypassing UserService). */
  inferred: boolean;
}

// Built once: a regular-expression literal is a new object each time it is evaluated (https://tc39.es/ecma262/#sec-regular-expression-literals-runtime-semantics-evaluation), and bulk runs check every user.
const MARKUP = /[<>&]/;
const WHITESPACE = /\s/;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const SLASHES = /[/\\]/;

export function usernameProblems(product: Product, username: string): UsernameProblem[] {
  const problems: UsernameProblem[] = [];
  if (username.length === 0) {
    problems.push({ rule: 'the username is empty', blocking: true, inferred: false });
    return problems;
  }
  if (username.length > 255) problems.push({ rule: `it is ${username.length} characters long; the maximum is 255`, blocking: true, inferred: true });
  if (MARKUP.test(username)) problems.push({ rule: 'it contains <, > or &, which Jira rejects in usernames', blocking: true, inferred: true });
  if (WHITESPACE.test(username)) {
    problems.push({ rule: 'it contains whitespace, which breaks SAML user matching (JRASERVER-37508)', blocking: true, inferred: true });
  }
  if (CONTROL.test(username)) problems.push({ rule: 'it contains control characters', blocking: true, inferred: true });
  if (product === 'bitbucket') {
    if (SLASHES.test(username)) problems.push({ rule: 'it contains / or \\, which a Bitbucket user slug cannot hold', blocking: true, inferred: true });
    if (username.length > 127 && username.length <= 255) problems.push({ rule: `its slug would exceed Bitbucket's 127 characters`, blocking: true, inferred: true });
  }
  if ((product === 'confluence' || product === 'jira') && username !== lowerCase(username)) {
    problems.push({ rule: `${product === 'confluence' ? 'Confluence' : 'Jira'} stores usernames in lower case; an upper-case username is matched case-insensitively but shown and compared inconsistently`, blocking: false, inferred: true });
  }
  return problems;
}
