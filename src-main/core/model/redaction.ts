/** What presentation mode and redacted reports replaced: categories and the list entries (never the values). */

/** Kinds of personal data, each with its own placeholder series. */
export type PersonalCategory =
  | 'email'
  | 'nameid'
  | 'name'
  | 'username'
  | 'value'
  | 'id'
  | 'relay-state'
  | 'address'
  | 'local-user'
  | 'personal';

/** Things removed without a placeholder series: they are dropped, not pseudonymised. */
export type DroppedCategory = 'signature-value' | 'digest-value' | 'certificate-bytes' | 'ciphertext' | 'encoded-data' | 'credential' | 'xml-document';

export type RedactionCategory = PersonalCategory | DroppedCategory;

/** One line of "what was redacted": never the value itself. */
export interface RedactionEntry {
  category: RedactionCategory;
  placeholder: string;
  /** How often the placeholder stands in the redacted data. */
  count: number;
  /** Where the value was found, e.g. `NameID`, `attribute "email"` (labels only, never values). */
  seenAs: string[];
}
