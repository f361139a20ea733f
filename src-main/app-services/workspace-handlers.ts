/**
 * The workspace channels as thin translations onto the use cases: every way text arrives (paste, drop,
 * File → Open, the OS) goes through one ingest path, so a saved workspace opens however it arrives and
 * setup input is recognised the same way everywhere.
 */
import { flowToHar } from '../capture/har-writer.js';
import type { SetupPatch, WorkspaceResult } from '../ipc/contract.js';
import { MAX_DROP_BYTES } from '../ipc/validators.js';
import { baseName, decodeFileText } from '../io/decode-file-text.js';
import type { AnalyzeRequestOptions } from '../usecases/analysis-options-schema.js';
import { recognizeSetupInput, type RecognizedSetup } from '../usecases/recognize-setup.js';
import { openedWorkspace, parseWorkspaceFile, saveWorkspace } from '../usecases/workspace-file.js';
import type { AppContext } from './app-context.js';
import type { ChannelHandlers } from './handler-types.js';
import { setupNotice } from './setup-notice.js';

type WorkspaceChannel = 'workspace:analyze' | 'workspace:open-file' | 'workspace:drop-file' | 'workspace:current' | 'workspace:simulate' | 'workspace:setup' | 'workspace:set-setup' | 'workspace:save';

const OPEN_FILTERS = [
  { name: 'SAML messages and captures', extensions: ['xml', 'saml', 'har', 'json', 'txt', 'b64'] },
  { name: 'All files', extensions: ['*'] },
];

/** The setup patch a recognised text stands for. */
function patchOf(recognized: RecognizedSetup): SetupPatch {
  const given = recognized.given.name !== undefined ? { text: recognized.given.text, name: recognized.given.name } : { text: recognized.given.text };
  switch (recognized.kind) {
    case 'idp-metadata':
    case 'idp-certificate':
      return { idpTrust: given };
    case 'sp-metadata':
      return { spMetadata: given };
    case 'sp-key':
      return { spKey: given };
    case 'snapshot':
      return { snapshot: given };
  }
}

export interface Ingest {
  /**
   * Pasted, dropped or opened text: metadata, certificates, keys and snapshots become settings; a saved
   * workspace is reopened; anything else is analysed as the new message (with `options` when given).
   */
  (text: string, source: string, targetProfileId: string | null, options?: AnalyzeRequestOptions): Promise<WorkspaceResult>;
}

export function createIngest(ctx: AppContext): Ingest {
  /** Stores recognised setting text and analyses the current message again; the notice says what happened. */
  async function applyRecognized(recognized: RecognizedSetup, targetProfileId: string | null): Promise<WorkspaceResult> {
    const { state, setup } = await ctx.workspace.updateSetup(patchOf(recognized), targetProfileId);
    const notice = setupNotice(recognized.kind, setup, state !== undefined);
    return state ? ctx.view(state, notice) : ctx.workspace.emptyView(setup, ctx.settings.get().presentationMode, notice);
  }
  return async (text, source, targetProfileId, options) => {
    const recognized = recognizeSetupInput(text, source);
    if (recognized) return applyRecognized(recognized, targetProfileId);
    const saved = parseWorkspaceFile(text);
    if (saved) return ctx.view(await ctx.workspace.analyze(openedWorkspace(saved)));
    return ctx.view(await ctx.workspace.analyze({ title: source, inputs: [{ source, text }], ...(options ? { options } : {}), targetProfileId }));
  };
}

/** A file chosen in a dialog or handed over by the OS, bounded like a dropped one. */
export async function readInputFile(ctx: AppContext, file: string): Promise<string> {
  const info = await ctx.deps.fs.stat(file);
  if (!info || !info.isFile) throw new Error(`${file} is not a file.`);
  if (info.size > MAX_DROP_BYTES) throw new Error(`${baseName(file)} is ${info.size} bytes; samlscope opens files up to ${MAX_DROP_BYTES} bytes.`);
  return decodeFileText(await ctx.deps.fs.readFile(file));
}

export function createWorkspaceHandlers(ctx: AppContext, ingest: Ingest): Pick<ChannelHandlers, WorkspaceChannel> {
  return {
    'workspace:analyze': (req) => ingest(req.text, req.source?.trim() || 'Pasted text', ctx.targetOf(req.targetProfileId), req.options),
    'workspace:open-file': async (req) => {
      const file = await ctx.deps.dialogs.chooseOpenPath({ title: 'Open a SAML message or capture', filters: OPEN_FILTERS });
      if (file === null) return { cancelled: true };
      return { cancelled: false, workspace: await ingest(await readInputFile(ctx, file), baseName(file), ctx.targetOf(req.targetProfileId)) };
    },
    'workspace:drop-file': async (req) => {
      const text = req.text ?? decodeFileText(req.bytes ?? new Uint8Array());
      return ingest(text, baseName(req.name), ctx.targetOf(req.targetProfileId));
    },
    'workspace:current': async () => {
      const state = ctx.workspace.current();
      return state ? ctx.view(state) : null;
    },
    'workspace:simulate': async (req) => ctx.view(await ctx.workspace.resimulate(req.targetProfileId)),
    'workspace:setup': async (req) => {
      const targetProfileId = ctx.targetOf(req.targetProfileId);
      const state = ctx.workspace.current();
      // The shown workspace's setup goes through view() so presentation mode sweeps it like the rest.
      if (state && state.targetProfileId === targetProfileId) return ctx.view(state).setup ?? state.setup;
      return ctx.workspace.describeSetup(targetProfileId);
    },
    'workspace:set-setup': async (req) => {
      const { state, setup } = await ctx.workspace.updateSetup(req.patch, ctx.targetOf(req.targetProfileId));
      if (!state) return { setup, workspace: null };
      const result = ctx.view(state);
      return { setup: result.setup ?? setup, workspace: result };
    },
    'workspace:save': async () => {
      const state = ctx.workspace.current();
      if (!state) throw new Error('There is no workspace to save yet: paste or open a SAML response first.');
      const saved = saveWorkspace({
        title: state.title,
        inputs: state.inputs,
        targetProfileId: state.targetProfileId,
        options: state.effectiveOptions,
        demo: state.demo,
        savedAt: ctx.deps.clock(),
        captureAsText: (capture) => JSON.stringify(flowToHar(capture, ctx.creator)),
      });
      const file = await ctx.deps.dialogs.chooseSavePath({
        title: 'Save workspace (contains the messages as given, with personal data)',
        defaultFileName: saved.fileName,
        filters: [{ name: 'samlscope workspace', extensions: ['json'] }],
      });
      if (file === null) return { cancelled: true };
      await ctx.deps.fs.writeFile(file, saved.content);
      return { cancelled: false, path: file };
    },
  };
}
