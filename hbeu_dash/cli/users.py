"""`hbeu users add NAME` (and its old name `hbeu add-user NAME`): prompt for a password and write its argon2id hash
into .streamlit/secrets.toml, as an analyst's login or, with --viewer, a viewer's."""

import argparse
import getpass
import sys
from pathlib import Path

from hbeu_dash import auth
from hbeu_dash.i18n import LANGS, t
from hbeu_dash.paths import ROOT

DEFAULT_SECRETS = ROOT / ".streamlit" / "secrets.toml"
# What auth.add_user's refusals (AccountError.code) say, and the exit code of each: 2 for what the operator typed.
REFUSALS = {
    "bad_name": ("cli_users_bad_name", 2),
    "short_password": ("cli_users_short_password", 2),
    "long_password": ("cli_users_long_password", 2),
    "bad_toml": ("cli_users_bad_toml", 1),
    "not_a_table": ("cli_users_not_a_table", 1),
}
ROLES = {auth.ANALYST: "cli_users_analyst", auth.VIEWER: "cli_users_viewer"}


def add_parsers(sub: argparse._SubParsersAction, lang: str = "en") -> None:
    """`users add`, and `add-user` (the same command under its old name, left out of the list of commands)."""
    users = sub.add_parser("users", help=t("cli_help_users", lang), description=t("cli_help_users", lang))
    commands = users.add_subparsers(
        dest="users_command", required=True, metavar=t("cli_command_metavar", lang), title=t("cli_commands", lang)
    )
    _add_user_arguments(
        commands.add_parser("add", help=t("cli_help_users_add", lang), description=t("cli_help_users_add", lang)),
        lang,
    )
    _add_user_arguments(sub.add_parser("add-user", description=t("cli_help_add_user", lang)), lang)


def _add_user_arguments(cmd: argparse.ArgumentParser, lang: str) -> None:
    cmd.add_argument("name", help=t("cli_help_users_name", lang))
    cmd.add_argument(
        "--secrets", type=Path, default=DEFAULT_SECRETS, help=t("cli_help_users_secrets", lang, path=DEFAULT_SECRETS)
    )
    cmd.add_argument("--viewer", action="store_true", help=t("cli_help_users_viewer", lang))
    cmd.add_argument("--password-stdin", action="store_true", help=t("cli_help_users_password_stdin", lang))
    # SUPPRESS: without --lang here, `hbeu --lang zh users add ...` keeps the global choice.
    cmd.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=t("cli_help_messages_lang", lang))
    cmd.set_defaults(run=run_add_user)


def run_add_user(args: argparse.Namespace) -> int:
    """Write the account; 0 when written, 2 when the name or password is refused, 1 when the file is not written."""
    lang = getattr(args, "lang", "en")
    if not auth.NAME_PATTERN.fullmatch(args.name):  # before asking for a password
        print(t("cli_users_bad_name", lang, detail=args.name), file=sys.stderr)
        return 2
    password = _read_password(args, lang)
    if password is None:
        return 2
    role = auth.VIEWER if args.viewer else auth.ANALYST
    try:
        replaced = auth.add_user(args.secrets, args.name, password, role)
    except auth.AccountError as exc:
        key, code = REFUSALS[exc.code]
        limits = {"least": auth.MIN_PASSWORD_CHARS, "most": auth.MAX_PASSWORD_CHARS}
        print(t(key, lang, detail=exc.detail, **limits), file=sys.stderr)
        return code
    except OSError as exc:
        print(t("cli_cannot_write", lang, path=args.secrets, why=exc.strerror or exc), file=sys.stderr)
        return 1
    message = "cli_users_replaced" if replaced else "cli_users_added"
    print(t(message, lang, path=args.secrets, role=t(ROLES[role], lang), name=args.name))
    return 0


def _read_password(args: argparse.Namespace, lang: str) -> str | None:
    """The password: the first line of stdin with --password-stdin, else typed twice without echo."""
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line:
            print(t("cli_users_no_password", lang), file=sys.stderr)
            return None
        return line.rstrip("\r\n")
    first = getpass.getpass(t("cli_users_prompt", lang, name=args.name))
    if getpass.getpass(t("cli_users_again", lang)) != first:
        print(t("cli_users_mismatch", lang), file=sys.stderr)
        return None
    return first
