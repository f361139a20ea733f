/**
 * Collects an engine's findings. A bulk simulation only needs finding ids, so it turns building off:
 * the finding (with its messages and fixes) is then never constructed, sparing 100k users' worth of text.
 */
import type { FindingId } from '../findings/catalog.js';
import type { Finding } from '../model/finding.js';

export class FindingSink {
  readonly findings: Finding[] = [];
  readonly ids: FindingId[] = [];
  constructor(private readonly build = true) {}

  add(id: FindingId, make: () => Finding): void {
    this.ids.push(id);
    if (!this.build) return;
    const finding = make();
    if (finding.id !== id) throw new Error(`finding sink: declared ${id}, built ${finding.id}`);
    this.findings.push(finding);
  }
}
