import { describe, expect, test } from 'vitest';
import { recognizeIdpErrorPage, recognizeSpErrorPage } from '../../../src-main/core/flow/index.js';
import { pageText } from '../../../src-main/core/flow/page-text.js';
import type { CapturedExchange } from '../../../src-main/core/model/input.js';

const page = (body: string, contentType = 'text/html', status = 400): CapturedExchange => ({ index: 0, method: 'POST', url: 'https://jira.example.com/plugins/servlet/samlconsumer', status, responseContentType: contentType, responseBody: body });

describe('page text', () => {
  test('drops markup, scripts and styles, decodes entities', () => {
    expect(pageText('<html><style>p{}</style><script>alert("x")</script><p>User&nbsp;could &lt;not&gt; be&#x20;created &amp; license&rsquo;s &#8217;</p></html>')).toBe('User could <not> be created & license’s ’');
  });
});

describe('Atlassian SSO error sentences', () => {
  test.each([
    ['<p>Received SSO request for user jdoe, but the user does not exist</p>', 'user-does-not-exist', { user: 'jdoe' }],
    ["<p>Received SAML assertion for user jdoe, but the user doesn't exist</p>", 'user-does-not-exist', { user: 'jdoe' }],
    ['<p>Received SSO request for user Jane Doe, but the user is not permitted to log in</p>', 'not-permitted', { user: 'Jane Doe' }],
    ['<p>Attribute [jira-software-users] could not be found</p>', 'attribute-not-found', { attribute: 'jira-software-users' }],
    ["<p>User could not be created due to the license's limit.</p>", 'license-limit', {}],
    ['<p>JIT provisioning of group failed as there is no active internal directory with [CREATE_USER, CREATE_GROUP] permissions</p>', 'no-writable-directory', {}],
    ['<p>Configuration for email for SAML is not set</p>', 'mapping-not-set', { mapping: 'email' }],
  ])('%s → %s', (body, kind, extra) => {
    expect(recognizeSpErrorPage(page(body))).toMatchObject({ side: 'sp', kind, ...extra });
  });

  test('text inside a script is not taken for the page message', () => {
    expect(recognizeSpErrorPage(page('<html><script>var m = "Attribute [x] could not be found";</script><p>Welcome</p></html>'))).toBeUndefined();
  });

  test('a page without a body or with another message is not recognised', () => {
    expect(recognizeSpErrorPage({ index: 0, method: 'GET', url: 'https://x/' })).toBeUndefined();
    expect(recognizeSpErrorPage(page('<p>Dashboard</p>', 'text/html', 200))).toBeUndefined();
  });
});

describe('AWS "No access"', () => {
  test('the portal API answer (403 JSON)', () => {
    expect(recognizeIdpErrorPage(page('{"message":"No access","__type":"com.amazonaws.switchboard.portal#ForbiddenException"}', 'application/json', 403))).toMatchObject({ kind: 'aws-no-access', text: 'No access' });
  });
  test('a 200 JSON with another message is not it', () => {
    expect(recognizeIdpErrorPage(page('{"message":"OK"}', 'application/json', 200))).toBeUndefined();
  });
});
