import ipaddress

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


@pytest.mark.parametrize("url", ["http://[::1]:8000/feed.xml", "http://[0:0:0:0:0:0:0:1]/",
                                 "http://[::1]/"])
def test_ipv6_loopback_is_allowed_when_named(url):
    check_url(url, allow_private=("::1",))
    check_url(url, allow_private=("[::1]",))


@pytest.mark.parametrize("url, reason", [
    ("http://[fc00::1]/", "non-public address fc00::1"),          # unique local
    ("http://[fd12:3456::1]/", "non-public address fd12:3456::1"),
    ("http://[fe80::1]/", "non-public address fe80::1"),          # link-local
    ("http://[::ffff:127.0.0.1]/", "non-public address 127.0.0.1"),  # IPv4-mapped loopback
    ("http://[::ffff:10.0.0.1]/", "non-public address 10.0.0.1"),
    ("http://[::]/", "non-public address ::"),
    ("http://[fd00:ec2::254]/", "cloud metadata address"),
    ("http://127.0.0.1/", "non-public address 127.0.0.1"),
])
def test_allowing_ipv6_loopback_keeps_every_other_private_range_refused(url, reason):
    with pytest.raises(BlockedURL, match=reason):
        check_url(url, allow_private=("::1",))


def test_a_name_resolving_to_a_mapped_ipv4_loopback_is_not_the_ipv6_loopback():
    from pipeline.fetch.safety import allowed_addresses

    mapped = lambda host, port: [ipaddress.ip_address("127.0.0.1")]  # noqa: E731  what _plain gives
    with pytest.raises(BlockedURL, match="127.0.0.1"):
        allowed_addresses("sneaky.example", 80, ("::1",), resolve=mapped)
