"""The `add-user` command: prompt for a password and write its argon2id hash into .streamlit/secrets.toml."""

import argparse
import getpass
import sys
from pathlib import Path

from hbeu_dash import auth
from hbeu_dash.paths import ROOT

DEFAULT_SECRETS = ROOT / ".streamlit" / "secrets.toml"

# What the command prints, per language (--lang).
TEXTS = {
    "zh": {
        "prompt": "{name} 的密码：",
        "again": "再输入一次：",
        "mismatch": "两次输入的密码不一致；未写入任何内容",
        "no_password": "标准输入中没有密码",
        "bad_name": "用户名 {detail!r} 无效：只能用小写字母、数字和 _ . -，以字母或数字开头，最多 64 个字符",
        "short_password": f"密码太短：至少 {auth.MIN_PASSWORD_CHARS} 个字符",
        "long_password": f"密码太长：最多 {auth.MAX_PASSWORD_CHARS} 个字符",
        "bad_toml": "无法读取 secrets 文件（TOML 有误），未改动：{detail}",
        "not_a_table": "secrets 文件中的 {detail} 不是表，未改动",
        "cannot_write": "无法写入 {path}：{why}",
        "added": "已在 {path} 中添加{role} {name}（argon2id 哈希，文件权限 0600）",
        "replaced": "已在 {path} 中更新{role} {name} 的密码（argon2id 哈希，文件权限 0600）",
        "analyst": "分析员",
        "viewer": "查看账号",
    },
    "en": {
        "prompt": "Password for {name}: ",
        "again": "Again: ",
        "mismatch": "the passwords differ; nothing written",
        "no_password": "no password on standard input",
        "bad_name": "user name {detail!r} is not valid: lower-case letters, digits and _ . -, starting with a letter "
        "or digit, at most 64 characters",
        "short_password": f"password too short: at least {auth.MIN_PASSWORD_CHARS} characters",
        "long_password": f"password too long: at most {auth.MAX_PASSWORD_CHARS} characters",
        "bad_toml": "cannot read the secrets file (invalid TOML); left unchanged: {detail}",
        "not_a_table": "{detail} in the secrets file is not a table; left unchanged",
        "cannot_write": "cannot write {path}: {why}",
        "added": "added {role} {name} to {path} (argon2id hash, file mode 0600)",
        "replaced": "changed the password of {role} {name} in {path} (argon2id hash, file mode 0600)",
        "analyst": "analyst",
        "viewer": "viewer account",
    },
}


def add_add_user_parser(sub: argparse._SubParsersAction) -> None:
    """The `add-user` command's options."""
    cmd = sub.add_parser("add-user", help="add an analyst (or viewer) login to .streamlit/secrets.toml")
    cmd.add_argument("name", help="user name: lower-case letters, digits and _ . - (e.g. wang.li)")
    cmd.add_argument("--secrets", type=Path, default=DEFAULT_SECRETS, help=f"secrets file (default: {DEFAULT_SECRETS})")
    cmd.add_argument("--viewer", action="store_true", help="a login that may only view (for viewers_need_login)")
    cmd.add_argument(
        "--password-stdin", action="store_true", help="read the password from the first line of standard input"
    )
    # SUPPRESS: without --lang here, `python -m hbeu_dash --lang zh add-user ...` keeps the global choice.
    cmd.add_argument("--lang", choices=tuple(TEXTS), default=argparse.SUPPRESS, help="language of the messages")


def run_add_user(args: argparse.Namespace) -> int:
    """Write the account; 0 when written, 2 when the name or password is refused, 1 when the file is not written."""
    texts = TEXTS[getattr(args, "lang", "en")]
    if not auth.NAME_PATTERN.fullmatch(args.name):  # before asking for a password
        print(texts["bad_name"].format(detail=args.name), file=sys.stderr)
        return 2
    password = _read_password(args, texts)
    if password is None:
        return 2
    role = auth.VIEWER if args.viewer else auth.ANALYST
    try:
        replaced = auth.add_user(args.secrets, args.name, password, role)
    except auth.AccountError as exc:
        print(texts[exc.code].format(detail=exc.detail), file=sys.stderr)
        return 2 if exc.code in ("bad_name", "short_password", "long_password") else 1
    except OSError as exc:
        print(texts["cannot_write"].format(path=args.secrets, why=exc.strerror or exc), file=sys.stderr)
        return 1
    message = texts["replaced" if replaced else "added"]
    print(message.format(path=args.secrets, role=texts[role], name=args.name))
    return 0


def _read_password(args: argparse.Namespace, texts: dict[str, str]) -> str | None:
    """The password: the first line of stdin with --password-stdin, else typed twice without echo."""
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line:
            print(texts["no_password"], file=sys.stderr)
            return None
        return line.rstrip("\r\n")
    first = getpass.getpass(texts["prompt"].format(name=args.name))
    if getpass.getpass(texts["again"]) != first:
        print(texts["mismatch"], file=sys.stderr)
        return None
    return first
