#!/bin/sh
# Fake runner that starts a child in a session of its own (setsid), writes "its pid, the child's
# pid" to $1 once it has a request, then per $2: hang (never answers), exit (quits with status 3,
# orphaning the child) or answer (answers once, then hangs).
pidfile=$1
read -r line
setsid sleep 300 &
echo "$$ $!" > "$pidfile.tmp" && mv "$pidfile.tmp" "$pidfile"
case $2 in
exit) exit 3 ;;
answer) echo '{"latencies_ms":[1,1,1],"runtime":"fake","runtime_version":"1"}' ;;
esac
sleep 300
