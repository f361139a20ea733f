/** samlscope's own CLI (`samlscope analyze … --format json`), run in this process on a file. */
import { runCli } from '../../../src-main/cli/run-cli.js';

export interface SamlscopeTrust {
  /** PEM file of the IdP certificate samlscope is told to trust. */
  idpCertificate: string;
  /** PEM file of the SP's private key (for encrypted assertions). */
  spKey?: string;
  spEntityId: string;
  acsUrl: string;
}

export interface SamlscopeMessage {
  type: string;
  verdict: string;
  signature: { status: string; signedElements: string[]; signatures: Array<{ location: string; cryptoValid: boolean; accepted: boolean; problem?: string }> };
  subject?: { nameId: string; format?: string; verified: boolean };
  attributes: Array<{ name: string; friendlyName?: string; values: string[]; verified: boolean }>;
  assertion?: { encrypted: boolean };
  findings: Array<{ id: string; severity: string; message: string }>;
}

export interface SamlscopeResult {
  messages: SamlscopeMessage[];
  findings: Array<{ id: string; severity: string; message: string }>;
}

export async function samlscopeAnalyze(file: string, trust: SamlscopeTrust): Promise<{ exitCode: number; result: SamlscopeResult }> {
  let out = '';
  let err = '';
  const args = ['analyze', file, '--idp-cert', trust.idpCertificate, '--sp-entity-id', trust.spEntityId, '--acs-url', trust.acsUrl, '--format', 'json'];
  if (trust.spKey) args.push('--sp-key', trust.spKey);
  const exitCode = await runCli(args, {
    cwd: process.cwd(),
    env: {},
    now: () => new Date(),
    readStdin: async () => '',
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
  });
  if (exitCode === 2) throw new Error(`samlscope analyze refused its arguments: ${err}`);
  return { exitCode, result: JSON.parse(out) as SamlscopeResult };
}

/** samlscope's signature status, with the findings that explain it (for failure messages). */
export function describeSamlscope(result: SamlscopeResult): string {
  const message = result.messages[0];
  if (!message) return `no message (${result.findings.map((f) => `${f.id}: ${f.message}`).join('; ')})`;
  const errors = [...result.findings, ...message.findings].filter((f) => f.severity === 'error').map((f) => f.id);
  return `signature ${message.signature.status} [${message.signature.signatures.map((s) => `${s.location} crypto=${s.cryptoValid} accepted=${s.accepted}${s.problem ? ` (${s.problem})` : ''}`).join('; ')}]; errors: ${errors.join(', ') || 'none'}`;
}

const SIGNATURE_OWNERS: Record<string, 'Response' | 'Assertion'> = { '/Response/Signature': 'Response', '/Response/Assertion/Signature': 'Assertion' };

/** Whether each signature verified cryptographically with the trusted certificate, by the element that carries it. */
export function samlscopeSignatureVerdicts(message: { signature: { signatures: Array<{ location: string; cryptoValid: boolean }> } } | undefined): Partial<Record<string, boolean>> {
  const verdicts: Partial<Record<string, boolean>> = {};
  for (const s of message?.signature.signatures ?? []) verdicts[SIGNATURE_OWNERS[s.location] ?? s.location] = s.cryptoValid;
  return verdicts;
}
