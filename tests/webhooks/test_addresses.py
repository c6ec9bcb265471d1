"""Which hosts may receive webhooks: pure checks, no database."""

import socket

import pytest

from webhooks import addresses
from webhooks.addresses import address_kind, host_problem, url_problem


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("169.254.169.254", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("10.20.30.40", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fd12:3456::1", "private"),
        ("100.64.0.1", "not public"),
        ("224.0.0.1", "multicast"),
        ("93.184.215.14", None),
        ("2606:4700::6810:84e5", None),
    ],
)
def test_address_kind(address, kind):
    assert address_kind(address) == kind


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://hooks.example.org/x", None),
        ("http://hooks.example.org:8080/x?y=1", None),
        ("ftp://hooks.example.org/x", "Only http and https URLs can receive webhooks."),
        ("javascript:alert(1)", "Only http and https URLs can receive webhooks."),
        ("https:///x", "The URL needs a host name."),
        ("https://hooks.example.org:port/x", "Enter a valid URL."),
        ("http://[::1/x", "Enter a valid URL."),
    ],
)
def test_url_problem(url, problem):
    assert url_problem(url) == problem


def test_a_name_is_refused_if_any_of_its_addresses_is_not_public(monkeypatch):
    answers = [(socket.AF_INET, 1, 6, "", ("93.184.215.14", 443)), (socket.AF_INET6, 1, 6, "", ("::1", 443, 0, 0))]
    monkeypatch.setattr(addresses.socket, "getaddrinfo", lambda *args, **kwargs: answers)
    assert host_problem("https://two.example.org/") == (
        "two.example.org (::1) is a loopback address: webhooks go only to public addresses (unless DEBUG is on)."
    )
    assert host_problem("https://two.example.org/", resolve=False) is None


def test_decimal_and_hex_spellings_of_loopback_are_caught_by_resolving():
    # Resolvers read "2130706433" and "0x7f.1" as 127.0.0.1; no DNS server is asked for these.
    assert "loopback" in host_problem("http://2130706433/")
    assert "loopback" in host_problem("http://0x7f.1/")
