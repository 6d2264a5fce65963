"""Hooks for scripts/contract-test.sh (loaded through SCHEMATHESIS_HOOKS).

Each one bends generated data around a rule that depends on state or time, which no schema can state;
the API's answer to the data they avoid is asserted by the Java tests named below.

An Idempotency-Key names one intended write. The generator draws keys from a small space ("0", "A", ...)
and so sends the same key with different requests, which the contract answers with 422
idempotency_key_reused: right for the API, but schemathesis counts it as a schema-valid request refused.
So every valid key gets a unique suffix (still 1-255 visible ASCII) in every phase; invalid keys stay as generated, so
their 422 is still checked. Replays and reuse are asserted by IdempotentWritesTest.
"""
import itertools
import re
from datetime import datetime, timedelta, timezone

import schemathesis

_VALID_KEY = re.compile(r"[\x21-\x7e]{1,255}")
_serial = itertools.count()


def _valid_days(days):
    """A non-empty list of distinct weekday names: invalid lists are left as generated (their 4xx is checked)."""
    return isinstance(days, list) and days and len(set(map(str, days))) == len(days) \
        and all(day in ("mo", "tu", "we", "th", "fr", "sa", "su") for day in days)


def _in_the_past(value):
    try:
        moment = datetime.fromisoformat(value.upper())
    except ValueError:
        return False  # not a timestamp: left as generated, its 422 is checked
    return moment.tzinfo is not None and moment < datetime.now(timezone.utc) + timedelta(minutes=5)


def _adjusted(case):
    key = (case.headers or {}).get("Idempotency-Key")
    if isinstance(key, str) and _VALID_KEY.fullmatch(key):
        suffix = f"~{next(_serial)}"
        case.headers["Idempotency-Key"] = key[: 255 - len(suffix)] + suffix
    body = case.body if isinstance(case.body, dict) else {}
    tomorrow = (datetime.now(timezone.utc) + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    # A reminder must lie in the future (422 otherwise: RecurringTodoApiTest): a generated past
    # remindAt moves a day ahead of now, still a valid RFC 3339 timestamp.
    if isinstance(body.get("remindAt"), str) and _in_the_past(body["remindAt"]):
        body["remindAt"] = tomorrow
    # A recurring todo needs a due date (422 otherwise: RecurringTodoApiTest), a rule across two fields
    # that a PATCH may also meet through the stored dueAt.
    recurrence = body.get("recurrence")
    if isinstance(recurrence, dict) and body.get("dueAt") is None:
        body["dueAt"] = tomorrow
    # Clearing the due date of a todo that is (maybe, from an earlier case) recurring must clear its
    # recurrence too: the PATCH says so explicitly.
    if case.method.upper() == "PATCH" and "dueAt" in body and body["dueAt"] is None and "recurrence" not in body:
        body["recurrence"] = None
    # Weekdays belong to a weekly rule only (422 otherwise: RecurringTodoApiTest).
    if isinstance(recurrence, dict) and recurrence.get("freq") in ("daily", "monthly", "yearly") \
            and _valid_days(recurrence.get("byWeekday")):
        recurrence["byWeekday"] = []
    return case


@schemathesis.hook
def map_case(context, case):
    return _adjusted(case)


@schemathesis.hook
def before_add_examples(context, examples):
    """The examples phase builds its cases without map_case."""
    for case in examples:
        _adjusted(case)
