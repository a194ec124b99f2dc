#!/bin/sh
# Fake runner that reads a request and never answers.
read -r line
exec sleep 60
