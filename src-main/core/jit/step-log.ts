import type { SimulationStep, StepOutcome } from './simulation-types.js';

/** Numbers steps as they are recorded. A disabled log keeps nothing (bulk simulations of 100k users). */
export class StepLog {
  readonly steps: SimulationStep[] = [];
  constructor(private readonly enabled = true) {}

  add(title: string, detail: string | (() => string), outcome: StepOutcome, inferred = false): void {
    if (!this.enabled) return;
    const step: SimulationStep = { n: this.steps.length + 1, title, detail: typeof detail === 'function' ? detail() : detail, outcome };
    if (inferred) step.inferred = true;
    this.steps.push(step);
  }

  /** The outcome of the last recorded step, if any. */
  get last(): SimulationStep | undefined {
    return this.steps[this.steps.length - 1];
  }
}
