"""Logins, pure: argon2id hashes, verifying (an unknown name verifies a dummy hash), the secrets layout and its
allow-lists (deny by default), the throttle on a fake clock, add_user editing secrets.toml, the add-user command."""

import argparse
import io
import os
import stat
import sys
import threading
import tomllib
from pathlib import Path

import argon2
import pytest

from hbeu_dash import auth
from hbeu_dash.cli import users as users_cli

PASSWORD = "correct horse battery"


@pytest.fixture(scope="module")
def stored() -> str:
    """One argon2id hash of PASSWORD (hashing takes ~0.1 s: made once)."""
    return auth.hash_password(PASSWORD)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class SpyHasher:
    """The real hasher, recording every hash it is asked to verify against."""

    def __init__(self, real: argon2.PasswordHasher) -> None:
        self.real = real
        self.calls: list[str] = []

    def verify(self, hash_: str, password: str) -> bool:
        self.calls.append(hash_)
        return self.real.verify(hash_, password)


@pytest.fixture
def spy_verify(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every hash argon2 is asked to verify against, in order."""
    spy = SpyHasher(auth._HASHER)
    monkeypatch.setattr(auth, "_HASHER", spy)
    return spy.calls


# --- hashing and verifying ------------------------------------------------------------------------------------------


def test_hash_is_argon2id_salted_and_never_the_password(stored: str) -> None:
    assert stored.startswith("$argon2id$v=19$")
    params = argon2.extract_parameters(stored)
    assert (params.type, params.time_cost, params.memory_cost, params.parallelism) == (argon2.Type.ID, 3, 65536, 4)
    assert PASSWORD not in stored and "horse" not in stored
    assert auth.hash_password(PASSWORD) != stored  # a new salt each time


def test_the_dummy_hash_costs_what_a_real_one_does(stored: str) -> None:
    # Same type and cost parameters as every hash add_user writes: verifying it takes the same work.
    assert argon2.extract_parameters(auth.DUMMY_HASH) == argon2.extract_parameters(stored)


@pytest.mark.parametrize(
    ("name", "password", "expected"),
    [
        ("wang", PASSWORD, True),
        ("wang", PASSWORD + " ", False),
        ("wang", "Correct horse battery", False),
        ("wang", "", False),
        ("li", PASSWORD, False),  # unknown name, even with a password someone has
        ("", PASSWORD, False),
        ("wang", "x" * (auth.MAX_PASSWORD_CHARS + 1), False),
    ],
)
def test_verify_password(stored: str, name: str, password: str, expected: bool) -> None:
    assert auth.verify_password({"wang": stored}, name, password) is expected


@pytest.mark.parametrize(
    ("name", "password"),
    [("li", PASSWORD), ("li", "wrong"), ("", ""), ("wang", "wrong"), ("wang", "x" * 5000), ("wang", PASSWORD)],
)
def test_every_verify_does_one_argon2_verify(stored: str, spy_verify: list[str], name: str, password: str) -> None:
    # Timing, without a clock: a known name verifies its hash, an unknown one the dummy; one argon2 verify each.
    auth.verify_password({"wang": stored}, name, password)
    assert spy_verify == [stored if name == "wang" else auth.DUMMY_HASH]


def test_a_broken_stored_hash_is_a_wrong_password() -> None:
    assert auth.verify_password({"wang": "$argon2id$garbage"}, "wang", PASSWORD) is False


# --- the secrets layout ---------------------------------------------------------------------------------------------


def test_reads_accounts_switch_and_allow_lists(stored: str) -> None:
    config = auth.load_auth_config(
        {
            "hbeu": {
                "viewers_need_login": True,
                "analyst_emails": ["Wang@Example.org "],
                "viewer_emails": ["@example.org"],
                "accounts": {"wang": stored},
                "viewer_accounts": {"room": stored},
            },
            "other": {"key": "kept apart"},
        }
    )
    assert dict(config.analysts) == {"wang": stored} and dict(config.viewers) == {"room": stored}
    assert config.analyst_emails == {"wang@example.org"} and config.viewer_emails == ("@example.org",)
    assert config.viewers_need_login and not config.oidc and config.has_logins and not config.problems


def test_nothing_configured_is_open_to_view_and_closed_to_analysts() -> None:
    config = auth.load_auth_config({})
    assert not config.viewers_need_login and not config.has_logins and not config.analysts
    assert config.role_of_user({"is_logged_in": True, "email": "wang@example.org"}) is None


@pytest.mark.parametrize(
    ("hbeu", "problem"),
    [
        ({"accounts": {"wang": "hunter2hunter2"}}, "hbeu.accounts.wang: not an argon2id hash"),
        ({"accounts": {"wang": "$argon2i$v=19$m=16,t=2,p=1$c2FsdHNhbHQ$aGFzaA"}}, "not an argon2id hash"),
        ({"accounts": {"Wang Li": "$argon2id$x"}}, "not a valid user name"),
        ({"accounts": "wang"}, "hbeu.accounts is not a table"),
        ({"analyst_emails": "wang@example.org"}, "hbeu.analyst_emails is not a list of strings"),
    ],
)
def test_malformed_entries_grant_nothing_and_are_told(hbeu: dict, problem: str) -> None:
    config = auth.load_auth_config({"hbeu": hbeu})
    assert not config.analysts and not config.analyst_emails
    assert any(problem in p for p in config.problems), config.problems


@pytest.mark.parametrize("value", ["true", "yes", 1, "false"])
def test_a_viewer_switch_that_is_not_a_boolean_closes(value: object) -> None:
    config = auth.load_auth_config({"hbeu": {"viewers_need_login": value}})
    assert config.viewers_need_login is True
    assert any("viewers_need_login" in p for p in config.problems)


OIDC = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "s" * 32,
    "client_id": "hbeu-dash",
    "client_secret": "secret",
    "server_metadata_url": "https://login.example.org/.well-known/openid-configuration",
}


@pytest.mark.parametrize(
    ("auth_section", "hbeu", "providers"),
    [
        (OIDC, {}, ((None, "login.example.org"),)),
        (OIDC, {"provider_name": "统一身份认证"}, ((None, "统一身份认证"),)),
        (
            {"redirect_uri": OIDC["redirect_uri"], "cookie_secret": "s" * 32, "corp": {"client_id": "x"}},
            {},
            (("corp", "corp"),),
        ),
        ({"redirect_uri": OIDC["redirect_uri"]}, {}, ()),  # no provider: nobody can log in
    ],
)
def test_an_auth_section_switches_to_oidc(
    stored: str, auth_section: dict, hbeu: dict, providers: tuple[tuple[str | None, str], ...]
) -> None:
    config = auth.load_auth_config({"auth": auth_section, "hbeu": {**hbeu, "accounts": {"wang": stored}}})
    assert config.oidc and config.providers == providers
    assert config.has_logins is bool(providers)
    assert config.role_of_account("wang", stored) is None, "password accounts are not used beside OIDC"
    assert any("password accounts" in p for p in config.problems)


@pytest.mark.parametrize(
    ("user", "viewer_emails", "role"),
    [
        ({"is_logged_in": True, "email": "wang@example.org"}, None, "analyst"),
        ({"is_logged_in": True, "email": "WANG@example.org", "email_verified": True}, None, "analyst"),
        ({"is_logged_in": True, "email": "wang@example.org", "email_verified": False}, None, None),
        ({"is_logged_in": True, "email": "wang@example.org", "email_verified": "false"}, None, None),
        ({"is_logged_in": False, "email": "wang@example.org"}, None, None),
        ({"email": "wang@example.org"}, None, None),  # no is_logged_in: deny
        ({"is_logged_in": "true", "email": "wang@example.org"}, None, None),
        ({"is_logged_in": True}, None, None),  # no email
        ({"is_logged_in": True, "email": "li@example.org"}, None, "viewer"),  # no viewer list: anyone logged in
        ({"is_logged_in": True, "email": "li@example.org"}, ["@example.org"], "viewer"),
        ({"is_logged_in": True, "email": "li@other.example.org"}, ["@example.org"], None),
        ({"is_logged_in": True, "email": "li@evil.org"}, ["@example.org", "zhao@evil.org"], None),
        ({"is_logged_in": True, "email": "wang@example.org"}, [], "analyst"),  # analysts may always view
    ],
)
def test_oidc_roles_deny_by_default(user: dict, viewer_emails: list[str] | None, role: str | None) -> None:
    hbeu: dict = {"analyst_emails": ["wang@example.org", "@example.org"]}  # '@domain' names no analyst
    if viewer_emails is not None:
        hbeu["viewer_emails"] = viewer_emails
    config = auth.load_auth_config({"auth": OIDC, "hbeu": hbeu})
    assert config.role_of_user(user) == role


def test_a_password_login_ends_when_its_account_is_removed_or_its_password_changed(stored: str) -> None:
    config = auth.load_auth_config({"hbeu": {"accounts": {"wang": stored}, "viewer_accounts": {"room": stored}}})
    assert config.role_of_account("wang", stored) == "analyst"
    assert config.role_of_account("room", stored) == "viewer"
    assert config.role_of_account("wang", auth.DUMMY_HASH) is None  # password changed since the login
    assert config.role_of_account("li", stored) is None


# --- the throttle ---------------------------------------------------------------------------------------------------


def test_throttle_per_user_grows_and_lets_go() -> None:
    clock = Clock()
    throttle = auth.Throttle(free_per_user=3, free_per_address=100, base=2, cap=10, clock=clock)
    assert [throttle.check("wang", "10.0.0.1") for _ in range(3)] == [0, 0, 0]
    assert throttle.check("wang", "10.0.0.1") == 2  # refused, not counted
    assert throttle.check("Wang ", "10.0.0.2") == 2, "per user, from any address, however the name is typed"
    assert throttle.check("li", "10.0.0.1") == 0, "another user from the same address"
    clock.now += 2
    assert throttle.check("wang", "10.0.0.1") == 0  # the 4th failure
    assert throttle.retry_after("wang", "10.0.0.1") == 4
    clock.now += 4
    assert throttle.check("wang", "10.0.0.1") == 0
    clock.now += 8
    assert throttle.check("wang", "10.0.0.1") == 0
    assert throttle.retry_after("wang", "10.0.0.1") == 10, "capped"


def test_throttle_per_address_across_names() -> None:
    clock = Clock()
    throttle = auth.Throttle(free_per_user=100, free_per_address=4, base=5, clock=clock)
    assert [throttle.check(f"user{i}", "10.0.0.9") for i in range(4)] == [0, 0, 0, 0]
    assert throttle.check("user99", "10.0.0.9") == 5, "a fifth name from that address waits"
    assert throttle.check("user99", "10.0.0.8") == 0, "another address does not"
    assert throttle.check("user98", None) == 0  # no address known (loopback): one shared bucket
    clock.now += 5
    assert throttle.check("user99", "10.0.0.9") == 0


def test_a_success_forgets_the_users_failures_and_takes_back_its_attempt() -> None:
    clock = Clock()
    throttle = auth.Throttle(free_per_user=2, free_per_address=3, base=1, clock=clock)
    throttle.check("wang", "a")
    throttle.check("wang", "a")  # two failures
    assert throttle.retry_after("wang", "a") == 1
    clock.now += 1
    throttle.check("wang", "a")
    throttle.succeeded("wang", "a")  # the third attempt was right
    assert throttle.retry_after("wang", "a") == 0
    assert throttle.check("li", "a") == 0, "the address holds two failures, not three"
    assert throttle.check("zhao", "a") == 1


def test_throttle_forgets_old_failures_and_stays_bounded() -> None:
    clock = Clock()
    throttle = auth.Throttle(free_per_user=1, forget_after=60, max_entries=50, clock=clock)
    throttle.check("wang", "a")
    assert throttle.retry_after("wang", "a") > 0
    clock.now += 61
    throttle.check("li", "b")  # any attempt sweeps what is older than forget_after
    assert throttle.retry_after("wang", "a") == 0
    for i in range(500):
        throttle.check(f"user{i}", f"10.0.{i // 250}.{i % 250}")
    assert len(throttle) == 50


def test_throttle_counts_parallel_attempts() -> None:
    # 40 threads try at the same instant: exactly `free` of them get through (check is atomic).
    throttle = auth.Throttle(free_per_user=5, free_per_address=1000, clock=Clock())
    results: list[float] = []
    barrier = threading.Barrier(40)

    def attempt() -> None:
        barrier.wait()
        results.append(throttle.check("wang", "10.0.0.1"))

    threads = [threading.Thread(target=attempt) for _ in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(0) == 5 and len(results) == 40


def test_log_in_throttles_known_and_unknown_names_alike(stored: str, spy_verify: list[str]) -> None:
    config = auth.load_auth_config({"hbeu": {"accounts": {"wang": stored}}})
    throttle = auth.Throttle(free_per_user=2, free_per_address=100, base=30, clock=Clock())
    waits = {}
    for name in ("wang", "nobody"):
        results = [auth.log_in(config, throttle, name, "wrong", "10.0.0.1") for _ in range(3)]
        waits[name] = [r.retry_after for r in results]
        assert all(r.role is None for r in results)
    assert waits == {"wang": [0, 0, 30], "nobody": [0, 0, 30]}
    assert len(spy_verify) == 4, "a refused attempt verifies nothing"
    refused = auth.log_in(config, throttle, "wang", PASSWORD, "10.0.0.1")
    assert refused.role is None and refused.retry_after == 30, "the right password waits too"


def test_log_in_gives_the_role_and_the_hash(stored: str) -> None:
    config = auth.load_auth_config({"hbeu": {"accounts": {"wang": stored}, "viewer_accounts": {"room": stored}}})
    throttle = auth.Throttle(clock=Clock())
    assert auth.log_in(config, throttle, " Wang", PASSWORD, None) == auth.LoginResult("analyst", stored)
    assert auth.log_in(config, throttle, "room", PASSWORD, None) == auth.LoginResult("viewer", stored)
    assert auth.log_in(config, throttle, "wang", "nope", None) == auth.LoginResult()
    oidc = auth.load_auth_config({"auth": OIDC, "hbeu": {"accounts": {"wang": stored}}})
    assert auth.log_in(oidc, throttle, "wang", PASSWORD, None).role is None


# --- add_user -------------------------------------------------------------------------------------------------------

EXISTING = """# Deployment secrets of the dashboard.
[auth]  # not configured here yet
redirect_uri = "http://127.0.0.1:8501/oauth2callback"

[hbeu]
# Close the dashboard to anonymous readers.
viewers_need_login = true
analyst_emails = ["wang@example.org"]  # the data team

[hbeu.accounts]
zhao = "$argon2id$v=19$m=65536,t=3,p=4$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"  # since 2025

[database]
url = "postgresql://dash@127.0.0.1/dash"
"""


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_add_user_creates_a_private_file(tmp_path: Path) -> None:
    secrets = tmp_path / ".streamlit" / "secrets.toml"
    assert auth.add_user(secrets, "wang", PASSWORD) is False
    text = secrets.read_text(encoding="utf-8")
    assert PASSWORD not in text and "horse" not in text
    assert _mode(secrets) == 0o600
    config = auth.load_auth_config(tomllib.loads(text))
    assert list(config.analysts) == ["wang"] and config.analysts["wang"].startswith("$argon2id$")
    assert auth.verify_password(config.analysts, "wang", PASSWORD)
    assert os.listdir(secrets.parent) == ["secrets.toml"], "no temporary file left behind"


def test_a_new_secrets_file_points_at_the_page_that_explains_it(tmp_path: Path) -> None:
    from hbeu_dash.paths import ROOT

    secrets = tmp_path / "secrets.toml"
    auth.add_user(secrets, "wang", PASSWORD)
    first = secrets.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# HBEU Dash secrets: never commit this file. See docs/deploying.md, Logins."
    assert "\n## Logins\n" in (ROOT / "docs" / "deploying.md").read_text(encoding="utf-8")


def test_add_user_keeps_every_other_key_and_comment(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(EXISTING, encoding="utf-8")
    secrets.chmod(0o644)
    auth.add_user(secrets, "wang.li", PASSWORD)
    text = secrets.read_text(encoding="utf-8")
    for line in EXISTING.splitlines():
        assert line in text, f"lost: {line!r}"
    before, after = tomllib.loads(EXISTING), tomllib.loads(text)
    assert after["hbeu"]["accounts"].pop("wang.li").startswith("$argon2id$")
    assert after == before
    assert _mode(secrets) == 0o600, "tightened"
    assert PASSWORD not in text


def test_add_user_replaces_a_password_and_moves_a_name_between_roles(tmp_path: Path) -> None:
    secrets = tmp_path / "secrets.toml"
    auth.add_user(secrets, "wang", PASSWORD)
    assert auth.add_user(secrets, "wang", "another long password") is True
    accounts = tomllib.loads(secrets.read_text(encoding="utf-8"))["hbeu"]["accounts"]
    assert not auth.verify_password(accounts, "wang", PASSWORD)
    assert auth.verify_password(accounts, "wang", "another long password")
    assert auth.add_user(secrets, "wang", PASSWORD, role=auth.VIEWER) is True
    hbeu = tomllib.loads(secrets.read_text(encoding="utf-8"))["hbeu"]
    assert hbeu["accounts"] == {} and list(hbeu["viewer_accounts"]) == ["wang"]


def test_add_user_writes_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "vault" / "secrets.toml"
    target.parent.mkdir()
    target.write_text(EXISTING, encoding="utf-8")
    link = tmp_path / "secrets.toml"
    link.symlink_to(target)
    auth.add_user(link, "wang", PASSWORD)
    assert link.is_symlink() and "wang" in tomllib.loads(target.read_text(encoding="utf-8"))["hbeu"]["accounts"]


@pytest.mark.parametrize(
    ("name", "password", "code"),
    [
        ("", PASSWORD, "bad_name"),
        ("Wang", PASSWORD, "bad_name"),
        ("-wang", PASSWORD, "bad_name"),
        ("wang li", PASSWORD, "bad_name"),
        ("wang\n", PASSWORD, "bad_name"),
        ('wang"]\n[x', PASSWORD, "bad_name"),
        ("王", PASSWORD, "bad_name"),
        ("w" * 65, PASSWORD, "bad_name"),
        ("wang", "", "short_password"),
        ("wang", "short", "short_password"),
        ("wang", "         x", "short_password"),
        ("wang", "x" * (auth.MAX_PASSWORD_CHARS + 1), "long_password"),
    ],
)
def test_add_user_refuses_bad_names_and_passwords(tmp_path: Path, name: str, password: str, code: str) -> None:
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(EXISTING, encoding="utf-8")
    with pytest.raises(auth.AccountError) as raised:
        auth.add_user(secrets, name, password)
    assert raised.value.code == code
    assert secrets.read_text(encoding="utf-8") == EXISTING


@pytest.mark.parametrize(
    ("content", "code"), [("[hbeu\nx = 1\n", "bad_toml"), ('hbeu = "x"\n', "not_a_table"), (b"\xff\xfe", "bad_toml")]
)
def test_add_user_leaves_a_file_it_cannot_edit_alone(tmp_path: Path, content: str | bytes, code: str) -> None:
    secrets = tmp_path / "secrets.toml"
    raw = content if isinstance(content, bytes) else content.encode()
    secrets.write_bytes(raw)
    with pytest.raises(auth.AccountError) as raised:
        auth.add_user(secrets, "wang", PASSWORD)
    assert raised.value.code == code
    assert secrets.read_bytes() == raw and os.listdir(tmp_path) == ["secrets.toml"]


# --- the add-user command -------------------------------------------------------------------------------------------


def run_cli(argv: list[str], stdin: str = "") -> int:
    """Parse `argv` as python -m hbeu_dash does (a global --lang before the command) and run add-user."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", choices=("zh", "en"), default="en")
    sub = parser.add_subparsers(dest="command", required=True)
    users_cli.add_parsers(sub)
    args = parser.parse_args(argv)
    stdin_before = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        return users_cli.run_add_user(args)
    finally:
        sys.stdin = stdin_before


def test_cli_reads_the_password_from_stdin(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    secrets = tmp_path / "secrets.toml"
    assert run_cli(["add-user", "wang", "--secrets", str(secrets), "--password-stdin"], PASSWORD + "\n") == 0
    assert "added analyst wang" in capsys.readouterr().out
    text = secrets.read_text(encoding="utf-8")
    assert PASSWORD not in text
    assert auth.verify_password(tomllib.loads(text)["hbeu"]["accounts"], "wang", PASSWORD)
    assert (
        run_cli(
            ["--lang", "zh", "add-user", "room", "--viewer", "--secrets", str(secrets), "--password-stdin"], PASSWORD
        )
        == 0
    )
    assert "查看账号 room" in capsys.readouterr().out
    assert list(tomllib.loads(secrets.read_text(encoding="utf-8"))["hbeu"]["viewer_accounts"]) == ["room"]


@pytest.mark.parametrize(
    ("argv", "stdin", "message"),
    [
        (["add-user", "Wang Li", "--password-stdin"], PASSWORD, "user name 'Wang Li' is not valid"),
        (["--lang", "zh", "add-user", "Wang", "--password-stdin"], PASSWORD, "用户名 'Wang' 无效"),
        (["add-user", "wang", "--password-stdin"], "short\n", "password too short: at least 10 characters"),
        (["add-user", "wang", "--lang", "zh", "--password-stdin"], "", "标准输入中没有密码"),
    ],
)
def test_cli_refuses_with_a_message_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture, argv: list[str], stdin: str, message: str
) -> None:
    secrets = tmp_path / "secrets.toml"
    assert run_cli([*argv, "--secrets", str(secrets)], stdin) == 2
    assert message in capsys.readouterr().err
    assert not secrets.exists()


def test_cli_prompts_twice_and_refuses_a_mismatch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    secrets = tmp_path / "secrets.toml"
    typed = iter([PASSWORD, PASSWORD + "!"])
    prompts: list[str] = []
    monkeypatch.setattr(users_cli.getpass, "getpass", lambda prompt: prompts.append(prompt) or next(typed))
    assert run_cli(["add-user", "wang", "--secrets", str(secrets)]) == 2
    assert prompts == ["Password for wang: ", "Again: "]
    assert "the passwords differ" in capsys.readouterr().err and not secrets.exists()
    typed = iter([PASSWORD, PASSWORD])
    assert run_cli(["add-user", "wang", "--secrets", str(secrets)]) == 0
    assert auth.verify_password(tomllib.loads(secrets.read_text())["hbeu"]["accounts"], "wang", PASSWORD)


def test_cli_says_when_the_file_cannot_be_written(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the secrets folder should be", encoding="utf-8")
    argv = ["add-user", "wang", "--secrets", str(blocker / "secrets.toml"), "--password-stdin"]
    assert run_cli(argv, PASSWORD) == 1
    assert f"cannot write {blocker / 'secrets.toml'}" in capsys.readouterr().err


# --- the address a login is counted against, behind a proxy --------------------------------------------------------

PROXY = ("127.0.0.1",)


@pytest.mark.parametrize(
    ("peer", "headers", "trusted", "expected"),
    [
        ("10.1.2.3", {}, (), "10.1.2.3"),  # no proxy configured: the peer
        ("127.0.0.1", {"X-Forwarded-For": "10.1.2.3"}, (), "127.0.0.1"),  # headers ignored unless trusted
        ("10.9.9.9", {"X-Forwarded-For": "10.1.2.3"}, PROXY, "10.9.9.9"),  # a peer that is not our proxy: itself
        ("127.0.0.1", {"X-Forwarded-For": "10.1.2.3"}, PROXY, "10.1.2.3"),
        ("127.0.0.1", {"x-forwarded-for": "10.1.2.3"}, PROXY, "10.1.2.3"),  # header names in any case
        ("127.0.0.1", {"X-Forwarded-For": "6.6.6.6, 10.1.2.3"}, PROXY, "10.1.2.3"),  # a client-made first hop
        ("127.0.0.1", {"X-Forwarded-For": "10.1.2.3, 127.0.0.1"}, PROXY, "10.1.2.3"),  # proxies are skipped
        ("127.0.0.1", {"X-Forwarded-For": "10.1.2.3, not-an-ip"}, PROXY, "127.0.0.1"),  # malformed: the proxy
        ("127.0.0.1", {"X-Real-IP": "10.1.2.4"}, PROXY, "10.1.2.4"),
        ("127.0.0.1", {"X-Real-IP": "bogus"}, PROXY, "127.0.0.1"),
        ("127.0.0.1", {}, PROXY, "127.0.0.1"),
        ("::ffff:127.0.0.1", {"X-Forwarded-For": "2001:db8::1"}, PROXY, "2001:db8::1"),  # IPv4-mapped peer
        (None, {"X-Forwarded-For": "10.1.2.3"}, PROXY, None),
    ],
)
def test_client_address_trusts_only_the_configured_proxy(peer, headers, trusted, expected) -> None:
    assert auth.client_address(peer, headers, trusted) == expected


@pytest.mark.parametrize(
    ("raw", "expected", "problem"),
    [
        (["127.0.0.1", " ::1 "], ("127.0.0.1", "::1"), None),
        (["127.0.0.1", "localhost"], ("127.0.0.1",), "'localhost' is not an IP address"),
        ("127.0.0.1", (), "is not a list"),
    ],
)
def test_trusted_proxies_are_read_from_the_secrets(raw, expected, problem) -> None:
    config = auth.load_auth_config({"hbeu": {"trusted_proxies": raw}})
    assert config.trusted_proxies == expected
    assert (problem is None and not config.problems) or any(problem in p for p in config.problems)
