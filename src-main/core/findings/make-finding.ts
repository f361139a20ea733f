import type { Evidence, Finding, Fix, Severity } from '../model/finding.js';
import { FINDING_CATALOG, type FindingId } from './catalog.js';

export interface FindingInput {
  message: string;
  fix: Fix;
  evidence?: Evidence[];
  /** Overrides the catalog's default, e.g. an info-level variant. */
  severity?: Severity;
  title?: string;
  inferred?: boolean;
}

/** Builds a finding whose id must be in the catalog, so a typo is a compile error. */
export function makeFinding(id: FindingId, input: FindingInput): Finding {
  const entry = FINDING_CATALOG[id];
  const finding: Finding = {
    id,
    severity: input.severity ?? entry.severity,
    title: input.title ?? entry.title,
    message: input.message,
    fix: input.fix,
    evidence: input.evidence ?? [],
  };
  if (input.inferred) finding.inferred = true;
  return finding;
}
