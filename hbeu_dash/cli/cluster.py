"""`hbeu cluster [--replicas N] [--port P] [--store postgres|csv]`: the dashboard on N replicas behind nginx on
127.0.0.1 until Ctrl-C; `--print-nginx BACKEND...` prints the proxy configuration for a deployment."""

import argparse
import signal
import sys
import tempfile
from pathlib import Path

from hbeu_dash.i18n import LANGS, t


def add_parsers(sub: argparse._SubParsersAction, lang: str = "en") -> None:
    """The `cluster` command's options."""

    def positive(text: str) -> int:
        value = int(text)
        if value < 1:
            raise argparse.ArgumentTypeError(t("cli_cluster_at_least_one", lang))
        return value

    cmd = sub.add_parser("cluster", help=t("cli_help_cluster", lang), description=t("cli_help_cluster", lang))
    cmd.add_argument("--replicas", type=positive, default=2, help=t("cli_help_cluster_replicas", lang))
    cmd.add_argument("--port", type=int, default=8500, help=t("cli_help_cluster_port", lang))
    cmd.add_argument("--store", choices=("postgres", "csv"), default="postgres", help=t("cli_help_cluster_store", lang))
    cmd.add_argument("--workdir", type=Path, help=t("cli_help_cluster_workdir", lang))
    # SUPPRESS: without --lang here, `hbeu --lang zh cluster ...` keeps the global choice.
    cmd.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS, help=t("cli_help_messages_lang", lang))
    cmd.add_argument("--print-nginx", nargs="+", metavar="BACKEND", help=t("cli_help_cluster_print_nginx", lang))
    cmd.add_argument("--listen", default="80", help=t("cli_help_cluster_listen", lang))
    cmd.add_argument(
        "--run-dir", type=Path, default=Path("/var/lib/hbeu-dash/nginx"), help=t("cli_help_cluster_run_dir", lang)
    )
    cmd.set_defaults(run=run_cluster)


def _stop_on_signals() -> None:
    """Ctrl-C or SIGTERM (systemd, kill) ends the run once: the `with` block then stops every child, and a second
    Ctrl-C cannot interrupt that (a PostgreSQL left running is no child of ours: it would outlive us)."""

    def _stop(signum: int, frame: object) -> None:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise KeyboardInterrupt

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)


def run_cluster(args: argparse.Namespace) -> int:
    """With --print-nginx, print the proxy's configuration; else start the cluster, print its addresses, wait for
    Ctrl-C (or SIGTERM), stop it."""
    from hbeu_dash.cluster.launch import ClusterError, cluster, mask_secrets, render_nginx
    from hbeu_dash.cluster.postgres import PostgresError

    if args.print_nginx:
        sys.stdout.write(render_nginx(args.print_nginx, args.listen, args.run_dir))
        return 0
    lang = args.lang
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="hbeu-cluster-"))
    _stop_on_signals()
    print(t("cli_cluster_starting", lang, store=args.store, replicas=args.replicas), flush=True)
    try:
        with cluster(args.replicas, store=args.store, workdir=workdir, proxy_port=args.port) as running:
            print(t("cli_cluster_up", lang, url=running.url))
            for replica in running.replicas:
                print(t("cli_cluster_replica", lang, name=replica.name, url=replica.url))
            if running.store_url:  # never the password: the console is copied into tickets and chats
                url, credentials = running.store_url_masked, running.store_credentials
                print(t("cli_cluster_store_pg", lang, url=url, credentials=credentials))
            else:
                print(t("cli_cluster_store_csv", lang, folder=running.data_dir))
            print(t("cli_cluster_logs", lang, workdir=workdir))
            print(t("cli_cluster_stop_hint", lang), flush=True)
            try:
                while True:
                    signal.pause()
            except KeyboardInterrupt:
                print("\n" + t("cli_cluster_stopping", lang), flush=True)
    except KeyboardInterrupt:  # Ctrl-C while starting: the with block has stopped what had started
        print("\n" + t("cli_cluster_stopping", lang), flush=True)
    except (ClusterError, PostgresError) as exc:
        print(t("cli_cluster_failed", lang, why=mask_secrets(str(exc))), file=sys.stderr)
        return 1
    print(t("cli_cluster_stopped", lang))
    return 0
