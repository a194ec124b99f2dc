#!/bin/sh
# A fake maple agent that says hello (protocol $2, default 1) and then misbehaves as $1 says:
# garbage (a line that is not JSON), exit (dies, status 7), hang (never answers), long (a line
# far beyond the reply limit), wrong (answers another op), badhost (a detection lacking fields),
# noparanoid (a probe from a host whose perf_event_paranoid cannot be read: null on the wire).
read -r hello
echo "{\"op\":\"hello\",\"protocol\":${2:-1},\"maple\":\"maple fake\",\"hostname\":\"fake\"}"
read -r request
case $1 in
garbage) echo 'Welcome to Ubuntu 22.04 LTS' ;;
exit) echo "agent: giving up" >&2; exit 7 ;;
hang) exec sleep 300 ;;
long) head -c 70000000 /dev/zero | tr '\0' x ;;
wrong) echo '{"op":"probed","counting":{}}' ;;
badhost) echo '{"op":"detected","host":{"hostname":"fake","kernel":"6.1"}}' ;;
noparanoid) echo '{"op":"probed","counting":{"perf_event_paranoid":null,"privileged":false,"scope":"user",'\
'"hardware_pmu":false,"hardware_pmu_note":"no /sys/bus/event_source/devices/cpu","kernel_event_sources":["software"],'\
'"libpfm4_api":"4.13","pmus":[],"events":[]}}' ;;
esac
sleep 1
