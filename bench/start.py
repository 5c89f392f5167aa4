"""Group 1, server start: time from `streamlit run` to the first 200 of /_stcore/health, app beside floor."""

from pathlib import Path

from bench.common import Settings, median, ms, row, streamlit_server


def time_starts(app: Path, repeats: int, timeout: float) -> tuple[list[float], list[str]]:
    """Start and kill the server `repeats` times; return the start times in ms and any errors."""
    times, errors = [], []
    for i in range(repeats):
        try:
            with streamlit_server(app, timeout=timeout, tag=f"start{i}") as server:
                times.append(ms(server.started_in))
        except (OSError, RuntimeError, TimeoutError) as exc:
            errors.append(f"{app.name} start {i}: {exc}")
    return times, errors


def run(settings: Settings) -> dict:
    """Median start time of the app and of the floor app, started alternately so drift hits both."""
    app_times, floor_times, errors = [], [], []
    for _ in range(settings.repeats):
        for app, bucket in ((settings.floor, floor_times), (settings.app, app_times)):
            times, errs = time_starts(app, 1, settings.timeout)
            bucket += times
            errors += errs
    floor = median(floor_times)
    rows = [
        row("start", "server start: floor app", floor, n=len(floor_times)),
        row("start", "server start: app", median(app_times), floor=floor, n=len(app_times)),
    ]
    return {"rows": rows, "samples": {"app_ms": app_times, "floor_ms": floor_times}, "errors": errors}
