#!/usr/bin/env python3
"""One cold start of the packaged service, timed from process start.

Usage: coldstart.py APP_DIR TOKEN_FILE JAVA [JVM options...]

Starts `JAVA [options] -jar quarkus-run.jar` in APP_DIR (CDS/AOT files are referenced relative to
it), polls /q/health/ready and then an authenticated GET /api/todos?size=50 every 5 ms, and prints
one line: ready_ms=<..> todos_ms=<..> ready_cpu_ms=<..> todos_cpu_ms=<..> rss_mb=<..> (CPU time the
JVM used up to each point, which unlike wall time barely depends on the machine's load; RSS right
after that first 200). The service environment (ENVIRONMENT, DATABASE_URL, ...) comes from the
caller. Stops the service afterwards.
When TOKEN_FILE is older than 10 minutes it logs in again (after the measurement) to keep it fresh.
"""
import http.client
import json
import os
import subprocess
import sys
import time

app_dir, token_file, java, *jvm_opts = sys.argv[1:]
port = int(os.environ.get("PORT", "18090"))
log = open(os.environ.get("SERVICE_LOG", "/tmp/todo-bench/service.log"), "ab")
with open(token_file) as f:
    token = f.readline().strip()


def get(path, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        conn.request("GET", path, headers=headers or {})
        resp = conn.getresponse()
        resp.read()
        return resp.status
    except OSError:
        return 0
    finally:
        conn.close()


def cpu_ms(pid):
    """user + system CPU time the process has used so far (all threads)"""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 // os.sysconf("SC_CLK_TCK")


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) // 1024
    return -1


t0 = time.monotonic()
proc = subprocess.Popen([java, *jvm_opts, "-jar", "quarkus-run.jar"], cwd=app_dir, stdout=log, stderr=log)
try:
    def wait_for(path, headers=None, deadline=60):
        while get(path, headers) != 200:
            if proc.poll() is not None:
                sys.exit(f"service exited with {proc.returncode}; see the service log")
            if time.monotonic() - t0 > deadline:
                sys.exit(f"no 200 on {path} within {deadline} s")
            time.sleep(0.005)
        return (time.monotonic() - t0) * 1000

    ready_ms = wait_for("/q/health/ready")
    ready_cpu = cpu_ms(proc.pid)
    todos_ms = wait_for("/api/todos?size=50", {"Authorization": "Bearer " + token})
    todos_cpu = cpu_ms(proc.pid)
    rss = rss_mb(proc.pid)
    print(f"ready_ms={ready_ms:.0f} todos_ms={todos_ms:.0f} ready_cpu_ms={ready_cpu} todos_cpu_ms={todos_cpu} rss_mb={rss}",
          flush=True)

    if time.time() - os.path.getmtime(token_file) > 600:
        body = json.dumps({"email": "bench1@example.com", "password": "bench password 1 long"})
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conn.request("POST", "/api/auth/login", body=body, headers={"content-type": "application/json"})
        resp = conn.getresponse()
        data = json.loads(resp.read())
        if resp.status == 200:
            with open(token_file, "w") as f:
                f.write(data["accessToken"] + "\n")
finally:
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
