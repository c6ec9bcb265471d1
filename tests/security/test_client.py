import pytest

from security.client import client_address, sign_in_username


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "198.51.100.7", "203.0.113.5", "198.51.100.7"),  # nothing trusted: the header is the client's claim
        (1, "10.0.0.1", "203.0.113.5", "203.0.113.5"),
        (1, "10.0.0.1", "1.2.3.4, 203.0.113.5", "203.0.113.5"),  # what the client wrote itself is ignored
        (2, "10.0.0.2", "1.2.3.4, 203.0.113.5, 10.0.0.1", "203.0.113.5"),
        (1, "10.0.0.1", "2001:db8::1", "2001:db8::1"),
        (1, "10.0.0.1", None, "10.0.0.1"),  # a request that bypassed the proxy
        (2, "10.0.0.2", "203.0.113.5", "10.0.0.2"),  # fewer hops than proxies: never the client's own entry
        (1, "10.0.0.1", "not-an-address", "10.0.0.1"),
    ],
)
def test_client_address_trusts_exactly_the_configured_proxies(rf, settings, proxies, remote, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    assert client_address(rf.get("/", **headers)) == expected


def test_the_sign_in_username_is_cut_to_the_longest_an_account_can_have(rf):
    assert sign_in_username(rf.get("/"), {"username": "x" * 5000}) == "x" * 150
    assert sign_in_username(rf.post("/", {"auth-username": "ann"})) == "ann"
    assert sign_in_username(rf.post("/", {})) is None
