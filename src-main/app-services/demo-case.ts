/**
 * The bundled demo case, which a first start opens so that `npm start` shows the product working with
 * nothing else given: an AWS-shaped response from `assets/demo/`,
 * checked against the Jira example profile in `assets/examples/jira-atlassian-sso/`.
 *
 * `assets/demo/demo.json` may override the defaults: `{ "title", "inputs": ["file", …], "profileId", "now" }`.
 */
import path from 'node:path';
import { z } from 'zod';
import { decodeFileText } from '../io/decode-file-text.js';
import type { FileAccess } from './ports.js';
import type { WorkspaceInput } from '../usecases/workspace-file.js';

export const DEMO_PROFILE_ID = 'example:jira-atlassian-sso/profile.yaml';
/**
 * AWS IAM Identity Center cannot send group names: the `groups` claim carries group IDs, so Jira's
 * JIT group sync would replace Jane's groups with ID-named ones and take away her application access.
 */
export const DEMO_RESPONSE_FILE = 'demo-response.xml';
export const DEMO_TITLE = 'Demo: AWS IAM Identity Center → Jira Data Center (SSO 2.0 with JIT)';

const manifestSchema = z.strictObject({
  title: z.string().min(1).optional(),
  inputs: z.array(z.string().regex(/^[A-Za-z0-9._-]+$/, 'a file name in assets/demo')).min(1).optional(),
  profileId: z.string().min(1).optional(),
  now: z.iso.datetime({ offset: true }).optional(),
});

export interface DemoCase {
  title: string;
  inputs: WorkspaceInput[];
  profileId: string;
  /** The reference time: shortly after the demo response was issued, so the demo looks the same every day. */
  now: string;
}

/** IssueInstant of the first SAML message in the text, plus one minute. */
export function referenceTimeFor(xml: string): string | undefined {
  const m = /IssueInstant="([^"]+)"/.exec(xml);
  const t = m?.[1] ? Date.parse(m[1]) : NaN;
  return Number.isNaN(t) ? undefined : new Date(t + 60_000).toISOString();
}

export async function loadDemoCase(fs: FileAccess, demoDir: string): Promise<DemoCase> {
  const read = async (name: string): Promise<string> => {
    try {
      return decodeFileText(await fs.readFile(path.join(demoDir, name)));
    } catch (error) {
      throw new Error(`The demo case is missing from this installation (${name}: ${error instanceof Error ? error.message : String(error)}).`, { cause: error });
    }
  };
  let manifest: z.infer<typeof manifestSchema> = {};
  if (await fs.stat(path.join(demoDir, 'demo.json'))) {
    const parsed = manifestSchema.safeParse(JSON.parse(await read('demo.json')));
    if (!parsed.success) throw new Error(`assets/demo/demo.json is not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    manifest = parsed.data;
  }
  const names = manifest.inputs ?? [DEMO_RESPONSE_FILE];
  const inputs: WorkspaceInput[] = [];
  for (const name of names) inputs.push({ source: `demo/${name}`, text: await read(name) });
  const now = manifest.now ?? referenceTimeFor(inputs[0]?.text ?? '');
  if (!now) throw new Error(`The demo response ${names[0]} has no IssueInstant.`);
  return { title: manifest.title ?? DEMO_TITLE, inputs, profileId: manifest.profileId ?? DEMO_PROFILE_ID, now };
}
