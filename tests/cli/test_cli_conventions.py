"""maple's shared conventions: unknown commands, help, --quiet, --json, write errors, and
`maple descriptor` (checked against the data set's own latencies)."""
import csv
import json
import math
import os
import subprocess
import sys
import tempfile
import unittest

MAPLE, DATA = sys.argv.pop(1), sys.argv.pop(1)
if not os.path.isfile(os.path.join(DATA, "nb201_latency_ms.csv")) and "Descriptor" in sys.argv:
    print(f"SKIP: the data set is not at {DATA} (put ../shared beside the checkout)")
    sys.exit(77)


def run(*args, stdout=subprocess.PIPE):
    return subprocess.run([MAPLE, *args], stdout=stdout, stderr=subprocess.PIPE, text=True)


class Conventions(unittest.TestCase):
    def test_unknown_command_names_the_known_ones_and_the_nearest(self):
        r = run("devics")
        self.assertEqual(r.returncode, 1)
        self.assertIn("unknown command 'devics' (did you mean devices?)", r.stderr)
        self.assertIn("import", r.stderr)
        r = run("frobnicate")
        self.assertEqual(r.returncode, 1)
        self.assertNotIn("did you mean", r.stderr)

    def test_help_for_a_command(self):
        r = run("help", "info")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("Usage: maple info", r.stdout)
        self.assertIn("--project", r.stdout)
        self.assertEqual(run("help", "nope").returncode, 1)
        commands = run("help", "--commands").stdout.split()
        self.assertIn("descriptor", commands)
        self.assertNotIn("help", commands)

    def test_help_texts_name_installed_documentation(self):
        for c in run("help", "--commands").stdout.split():
            text = run(c, "--help").stdout
            for source_path in ("docs/", "core/", "runners/", ".hpp"):
                self.assertNotIn(source_path, text.replace("/usr/share/doc/maple/", ""), f"maple {c} --help")

    def test_version_comes_from_the_build(self):
        r = run("--version")
        self.assertRegex(r.stdout.strip(), r"^maple \d+\.\d+\.\d+$")

    def test_json_and_quiet(self):
        with tempfile.TemporaryDirectory() as d:
            r = run("--quiet", "new", "--json", os.path.join(d, "p.maple"))
            self.assertEqual(r.returncode, 0, r.stderr)
            self.assertEqual(json.loads(r.stdout)["created"], os.path.join(d, "p.maple"))
            self.assertEqual(r.stderr, "")

    def test_write_errors_fail_with_a_message(self):
        with open("/dev/full", "w") as full:
            r = run("help", stdout=full)
        self.assertEqual(r.returncode, 2)
        self.assertIn("cannot write the output", r.stderr)
        read, write = os.pipe()
        os.close(read)  # the reader is gone before maple writes
        r = subprocess.run([MAPLE, "help"], stdout=write, stderr=subprocess.PIPE, text=True)
        os.close(write)
        self.assertEqual(r.returncode, 2)
        self.assertIn("pipe", r.stderr)

class Descriptor(unittest.TestCase):
    def test_descriptor_file_holds_the_devices_reference_latencies(self):
        with tempfile.TemporaryDirectory() as d:
            project, out = os.path.join(d, "p.maple"), os.path.join(d, "gold.json")
            self.assertEqual(run("new", project).returncode, 0)
            r = run("--quiet", "import", "--project", project, DATA)
            self.assertEqual(r.returncode, 0, r.stderr)
            r = run("descriptor", "--project", project, "--device", "gold_6226", "--out", out)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(out) as f:
                got = json.load(f)
            with open(os.path.join(DATA, "nb201_latency_ms.csv")) as f:
                table = {int(row["idx"]): float(row["gold_6226"]) for row in csv.DictReader(f)}
            self.assertEqual(got["maple_descriptor"], 1)
            self.assertEqual(got["kind"], "reference-latency")
            self.assertEqual(len(got["names"]), 10)
            for name, value in zip(got["names"], got["values"]):
                index = int(name[len("ref"):-len("_ln_ms")])
                self.assertAlmostEqual(value, math.log(table[index]), places=9)
            again = run("descriptor", "--project", project, "--device", "gold_6226", "--out", out)
            self.assertEqual(again.returncode, 1)  # never replaces a file unasked
            self.assertIn("--force", again.stderr)
            missing = run("descriptor", "--project", project, "--device", "nosuch", "--out", out + "2")
            self.assertNotEqual(missing.returncode, 0)
            self.assertIn("nosuch", missing.stderr)
            self.assertFalse(os.path.exists(out + "2"))


if __name__ == "__main__":
    unittest.main()
