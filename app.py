"""The app's entry point: `ragbot serve` under another name (the server is ragbot/serve.py, the UI ragbot/ui.py).

    python app.py [--host 127.0.0.1] [--port 7860] [--index DIR] [--auth USER:PASS]

is the same as `ragbot serve …`: it serves the chat UI on http://127.0.0.1:7860 over the index
that `ragbot ingest` (or `make run`) built.
"""

import sys

from ragbot.cli import main

if __name__ == "__main__":
    sys.exit(main(["serve", *sys.argv[1:]]))
