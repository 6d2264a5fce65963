#!/usr/bin/env python3
"""Times POST /api/auth/register for new, pending and existing addresses (stdlib only)."""
import os
import random
import re
import statistics
import sys
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "forgot-timing"))
from bench import Client, percentile  # noqa: E402  (the forgot-timing bench's HTTP client)

PASSWORD = "bench passphrase 12345"


def link_token(log, email, deadline=30):
    """The newest verification token mailed to email, as MAIL_TRANSPORT=log printed it."""
    pattern = re.compile(r"To: " + re.escape(email) + r"\n.*?verify-email\?token=([A-Za-z0-9_-]+)", re.S)
    end = time.time() + deadline
    while time.time() < end:
        with open(log, encoding="utf-8", errors="replace") as f:
            found = pattern.findall(f.read())
        if found:
            return found[-1]
        time.sleep(0.1)
    raise AssertionError(f"no verification link for {email} in the log")


def measure(base, n, log):
    client = Client(base)
    existing, pending = [], []
    for i in range(20):
        email = f"bench-{uuid.uuid4().hex[:10]}@example.com"
        status, _, _ = client.post("/api/auth/register", {"email": email, "password": PASSWORD})
        assert status == 202, status
        (existing if i % 2 == 0 else pending).append(email)
    for email in existing:  # verified by opening the emailed link, as a person would
        status, payload, _ = client.post("/api/auth/email/verify", {"token": link_token(log, email)})
        assert status == 200, (status, payload)
    new = lambda: f"nobody-{uuid.uuid4().hex[:10]}@example.com"
    pick = {"existing": lambda: random.choice(existing), "pending": lambda: random.choice(pending), "new": new}

    plan = [kind for kind in ("existing", "pending", "new", "baseline") for _ in range(n)]
    for _ in range(200):  # warm-up: JIT, pools, prepared statements
        client.post("/api/auth/register", {"email": pick[random.choice(plan[:3 * n])](), "password": PASSWORD})
    random.shuffle(plan)  # interleaved, so drift hits every kind alike
    times = {kind: [] for kind in pick} | {"baseline": []}
    bodies = {kind: set() for kind in pick}
    for kind in plan:
        if kind == "baseline":
            status, _, ms = client.send("GET", "/q/health/live")
            assert status == 200, status
            times[kind].append(ms)
            continue
        status, payload, ms = client.post("/api/auth/register", {"email": pick[kind](), "password": PASSWORD})
        assert status == 202, (status, payload)
        times[kind].append(ms)
        bodies[kind].add(payload)
    assert len(set().union(*bodies.values())) == 1, f"bodies differ: {bodies}"
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'':9} {'n':>5} {'median ms':>10} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind in ("existing", "pending", "new", "baseline"):
        t = times[kind]
        print(f"{kind:9} {len(t):5d} {statistics.median(t):10.2f} {percentile(t, 90):8.2f} "
              f"{percentile(t, 99):8.2f} {max(t):8.2f}")
    print(f"median difference existing-new: {statistics.median(times['existing']) - statistics.median(times['new']):+.2f} ms;"
          " identical status (202) and body for all")


if __name__ == "__main__":
    measure(sys.argv[1], int(sys.argv[2]), sys.argv[3])
