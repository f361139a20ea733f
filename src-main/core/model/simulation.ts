/** What a JIT login simulation reports. Part of the CLI JSON contract: add fields, never rename. */
import type { Finding } from './finding.js';

/** The Atlassian Data Center products samlscope simulates. */
export const PRODUCTS = ['jira', 'confluence', 'bitbucket', 'bamboo'] as const;
export type Product = (typeof PRODUCTS)[number];

export type JitEngine = 'atlassian-sso' | 'resolution';
export type SimulationOutcome = 'create' | 'update' | 'unchanged' | 'fail';
/** `pass` went through, `change` wrote something, `fail` stopped the login, `skip` did not apply, `info` a fact. */
export type StepOutcome = 'pass' | 'change' | 'fail' | 'skip' | 'info';

export interface SimulationStep {
  n: number;
  title: string;
  detail: string;
  outcome: StepOutcome;
  /** The step follows inferred, not documented, behaviour of the engine. */
  inferred?: boolean;
  /** The response is not verified: this is what would happen if it were. */
  hypothetical?: boolean;
}

/** An Atlassian user as the simulation sees it before or after the login. */
export interface SimulatedUser {
  username: string;
  displayName: string;
  email?: string;
  active: boolean;
  directoryId: string | null;
  directoryName?: string;
  key?: string;
  /** Crowd attributes the engine reads or writes (`jit_idp_id`). */
  attributes: Record<string, string>;
  /** Direct group memberships. */
  groups: string[];
}

export interface GroupChanges {
  before: string[];
  after: string[];
  added: string[];
  removed: string[];
  /** Groups the login creates because they do not exist yet. */
  created: string[];
}

/** The identity field a mapping fills. */
export type MappingField = 'username' | 'userId' | 'displayName' | 'email' | 'groups';

/**
 * One mapping the engine evaluated, structured so a UI can set "what the response carries" against "what the
 * target's mappings need" without parsing profile text.
 */
export interface SimulationMapping {
  field: MappingField;
  /** As the profile writes it: an expression (`${username}`, Atlassian SSO), an attribute name or `NameID` (resolution); '' when not configured. */
  expression: string;
  /** Names of the SAML attributes it reads (the NameID is not an attribute: see `readsNameId`). */
  attributes: string[];
  /** It reads the Subject's NameID. */
  readsNameId?: boolean;
  /** What it evaluated to; every value for `groups`. Absent when it could not be evaluated. */
  value?: string | string[];
  /** What it reads that the response lacks: attribute names, or `NameID`. */
  missing?: string[];
  /** The value after the engine's transformations (resolution's regex replacements), when they changed it. */
  transformed?: string | string[];
  /** Why it could not be evaluated, in the product's words where known. */
  problem?: string;
}

export interface SimulationResult {
  engine: JitEngine;
  product: Product;
  outcome: SimulationOutcome;
  canLogIn: boolean;
  /** One sentence: why the login ends the way it does. */
  reason: string;
  /** The text the product shows or logs for this failure, when the research has it verbatim. */
  productMessage?: string;
  /** The Atlassian username the login resolves to, when it got that far. */
  username: string | null;
  /** The response's signature verified with a trusted IdP certificate. */
  verified: boolean;
  /** Nothing here would really happen: the response is not verified or the product rejects it first. */
  hypothetical: boolean;
  /** What the engine would do if the response were accepted (set only when `hypothetical`). */
  hypotheticalOutcome?: { outcome: SimulationOutcome; canLogIn: boolean; reason: string };
  user: { before: SimulatedUser | null; after: SimulatedUser | null };
  groups: GroupChanges;
  steps: SimulationStep[];
  /** The simulation's own findings (jit.*). */
  findings: Finding[];
  /**
   * Findings of the response's analysis that decide the login (the product rejects the response) or explain it
   * (what the IdP sends: attributes, groups, NameID). Copies of the analysis's findings, shown beside the simulation's.
   */
  messageFindings?: Finding[];
  /** Every mapping the engine evaluated, in the order it evaluated them. */
  mappings: SimulationMapping[];
}
