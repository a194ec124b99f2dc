#!/bin/sh
# A fake maple agent that says hello (protocol $2, default 1) and then misbehaves as $1 says:
# garbage (a line that is not JSON), exit (dies, status 7), hang (never answers), long (a line
# far beyond the reply limit), wrong (answers another op), badhost (a detection lacking fields),
# noparanoid (a probe from a host whose perf_event_paranoid cannot be read: null on the wire),
# hellohost (sends its detection with the hello, then names the first request it gets).
read -r hello
if [ "$1" = hellohost ]; then
  echo '{"op":"hello","protocol":1,"maple":"maple fake","hostname":"fake-board","host":{"hostname":"fake-board",'\
'"kernel":"Linux 6.1 aarch64","cpu_model":"Cortex-A72","vendor":"ARM","microarchitecture":"cortex-a72",'\
'"logical_cpus":4,"physical_cores":4,"l1d_kb":32,"l2_kb":1024,"l3_kb":null,"memory_gb":4,"base_mhz":null,'\
'"max_mhz":1500,"gpus":[]}}'
else
  echo "{\"op\":\"hello\",\"protocol\":${2:-1},\"maple\":\"maple fake\",\"hostname\":\"fake\"}"
fi
read -r request
case $1 in
hellohost) echo '{"op":"error","kind":"bad_input","error":"first request: '"$(echo "$request" | tr -d '"')"'"}' ;;
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
