#!/usr/bin/env python3
"""Where the wall time of one remote run goes: runs `maple measure --json` through an ssh launcher
to THIS machine under strace (the local maple only, so its children run at full speed), with the
remote command wrapped to note when the agent is exec'd, and prints the phases from the
timestamps of maple's writes and reads on the launcher's pipes. Same machine, same clock.

  remote_timeline.py MAPLE PROJECT ARCHS_FILE 'SSH_PREFIX' [REPEATS=20] [RUNS=3]

SSH_PREFIX is the launcher without its command, e.g. 'ssh -p 2222 -i KEY -o BatchMode=yes
127.0.0.1' (any sshd on this machine; tests/remote/sshd_fixture.hpp shows a throwaway one). Needs
strace. docs/benchmarks.md has the figures.
"""
import os, re, shlex, subprocess, sys, tempfile


def seconds(stamp):  # strace -tt: HH:MM:SS.micro
    h, m, s = stamp.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def phases(trace, agent_exec):
    events = []
    for line in open(trace):
        m = re.match(r"(\d\d:\d\d:\d\d\.\d+) (.*)", line)
        if m:
            events.append((seconds(m.group(1)), m.group(2)))
    start, end = events[0][0], events[-1][0]
    hello = next(e for e in events if e[1].startswith("write(") and '\\"op\\":\\"hello\\"' in e[1])
    pipe = re.match(r"write\((\d+),", hello[1]).group(1)
    def replies(op):
        return [t for t, s in events if s.startswith("read(") and '\\"op\\":\\"%s\\"' % op in s]
    def requests(op):
        return [t for t, s in events if s.startswith("write(%s," % pipe) and '\\"op\\":\\"%s\\"' % op in s]
    hello_reply = replies("hello")[0]
    measures, measured = requests("measure"), replies("measured")
    detect = requests("detect")
    day = agent_exec % 86400  # strace prints UTC time of day
    return [
        ("maple start to hello sent", hello[0] - start),
        ("ssh login and the remote login shell, to the agent's exec", day - hello[0]),
        ("agent start to its hello reply", hello_reply - day),
        ("detect round trip", replies("detected")[0] - detect[0] if detect else 0.0),
        ("hello reply to the first measure request", measures[0] - (replies("detected") or [hello_reply])[0]),
        ("measure round trips (%d)" % len(measured), sum(b - a for a, b in zip(measures, measured))),
        ("between samples: storing each", sum(b - a for a, b in zip(measured, measures[1:]))),
        ("last reply to exit: ending the launcher, output", end - measured[-1]),
        ("total", end - start),
    ]


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    maple, project, archs, prefix = sys.argv[1:5]
    repeats = sys.argv[5] if len(sys.argv) > 5 else "20"
    runs = int(sys.argv[6]) if len(sys.argv) > 6 else 3
    work = tempfile.mkdtemp(prefix="remote_timeline-")
    mark = os.path.join(work, "agent_exec")
    remote = "date +%%s.%%N > %s; exec %s agent" % (shlex.quote(mark), shlex.quote(maple))
    launcher = prefix + " " + shlex.quote(remote)
    rows = []
    for run in range(runs):
        trace = os.path.join(work, "trace%d" % run)
        subprocess.run(["strace", "-tt", "-s", "100000", "-e", "trace=write,read", "-e", "signal=none", "-o", trace,
                        maple, "measure", "--project", project, "--device", "timeline", "--engine", "cpu",
                        "--archs-file", archs, "--repeats", repeats, "--warmup", "5", "--json",
                        "--remote", launcher], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        rows.append(phases(trace, float(open(mark).read())))
    print("seconds per phase, runs 1..%d (strace on the local maple; load average %s)"
          % (runs, " ".join(open("/proc/loadavg").read().split()[:3])))
    for i, (name, _) in enumerate(rows[0]):
        print("  %-58s %s" % (name, "  ".join("%6.3f" % r[i][1] for r in rows)))


if __name__ == "__main__":
    main()
