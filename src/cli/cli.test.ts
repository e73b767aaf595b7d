import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../db/embedded.ts';

const bin = path.resolve(import.meta.dirname, '../../bin/workroom.js');
let dataDir: string;
let env: NodeJS.ProcessEnv;
let baseUrl: string;
const started = new Set<ChildProcess>();

function runCli(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function startServer(): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--skip-web-build'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  started.add(child);
  child.on('exit', () => started.delete(child));
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const check = () => {
      if (output.includes('Workroom is running at')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', () => reject(new Error(`server exited:\n${output}`)));
  });
  return { child, output: () => output };
}

async function stopServer(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  return exited;
}

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify(body),
  });

// This tests the embedded PostgreSQL lifecycle itself, so it never uses DATABASE_URL.
describe.skipIf(Boolean(process.env.DATABASE_URL))('workroom serve with the embedded PostgreSQL', () => {
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'workroom-cli-'));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    env = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
  });
  afterAll(async () => {
    // A failed assertion must not leave a server (and its PostgreSQL) running.
    await Promise.all([...started].map((child) => stopServer(child)));
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  test('starts, shares its database with demo and verify, stops cleanly and keeps the data', async () => {
    const first = await startServer();
    const signup = await post(`${baseUrl}/api/auth/signup`, {
      email: 'kept@example.org',
      password: 'a long and unusual passphrase',
      displayName: 'Kept Across Restarts',
      role: 'client',
    });
    expect(signup.status).toBe(201);

    const demo = await runCli(['demo']);
    expect(demo.output).toContain('demo.workroom.local');
    expect(demo.code).toBe(0);
    const verify = await runCli(['verify']);
    expect(verify.output).toMatch(/All \d+ checks passed/);
    expect(verify.code).toBe(0);

    expect(await stopServer(first.child)).toBe(0);
    expect(first.output()).toContain('Stopped.');
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = await startServer();
    const login = await post(`${baseUrl}/api/auth/login`, {
      email: 'kept@example.org',
      password: 'a long and unusual passphrase',
    });
    expect(login.status).toBe(200);
    expect(await stopServer(second.child)).toBe(0);
  }, 240_000);

  test('a bad setting stops the start with a message naming it', async () => {
    const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, [bin, 'migrate'], { env: { ...env, PORT: 'eighty' }, stdio: 'pipe' });
      let output = '';
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('close', (code) => resolve({ code, output }));
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain('PORT="eighty"');
  });
});
