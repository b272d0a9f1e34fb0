"""`python -m pipeline.cli` runs the command line (handy from a source checkout)."""

from pipeline.cli import main

main()
