/** How bad a finding is; its own file so the finding catalog and the finding model can both use it without importing each other. */
export type Severity = 'error' | 'warning' | 'info';
