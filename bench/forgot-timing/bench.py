#!/usr/bin/env python3
"""Times POST /api/auth/password/forgot for known vs unknown addresses (stdlib only).

  bench.py blackhole PORT          accept SMTP connections and never answer (a "slow" mail server)
  bench.py measure BASE_URL N      sign up accounts, warm up, then N known + N unknown requests
"""
import http.client
import os
import json
import random
import socket
import statistics
import sys
import threading
import time
import urllib.parse
import uuid


def blackhole(port):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", port))
    server.listen(512)
    held = []
    while True:
        conn, _ = server.accept()
        held.append(conn)  # keep it open, say nothing


class Client:
    def __init__(self, base):
        url = urllib.parse.urlparse(base)
        self.conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)

    def post(self, path, body):
        return self.send("POST", path, json.dumps(body))

    def send(self, method, path, data=None):
        started = time.perf_counter()
        self.conn.request(method, path, data, {"Content-Type": "application/json"} if data else {})
        response = self.conn.getresponse()
        payload = response.read()
        return response.status, payload, (time.perf_counter() - started) * 1000


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def measure(base, n):
    client = Client(base)
    known = []
    for i in range(20):
        email = f"bench-{uuid.uuid4().hex[:10]}@example.com"
        status, _, _ = client.post("/api/auth/register", {"email": email, "password": "bench passphrase 12345"})
        assert status == 202, status
        known.append(email)
    unknown = lambda: f"nobody-{uuid.uuid4().hex[:10]}@example.com"

    # baseline: GET /q/health/live touches neither database nor mail; it shows what the machine adds
    plan = ([("known", random.choice(known)) for _ in range(n)] + [("unknown", unknown()) for _ in range(n)]
            + [("baseline", None) for _ in range(n)])
    for _ in range(200):  # warm-up: JIT, pools, prepared statements
        kind, _ = random.choice(plan[:2 * n])
        client.post("/api/auth/password/forgot", {"email": random.choice(known) if kind == "known" else unknown()})
    random.shuffle(plan)  # interleaved, so drift hits both alike
    times = {"known": [], "unknown": [], "baseline": []}
    bodies = {"known": set(), "unknown": set()}
    for kind, email in plan:
        if kind == "baseline":
            status, _, ms = client.send("GET", "/q/health/live")
            assert status == 200, status
            times[kind].append(ms)
            continue
        status, payload, ms = client.post("/api/auth/password/forgot", {"email": email})
        assert status == 202, (status, payload)
        times[kind].append(ms)
        bodies[kind].add(payload)
    assert bodies["known"] == bodies["unknown"] and len(bodies["known"]) == 1, "bodies differ"
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'':8} {'n':>5} {'median ms':>10} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind in ("known", "unknown", "baseline"):
        t = times[kind]
        print(f"{kind:8} {len(t):5d} {statistics.median(t):10.2f} {percentile(t, 90):8.2f} "
              f"{percentile(t, 99):8.2f} {max(t):8.2f}")
    print(f"median difference known-unknown: {statistics.median(times['known']) - statistics.median(times['unknown']):+.2f} ms;"
          " identical status (202) and body for all")


if __name__ == "__main__":
    if sys.argv[1] == "blackhole":
        blackhole(int(sys.argv[2]))
    else:
        measure(sys.argv[2], int(sys.argv[3]))
