"""crinkwatch: follow how China, Russia, Iran and North Korea and their alliance framings are covered."""

__version__ = "0.1.0"

from pipeline.redaction import install_log_redaction as _install_log_redaction

# Before any module logs: no log line of the pipeline may carry a secret (webhook URL, password).
_install_log_redaction()
