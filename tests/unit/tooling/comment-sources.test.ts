/**
 * Comments explain why in their own words or cite public sources (URLs). They never point a reader at notes
 * outside the repository (`<name>.md §…` for a Markdown file the repository does not have) or at work items
 * (`issue N`), which a reader of the repository cannot follow. Only comments are checked: user-facing strings
 * and code may say anything.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const SCANNED_DIRS = ['src-main', 'src-renderer', 'scripts', 'bench'];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'out', 'release']);

/**
 * Files whose comments still carry such references, to be rewritten with public sources. Empty this list as
 * they are fixed: a file on it that no longer has a reference fails the test too, so the list cannot go stale.
 */
const STILL_TO_FIX: readonly string[] = [
];

function walk(dir: string, keep: (file: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, keep));
    else if (entry.isFile() && keep(entry.name)) out.push(full);
  }
  return out;
}

const SCRIPT_FILE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;

/** The text of every comment in a source file (TypeScript's scanner for code, plain patterns for CSS and HTML). */
function commentsOf(fileName: string, text: string): string[] {
  if (fileName.endsWith('.css')) return text.match(/\/\*[\s\S]*?\*\//g) ?? [];
  if (fileName.endsWith('.html')) return text.match(/<!--[\s\S]*?-->/g) ?? [];
  const kind = /\.[jt]sx$/.test(fileName) ? ts.ScriptKind.TSX : fileName.endsWith('.ts') ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const found = new Map<number, string>();
  const add = (ranges: ts.CommentRange[] | undefined): void => {
    for (const range of ranges ?? []) found.set(range.pos, text.slice(range.pos, range.end));
  };
  const visit = (node: ts.Node): void => {
    add(ts.getLeadingCommentRanges(text, node.pos));
    add(ts.getTrailingCommentRanges(text, node.end));
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return [...found.values()];
}

const repoMarkdown = walk(root, (name) => name.endsWith('.md')).map((file) => path.relative(root, file).split(path.sep).join('/'));

function isRepoMarkdown(name: string): boolean {
  const wanted = name.replace(/^\.\//, '');
  return repoMarkdown.some((file) => file === wanted || file.endsWith(`/${wanted}`));
}

/** The references in one comment a reader of the repository cannot follow. */
function unfollowableReferences(comment: string): string[] {
  const refs: string[] = [];
  for (const m of comment.matchAll(/([\w./-]+\.md)\s*§\s*[\w.–-]*/g)) {
    if (!isRepoMarkdown(m[1] ?? '')) refs.push(m[0].trim());
  }
  for (const m of comment.matchAll(/\bissue\s+\d+/gi)) refs.push(m[0]);
  return refs;
}

function scan(): Map<string, string[]> {
  const byFile = new Map<string, string[]>();
  for (const dir of SCANNED_DIRS) {
    for (const file of walk(path.join(root, dir), (name) => SCRIPT_FILE.test(name) || name.endsWith('.css') || name.endsWith('.html'))) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      const refs = commentsOf(rel, readFileSync(file, 'utf8')).flatMap(unfollowableReferences);
      if (refs.length > 0) byFile.set(rel, refs);
    }
  }
  return byFile;
}

describe('comment sources', () => {
  const found = scan();

  it('finds private-note and work-item references in comments only', () => {
    const code = "// AWS sends IDs (aws.md §5, issue 6)\n/** See docs/release.md §2 and (Issue 13 §3). */\nconst s = 'aws.md §1 issue 4';\n";
    const refs = commentsOf('planted.ts', code).flatMap(unfollowableReferences);
    expect(refs).toEqual(['aws.md §5', 'issue 6', 'Issue 13']);
    expect(commentsOf('planted.css', '/* peers.md §7 */ a { content: "issue 2"; }').flatMap(unfollowableReferences)).toEqual(['peers.md §7']);
  });

  it('no comment outside the still-to-fix list points at notes outside the repository or at work items', () => {
    const unexpected = [...found].filter(([file]) => !STILL_TO_FIX.includes(file)).map(([file, refs]) => `${file}: ${refs.join('; ')}`);
    expect(unexpected).toEqual([]);
  });

  it('every file on the still-to-fix list still has such a reference (remove fixed files from the list)', () => {
    expect(STILL_TO_FIX.filter((file) => !found.has(file))).toEqual([]);
  });
});
