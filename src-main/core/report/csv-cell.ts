/**
 * One CSV cell: RFC 4180 quoting (https://www.rfc-editor.org/rfc/rfc4180), plus a leading apostrophe on
 * values a spreadsheet would run as a formula (names and e-mails come from the directory and could start
 * with =, +, - or @: https://owasp.org/www-community/attacks/CSV_Injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
