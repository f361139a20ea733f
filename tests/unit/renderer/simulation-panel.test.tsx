/**
 * The app's JIT tab shows the response's findings that decide or explain the login (as main sent them) beside the
 * simulation's own, so a resolution setup without a group attribute still says that AWS sends no groups.
 */
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { makeFinding } from '../../../src-main/core/findings/make-finding.js';
import { simulateLogin } from '../../../src-main/core/jit/simulate-login.js';
import { SimulationPanel } from '../../../src-renderer/components/SimulationPanel.js';
import { loadExample, makeMessage } from '../jit/helpers.js';

describe('JIT tab', () => {
  it('lists the message findings that explain the login and the simulation findings', async () => {
    const { profile, snapshot } = await loadExample('confluence-resolution');
    const awsNoGroups = makeFinding('aws.groups-not-sent', { message: 'The response carries no group attribute.', fix: { summary: 'Manage groups locally.', where: 'atlassian-admin' } });
    const certificate = makeFinding('cert.expiring', { message: 'The certificate expires soon.', fix: { summary: 'Rotate it.', where: 'aws-console' } });
    const message = makeMessage({ nameId: 'jane.doe@corp.example.org', attributes: { displayName: ['Jane Doe'], email: ['jane.doe@corp.example.org'] }, findings: [awsNoGroups, certificate] });
    const simulation = simulateLogin(message, profile, snapshot);
    const html = renderToStaticMarkup(<SimulationPanel simulation={simulation} error={undefined} />);
    expect(html).toContain('data-message-findings');
    expect(html).toContain('data-finding-id="aws.groups-not-sent"');
    // A finding about the configured certificate neither decides nor explains this login.
    expect(html).not.toContain('data-finding-id="cert.expiring"');
    expect(html).toContain('data-finding-id="jit.groups-not-carried"');
    expect(html).toContain('team-alpha');
  });
});
