"""Secrets are masked in every log line and error text."""

from __future__ import annotations

import io
import logging

import pytest

import pipeline  # noqa: F401  installs the log redaction
from pipeline.redaction import redact, register_secret


@pytest.mark.parametrize("text, secret, kept", [
    ("POST https://hooks.slack.com/services/T0AAA/B0BBB/XyZsecret123 failed",
     "XyZsecret123", "hooks.slack.com/services/***"),
    ("GET https://alice:s3cretpw@feeds.example.org/rss", "s3cretpw", "https://***@feeds.example.org/rss"),
    ("GET https://alice@feeds.example.org/rss", "alice", "https://***@feeds.example.org/rss"),
    ("https://api.example.org/feed?lang=en&api_key=K3Y9999&x=1", "K3Y9999", "api_key=***&x=1"),
    ("https://example.org/f?access_token=abc.def.ghi", "abc.def.ghi", "access_token=***"),
    ("https://example.org/f?sig=deadbeef99#top", "deadbeef99", "sig=***#top"),
    ("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload", "eyJhbGciOiJIUzI1NiJ9", "Bearer ***"),
    ("https://discord.com/api/webhooks/123/tokenTOKEN", "tokenTOKEN", "api/webhooks/***"),
])
def test_secrets_in_text_are_masked(text, secret, kept):
    masked = redact(text)
    assert secret not in masked and kept in masked


def test_ordinary_urls_and_text_are_left_alone():
    text = "GET https://example.org/news/1?aid=5&page=2 failed: HTTP 404 (gave up after 3 attempts)"
    assert redact(text) == text


def test_configured_secret_values_are_masked_wherever_they_appear(monkeypatch):
    monkeypatch.setenv("CRINKWATCH_SMTP_PASSWORD", "correct horse battery")
    monkeypatch.setenv("CRINKWATCH_ALERT_WEBHOOK_URL", "https://alerts.example.org/in/8f3e9a")
    register_secret("tok-registered-42")
    masked = redact("login failed for correct horse battery; posting to "
                    "https://alerts.example.org/in/8f3e9a; tok-registered-42")
    assert "correct horse" not in masked and "8f3e9a" not in masked and "registered-42" not in masked
    assert "https://alerts.example.org/***" in masked  # still says where


def test_every_log_record_is_redacted_message_args_and_traceback():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    logger = logging.getLogger("tests.redaction")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        url = "https://hooks.slack.com/services/T1/B2/S3cr3tT0k3n"
        logger.warning("webhook %s answered %d", url, 500)
        try:
            raise RuntimeError(f"Server error '500' for url '{url}'")
        except RuntimeError:
            logger.exception("alert channel failed")
    finally:
        logger.removeHandler(handler)
    text = stream.getvalue()
    assert "S3cr3tT0k3n" not in text
    assert text.count("hooks.slack.com/services/***") == 2 and "RuntimeError" in text


def test_a_command_line_error_quoting_a_secret_url_is_printed_masked(capsys):
    from pipeline.cli.errors import InputError, report_error

    code = report_error(InputError("--webhook https://hooks.slack.com/services/T1/B2/Zz9secret is not reachable"))
    err = capsys.readouterr().err
    assert code == 2 and "Zz9secret" not in err and "hooks.slack.com/services/***" in err
