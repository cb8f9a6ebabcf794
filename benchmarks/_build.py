"""One MkDocs build in this process, measured: prints {"wall", "cpu", "rss_mb"} as JSON.

Usage: python benchmarks/_build.py CONFIG_FILE SITE_DIR   (run by benchmarks/bench.py)
"""

import json
import os
import resource
import sys
import time

from mkdocs.commands.build import build
from mkdocs.config import load_config

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
wall, cpu = time.perf_counter(), time.process_time()
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2])
config.plugins.on_startup(command="build", dirty=False)
try:
    build(config)
finally:
    config.plugins.on_shutdown()
print(
    json.dumps(
        {
            "wall": time.perf_counter() - wall,
            "cpu": time.process_time() - cpu,
            "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        }
    )
)
