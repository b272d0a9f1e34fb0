"""Secrets never reach a log line or an error message: webhook URLs, SMTP passwords, tokens and
credentials inside URLs are replaced by ``***``.

One record factory redacts every log record of the process (the CLI's, the Airflow tasks', any
library's), so no call site has to remember; :func:`redact` is the same rule for text that is
not logged (an error kept in a table, a line printed by the CLI).
"""

from __future__ import annotations

import logging
import os
import re
import traceback
from urllib.parse import urlsplit

MASK = "***"
# Environment variables whose values are secrets (CRINKWATCH_ALERT_WEBHOOK_URL, …_SMTP_PASSWORD …).
SECRET_ENV = re.compile(r"^(CRINKWATCH|AIRFLOW)_\w*(PASSWORD|SECRET|TOKEN|WEBHOOK_URL|API_KEY|FERNET_KEY)\w*$")
# A value shorter than this is not replaced wherever it occurs (a password "1" would eat digits).
MIN_SECRET_CHARS = 4

_URL_USERINFO = re.compile(r"(?P<scheme>\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/\s:@'\"<>]+(?::[^/\s@'\"<>]*)?@")
_QUERY_SECRET = re.compile(
    r"(?P<key>[?&;](?:[\w.-]*?(?:token|key|secret|password|passwd|pwd|sig|signature|auth|"
    r"credential|session)[\w.-]*)=)[^&#\s'\"<>]+", re.IGNORECASE)
_WEBHOOK_PATH = re.compile(
    r"(?P<base>hooks\.slack\.com/(?:services|workflows|triggers)/|discord(?:app)?\.com/api/webhooks/|"
    r"webhook\.office\.com/webhookb2/|/hooks/)[^\s'\"<>]+", re.IGNORECASE)
_AUTH_HEADER = re.compile(r"(?P<scheme>\b(?:Bearer|Basic|Token)\s+)[A-Za-z0-9._~+/=-]{8,}")

_registered: set[str] = set()


def register_secret(value: str | None) -> None:
    """Add a value (a webhook URL, a password) that must never be shown."""
    if value and len(value) >= MIN_SECRET_CHARS:
        _registered.add(value)


def _secret_values() -> list[str]:
    values = set(_registered)
    for name, value in os.environ.items():
        if value and len(value) >= MIN_SECRET_CHARS and SECRET_ENV.match(name):
            values.add(value)
    return sorted(values, key=len, reverse=True)  # a URL before the token inside it


def _masked_value(value: str) -> str:
    """A secret URL keeps its scheme and host, so a message still says where; anything else goes."""
    parts = urlsplit(value) if "://" in value else None
    if parts and parts.scheme and parts.hostname:
        return f"{parts.scheme}://{parts.hostname}/{MASK}"
    return MASK


def redact(text: str) -> str:
    """``text`` with every known secret, URL credential, secret query value and webhook token
    replaced by ``***``."""
    if not text:
        return text
    for value in _secret_values():
        if value in text:
            text = text.replace(value, _masked_value(value))
    text = _URL_USERINFO.sub(lambda m: f"{m['scheme']}{MASK}@", text)
    text = _QUERY_SECRET.sub(lambda m: f"{m['key']}{MASK}", text)
    text = _WEBHOOK_PATH.sub(lambda m: f"{m['base']}{MASK}", text)
    return _AUTH_HEADER.sub(lambda m: f"{m['scheme']}{MASK}", text)


def redact_record(record: logging.LogRecord) -> logging.LogRecord:
    """Redact a log record's message and traceback in place (the args are folded in first)."""
    try:
        message = record.getMessage()
    except Exception:  # a broken format string: let logging report it as it always does
        return record
    record.msg, record.args = redact(message), None
    if record.exc_info and not record.exc_text:
        record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
    return record


_installed = False


def install_log_redaction() -> None:
    """Make every log record of this process pass through :func:`redact` (idempotent)."""
    global _installed
    if _installed:
        return
    make_record = logging.getLogRecordFactory()

    def factory(*args, **kwargs) -> logging.LogRecord:
        return redact_record(make_record(*args, **kwargs))

    logging.setLogRecordFactory(factory)
    _installed = True
