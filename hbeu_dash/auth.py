"""Who may log in and as what: accounts and allow-lists read from secrets, argon2id passwords, a login throttle,
and add_user, which writes an account's hash into secrets.toml. Pure: no Streamlit."""

import ipaddress
import os
import re
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import tomlkit
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from tomlkit.exceptions import TOMLKitError

ANALYST = "analyst"
VIEWER = "viewer"
NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}")  # whole name (fullmatch)
MIN_PASSWORD_CHARS = 10
MAX_PASSWORD_CHARS = 1024  # argon2 pre-hashes any length; a bound keeps a pasted file from costing the server
HASH_PREFIX = "$argon2id$"
# The secrets.toml tables (under [hbeu]) that hold each role's password accounts.
ACCOUNT_TABLES = {ANALYST: "accounts", VIEWER: "viewer_accounts"}

_HASHER = PasswordHasher()  # argon2id, argon2-cffi's defaults (RFC 9106 low-memory profile: t=3, m=64 MiB, p=4)
# Verified in place of an unknown user's hash, so that an unknown name costs what a known one does. Same parameters
# as _HASHER; the password behind it is random and was thrown away (and an unknown name never logs in anyway).
DUMMY_HASH = "$argon2id$v=19$m=65536,t=3,p=4$8pvh6dfXSsn7TpRgQr46qQ$EFqJz7NTrm1m3PU+xpONs6n9tj0bSdlGdMWIKl/+Q5Q"


class AccountError(ValueError):
    """add_user refused: `code` names why (bad_name, short_password, long_password, bad_toml, not_a_table)."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class AuthConfig:
    """The login settings of a deployment, read from its secrets (deny by default)."""

    analysts: Mapping[str, str] = field(default_factory=dict)  # name -> argon2id hash
    viewers: Mapping[str, str] = field(default_factory=dict)
    analyst_emails: frozenset[str] = frozenset()
    viewer_emails: tuple[str, ...] | None = None  # None: anyone the OIDC provider logs in may view
    viewers_need_login: bool = False
    oidc: bool = False  # an [auth] section: st.login replaces the password accounts
    providers: tuple[tuple[str | None, str], ...] = ()  # (provider for st.login, its label)
    trusted_proxies: tuple[str, ...] = ()  # proxies whose X-Forwarded-For names the client (the throttle's address)
    problems: tuple[str, ...] = ()  # for the deployer's log; never shown to a reader

    @property
    def has_logins(self) -> bool:
        """Whether anyone at all can log in."""
        return bool(self.providers) if self.oidc else bool(self.analysts or self.viewers)

    def role_of_account(self, name: str, password_hash: str) -> str | None:
        """The role of a password account logged in with `password_hash`; None once it is removed or re-hashed."""
        if self.oidc:
            return None
        if self.analysts.get(name) == password_hash:
            return ANALYST
        if self.viewers.get(name) == password_hash:
            return VIEWER
        return None

    def role_of_user(self, user: Mapping[str, object]) -> str | None:
        """The role of an OIDC user (st.user as a mapping): analyst only when listed, deny by default."""
        if not self.oidc or user.get("is_logged_in", False) is not True:
            return None
        email = user_email(user)
        if email is None:
            return None
        if email in self.analyst_emails:
            return ANALYST
        if self.viewer_emails is None or any(_email_matches(email, entry) for entry in self.viewer_emails):
            return VIEWER
        return None


def user_email(user: Mapping[str, object]) -> str | None:
    """The user's email, lower-cased, unless absent or marked unverified by the provider."""
    email = user.get("email")
    verified = user.get("email_verified", True)
    if not isinstance(email, str) or "@" not in email or verified is False or str(verified).lower() == "false":
        return None
    return email.strip().lower()


def _email_matches(email: str, entry: str) -> bool:
    """An allow-list entry: an address, or '@domain' for every address of that domain."""
    return email.endswith(entry) if entry.startswith("@") else email == entry


def load_auth_config(secrets: Mapping[str, object]) -> AuthConfig:
    """The login settings in `secrets` (st.secrets as a mapping). Anything malformed denies and is told in
    `problems`: a value that is not an argon2id hash is no account, a switch that is not true/false closes."""
    problems: list[str] = []
    hbeu = secrets.get("hbeu", {})
    if not isinstance(hbeu, Mapping):
        problems.append("[hbeu] is not a table")
        hbeu = {}
    tables = {role: _read_accounts(hbeu, table, problems) for role, table in ACCOUNT_TABLES.items()}
    switch = hbeu.get("viewers_need_login", False)
    if not isinstance(switch, bool):
        problems.append("hbeu.viewers_need_login is not true or false: the dashboard is closed")
        switch = True
    auth = secrets.get("auth")
    oidc = isinstance(auth, Mapping)
    providers = _read_providers(auth, hbeu, problems) if oidc else ()
    if oidc and (tables[ANALYST] or tables[VIEWER]):
        problems.append("[auth] is configured: the password accounts in [hbeu.accounts] are not used")
    viewer_emails = hbeu.get("viewer_emails")
    return AuthConfig(
        analysts=tables[ANALYST],
        viewers=tables[VIEWER],
        analyst_emails=frozenset(_read_emails(hbeu.get("analyst_emails", []), "analyst_emails", problems)),
        viewer_emails=None if viewer_emails is None else tuple(_read_emails(viewer_emails, "viewer_emails", problems)),
        viewers_need_login=switch,
        oidc=oidc,
        providers=providers,
        trusted_proxies=tuple(_read_addresses(hbeu.get("trusted_proxies", []), problems)),
        problems=tuple(problems),
    )


def _read_addresses(raw: object, problems: list[str]) -> list[str]:
    """`[hbeu] trusted_proxies`: IP addresses (normalised); anything else is dropped and told."""
    if not isinstance(raw, list):
        problems.append("hbeu.trusted_proxies is not a list of addresses: no proxy is trusted")
        return []
    found = []
    for item in raw:
        try:
            found.append(str(ipaddress.ip_address(str(item).strip())))
        except ValueError:  # (a name such as "localhost" too: the peer is always an address)
            problems.append(f"hbeu.trusted_proxies: {item!r} is not an IP address: ignored")
    return found


def client_address(peer: str | None, headers: Mapping[str, str], trusted: tuple[str, ...]) -> str | None:
    """The address a login attempt is counted against: the connection's peer, unless the peer is a trusted proxy;
    then the right-most address of X-Forwarded-For that is not a trusted proxy (what the proxy itself saw: a client
    can prepend anything, but not what our proxy appends), else X-Real-IP, else the peer."""
    if peer is None or not trusted or _normal(peer) not in trusted:
        return peer
    forwarded = next((v for k, v in headers.items() if k.lower() == "x-forwarded-for"), "")
    for hop in reversed([h.strip() for h in forwarded.split(",") if h.strip()]):
        address = _normal(hop)
        if address is None:
            return peer  # a malformed chain: count it against the proxy, never against a made-up name
        if address not in trusted:
            return address
    real = next((v for k, v in headers.items() if k.lower() == "x-real-ip"), "")
    return _normal(real.strip()) or peer


def _normal(text: str) -> str | None:
    """An IP address in one spelling (an IPv4-mapped IPv6 address as IPv4); None when it is not one."""
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    mapped = getattr(address, "ipv4_mapped", None)
    return str(mapped or address)


def _read_accounts(hbeu: Mapping[str, object], table: str, problems: list[str]) -> dict[str, str]:
    """name -> hash of one account table; a value that is not an argon2id hash (a plain password) is dropped."""
    raw = hbeu.get(table, {})
    if not isinstance(raw, Mapping):
        problems.append(f"hbeu.{table} is not a table")
        return {}
    accounts = {}
    for name, value in raw.items():
        if not NAME_PATTERN.fullmatch(str(name)):
            problems.append(f"hbeu.{table}.{name}: not a valid user name")
        elif not (isinstance(value, str) and value.startswith(HASH_PREFIX)):
            problems.append(f"hbeu.{table}.{name}: not an argon2id hash (add it with python -m hbeu_dash add-user)")
        else:
            accounts[str(name)] = value
    return accounts


def _read_emails(raw: object, key: str, problems: list[str]) -> list[str]:
    """An email allow-list, lower-cased; anything but a list of strings is an empty list."""
    if not isinstance(raw, list | tuple) or not all(isinstance(e, str) for e in raw):
        problems.append(f"hbeu.{key} is not a list of strings")
        return []
    return [e.strip().lower() for e in raw if e.strip()]


def _read_providers(
    auth: Mapping[str, object], hbeu: Mapping[str, object], problems: list[str]
) -> tuple[tuple[str | None, str], ...]:
    """The OIDC providers of [auth]: the default one (settings in [auth] itself) and named ones ([auth.NAME])."""
    providers: list[tuple[str | None, str]] = []
    if "client_id" in auth:
        label = hbeu.get("provider_name") or urlparse(str(auth.get("server_metadata_url", ""))).hostname or "OIDC"
        providers.append((None, str(label)))
    providers += [(name, name) for name, value in auth.items() if isinstance(value, Mapping) and "client_id" in value]
    if not providers:
        problems.append("[auth] names no provider (client_id): nobody can log in")
    return tuple(providers)


def hash_password(password: str) -> str:
    """The argon2id hash of `password` (salted; the password itself is never stored)."""
    return _HASHER.hash(password)


def verify_password(accounts: Mapping[str, str], name: str, password: str) -> bool:
    """Whether `password` is `name`'s. An unknown name verifies against DUMMY_HASH and costs the same time."""
    stored = accounts.get(name)
    if not isinstance(password, str) or len(password) > MAX_PASSWORD_CHARS:
        password = ""  # still verified, so a refused input costs what any other does
    try:
        matched = _HASHER.verify(stored or DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    return matched and stored is not None


def normalise_name(name: str) -> str:
    """A typed user name as accounts are keyed: trimmed, lower case, at most 64 characters kept."""
    return name.strip().lower()[:64]


@dataclass
class _Failures:
    count: int
    last: float


class Throttle:
    """Failed logins slowed down per user name and per client address: after `free` failures, each further attempt
    waits base × 2^(failures − free) seconds (at most `cap`). Names are counted whether or not they exist, so the
    throttle does not tell one from the other. Thread-safe; at most `max_entries` remembered, each forgotten after
    `forget_after` seconds without a failure. An attempt is counted when it starts (check), so parallel guesses count
    too; a success takes it back (succeeded)."""

    def __init__(
        self,
        *,
        free_per_user: int = 5,
        free_per_address: int = 20,  # clients behind one proxy share an address: a looser limit
        base: float = 2.0,
        cap: float = 300.0,
        forget_after: float = 3600.0,
        max_entries: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._free = {"user": free_per_user, "address": free_per_address}
        self._base, self._cap, self._forget_after = base, cap, forget_after
        self._max_entries = max_entries
        self._clock = clock
        self._entries: OrderedDict[tuple[str, str], _Failures] = OrderedDict()
        self._lock = threading.Lock()

    def _keys(self, name: str, address: str | None) -> list[tuple[str, str]]:
        return [("user", normalise_name(name)), ("address", address or "")]

    def _wait(self, key: tuple[str, str], now: float) -> float:
        entry = self._entries.get(key)
        if entry is None or entry.count < self._free[key[0]]:
            return 0.0
        delay = min(self._cap, self._base * 2 ** (entry.count - self._free[key[0]]))
        return max(0.0, entry.last + delay - now)

    def retry_after(self, name: str, address: str | None) -> float:
        """Seconds before `name` from `address` may try again (0: now)."""
        with self._lock:
            now = self._clock()
            return max(self._wait(key, now) for key in self._keys(name, address))

    def check(self, name: str, address: str | None) -> float:
        """Start an attempt: 0 and the attempt counted as a failure until it succeeds; else the seconds to wait
        (and nothing counted)."""
        with self._lock:
            now = self._clock()
            self._forget_old(now)
            keys = self._keys(name, address)
            wait = max(self._wait(key, now) for key in keys)
            if wait > 0:
                return wait
            for key in keys:
                entry = self._entries.pop(key, None) or _Failures(0, now)
                entry.count, entry.last = entry.count + 1, now
                self._entries[key] = entry  # most recent last, so the oldest go first
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)
            return 0.0

    def succeeded(self, name: str, address: str | None) -> None:
        """The attempt started by check() was right: forget the user's failures, take it back from the address's."""
        with self._lock:
            user_key, address_key = self._keys(name, address)
            self._entries.pop(user_key, None)
            entry = self._entries.get(address_key)
            if entry is not None:
                entry.count -= 1
                if entry.count <= 0:
                    del self._entries[address_key]

    def _forget_old(self, now: float) -> None:
        while self._entries:
            key, entry = next(iter(self._entries.items()))
            if now - entry.last < self._forget_after:
                break
            del self._entries[key]

    def __len__(self) -> int:
        return len(self._entries)


@dataclass(frozen=True)
class LoginResult:
    """What a login attempt came to: the role logged in (with the hash it was checked against), or why not."""

    role: str | None = None
    password_hash: str | None = None
    retry_after: float = 0.0  # > 0: refused unchecked, too many failures


def log_in(config: AuthConfig, throttle: Throttle, name: str, password: str, address: str | None) -> LoginResult:
    """Check a password login: throttled first, then verified (an unknown name costs what a known one does)."""
    name = normalise_name(name)
    wait = throttle.check(name, address)
    if wait > 0:
        return LoginResult(retry_after=wait)
    accounts = {**config.viewers, **config.analysts} if not config.oidc else {}
    if not verify_password(accounts, name, password):
        return LoginResult()
    throttle.succeeded(name, address)
    role = ANALYST if name in config.analysts else VIEWER
    return LoginResult(role=role, password_hash=accounts[name])


def validate_new_account(name: str, password: str) -> None:
    """Raise AccountError when `name` is not a valid user name or `password` is too short or too long."""
    if not NAME_PATTERN.fullmatch(name):
        raise AccountError("bad_name", name)
    if len(password.strip()) < MIN_PASSWORD_CHARS:
        raise AccountError("short_password")
    if len(password) > MAX_PASSWORD_CHARS:
        raise AccountError("long_password")


def add_user(secrets_path: Path, name: str, password: str, role: str = ANALYST) -> bool:
    """Write `name`'s argon2id hash into [hbeu.accounts] (or [hbeu.viewer_accounts]) of secrets.toml, keeping every
    other key and comment; atomically, mode 0600. Returns True when it replaced an existing account of that name."""
    validate_new_account(name, password)
    path = Path(secrets_path).resolve()  # a symlinked secrets.toml: write its target, keep the link
    try:
        doc = tomlkit.parse(path.read_text(encoding="utf-8")) if path.exists() else _new_secrets()
    except (TOMLKitError, UnicodeDecodeError) as exc:
        raise AccountError("bad_toml", f"{path}: {exc}") from exc
    hbeu = _table(doc, "hbeu")
    replaced = False
    for other_role, table_name in ACCOUNT_TABLES.items():
        table = hbeu.get(table_name)
        if table is not None and name in table:
            replaced = True
            if other_role != role:
                del table[name]  # one name, one role
    created = ACCOUNT_TABLES[role] not in hbeu
    accounts = _table(hbeu, ACCOUNT_TABLES[role])
    accounts[name] = hash_password(password)
    if created:
        accounts.add(tomlkit.nl())  # a blank line before whatever table follows
    write_private(path, tomlkit.dumps(doc))
    return replaced


def _new_secrets() -> tomlkit.TOMLDocument:
    doc = tomlkit.document()
    doc.add(tomlkit.comment("HBEU Dash secrets: never commit this file. See docs/deploying.md, Logins."))
    return doc


def _table(parent: Mapping[str, object], key: str) -> tomlkit.items.Table:
    """The table `key` of `parent`, created when missing."""
    if key not in parent:
        parent[key] = tomlkit.table()  # type: ignore[index]
    table = parent[key]
    if not isinstance(table, Mapping):
        raise AccountError("not_a_table", key)
    return table  # type: ignore[return-value]


def write_private(path: Path, text: str) -> None:
    """Replace `path` with `text` atomically (temp file in the same folder, fsync, os.replace), readable by its
    owner only (0600)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")  # created 0600
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)
