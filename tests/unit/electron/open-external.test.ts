import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./electron-mock.js')).electronModule);

const { electronModule } = await import('./electron-mock.js');
const { openInBrowser } = await import('../../../src-main/electron/open-external.js');

describe('openInBrowser', () => {
  it('hands only allow-listed https documentation links to the OS', () => {
    openInBrowser('https://evil.example/');
    openInBrowser('file:///etc/passwd');
    expect(electronModule.shell.openExternal).not.toHaveBeenCalled();
    openInBrowser('https://support.atlassian.com/jira/kb/jira-saml-error-attribute-could-not-be-found');
    expect(electronModule.shell.openExternal).toHaveBeenCalledWith('https://support.atlassian.com/jira/kb/jira-saml-error-attribute-could-not-be-found');
  });
});
