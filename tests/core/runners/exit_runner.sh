#!/bin/sh
# Fake runner that quits with status 3 before answering.
read -r line
exit 3
