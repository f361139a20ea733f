import { describe, expect, it } from 'vitest';
import { SCRUBBED, personalValuesOf, scrubPersonal } from '../../../src-renderer/lib/personal.js';
import { PERSON } from '../report/sample-result.js';
import { sampleSimulation } from '../report/sample-simulation.js';
import { clearWorkspace, maskedWorkspace } from './workspace-fixture.js';

describe('presentation mode safety net (lib/personal.ts): what it masks', () => {
  it('remembers the NameID, attribute values and the simulated user, not group names or mapping expressions', async () => {
    const clear = clearWorkspace();
    const simulation = await sampleSimulation(clear.results[0]!.messages[0]!);
    const values = personalValuesOf(clearWorkspace(simulation));
    expect(values).toContain(PERSON.nameId);
    expect(values).toContain(PERSON.displayName);
    expect(values).toContain(PERSON.department);
    if (simulation.username) expect(values).toContain(simulation.username);
    // Groups are what the simulation is about: left readable.
    for (const g of simulation.groups.after) expect(values).not.toContain(g);
    expect([...values].some((v) => /^\$\{[^}]*\}$/.test(v))).toBe(false);
    expect([...values].every((v) => v.trim().length >= 3)).toBe(true);
  });

  it('blanks a remembered value that slipped through in any form (plain, XML-escaped, JSON-escaped) and counts it', () => {
    const values = personalValuesOf(clearWorkspace());
    const masked = maskedWorkspace();
    expect(scrubPersonal(masked, values).leaked).toBe(0);
    const slipped = structuredClone(masked);
    slipped.title = `Login of ${PERSON.nameId}`;
    slipped.results[0]!.messages[0]!.xml = `<NameID>${PERSON.nameId.replace('.', '&amp;')}</NameID>`;
    slipped.results[0]!.findings[0]!.message = `"${PERSON.displayName}" said "hi"`;
    const withAmp = new Set([...values, PERSON.nameId.replace('.', '&')]);
    const { workspace, leaked } = scrubPersonal(slipped, withAmp);
    expect(leaked).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(workspace);
    expect(text).not.toContain(PERSON.nameId);
    expect(text).not.toContain(PERSON.displayName);
    expect(workspace.title).toBe(`Login of ${SCRUBBED}`);
  });

  it('replaces the longest value first, so a name inside a longer one leaves nothing behind', () => {
    const ws = clearWorkspace();
    ws.title = `${PERSON.displayName} / ${PERSON.firstName}`;
    const { workspace } = scrubPersonal(ws, new Set([PERSON.firstName, PERSON.displayName]));
    expect(workspace.title).toBe(`${SCRUBBED} / ${SCRUBBED}`);
  });

  it('leaves the workspace untouched when nothing is remembered', () => {
    const ws = clearWorkspace();
    expect(scrubPersonal(ws, new Set())).toEqual({ workspace: ws, leaked: 0 });
  });
});
