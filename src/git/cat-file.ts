import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { GitEnv } from './command.js';

interface Pending {
  resolve(content: Buffer | undefined): void;
  reject(error: Error): void;
}

/**
 * One long-lived `git cat-file --batch` for every blob of a run: a commit hook reads dozens of
 * files from the index and from HEAD, and a process per file would cost more than the lint.
 * Requests are written at once and answered in order, so concurrent reads pipeline.
 */
export class CatFileBatch {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: Pending[] = [];
  private buffered: Buffer = Buffer.alloc(0);
  private failure?: Error;
  private stderr = '';

  constructor(top: string, env: GitEnv) {
    this.child = spawn('git', ['cat-file', '--batch'], { cwd: top, env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (chunk: Buffer) => {
      this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
      this.answer();
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.child.on('error', (error) => this.fail(error));
    this.child.on('close', () => this.fail(new Error(`git cat-file exited: ${this.stderr.trim().split('\n')[0] || 'no message'}`)));
    // A closed pipe surfaces as a failed read, not as an unhandled 'error' event.
    this.child.stdin.on('error', (error) => this.fail(error));
  }

  /** The content of an object (by id), undefined when git does not have it. */
  read(objectId: string): Promise<Buffer | undefined> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      this.child.stdin.write(`${objectId}\n`);
    });
  }

  close(): void {
    this.child.stdin.end();
  }

  /** Answers: `<id> <type> <size>\n<content>\n`, or `<name> missing\n`. */
  private answer(): void {
    while (this.pending.length > 0) {
      const headerEnd = this.buffered.indexOf(0x0a);
      if (headerEnd === -1) return;
      const header = this.buffered.subarray(0, headerEnd).toString('utf8');
      if (/ (missing|ambiguous)$/.test(header)) {
        this.buffered = this.buffered.subarray(headerEnd + 1);
        this.pending.shift()?.resolve(undefined);
        continue;
      }
      const size = Number(header.split(' ')[2]);
      if (!Number.isInteger(size)) return this.fail(new Error(`git cat-file: unexpected answer "${header.slice(0, 80)}"`));
      const end = headerEnd + 1 + size;
      if (this.buffered.length < end + 1) return;
      const content = Buffer.from(this.buffered.subarray(headerEnd + 1, end));
      this.buffered = this.buffered.subarray(end + 1);
      this.pending.shift()?.resolve(content);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.splice(0)) waiting.reject(this.failure);
  }
}
