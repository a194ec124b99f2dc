#!/bin/sh
# Fake runner that answers with text that is not JSON.
read -r line
echo "Loading model... done"
