#!/bin/sh
# A fake maple agent that says hello (protocol $2, default 2) and then misbehaves as $1 says:
# garbage (a line that is not JSON), exit (dies, status 7), hang (never answers), long (a line
# far beyond the reply limit), wrong (answers another op), badhost (a detection lacking fields),
# noparanoid (a probe from a host whose perf_event_paranoid cannot be read: null on the wire),
# hellohost (sends its detection with the hello, then names the first request it gets); with
# that hello too, samplesgarbage (a capture's readings with a count that is not one) and
# sampleslong (a line of readings far beyond the limit of one, yet well under the reply limit);
# badprogress (a measurement's progress whose run count is not a number).
read -r hello
if [ "$1" = hellohost ] || [ "$1" = samplesgarbage ] || [ "$1" = sampleslong ]; then
  echo '{"op":"hello","protocol":2,"maple":"maple fake","hostname":"fake-board","host":{"hostname":"fake-board",'\
'"kernel":"Linux 6.1 aarch64","cpu_model":"Cortex-A72","vendor":"ARM","microarchitecture":"cortex-a72",'\
'"logical_cpus":4,"physical_cores":4,"l1d_kb":32,"l2_kb":1024,"l3_kb":null,"memory_gb":4,"base_mhz":null,'\
'"max_mhz":1500,"gpus":[]}}'
else
  echo "{\"op\":\"hello\",\"protocol\":${2:-2},\"maple\":\"maple fake\",\"hostname\":\"fake\"}"
fi
read -r request
case $1 in
hellohost) echo '{"op":"error","kind":"bad_input","error":"first request: '"$(echo "$request" | tr -d '"')"'"}' ;;
garbage) echo 'Welcome to Ubuntu 22.04 LTS' ;;
exit) echo "agent: giving up" >&2; exit 7 ;;
hang) exec sleep 300 ;;
long) head -c 70000000 /dev/zero | tr '\0' x ;;
wrong) echo '{"op":"probed","counting":{}}' ;;
badprogress) echo '{"op":"progress","runs_done":"some","max_runs":10,"median_ms":1.5}' ;;
badhost) echo '{"op":"detected","host":{"hostname":"fake","kernel":"6.1"}}' ;;
noparanoid) echo '{"op":"probed","counting":{"perf_event_paranoid":null,"privileged":false,"scope":"user",'\
'"hardware_pmu":false,"hardware_pmu_note":"no /sys/bus/event_source/devices/cpu","kernel_event_sources":["software"],'\
'"libpfm4_api":"4.13","pmus":[],"events":[]}}' ;;
samplesgarbage) echo '{"op":"samples","samples":[{"t_ms":50,"event":"task-clock","raw":"lots","enabled_ns":1,'\
'"running_ns":1,"value":1,"scale":1}]}' ;;
sampleslong) printf '{"op":"samples","samples":[{"t_ms":50,"event":"'; head -c 300000 /dev/zero | tr '\0' x
  echo '","raw":1,"enabled_ns":1,"running_ns":1,"value":1,"scale":1}]}' ;;
esac
sleep 1
