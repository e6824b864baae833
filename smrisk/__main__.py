"""``python -m smrisk`` runs the command line."""

from .cli import main

main()
