#!/usr/bin/env node
// End-to-end runner: a real SMTP server, the real backend jar (embedded PostgreSQL), the Next.js
// production server, then Playwright (Debian's Chromium) against them. Cleans up whatever it started.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

const webDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// E2E_BACKEND_DIR: build and run the backend from another checkout (e.g. a branch not merged yet)
const repoRoot = resolve(process.env.E2E_BACKEND_DIR ?? resolve(webDir, '..'));
const workDir = join(webDir, '.e2e');
const env = process.env;

const children = [];
let smtp;
let tempDb;

function log(message) {
  console.log(`[e2e] ${message}`);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function start(name, command, args, options) {
  const logFile = join(workDir, `${name}.log`);
  const out = createWriteStream(logFile);
  const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  child.on('exit', (code, signal) => {
    if (!child.stopping) log(`${name} exited (${code ?? signal}); see ${logFile}`);
  });
  children.push({ name, child });
  return child;
}

async function waitFor(url, what, timeoutMs, child) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} stopped before it was ready`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what} not ready after ${timeoutMs / 1000}s (${url})`);
}

function stopAll() {
  for (const { child } of children.reverse()) {
    if (child.exitCode !== null || child.pid === undefined) continue;
    child.stopping = true;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  smtp?.close();
  if (tempDb) {
    // a PostgreSQL a test started again (the outage proof) is no child of the backend: stop it too
    try {
      const pid = Number(readFileSync(join(tempDb, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0) process.kill(pid, 'SIGINT');
    } catch {
      // stopped already
    }
    // give PostgreSQL a moment to stop before its folder goes
    setTimeout(() => rmSync(tempDb, { recursive: true, force: true }), 3000).unref();
  }
}

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
}

async function startSmtp(port, mailDir) {
  let seq = 0;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const record = {
            to: (mail.to ? [mail.to].flat() : []).flatMap((a) => a.value.map((v) => v.address?.toLowerCase())),
            envelopeTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            from: mail.from?.text ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            receivedAt: new Date().toISOString(),
          };
          writeFileSync(join(mailDir, `${Date.now()}-${++seq}.json`), JSON.stringify(record, null, 2));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise((r, reject) => {
    smtp.on('error', reject);
    smtp.listen(port, '127.0.0.1', r);
  });
}

async function main() {
  rmSync(workDir, { recursive: true, force: true });
  const mailDir = join(workDir, 'mail');
  mkdirSync(mailDir, { recursive: true });

  // E2E_API_PORT pins the API port so that E2E_SKIP_BUILD=1 can reuse a UI build (its API URL is build-time)
  const apiPort = env.E2E_API_PORT ? Number(env.E2E_API_PORT) : await freePort();
  const [dbPort, uiPort, smtpPort] = [await freePort(), await freePort(), await freePort()];
  const apiUrl = `http://localhost:${apiPort}`;
  const uiUrl = `http://localhost:${uiPort}`;
  log(`ports: api ${apiPort}, db ${dbPort}, ui ${uiPort}, smtp ${smtpPort}`);

  await startSmtp(smtpPort, mailDir);
  log(`SMTP server listening on ${smtpPort}`);

  const jar = join(repoRoot, 'target/quarkus-app/quarkus-run.jar');
  if (env.E2E_SKIP_BACKEND_BUILD !== '1' || !existsSync(jar)) {
    log('building the backend jar (mvnw package -DskipTests)');
    run(join(repoRoot, 'mvnw'), ['-B', '-q', '-ntp', 'package', '-DskipTests'], { cwd: repoRoot });
  }

  tempDb = mkdtempSync(join(tmpdir(), 'todo-e2e-db-'));
  const backend = start('backend', 'java', ['-Xmx384m', '-XX:+UseSerialGC', '-jar', jar], {
    cwd: repoRoot,
    env: {
      ...env,
      FRONTEND_URL: uiUrl,
      LOCAL_DB_DIR: tempDb,
      LOCAL_DB_PORT: String(dbPort),
      PORT: String(apiPort),
      MANAGEMENT_PORT: '0',
      MAIL_TRANSPORT: 'smtp',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      SMTP_USE_TLS: 'false',
      SMTP_FROM_EMAIL: 'todo@example.test',
      SMTP_FROM_NAME: 'Todo',
      LOG_JSON: 'false',
      // every test signs up its own person, all from 127.0.0.1: more than the default 10 an hour
      // (the limit itself is the API suite's to test)
      RATE_LIMIT_REGISTER_PER_IP: '100/PT1H',
      // every sign-up also opens its emailed link, which counts against the reset-link limit (20 per 15 min)
      RATE_LIMIT_RESET_PER_IP: '200/PT15M',
    },
  });

  const nextEnv = { ...env, NEXT_TELEMETRY_DISABLED: '1', NEXT_PUBLIC_API_URL: apiUrl, API_URL: apiUrl };
  if (env.E2E_SKIP_BUILD !== '1') {
    log(`building the UI (next build, NEXT_PUBLIC_API_URL=${apiUrl})`);
    run('npx', ['next', 'build'], { cwd: webDir, env: nextEnv });
  }

  log('waiting for the backend');
  await waitFor(`${apiUrl}/q/health/ready`, 'backend', 180_000, backend);
  log('backend ready');

  const ui = start('ui', 'npx', ['next', 'start', '-p', String(uiPort)], { cwd: webDir, env: { ...nextEnv, NODE_ENV: 'production' } });
  await waitFor(`${uiUrl}/sign-in`, 'UI', 60_000, ui);
  log('UI ready; running Playwright');

  // async: this process also runs the SMTP server, so its event loop must stay free
  const playwright = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], {
    cwd: webDir,
    stdio: 'inherit',
    env: { ...env, E2E_BASE_URL: uiUrl, E2E_API_URL: apiUrl, E2E_MAIL_DIR: mailDir, E2E_DB_DIR: tempDb },
  });
  return new Promise((done) => playwright.on('exit', (code) => done(code ?? 1)));
}

let code = 1;
const onSignal = () => {
  stopAll();
  process.exit(130);
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
try {
  code = await main();
} catch (error) {
  console.error(`[e2e] ${error.message}`);
  code = 1;
} finally {
  stopAll();
}
setTimeout(() => process.exit(code), 3500);
