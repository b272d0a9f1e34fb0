import pytest

from pipeline.fetch.safety import BlockedURL, check_url


@pytest.mark.parametrize("url, reason", [
    ("file:///etc/passwd", "scheme 'file'"),
    ("ftp://127.0.0.1/x", "scheme 'ftp'"),
    ("javascript:alert(1)", "scheme 'javascript'"),
    ("http://169.254.169.254/latest/meta-data/", "cloud metadata address"),
    ("http://127.0.0.1:8000/", "non-public address 127.0.0.1"),
    ("http://10.1.2.3/", "non-public address 10.1.2.3"),
    ("http://192.168.0.1/", "non-public address"),
    ("http://[::1]/", "non-public address ::1"),
    ("http://[::ffff:127.0.0.1]/", "non-public address 127.0.0.1"),
    ("http://100.64.0.1/", "non-public address"),  # carrier-grade NAT
    ("http://0.0.0.0/", "non-public address"),
    ("http://user:pw@127.0.0.1/", "credentials"),
    ("http:///nohost", "no host"),
])
def test_refused_urls_say_why(url, reason):
    with pytest.raises(BlockedURL, match=reason):
        check_url(url)


def test_loopback_is_allowed_only_when_named():
    check_url("http://127.0.0.1:8000/feed.xml", allow_private=("127.0.0.1",))
    with pytest.raises(BlockedURL):
        check_url("http://169.254.169.254/", allow_private=("127.0.0.1",))


def test_public_address_literal_passes_without_dns():
    check_url("https://93.184.215.14/feed")  # an IP literal is not resolved, so no traffic
