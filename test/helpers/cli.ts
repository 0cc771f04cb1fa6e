import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { run } from '../../adapters/cli/program.ts';

/** The installed command, which runs the compiled program (test/helpers/build.ts keeps it current). */
export const BIN = resolve(import.meta.dirname, '../../bin/innspill.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const baseEnv = () => ({ PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn' });

function collect(): { stream: PassThrough; text(): string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (d: Buffer) => chunks.push(Buffer.from(d)));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * Runs an `innspill` command line in this process, through the same `run` the binary calls, with
 * only the given environment and its own streams: what a user sees, without a process start per
 * command (which costs seconds on a busy machine). Tests about the process itself use `startCli`.
 */
export async function runCli(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliResult> {
  const stdout = collect();
  const stderr = collect();
  const stdin = Readable.from(options.input === undefined ? [] : [options.input]);
  const code = await run(args, { ...baseEnv(), ...options.env }, { stdout: stdout.stream, stderr: stderr.stream, stdin, isTTY: false });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs `innspill` as a real process, as a user would: for exit codes, signals and crashes. */
export function startCli(args: string[], options: { env?: Record<string, string>; cwd?: string } = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: { ...baseEnv(), ...options.env } });
}

/** A real process run to its end, with what it was given on standard input. */
export function spawnCli(args: string[], options: { env?: Record<string, string>; input?: string; cwd?: string } = {}): Promise<CliResult> {
  const child = startCli(args, options);
  child.stdin.end(options.input ?? '');
  return finished(child);
}

export function finished(child: ChildProcessWithoutNullStreams): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}
