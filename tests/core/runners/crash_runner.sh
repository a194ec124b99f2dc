#!/bin/sh
# Fake runner that dies from a signal on its first request, after a word on stderr.
read -r line
echo "fake runner: about to crash" >&2
kill -SEGV $$
