"""One module per `communique` subcommand; each has `register(commands)` and a `*_cli` runner.

`communique.cli` only wires them: the work is done by plain functions in
`communique.store`, `communique.analytics`, `communique.plots` and `communique.api`.
"""
