"""python -m hbeu_dash.cluster [--replicas N] [--port P] [--store postgres|csv]: the dashboard on N replicas behind
nginx on 127.0.0.1 until Ctrl-C; `--print-nginx BACKEND...` prints the proxy configuration for a deployment."""

import argparse
import signal
import sys
import tempfile
from pathlib import Path

from hbeu_dash.cluster.launch import ClusterError, cluster, mask_secrets, render_nginx
from hbeu_dash.cluster.postgres import PostgresError

TEXTS = {
    "zh": {
        "starting": "正在启动：{store}，{replicas} 个副本，nginx …",
        "up": "已就绪。浏览器请打开 {url}",
        "replica": "  副本 {name}：{url}（直连，不经代理）",
        "store_pg": "  PostgreSQL：{url}（密码见 {credentials} 中的“app”，仅本用户可读）",
        "store_csv": "  CSV 数据文件夹：{folder}",
        "logs": "  日志：{workdir}",
        "stop_hint": "按 Ctrl-C 停止全部进程。",
        "stopping": "正在停止 nginx、副本和数据库 …",
        "stopped": "已全部停止。",
        "failed": "启动失败：{why}",
    },
    "en": {
        "starting": "starting: {store}, {replicas} replica(s), nginx ...",
        "up": "ready. Open {url} in a browser",
        "replica": "  replica {name}: {url} (direct, not through the proxy)",
        "store_pg": '  PostgreSQL: {url} (password: "app" in {credentials}, readable only by you)',
        "store_csv": "  CSV data folder: {folder}",
        "logs": "  logs: {workdir}",
        "stop_hint": "Ctrl-C stops everything.",
        "stopping": "stopping nginx, the replicas and the database ...",
        "stopped": "all stopped.",
        "failed": "could not start: {why}",
    },
}


def build_parser() -> argparse.ArgumentParser:
    """The command's options."""
    parser = argparse.ArgumentParser(prog="python -m hbeu_dash.cluster", description=__doc__)
    parser.add_argument("--replicas", type=_positive, default=2, help="Streamlit replicas (default 2)")
    parser.add_argument("--port", type=int, default=8500, help="the proxy's port on 127.0.0.1 (default 8500)")
    parser.add_argument("--store", choices=("postgres", "csv"), default="postgres", help="default postgres")
    parser.add_argument("--workdir", type=Path, help="logs and the proxy's files (default: a new temporary folder)")
    parser.add_argument("--lang", choices=("zh", "en"), default="en")
    parser.add_argument(
        "--print-nginx",
        nargs="+",
        metavar="BACKEND",
        help="print deploy/nginx.conf.template rendered for these replicas (host:port ...) and exit",
    )
    parser.add_argument("--listen", default="80", help="with --print-nginx: where nginx listens (default 80)")
    parser.add_argument(
        "--run-dir",
        type=Path,
        default=Path("/var/lib/hbeu-dash/nginx"),
        help="with --print-nginx: the proxy's pid, log and temporary folder",
    )
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _stop_on_signals() -> None:
    """Ctrl-C or SIGTERM (systemd, kill) ends the run once: the `with` block then stops every child, and a second
    Ctrl-C cannot interrupt that (a PostgreSQL left running is no child of ours: it would outlive us)."""

    def _stop(signum: int, frame: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)


def run(args: argparse.Namespace) -> int:
    """Start the cluster, print its addresses, wait for Ctrl-C (or SIGTERM), stop it."""
    texts = TEXTS[args.lang]
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="hbeu-cluster-"))
    _stop_on_signals()
    print(texts["starting"].format(store=args.store, replicas=args.replicas), flush=True)
    try:
        with cluster(args.replicas, store=args.store, workdir=workdir, proxy_port=args.port) as running:
            print(texts["up"].format(url=running.url))
            for replica in running.replicas:
                print(texts["replica"].format(name=replica.name, url=replica.url))
            if running.store_url:  # never the password: the console is copied into tickets and chats
                print(texts["store_pg"].format(url=running.store_url_masked, credentials=running.store_credentials))
            else:
                print(texts["store_csv"].format(folder=running.data_dir))
            print(texts["logs"].format(workdir=workdir))
            print(texts["stop_hint"], flush=True)
            try:
                while True:
                    signal.pause()
            except KeyboardInterrupt:
                print("\n" + texts["stopping"], flush=True)
    except KeyboardInterrupt:  # Ctrl-C while starting: the with block has stopped what had started
        print("\n" + texts["stopping"], flush=True)
    except (ClusterError, PostgresError) as exc:
        print(texts["failed"].format(why=mask_secrets(str(exc))), file=sys.stderr)
        return 1
    print(texts["stopped"])
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    args = build_parser().parse_args(argv)
    if args.print_nginx:
        sys.stdout.write(render_nginx(args.print_nginx, args.listen, args.run_dir))
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
