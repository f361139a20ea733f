import { describe, expect, test } from 'vitest';
import { analyze } from '../../../src-main/core/analyze.js';
import { importCaptureChunks } from '../../../src-main/capture/import-capture.js';
import { DEFAULTS } from '../../fixtures/aws-response.js';
import { REQUEST_ID, atlassianErrorPage, flowOptions, loginFlow } from '../flow/flow-fixture.js';
import { chunksOf, samlTracerOf } from './capture-files.js';

const importTracer = (doc: unknown) => importCaptureChunks(chunksOf(JSON.stringify(doc, null, 2), 500), 'SAML-tracer-export.json');

describe.each(['current', 'legacy'] as const)('SAML-tracer export (%s shape)', (variant) => {
  test('imports to the same messages as the capture', async () => {
    const flow = loginFlow();
    const imported = await importTracer(samlTracerOf(flow, variant));
    expect(imported.kind).toBe('saml-tracer');
    expect(imported.flow.notes).toBeUndefined();
    const fromFile = await analyze({ source: 'x', kind: 'saml-tracer', flow: imported.flow }, flowOptions());
    const direct = await analyze({ source: 'x', kind: 'har', flow }, flowOptions());
    expect(fromFile.messages.map((m) => m.xml)).toEqual(direct.messages.map((m) => m.xml));
    expect(fromFile.messages[1]!).toMatchObject({ inResponseTo: REQUEST_ID, relayState: '/secure/Dashboard.jspa' });
    expect(fromFile.messages[1]!.signature.status).toBe('valid');
    expect(imported.flow.exchanges.find((e) => e.method === 'POST')!.location).toBe('https://jira.example.com/secure/Dashboard.jspa');
  });
});

describe('SAML-tracer specifics', () => {
  test('"Mask values" export: the message is rebuilt from the saved XML, with a note; RelayState is left out', async () => {
    const imported = await importTracer(samlTracerOf(loginFlow(), 'masked'));
    const notes = imported.flow.notes!.join('\n');
    expect(notes).toMatch(/requests\[2\]\.post: the SAMLResponse value was masked when the file was exported; samlscope read the decoded message SAML-tracer saved in requests\[2\]\.saml/);
    expect(notes).toContain('requests[2].post: the RelayState value was masked');
    const result = await analyze({ source: 'x', kind: 'saml-tracer', flow: imported.flow }, flowOptions());
    expect(result.messages.map((m) => m.type)).toEqual(['AuthnRequest', 'Response']);
    expect(result.messages[1]!.signature.status).toBe('valid');
    expect(result.messages[1]!.relayState).toBeUndefined();
  });

  test('masked without a saved message: the message is reported as unreadable', async () => {
    const doc = samlTracerOf(loginFlow(), 'masked') as { requests: Array<Record<string, unknown>> };
    delete doc.requests[2]!.saml;
    const imported = await importTracer(doc);
    expect(imported.flow.notes!.join(' ')).toContain('no decoded copy is in requests[2].saml: this message cannot be read');
  });

  test('an ACS that answered 400 is an SP error even without the page body SAML-tracer never records', async () => {
    const imported = await importTracer(samlTracerOf(loginFlow({ spAnswer: atlassianErrorPage('x') }), 'current'));
    const result = await analyze({ source: 'x', kind: 'saml-tracer', flow: imported.flow }, flowOptions());
    const f = result.findings.find((x) => x.id === 'flow.sp-error');
    expect(f?.evidence[0]).toMatchObject({ location: `exchange 3: POST ${DEFAULTS.acsUrl} → HTTP 400`, value: 'HTTP 400' });
  });

  test('wrong types in a request are named by path', async () => {
    const doc = samlTracerOf(loginFlow(), 'current') as { requests: Array<Record<string, unknown>> };
    doc.requests[1]!.url = ['not', 'a', 'url'];
    doc.requests[2]!.responseHeaders = 'Location: x';
    const imported = await importTracer(doc);
    const notes = imported.flow.notes!.join('\n');
    expect(notes).toContain('requests[1].url: expected a string, found an array');
    expect(notes).toContain('requests[2].responseHeaders: expected an array, found a string');
  });

  test('"requests" that is not an array is a clear error', async () => {
    await expect(importTracer({ requests: { a: 1 }, timestamp: 'x' })).rejects.toThrow('"requests" is an object, but a SAML-tracer export\'s "requests" is an array');
  });
});
