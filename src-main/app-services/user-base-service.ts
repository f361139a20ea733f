/**
 * The User base view's channels: translate requests into the predict-user-base use case (dropped texts and the
 * chosen target profile as its ports), keep the last prediction for explaining a user and for exports, and mask
 * personal data in presentation mode. No decision is made here.
 */
import path from 'node:path';
import { explainUserLogin } from '../core/userbase/explain-user.js';
import { renderGroupPlanCsv } from '../core/userbase/group-plan.js';
import { redactPrediction } from '../core/userbase/redact-prediction.js';
import { renderPredictionHtml, renderPredictionMarkdown } from '../core/userbase/render-report.js';
import { renderPredictionCsv, renderPredictionJson } from '../core/userbase/render.js';
import type { UserBasePrediction } from '../core/model/userbase.js';
import type { InstanceSnapshot } from '../core/jit/snapshot-schema.js';
import type { TargetProfile } from '../core/jit/target-profile-schema.js';
import { Redactor } from '../core/report/redactor.js';
import type { RecognisedFile, SaveOutcome, UserBaseViewResult, UserExplanation } from '../ipc/contract.js';
import type { UserBaseExplainRequest, UserBaseExportRequest, UserBasePredictRequest } from '../ipc/user-base-schemas.js';
import { predictUserBaseUseCase } from '../usecases/predict-user-base.js';
import type { LiveInstanceReader } from '../usecases/ports.js';
import { wholeInstanceOf } from '../usecases/simulate.js';
import type { Dialogs, EventSink, FileAccess, PdfPrinter } from './ports.js';
import type { TargetProfiles } from './target-profiles.js';

export interface UserBaseServiceDeps {
  fs: FileAccess;
  dialogs: Dialogs;
  printPdf: PdfPrinter;
  emit: EventSink;
  profiles: TargetProfiles;
  /** Reads a profile's live instance (GET requests only) when it has no snapshot. */
  readLive: LiveInstanceReader;
  assets: string;
  presentationMode: () => boolean;
  /** The target profile picked last, when the request names none. */
  defaultProfileId: () => string | null;
}

/** The example exports for the demo instance (assets/examples), in the order a person would drop them. */
export const EXAMPLE_EXPORTS = ['aws-users.json', 'aws-mappings.json', 'aws-groups.json', 'aws-group-memberships.json', 'aws-application-assignments.json', 'group-mapping.json'];
export const EXAMPLE_PROFILE_ID = 'example:jira-atlassian-sso/profile.yaml';

interface Last {
  prediction: UserBasePrediction;
  profile: TargetProfile;
  snapshot: InstanceSnapshot;
  awsMappings: Record<string, string>;
  groupIdsOf: (userId: string) => readonly string[];
  profileName: string;
}

const EXPORT_FORMATS = {
  html: { ext: 'html', name: 'HTML report' },
  md: { ext: 'md', name: 'Markdown report' },
  json: { ext: 'json', name: 'JSON' },
  csv: { ext: 'csv', name: 'CSV table' },
  pdf: { ext: 'pdf', name: 'PDF report' },
  'plan-csv': { ext: 'csv', name: 'Local group plan (CSV)' },
} as const;

const yieldNow = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class UserBaseService {
  private last: Last | undefined;
  private running: { cancelled: boolean } | undefined;

  constructor(private readonly deps: UserBaseServiceDeps) {}

  async predict(req: UserBasePredictRequest): Promise<UserBaseViewResult> {
    if (this.running) this.running.cancelled = true;
    const run = { cancelled: false };
    this.running = run;
    const texts = new Map(req.files.map((f, i) => [String(i), f.text] as const));
    const profileId = req.targetProfileId === undefined ? this.deps.defaultProfileId() : req.targetProfileId;
    let loaded: { profile: TargetProfile; snapshot: InstanceSnapshot; name: string } | undefined;
    try {
      const result = await predictUserBaseUseCase(
        { files: req.files.map((f, i) => ({ ref: String(i), name: f.name })), target: profileId ?? '' },
        {
          readText: async (file, maxBytes) => {
            const text = texts.get(file.ref) ?? '';
            if (text.length > maxBytes) throw new Error(`more than ${maxBytes} characters`);
            return text;
          },
          loadTarget: async (id) => {
            if (!id) return { error: 'Choose a target profile: the prediction needs the instance (its snapshot) and the engine settings.' };
            try {
              const target = await this.deps.profiles.resolve(id);
              if (!target.snapshot) this.deps.emit('userbase:progress', { phase: 'read', done: req.files.length, total: req.files.length + 1, label: `Reading every user of ${target.summary.name}'s live instance (read-only)` });
              const instance = await wholeInstanceOf({ name: target.summary.name, profile: target.profile, snapshot: target.snapshot }, this.deps.readLive);
              if ('error' in instance) return instance;
              loaded = { profile: target.profile, snapshot: instance.snapshot, name: target.summary.name };
              return { profile: target.profile, snapshot: instance.snapshot };
            } catch (error) {
              return { error: error instanceof Error ? error.message : String(error) };
            }
          },
          progress: (p) => this.deps.emit('userbase:progress', p),
          cancelled: () => run.cancelled,
          yieldNow,
        },
      );
      if (result.status === 'cancelled') return result;
      if (result.status === 'invalid') return { status: 'invalid', errors: result.errors, files: result.files };
      if (!loaded) return { status: 'invalid', errors: ['The target profile could not be loaded.'], files: result.files };
      this.last = { prediction: result.prediction, profile: loaded.profile, snapshot: loaded.snapshot, awsMappings: result.awsMappings, groupIdsOf: result.groupIdsOf, profileName: loaded.name };
      return this.view(result.files);
    } finally {
      if (this.running === run) this.running = undefined;
    }
  }

  cancel(): { cancelled: boolean } {
    if (!this.running) return { cancelled: false };
    this.running.cancelled = true;
    return { cancelled: true };
  }

  /** The last prediction again, masked or not per the current presentation mode. */
  view(files: RecognisedFile[] = []): UserBaseViewResult {
    if (!this.last) return { status: 'invalid', errors: ['No prediction yet: drop the AWS exports first.'], files: [] };
    const redacted = this.deps.presentationMode();
    return { status: 'ok', prediction: redacted ? redactPrediction(this.last.prediction) : this.last.prediction, files, redacted, profileName: this.last.profileName };
  }

  explain(req: UserBaseExplainRequest): UserExplanation {
    const last = this.last;
    if (!last) throw new Error('No prediction yet: drop the AWS exports first.');
    // In presentation mode the renderer only knows redacted ids: map them back through the same redaction.
    const redacted = this.deps.presentationMode();
    const masked = redacted ? redactPrediction(last.prediction) : last.prediction;
    const index = masked.users.findIndex((u) => u.awsUserId === req.awsUserId);
    const user = index >= 0 ? last.prediction.users[index] : undefined;
    if (!user) throw new Error('That user is not in the current prediction.');
    const awsUser = { UserName: user.awsUserName, UserId: user.awsUserId, DisplayName: user.displayName, Name: { Formatted: user.displayName }, ...(user.email ? { Emails: [{ Value: user.email, Primary: true }] } : {}) };
    const explanation = explainUserLogin(awsUser, last.groupIdsOf(user.awsUserId), user.assignment, last.awsMappings, last.profile, last.snapshot);
    if (!redacted) return explanation;
    const redactor = new Redactor();
    redactPrediction(last.prediction, redactor);
    return redactor.redactDeep(explanation);
  }

  async export(req: UserBaseExportRequest): Promise<SaveOutcome> {
    const last = this.last;
    if (!last) throw new Error('No prediction yet: drop the AWS exports first.');
    const format = EXPORT_FORMATS[req.format];
    const file = await this.deps.dialogs.chooseSavePath({
      title: req.redact ? 'Export the user base (personal data redacted)' : 'Export the user base (contains personal data)',
      defaultFileName: `user-base${req.format === 'plan-csv' ? '-group-plan' : ''}${req.redact ? '-redacted' : ''}.${format.ext}`,
      filters: [{ name: format.name, extensions: [format.ext] }],
    });
    if (file === null) return { cancelled: true };
    const p = req.redact ? redactPrediction(last.prediction) : last.prediction;
    const title = last.profileName;
    const content: string | Uint8Array =
      req.format === 'html' ? renderPredictionHtml(p, title, req.redact)
      : req.format === 'md' ? renderPredictionMarkdown(p, title, req.redact)
      : req.format === 'json' ? renderPredictionJson(p)
      : req.format === 'csv' ? renderPredictionCsv(p)
      : req.format === 'plan-csv' ? renderGroupPlanCsv(p.users)
      : await this.deps.printPdf(renderPredictionHtml(p, title, req.redact));
    await this.deps.fs.writeFile(file, content);
    return { cancelled: false, path: file };
  }

  async examples(): Promise<{ files: Array<{ name: string; text: string }>; targetProfileId: string }> {
    const dir = path.join(this.deps.assets, 'examples');
    const files = await Promise.all(EXAMPLE_EXPORTS.map(async (name) => ({ name, text: new TextDecoder().decode(await this.deps.fs.readFile(path.join(dir, name))) })));
    return { files, targetProfileId: EXAMPLE_PROFILE_ID };
  }
}
