#!/bin/sh
# Fake runner that answers every request with the reply given as its first argument.
while read -r line; do
  echo "$1"
done
