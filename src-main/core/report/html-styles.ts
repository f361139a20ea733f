/**
 * The HTML report's only stylesheet, inlined. Light theme always: the same file is printed to PDF by Electron
 * (printToPDF) and by browsers on A4 or Letter, so nothing is wider than the narrower printable width
 * (A4 210 mm − 2 × 14 mm margins = 182 mm), and findings never split across pages.
 */
export const REPORT_CSS = `
:root {
  color-scheme: light;
  --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa;
  --pass: #1a7f37; --pass-bg: #dafbe1; --warn: #7d4e00; --warn-bg: #fff1c2; --fail: #b3141f; --fail-bg: #ffebe9;
  --info: #0b5cad; --info-bg: #ddf4ff; --fix-bg: #f0f7ff; --ph-bg: #efe9fb; --ph: #5a32a3;
  --mono: ui-monospace, "SFMono-Regular", "Cascadia Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: #fff; color: var(--fg);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1, h2, h3, h4, h5 { line-height: 1.25; margin: 1.4em 0 0.5em; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.7rem; margin-top: 0.2rem; }
h2 { font-size: 1.35rem; border-bottom: 2px solid var(--line); padding-bottom: 0.25rem; }
h3 { font-size: 1.15rem; }
h4 { font-size: 1rem; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
h5 { font-size: 0.95rem; margin: 1em 0 0.4em; }
p { margin: 0.4em 0; }
code, pre, .mono { font-family: var(--mono); font-size: 0.86em; }
code { background: var(--soft); border-radius: 4px; padding: 0.05em 0.3em; overflow-wrap: anywhere; }
a { color: var(--info); }
.brand { font-weight: 700; color: var(--muted); letter-spacing: 0.06em; text-transform: uppercase; font-size: 0.8rem; }
.meta { color: var(--muted); margin: 0.2rem 0; }
.summary { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.9rem 0 0.3rem; }
.badge {
  display: inline-block; font-weight: 700; font-size: 0.78rem; letter-spacing: 0.05em; padding: 0.12rem 0.55rem;
  border-radius: 999px; border: 1px solid currentColor; vertical-align: middle; white-space: nowrap;
}
.badge.large { font-size: 1rem; padding: 0.25rem 0.9rem; }
.v-pass, .s-pass { color: var(--pass); background: var(--pass-bg); }
.v-warn, .sev-warning { color: var(--warn); background: var(--warn-bg); }
.v-fail, .sev-error { color: var(--fail); background: var(--fail-bg); }
.sev-info { color: var(--info); background: var(--info-bg); }
.chip { font-size: 0.85rem; color: var(--muted); border: 1px solid var(--line); border-radius: 999px; padding: 0.1rem 0.6rem; }
.notice { border: 1px solid var(--line); border-left: 5px solid var(--info); background: var(--soft); border-radius: 6px; padding: 0.6rem 1rem; margin: 1.2rem 0; }
.notice.unredacted { border-left-color: var(--fail); background: var(--fail-bg); }
.notice h2 { border: 0; margin: 0.2rem 0 0.3rem; font-size: 1.1rem; }
.toc ol { margin: 0.3rem 0; padding-left: 1.4rem; }
.toc li { margin: 0.15rem 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; margin: 0.4rem 0 0.8rem; font-size: 0.92em; }
th, td { text-align: left; vertical-align: top; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; word-break: break-word; }
thead th { background: var(--soft); font-weight: 600; border-bottom: 2px solid var(--line); overflow-wrap: normal; word-break: normal; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.kv th { width: 28%; font-weight: 600; color: var(--muted); background: none; }
.values { margin: 0; padding-left: 1.1rem; }
.values li { margin: 0.05rem 0; }
.message { border-top: 1px dashed var(--line); margin-top: 1.6rem; padding-top: 0.4rem; }
.message > h3 { margin-top: 0.6rem; }
.finding { border: 1px solid var(--line); border-left-width: 5px; border-radius: 6px; padding: 0.55rem 0.85rem; margin: 0.6rem 0; break-inside: avoid; page-break-inside: avoid; background: #fff; }
.finding.f-error { border-left-color: var(--fail); }
.finding.f-warning { border-left-color: #d4a72c; }
.finding.f-info { border-left-color: var(--info); }
.finding-head { display: flex; flex-wrap: wrap; gap: 0.45rem; align-items: baseline; }
.finding-head strong { font-size: 1rem; }
.fid { color: var(--muted); background: none; padding: 0; }
.tag { font-size: 0.75rem; color: var(--muted); border: 1px dashed var(--muted); border-radius: 4px; padding: 0 0.3rem; }
.fix { background: var(--fix-bg); border: 1px solid #b6d5f5; border-radius: 6px; padding: 0.45rem 0.75rem; margin-top: 0.5rem; }
.fix-head { font-weight: 700; color: var(--info); font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.04em; }
.fix dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.8rem; margin: 0.3rem 0; }
.fix dt { font-weight: 600; color: var(--muted); }
.fix dd { margin: 0; overflow-wrap: anywhere; }
.fix ol { margin: 0.3rem 0; padding-left: 1.3rem; }
.evidence { font-size: 0.88em; }
.evidence th:nth-child(1) { width: 34%; }
.flag { font-size: 0.72rem; color: var(--warn); font-weight: 600; white-space: nowrap; }
.ok { color: var(--pass); font-weight: 600; }
.bad { color: var(--fail); font-weight: 600; }
.muted { color: var(--muted); }
.ph { background: var(--ph-bg); color: var(--ph); border-radius: 3px; padding: 0 0.15em; font-family: var(--mono); font-size: 0.92em; }
code .ph { font-size: 1em; padding: 0; }
.none { color: var(--muted); font-style: italic; }
pre.xml {
  background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 0.6rem 0.75rem;
  white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-all; font-size: 0.74rem; line-height: 1.4; margin: 0.4rem 0;
}
footer { margin-top: 2.5rem; border-top: 1px solid var(--line); padding-top: 0.5rem; color: var(--muted); font-size: 0.82rem; }
@page { margin: 15mm 14mm 16mm 14mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  h2 { break-before: auto; }
  a { color: inherit; text-decoration: none; }
  .message { break-before: auto; }
  pre.xml { font-size: 7pt; }
  table code { font-size: 0.8em; }
}
`;
