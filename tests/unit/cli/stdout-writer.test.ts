/**
 * The CLI's standard output (src-main/cli/stdout-writer.ts): a pipe, socket or file is written directly, every
 * byte in order; whatever the descriptor cannot take goes, with everything after it, to process.stdout's stream.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { directWritable, stdoutWriter, type StdoutSinks } from '../../../src-main/cli/stdout-writer.js';

/** Sinks that record what went where; `takes` says how many bytes each direct write accepts (or throws). */
function recordingSinks(takes: Array<number | Error>) {
  const direct: string[] = [];
  const streamed: string[] = [];
  let streams = 0;
  const sinks: StdoutSinks = {
    writeSync: (buffer) => {
      const take = takes.shift() ?? buffer.length;
      if (take instanceof Error) throw take;
      const n = Math.min(take, buffer.length);
      direct.push(Buffer.from(buffer.subarray(0, n)).toString('utf8'));
      return n;
    },
    stream: () => {
      streams++;
      return (text) => streamed.push(typeof text === 'string' ? text : Buffer.from(text).toString('utf8'));
    },
  };
  return { sinks, direct, streamed, streams: () => streams };
}

const eagain = Object.assign(new Error('EAGAIN: resource temporarily unavailable, write'), { code: 'EAGAIN' });

describe('stdoutWriter', () => {
  it('writes directly, all bytes in order, across partial writes, and never creates the stream', () => {
    const { sinks, direct, streams } = recordingSinks([3, 1]);
    const write = stdoutWriter(true, sinks);
    write('{"ok":true}\n');
    write('caf\u00e9\n');
    expect(direct.join('')).toBe('{"ok":true}\ncaf\u00e9\n');
    expect(streams()).toBe(0);
  });

  it('hands the rest of a text the descriptor cannot take, and everything after it, to the stream', () => {
    const { sinks, direct, streamed } = recordingSinks([4, eagain]);
    const write = stdoutWriter(true, sinks);
    write('first line\n');
    write('second line\n');
    expect(direct).toEqual(['firs']);
    expect(streamed).toEqual(['t line\n', 'second line\n']);
  });

  it('takes a write that wrote nothing for one it cannot make', () => {
    const { sinks, direct, streamed } = recordingSinks([0]);
    stdoutWriter(true, sinks)('text\n');
    expect(direct).toEqual(['']);
    expect(streamed).toEqual(['text\n']);
  });

  it('uses only the stream when the descriptor is not written directly', () => {
    const { sinks, direct, streamed } = recordingSinks([]);
    stdoutWriter(false, sinks)('text\n');
    expect(direct).toEqual([]);
    expect(streamed).toEqual(['text\n']);
  });
});

describe('directWritable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'samlscope-stdout-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds for a regular file, not on Windows, and not for a descriptor that is not open', () => {
    const file = join(dir, 'out.txt');
    const fd = openSync(file, 'w');
    try {
      expect(directWritable(fd, 'linux')).toBe(true);
      expect(directWritable(fd, 'win32')).toBe(false);
      const write = stdoutWriter(true, { writeSync: (buffer) => writeSync(fd, buffer), stream: () => () => undefined });
      write('one\n');
      write('two\n');
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe('one\ntwo\n');
    expect(directWritable(fd, 'linux')).toBe(false);
  });
});
