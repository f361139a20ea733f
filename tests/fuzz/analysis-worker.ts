/**
 * Runs analyses in a worker thread so that a hang, a crash of the thread or runaway memory in one input
 * is observed from outside and does not end the campaign: each request has a time limit, the worker has a
 * heap limit, and a worker that died or overran is replaced.
 */
import { Worker, parentPort } from 'node:worker_threads';
import { analyze } from '../../src-main/core/analyze.js';
import { verdictsOf, type MessageVerdict } from './oracle.js';
import { optionsFor, type FuzzSeed } from './seed-set.js';

export interface AnalysisRequest { id: number; xml: string; seed: FuzzSeed }
export type AnalysisOutcome =
  | { kind: 'done'; ms: number; verdicts: MessageVerdict[] }
  | { kind: 'crash'; ms: number; error: string }
  | { kind: 'hang'; ms: number }
  | { kind: 'memory'; ms: number; error: string };

/** The worker side: answer each request with the verdicts and the analysis time. */
export function serveAnalyses(): void {
  // One options object per seed: the engine describes the trusted certificates once per options object.
  const optionsBySeed = new Map<string, ReturnType<typeof optionsFor>>();
  const optionsOf = (seed: FuzzSeed) => optionsBySeed.get(seed.id) ?? optionsBySeed.set(seed.id, optionsFor(seed)).get(seed.id)!;
  parentPort!.on('message', async (request: AnalysisRequest) => {
    const started = performance.now();
    try {
      const result = await analyze({ source: `fuzz ${request.id}`, content: request.xml }, optionsOf(request.seed));
      parentPort!.postMessage({ id: request.id, outcome: { kind: 'done', ms: performance.now() - started, verdicts: verdictsOf(result) } });
    } catch (error) {
      const text = error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
      parentPort!.postMessage({ id: request.id, outcome: { kind: 'crash', ms: performance.now() - started, error: text.slice(0, 2000) } });
    }
  });
}

/** The main side: one worker at a time, restarted after a hang or a death. */
export class AnalysisPool {
  private worker: Worker | undefined;
  private nextId = 0;

  constructor(readonly workerFile: URL, private readonly timeoutMs: number, private readonly heapMb: number) {}

  analyse(xml: string, seed: FuzzSeed): Promise<AnalysisOutcome> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    const started = performance.now();
    return new Promise((resolve) => {
      const finish = (outcome: AnalysisOutcome, restart: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (restart) this.stop();
        resolve(outcome);
      };
      const onMessage = (message: { id: number; outcome: AnalysisOutcome }): void => {
        if (message.id === id) finish(message.outcome, false);
      };
      const onError = (error: Error & { code?: string }): void => {
        const ms = performance.now() - started;
        finish(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory', ms, error: error.message } : { kind: 'crash', ms, error: `${error.name}: ${error.message}` }, true);
      };
      const onExit = (code: number): void => finish({ kind: 'crash', ms: performance.now() - started, error: `worker exited with code ${code}` }, true);
      const timer = setTimeout(() => finish({ kind: 'hang', ms: performance.now() - started }, true), this.timeoutMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage({ id, xml, seed } satisfies AnalysisRequest);
    });
  }

  close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    return worker ? worker.terminate().then(() => undefined) : Promise.resolve();
  }

  private start(): Worker {
    this.worker = new Worker(this.workerFile, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    this.worker.unref();
    return this.worker;
  }

  private stop(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}
