"""Hooks for scripts/contract-test.sh (loaded through SCHEMATHESIS_HOOKS).

An Idempotency-Key names one intended write. The generator draws keys from a small space ("0", "A", ...)
and so sends the same key with different requests, which the contract answers with 422
idempotency_key_reused: right for the API, but schemathesis counts it as a schema-valid request refused.
So every valid key gets a unique suffix (still 1-255 visible ASCII) in every phase; invalid keys stay as generated, so
their 422 is still checked. Replays and reuse are asserted by IdempotentWritesTest.
"""
import itertools
import re

import schemathesis

_VALID_KEY = re.compile(r"[\x21-\x7e]{1,255}")
_serial = itertools.count()


@schemathesis.hook
def map_case(context, case):
    key = (case.headers or {}).get("Idempotency-Key")
    if isinstance(key, str) and _VALID_KEY.fullmatch(key):
        suffix = f"~{next(_serial)}"
        case.headers["Idempotency-Key"] = key[: 255 - len(suffix)] + suffix
    return case
