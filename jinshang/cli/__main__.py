"""`python -m jinshang.cli …` is the `jinshang` command, for a checkout that is not pip-installed."""
from jinshang.cli import main

if __name__ == "__main__":
    main()
