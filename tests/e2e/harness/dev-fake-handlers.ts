/** TEMPORARY: stands in for src-main/app-services until they land. Uses the real engine. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChannelHandlers } from '../../../src-main/app-services/handler-types.js';
import { analyze } from '../../../src-main/core/analyze.js';
import { parseInstanceSnapshot, parseTargetProfile, simulateLogin } from '../../../src-main/core/jit/index.js';
import { defaultOptions, verdictOf } from '../../../src-main/core/model/index.js';
import { redactAnalysis } from '../../../src-main/core/report/index.js';
import { DEFAULT_SETTINGS, type Settings, type WorkspaceResult } from '../../../src-main/ipc/contract.js';
import { awsIdpMetadata, signedAwsResponse, toPostBinding } from '../../fixtures/aws-response.js';
import { IDP_KEY } from '../../fixtures/keys.js';

export function devFakeHandlers(): ChannelHandlers {
  const dir = mkdtempSync(path.join(tmpdir(), 'samlscope-fake-'));
  let settings: Settings = { ...DEFAULT_SETTINGS };
  let current: { text: string; demo: boolean; title: string } | null = null;
  const profileOk = parseTargetProfile({
    name: 'Jira demo',
    product: 'jira',
    sp: { entityId: 'https://jira.example.com', acsUrl: 'https://jira.example.com/plugins/servlet/samlconsumer' },
    idp: { metadata: 'idp.xml' },
    provisioning: { engine: 'atlassian-sso', createUsers: true, usernameMapping: '${NameID}', displayNameMapping: '${displayName}', emailMapping: '${email}', groupsAttribute: 'groups' },
    instance: { snapshot: 'snap.json' },
  });
  const snapOk = parseInstanceSnapshot({
    product: 'jira',
    capturedAt: '2026-11-28T10:00:00Z',
    source: { kind: 'example' },
    directories: [{ id: 1, name: 'Jira Internal Directory', type: 'internal', active: true, canCreateUsers: true, canCreateGroups: true, position: 0 }],
    users: [{ username: 'jane.doe@example.com', displayName: 'Jane Doe', email: 'jane.doe@example.com', directoryId: 1, groups: ['jira-software-users', 'team-payments'] }],
    groups: [],
    applicationAccess: [{ application: 'jira-software', groups: ['jira-software-users'] }],
  });
  if (!profileOk.ok || !snapOk.ok) throw new Error(JSON.stringify([profileOk, snapOk]));

  const build = async (): Promise<WorkspaceResult | null> => {
    if (!current) return null;
    const now = new Date('2026-11-29T10:20:00Z');
    const options = defaultOptions(now, {
      trustedCertificates: [{ pem: IDP_KEY.certificatePem, source: 'idp-cert', origin: 'demo' }],
      sp: { entityId: 'https://jira.example.com', acsUrl: 'https://jira.example.com/plugins/servlet/samlconsumer' },
    });
    const result = await analyze({ source: current.title, content: current.text }, options);
    const msg = result.messages[0];
    const simulation = msg && settings.targetProfileId ? simulateLogin(msg, profileOk.value, snapOk.value) : undefined;
    const all = [...result.findings, ...result.messages.flatMap((m) => m.findings), ...(simulation?.findings ?? [])];
    let results = [result];
    let redactions: WorkspaceResult['redactions'] = [];
    if (settings.presentationMode) {
      const r = redactAnalysis(results);
      results = r.results;
      redactions = r.redactions;
    }
    const ws: WorkspaceResult = { title: current.title, results, verdict: verdictOf(all), redacted: settings.presentationMode, redactions, demo: current.demo, analyzedAt: now.toISOString() };
    if (simulation && !settings.presentationMode) ws.simulation = simulation;
    return ws;
  };
  const fail = (): Promise<never> => Promise.reject(new Error('not in the fake'));
  return {
    'workspace:analyze': async (r) => {
      current = { text: r.text, demo: false, title: r.source ?? 'Pasted text' };
      return (await build()) as WorkspaceResult;
    },
    'workspace:open-demo': async () => {
      settings = { ...settings, demoSeen: true, targetProfileId: 'example:jira' };
      current = { text: toPostBinding(signedAwsResponse()), demo: true, title: 'Demo: Jira Data Center with AWS IAM Identity Center' };
      void awsIdpMetadata;
      return (await build()) as WorkspaceResult;
    },
    'workspace:open-file': async () => ({ cancelled: true }),
    'workspace:drop-file': async (r) => {
      current = { text: r.text ?? '', demo: false, title: r.name };
      return (await build()) as WorkspaceResult;
    },
    'workspace:current': build,
    'workspace:simulate': async (r) => {
      settings = { ...settings, targetProfileId: r.targetProfileId };
      return (await build()) as WorkspaceResult;
    },
    'workspace:save': async () => ({ cancelled: true }),
    'profiles:list': async () => [{ id: 'example:jira', name: 'Jira demo', builtIn: true, valid: true, product: 'jira', engine: 'atlassian-sso', instance: 'snapshot' }],
    'profiles:load': fail,
    'profiles:import': async () => ({ cancelled: true }),
    'report:export': async (r) => {
      const p = path.join(dir, `report.${r.format}`);
      writeFileSync(p, JSON.stringify(await build()));
      return { cancelled: false, path: p };
    },
    'settings:get': async () => settings,
    'settings:set': async (patch) => {
      settings = { ...settings, ...patch } as Settings;
      return settings;
    },
    'secrets:status': async () => ({ protection: 'os' }),
    'secrets:set': fail,
    'secrets:delete': fail,
    'secrets:list': async () => ({ names: [] }),
    'app:info': async () => ({ name: 'samlscope', version: '0', platform: 'linux' }),
  };
}
