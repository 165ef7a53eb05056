"""Entry point for the app: a thin shell over `ragbot.pipeline`.

The Gradio chat UI is built in a later issue. Until it lands, `python app.py [PATHS...]`
ingests the default corpus (or the given paths) and prints the summary, exactly as
`ragbot ingest` does.
"""

import sys

from ragbot.cli import main

if __name__ == "__main__":
    sys.exit(main(["ingest", *sys.argv[1:]]))
