// Starts the real local host for the end-to-end run: its own port, a temporary data folder, demo data.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../../..');

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => { const { port } = server.address(); server.close(() => done(port)); });
    server.on('error', fail);
  });
}

export async function startHost() {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('dotnet', ['run', '--no-build', '--project', join(repo, 'src/Promotions.LocalHost'), '--',
    '--demo', `--urls=${url}`, `--Embedded:DataDirectory=${data}`], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The local host stopped (${child.exitCode}):\n${log}`);
    try { if ((await fetch(`${url}/health/ready`)).ok) break; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  if (Date.now() >= deadline) throw new Error(`The local host did not answer in time:\n${log}`);
  return {
    url,
    log: () => log,
    async stop() {
      // The host runs in a process group of its own (dotnet run and the app): stop the group, and kill it if it lingers.
      const exited = new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
      rmSync(data, { recursive: true, force: true });
    },
  };
}

export async function devToken(url, role) {
  const response = await fetch(`${url}/dev/token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ role }) });
  if (!response.ok) throw new Error(`dev token ${response.status}`);
  return (await response.json()).token;
}
