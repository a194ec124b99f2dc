#!/bin/sh
# Fake runner that answers its first request (for 5 runs) well, then quits with status 1.
read -r line
echo '{"latencies_ms":[2,2,2,2,2],"runtime":"fake","runtime_version":"1"}'
read -r line
echo "fake runner: giving up" >&2
exit 1
