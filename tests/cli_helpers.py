"""Running a `communique` command in the test's own process, for the CLI tests."""

from __future__ import annotations

import contextlib
import io

from communique.cli import parse


def run_cli(argv: list[str], stdin: str = "") -> tuple[int, str, str]:
    """The exit code, standard output and standard error of `communique ARGV`."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err):
        args = parse(argv)
        code = args.run(args, stdin=io.StringIO(stdin), stdout=out)
    return int(code), out.getvalue(), err.getvalue()
