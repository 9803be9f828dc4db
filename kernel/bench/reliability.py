"""Reliability and start-up time of the "Java (ecgkit)" kernel, measured through a real Jupyter client.

    /usr/bin/python3 kernel/bench/reliability.py [--cycles 100] [--notebook-runs 20] [--kernel ecgkit] [NOTEBOOK ...]

1. `--cycles` times: start the kernel, wait for its kernel_info reply, execute `1 + 1`, ping the heartbeat channel,
   send kernel_info on the control channel, ask for shutdown and wait for the process to exit by itself.
   Counts failures (a step that fails or times out), dead channels (heartbeat or control not answering) and kernels
   that had to be killed; reports start-to-kernel_info and start-to-first-result times (median, p95, max).
2. `--notebook-runs` times: `jupyter nbconvert --execute` of each notebook (default: the kernel's smoke test
   notebook); a run fails if nbconvert fails or the executed notebook holds an error output.

Kernelspec lookup follows Jupyter's rules (JUPYTER_DATA_DIR first): kernel/bench/reliability.sh installs one first.
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import zmq
from jupyter_client.manager import KernelManager

STEP_TIMEOUT = 30
EXIT_TIMEOUT = 10
HEARTBEAT_TIMEOUT = 2
DEFAULT_NOTEBOOK = pathlib.Path(__file__).resolve().parent.parent / "src" / "test" / "notebooks" / "smoke.ipynb"


class CycleFailure(Exception):
    def __init__(self, step, detail, dead_channel=False):
        super().__init__(f"{step}: {detail}")
        self.dead_channel = dead_channel


def await_reply(get_msg, msg_id, step, dead_channel=False):
    """The reply to msg_id from one channel (get_msg: the client's get_shell_msg or get_control_msg)."""
    deadline = time.monotonic() + STEP_TIMEOUT
    while time.monotonic() < deadline:
        try:
            msg = get_msg(timeout=max(0.01, deadline - time.monotonic()))
        except Exception:
            break
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg
    raise CycleFailure(step, f"no reply within {STEP_TIMEOUT} s", dead_channel)


def ping_heartbeat(km):
    socket = km.context.socket(zmq.REQ)
    socket.linger = 0
    try:
        socket.connect(f"{km.transport}://{km.ip}:{km.hb_port}")
        socket.send(b"ping")
        if not socket.poll(HEARTBEAT_TIMEOUT * 1000):
            raise CycleFailure("heartbeat", f"no echo within {HEARTBEAT_TIMEOUT} s", dead_channel=True)
        if socket.recv() != b"ping":
            raise CycleFailure("heartbeat", "echo differs", dead_channel=True)
    finally:
        socket.close()


def control_kernel_info(kc):
    msg = kc.session.msg("kernel_info_request")
    kc.control_channel.send(msg)
    await_reply(kc.get_control_msg, msg["header"]["msg_id"], "control: kernel_info", dead_channel=True)


def cycle(kernel_name):
    """One start/execute/shutdown cycle; returns (seconds to kernel_info reply, seconds to first result, killed)."""
    km = KernelManager(kernel_name=kernel_name)
    start = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    killed = False
    try:
        # kernel_info is re-sent until answered, as Jupyter frontends do while a kernel starts
        info_time = None
        deadline = start + STEP_TIMEOUT
        while info_time is None and time.monotonic() < deadline:
            msg_id = kc.kernel_info()
            try:
                while True:
                    msg = kc.get_shell_msg(timeout=0.25)
                    if msg["parent_header"].get("msg_id") == msg_id:
                        info_time = time.monotonic() - start
                        break
            except Exception:
                pass
        if info_time is None:
            raise CycleFailure("kernel_info", f"no reply within {STEP_TIMEOUT} s", dead_channel=True)

        msg_id = kc.execute("1 + 1")
        reply = await_reply(kc.get_shell_msg, msg_id, "execute")
        result_time = time.monotonic() - start
        if reply["content"]["status"] != "ok":
            raise CycleFailure("execute", f"status {reply['content']['status']}: {reply['content']}")
        result = None
        deadline = time.monotonic() + STEP_TIMEOUT
        while result is None and time.monotonic() < deadline:
            msg = kc.get_iopub_msg(timeout=STEP_TIMEOUT)
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "execute_result":
                result = msg["content"]["data"]["text/plain"]
        if result != "2":
            raise CycleFailure("execute", f"result {result!r} instead of '2'")

        ping_heartbeat(km)
        control_kernel_info(kc)

        process = km.provisioner.process
        reply = kc.shutdown(reply=True, timeout=STEP_TIMEOUT)
        if reply["content"].get("status") != "ok":
            raise CycleFailure("shutdown", f"reply {reply['content']}")
        deadline = time.monotonic() + EXIT_TIMEOUT
        while process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        if process.poll() is None:
            killed = True
            raise CycleFailure("shutdown", f"process still running {EXIT_TIMEOUT} s after the shutdown reply")
        if process.poll() != 0:
            raise CycleFailure("shutdown", f"exit status {process.poll()}")
        return info_time, result_time, killed
    finally:
        kc.stop_channels()
        if km.has_kernel and km.is_alive():
            killed = True
            km.shutdown_kernel(now=True)
        km.cleanup_resources()


def run_notebook(notebook, kernel_name, workdir):
    output = pathlib.Path(workdir) / notebook.name
    start = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-m", "jupyter", "nbconvert", "--to", "notebook", "--execute",
         f"--ExecutePreprocessor.kernel_name={kernel_name}", "--ExecutePreprocessor.timeout=600",
         "--output", str(output), str(notebook)],
        capture_output=True, text=True)
    seconds = time.monotonic() - start
    if completed.returncode != 0:
        return seconds, f"nbconvert exit status {completed.returncode}: {completed.stderr.strip()[-500:]}"
    cells = json.loads(output.read_text())["cells"]
    errors = [o for c in cells if c["cell_type"] == "code" for o in c.get("outputs", []) if o["output_type"] == "error"]
    return seconds, (f"error output: {errors[0]['ename']}: {errors[0]['evalue']}" if errors else None)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summary(name, values):
    return (f"{name}: median {statistics.median(values):.2f} s, p95 {percentile(values, 0.95):.2f} s, "
            f"min {min(values):.2f} s, max {max(values):.2f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cycles", type=int, default=100)
    parser.add_argument("--notebook-runs", type=int, default=20)
    parser.add_argument("--kernel", default="ecgkit")
    parser.add_argument("notebooks", nargs="*", type=pathlib.Path, default=[DEFAULT_NOTEBOOK])
    args = parser.parse_args()

    load_before = os.getloadavg()[0]
    info_times, result_times, failures, dead, killed = [], [], [], 0, 0
    for i in range(args.cycles):
        try:
            info_time, result_time, was_killed = cycle(args.kernel)
            info_times.append(info_time)
            result_times.append(result_time)
            killed += was_killed
        except CycleFailure as e:
            failures.append(f"cycle {i + 1}: {e}")
            dead += e.dead_channel
            killed += "still running" in str(e)
        except Exception as e:  # a client-side error is a failed cycle too
            failures.append(f"cycle {i + 1}: {type(e).__name__}: {e}")
        print(f"\rcycles: {i + 1}/{args.cycles}, failures {len(failures)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    # the machine is shared: start-up times mean little without the load they were measured under
    print(f"Kernel '{args.kernel}', {os.cpu_count()} CPUs, load average {load_before:.1f} at the start, "
          f"{os.getloadavg()[0]:.1f} after the cycles")
    if args.cycles:
        print(f"Start/kernel_info/execute/heartbeat/control/shutdown cycles: {args.cycles}, "
              f"failures {len(failures)}, dead channels {dead}, kernels killed {killed}")
        for failure in failures:
            print("  " + failure)
        if info_times:
            print("  " + summary("start to kernel_info reply", info_times))
            print("  " + summary("start to first result (1 + 1)", result_times))

    notebook_failures = 0
    with tempfile.TemporaryDirectory() as workdir:
        for notebook in args.notebooks if args.notebook_runs else []:
            seconds, failed = [], 0
            for i in range(args.notebook_runs):
                took, problem = run_notebook(notebook, args.kernel, workdir)
                seconds.append(took)
                if problem:
                    failed += 1
                    print(f"  {notebook.name} run {i + 1}: {problem}")
                print(f"\r{notebook.name}: {i + 1}/{args.notebook_runs}", end="", file=sys.stderr, flush=True)
            print(file=sys.stderr)
            print(f"Headless runs of {notebook.name} (jupyter nbconvert --execute): {args.notebook_runs}, "
                  f"failures {failed}")
            print("  " + summary("run time", seconds))
            notebook_failures += failed
    return 1 if failures or notebook_failures else 0


if __name__ == "__main__":
    sys.exit(main())
