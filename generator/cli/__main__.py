"""`python -m generator.cli`: the same as the `lkjip` command."""

from .commands import run

if __name__ == "__main__":
    run()
